"""Talent pages: the dashboard, the Nine Box grid and its people, the talent card, the
employee's own view (review request and the committee's answer, download of their
record); the committee's queue is in ``views_tinjauan``. Reads go through ``selectors``
(scope and recusal); writes through ``services``."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakat.domain.errors import InputError
from bakat.domain.jenjang import Jenjang
from bakat.domain.ninebox import KOTAK_TALENTA, SEMUA_KOTAK, tata_letak
from bakat.io.report.angka import angka, desimal, persen_dari
from bakat.io.report.model import Batang, GrafikBatang, GrafikKolom, GrafikKotak, Seri
from bakat.io.report.svg import grafik_batang, grafik_kolom, grafik_kotak
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import User
from bakat.web.page_cache import render_tersimpan
from bakat.web.personnel.selectors import identitas, opsi_unit
from bakat.web.talent import selectors
from bakat.web.talent.penjelasan import (
    alasan_penempatan,
    deskripsi_alasan,
    deskripsi_pengecualian,
    nama_kotak,
    sub_skor,
    tindakan_kotak,
)
from bakat.web.talent.rekam import rekam_pegawai
from bakat.web.talent.services import ajukan_tinjauan, catat_pembacaan, catat_unduhan


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _filter(request: HttpRequest) -> selectors.Filter:
    unit = request.GET.get("unit", "")
    jenjang = request.GET.get("jenjang", "")
    return selectors.Filter(
        unit_id=int(unit) if unit.isdigit() else None,
        jenjang=jenjang if jenjang in Jenjang.__members__ else "",
    )


def _halaman(request: HttpRequest) -> int:
    value = request.GET.get("halaman", "1")
    return max(1, int(value)) if value.isdigit() else 1


def _konteks_filter(request: HttpRequest, f: selectors.Filter) -> dict[str, Any]:
    akses = akses_untuk(_user(request))
    query = "&".join(
        part
        for part in (
            f"unit={f.unit_id}" if f.unit_id is not None else "",
            f"jenjang={f.jenjang}" if f.jenjang else "",
        )
        if part
    )
    return {
        "f": f,
        "opsi_unit": opsi_unit(selectors.units_terlihat(akses), f.unit_id),
        "jenjang_pilihan": [j.value for j in Jenjang],
        "query": query,
    }


def _pembaca_talenta(request: HttpRequest) -> None:
    if not akses_untuk(_user(request)).punya(selectors.BACA_TALENTA):
        raise PermissionDenied


@login_required
def dasbor(request: HttpRequest) -> HttpResponse:
    """The head of HR's overview of the placements in scope (an employee without a
    talent role is taken to their own card)."""
    akses = akses_untuk(_user(request))
    if not akses.punya(selectors.BACA_TALENTA):
        if selectors.penempatan_sendiri(akses) is not None:
            return redirect("talenta_saya")
        raise PermissionDenied
    f = _filter(request)
    return render_tersimpan(request, akses, "talent/dasbor.html", lambda: _dasbor(request, f))


def _dasbor(request: HttpRequest, f: selectors.Filter) -> dict[str, Any]:
    akses = akses_untuk(_user(request))
    r = selectors.ringkasan(akses, f)
    alasan = sorted(r.per_alasan.items(), key=lambda item: -item[1])
    konteks: dict[str, Any] = {
        "r": r,
        "cakupan": _("%(n)s dari %(total)s pegawai terpetakan (%(persen)s)")
        % {
            "n": angka(r.terpetakan),
            "total": angka(r.jumlah),
            "persen": persen_dari(r.terpetakan, r.jumlah),
        },
        "kelompok": angka(r.kelompok),
        "kandidat_kelompok": angka(r.kandidat_kelompok),
        "indeks": desimal(r.indeks_kualitas, 1) if r.indeks_kualitas is not None else "-",
        "pensiun_total": angka(sum(n for _tahun, n in r.pensiun)),
        "svg_kotak": grafik_kotak(GrafikKotak(tuple(sorted(r.per_kotak.items())), r.terpetakan)),
        "svg_alasan": grafik_batang(
            GrafikBatang(
                "Tidak terpetakan per alasan",
                "Not placed, by reason",
                tuple(Batang(deskripsi_alasan(k), float(n), angka(n)) for k, n in alasan),
            )
        ),
        "svg_pensiun": grafik_kolom(
            GrafikKolom(
                "Pensiun per tahun (BUP)",
                "Retirements per year (BUP)",
                tuple(str(t) for t, _n in r.pensiun),
                (Seri("pensiun", tuple(float(n) for _t, n in r.pensiun)),),
            )
        ),
        "suksesi": selectors.risiko_suksesi(akses, f),
        "navigasi": True,
    }
    konteks.update(_konteks_filter(request, f))
    return konteks


@login_required
def kotak(request: HttpRequest) -> HttpResponse:
    """The Nine Box grid of the placements in scope, in the regulation's layout."""
    _pembaca_talenta(request)
    f = _filter(request)
    akses = akses_untuk(_user(request))
    return render_tersimpan(request, akses, "talent/kotak.html", lambda: _kotak(request, f))


