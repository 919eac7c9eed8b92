"""The committee's pages of review requests: the queue (open requests by default) and
one request with its answer form. Reads go through ``selectors`` (scope and recusal: a
recused member gets 404, as for a request that does not exist); the answer goes through
``services.tanggapi_tinjauan``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bakat.domain.errors import InputError
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import User
from bakat.web.talent import selectors
from bakat.web.talent.kalibrasi import DitolakError
from bakat.web.talent.models import (
    KeputusanTinjauan,
    PermintaanTinjauan,
    SesiKalibrasi,
    StatusTinjauan,
)
from bakat.web.talent.penjelasan import alasan_penempatan, nama_kotak
from bakat.web.talent.recusal import is_recused
from bakat.web.talent.services import catat_pembacaan, tanggapi_tinjauan


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _komite(request: HttpRequest) -> User:
    user = _user(request)
    if not akses_untuk(user).punya(selectors.ANTREAN_TINJAUAN):
        raise PermissionDenied
    return user


@login_required
def antrean(request: HttpRequest) -> HttpResponse:
    """The committee's queue of review requests: open ones unless ``?status=`` asks for
    the answered ones or all."""
    user = _komite(request)
    saringan = request.GET.get("status", "terbuka")
    if saringan not in selectors.SARINGAN_ANTREAN:
        saringan = "terbuka"
    return render(
        request,
        "talent/antrean.html",
        {
            "rows": selectors.antrean_tinjauan(akses_untuk(user), user, saringan),
            "saringan": saringan,
            "pilihan_saringan": [
                ("terbuka", _("Terbuka")),
                ("ditanggapi", _("Ditanggapi")),
                ("semua", _("Semua")),
            ],
            "navigasi": True,
        },
    )


def _konteks(permintaan: PermintaanTinjauan) -> dict[str, Any]:
    n = permintaan.penempatan
    return {
        "t": permintaan,
        "p": permintaan.pegawai,
        "n": n,
        "nama_kotak": nama_kotak(n.kotak) if n and n.kotak else "",
        "alasan_kotak": alasan_penempatan(n) if n else [],
        "terbuka": permintaan.status == StatusTinjauan.DIAJUKAN,
        "pilihan_keputusan": KeputusanTinjauan.choices,
        "sesi_terbuka": selectors.sesi_untuk_tinjauan(permintaan),
        "navigasi": True,
    }


def _sesi_dipilih(permintaan: PermintaanTinjauan, nilai: str) -> SesiKalibrasi | None:
    """The chosen session among those offered for this request (None when none is
    chosen); an id outside them is refused like a session that does not cover the case."""
    if not nilai:
        return None
    for s in selectors.sesi_untuk_tinjauan(permintaan):
        if str(s.pk) == nilai:
            return s
    raise InputError(
        "sesi harus dibuka dan mencakup pegawai ini / the session must be open and cover the person"
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One review request: the person's placement, the employee's reason, the answer
    (or the form to answer it); reading it is audited like reading a card. POST answers
    and returns to the queue."""
    user = _komite(request)
    permintaan = selectors.tinjauan_komite(akses_untuk(user), user, pk)
    konteks = _konteks(permintaan)
    if request.method == "POST":
        keputusan = request.POST.get("keputusan", "")
        tanggapan = request.POST.get("tanggapan", "")
        try:
            tanggapi_tinjauan(
                actor=user,
                permintaan=permintaan,
                keputusan=keputusan,
                tanggapan=tanggapan,
                sesi=_sesi_dipilih(permintaan, request.POST.get("sesi", "")),
            )
        except DitolakError as exc:
            if is_recused(user, permintaan.pegawai):
                raise Http404 from None  # a recused member may not even learn the case exists
            messages.error(request, str(exc))
            return redirect("talenta_tinjauan_detail", pk=permintaan.pk)
        except InputError as exc:
            messages.error(request, str(exc))
            konteks.update({"keputusan": keputusan, "tanggapan": tanggapan})
            return render(request, "talent/tinjauan_detail.html", konteks)
        messages.success(request, _("Tanggapan komite tercatat."))
        return redirect("talenta_antrean")
    catat_pembacaan(actor=user, pegawai=permintaan.pegawai, jenis="talenta.tinjauan_dibaca")
    return render(request, "talent/tinjauan_detail.html", konteks)


__all__ = ["antrean", "detail"]
