"""Employee list and detail pages (read-only; changes go through corrections)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bakat.web.accounts.access import AJUKAN_KOREKSI, BACA_PEGAWAI, akses_untuk
from bakat.web.accounts.models import User
from bakat.web.personnel import selectors
from bakat.web.quality import selectors as quality_selectors


def _halaman(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("halaman", "1")))
    except ValueError:
        return 1


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    """The records in the user's scope, searchable by name or NIP."""
    assert isinstance(request.user, User)
    akses = akses_untuk(request.user)
    if not akses.punya(BACA_PEGAWAI):
        raise PermissionDenied
    cari = request.GET.get("cari", "").strip()
    halaman = _halaman(request)
    baris, total = selectors.daftar_pegawai(akses, cari=cari, halaman=halaman)
    return render(
        request,
        "personnel/daftar.html",
        {
            "baris": baris,
            "total": total,
            "cari": cari,
            "halaman": halaman,
            "ada_berikut": halaman * selectors.HALAMAN < total,
        },
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One record (404 outside the scope), its findings and disparities."""
    assert isinstance(request.user, User)
    akses = akses_untuk(request.user)
    pegawai = selectors.pegawai_detail(akses, pk)
    identitas = selectors.identitas(akses, pegawai)
    return render(
        request,
        "personnel/detail.html",
        {
            "p": pegawai,
            "identitas": identitas,
            "temuan": quality_selectors.temuan_pegawai(pegawai),
            "disparitas": quality_selectors.samarkan_disparitas(
                quality_selectors.disparitas_pegawai(pegawai), tersamar=identitas.tersamar
            ),
            "koreksi": quality_selectors.koreksi_pegawai(pegawai),
            "boleh_koreksi": akses.mencakup(AJUKAN_KOREKSI, pegawai),
        },
    )