def _kotak(request: HttpRequest, f: selectors.Filter) -> dict[str, Any]:
    r = selectors.ringkasan(akses_untuk(_user(request)), f, lengkap=False)
    baris = [
        [
            {
                "nomor": n,
                "jumlah": angka(r.per_kotak.get(n, 0)),
                "persen": persen_dari(r.per_kotak.get(n, 0), r.terpetakan),
                "label": nama_kotak(n),
                "talenta": n in KOTAK_TALENTA,
            }
            for n in row
        ]
        for row in tata_letak()
    ]
    konteks: dict[str, Any] = {
        "r": r,
        "baris": baris,
        "label_kinerja": [
            _("Kinerja di atas ekspektasi"),
            _("Kinerja sesuai ekspektasi"),
            _("Kinerja di bawah ekspektasi"),
        ],
        "label_potensi": [_("Potensial rendah"), _("Potensial menengah"), _("Potensial tinggi")],
        "tindakan": [(n, nama_kotak(n), tindakan_kotak(n)) for n in reversed(SEMUA_KOTAK)],
        "navigasi": True,
    }
    konteks.update(_konteks_filter(request, f))
    return konteks


@login_required
def kotak_orang(request: HttpRequest, nomor: int) -> HttpResponse:
    """The people of one box in scope, paginated (recused cases left out, so the content
    is kept per user)."""
    _pembaca_talenta(request)
    if nomor not in SEMUA_KOTAK:
        raise Http404
    akses = akses_untuk(_user(request))
    return render_tersimpan(
        request,
        akses,
        "talent/kotak_orang.html",
        lambda: _kotak_orang(request, nomor),
        per_pengguna=True,
    )


def _kotak_orang(request: HttpRequest, nomor: int) -> dict[str, Any]:
    user = _user(request)
    f = _filter(request)
    halaman = _halaman(request)
    rows, total = selectors.orang_di_kotak(akses_untuk(user), user, f, nomor, halaman)
    konteks: dict[str, Any] = {
        "nomor": nomor,
        "label": nama_kotak(nomor),
        "tindakan": tindakan_kotak(nomor),
        "rows": rows,
        "total": angka(total),
        "halaman": halaman,
        "ada_berikut": halaman * selectors.HALAMAN < total,
        "navigasi": True,
    }
    konteks.update(_konteks_filter(request, f))
    return konteks


@login_required
def kartu(request: HttpRequest, pk: int) -> HttpResponse:
    """One talent card (404 outside the scope or for a recused case); reading someone
    else's card is audited."""
    user = _user(request)
    akses = akses_untuk(user)
    k = selectors.kartu(akses, user, pk)
    if not k.milik_sendiri:
        catat_pembacaan(actor=user, pegawai=k.pegawai)
    p = k.penempatan
    return render(
        request,
        "talent/kartu.html",
        {
            "k": k,
            "p": k.pegawai,
            "n": p,
            "identitas": identitas(akses, k.pegawai),
            "alasan": alasan_penempatan(p) if p else [],
            "sub_skor": sub_skor(p) if p else [],
            "tindakan": tindakan_kotak(p.kotak) if p and p.kotak else [],
            "nama_kotak": nama_kotak(p.kotak) if p and p.kotak else "",
            "pengecualian": [
                deskripsi_pengecualian(kode) for kode in p.alasan_pengecualian.split(";") if kode
            ]
            if p
            else [],
            "navigasi": akses.punya(selectors.BACA_TALENTA),
            "usulan": list(p.usulan.select_related("sesi").order_by("diusulkan_pada")) if p else [],
            "tinjauan": selectors.tinjauan_pegawai(k.pegawai) if k.milik_sendiri else [],
            "rencana": selectors.rencana_pegawai(k.pegawai),
        },
    )


@login_required
def saya(request: HttpRequest) -> HttpResponse:
    """The signed-in employee's own card."""
    pegawai = selectors.penempatan_sendiri(akses_untuk(_user(request)))
    if pegawai is None:
        raise Http404
    return redirect("talenta_kartu", pk=pegawai.pk)


def _milik_sendiri(request: HttpRequest, pk: int) -> selectors.Kartu:
    user = _user(request)
    k = selectors.kartu(akses_untuk(user), user, pk)
    if not k.milik_sendiri:
        raise Http404
    return k


@login_required
@require_POST
def tinjauan(request: HttpRequest, pk: int) -> HttpResponse:
    """The employee asks the committee to review their own placement."""
    k = _milik_sendiri(request, pk)
    try:
        ajukan_tinjauan(
            actor=_user(request), pegawai=k.pegawai, alasan=request.POST.get("alasan", "")
        )
    except InputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Permintaan tinjauan terkirim ke komite talenta."))
    return redirect("talenta_kartu", pk=pk)


@login_required
@require_POST
def unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """The employee's own record as JSON (UU 27/2022 Pasal 7: access to one's data)."""
    k = _milik_sendiri(request, pk)
    catat_unduhan(actor=_user(request), pegawai=k.pegawai)
    body = json.dumps(rekam_pegawai(k.pegawai), ensure_ascii=False, indent=2, sort_keys=True)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rekam-{k.pegawai.nip}.json"'
    return response
