"""The data-quality worklist, correction requests and the export of proposals to BKN."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakat.domain.errors import InputError
from bakat.io.writers import write_csv
from bakat.web.accounts.access import (
    AJUKAN_KOREKSI,
    BACA_KUALITAS,
    PUTUSKAN_KOREKSI,
    akses_untuk,
)
from bakat.web.accounts.models import User
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.page_cache import render_tersimpan
from bakat.web.personnel import selectors as personnel_selectors
from bakat.web.personnel.models import Instansi
from bakat.web.quality import selectors, services
from bakat.web.quality.forms import KeputusanForm, KoreksiForm


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def worklist(request: HttpRequest) -> HttpResponse:
    """Findings and disparities of the units in scope, with filters and counts."""
    akses = akses_untuk(_user(request))
    if not akses.punya(BACA_KUALITAS):
        raise PermissionDenied
    f = selectors.Filter.dari(request.GET)
    return render_tersimpan(
        request,
        akses,
        "quality/worklist.html",
        lambda: {
            "w": selectors.worklist(akses, f),
            "f": f,
            "boleh_ekspor": akses.punya(PUTUSKAN_KOREKSI),
        },
    )


@login_required
def koreksi_daftar(request: HttpRequest) -> HttpResponse:
    """Correction requests in scope, pending first."""
    akses = akses_untuk(_user(request))
    rows = selectors.koreksi_terlihat(akses).order_by("status", "-diajukan_pada")[:200]
    return render(
        request, "quality/koreksi_daftar.html", {"rows": rows, "sekarang": timezone.now()}
    )


@login_required
def koreksi_baru(request: HttpRequest, pegawai_pk: int) -> HttpResponse:
    """Request a correction of one record (analyst in scope, or the employee)."""
    user = _user(request)
    akses = akses_untuk(user)
    pegawai = personnel_selectors.pegawai_detail(akses, pegawai_pk)
    if not akses.mencakup(AJUKAN_KOREKSI, pegawai):
        raise PermissionDenied
    form = KoreksiForm(request.POST or None, initial={"kolom": request.GET.get("kolom", "")})
    if request.method == "POST" and form.is_valid():
        try:
            koreksi = services.request_correction(
                actor=user,
                pegawai=pegawai,
                kolom=form.cleaned_data["kolom"],
                nilai_baru=form.cleaned_data["nilai_baru"],
                alasan=form.cleaned_data["alasan"],
            )
        except InputError as exc:
            form.add_error(None, exc.describe())
        else:
            messages.success(request, _("Permintaan koreksi diajukan."))
            return redirect("koreksi_detail", pk=koreksi.pk)
    return render(request, "quality/koreksi_baru.html", {"form": form, "p": pegawai})


@login_required
def koreksi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One request; a second person in scope may approve or reject it."""
    user = _user(request)
    akses = akses_untuk(user)
    koreksi = selectors.koreksi_detail(akses, pk)
    boleh_putuskan = (
        koreksi.status == "diajukan"
        and koreksi.diajukan_oleh_id != user.pk
        and akses.mencakup(PUTUSKAN_KOREKSI, koreksi.pegawai)
    )
    form = KeputusanForm(request.POST or None)
    if request.method == "POST":
        if not boleh_putuskan:
            raise PermissionDenied
        if form.is_valid():
            try:
                if form.cleaned_data["keputusan"] == "setujui":
                    services.approve_correction(
                        actor=user, koreksi=koreksi, catatan=form.cleaned_data["catatan"]
                    )
                    messages.success(request, _("Koreksi disetujui dan diterapkan."))
                else:
                    services.reject_correction(
                        actor=user, koreksi=koreksi, catatan=form.cleaned_data["catatan"]
                    )
                    messages.success(request, _("Koreksi ditolak."))
            except InputError as exc:
                form.add_error(None, exc.describe())
            else:
                return redirect("koreksi_detail", pk=koreksi.pk)
    return render(
        request,
        "quality/koreksi_detail.html",
        {"k": koreksi, "form": form, "boleh_putuskan": boleh_putuskan},
    )


@login_required
@require_POST
def ekspor_usulan_bkn(request: HttpRequest) -> HttpResponse:
    """The disparities only BKN may correct, in scope, as CSV (formula-neutralised).
    The export itself is audited: it discloses personal data outside the agency."""
    user = _user(request)
    akses = akses_untuk(user)
    if not akses.punya(PUTUSKAN_KOREKSI):
        raise PermissionDenied
    rows = list(
        selectors.disparitas_terlihat(akses)
        .filter(pihak="bkn")
        .order_by("nip_siasn", "kolom")
        .values_list("nip_siasn", "nip", "kolom", "nilai_siasn", "nilai_lokal")
    )
    frame = pl.DataFrame(
        rows,
        schema=["nip_siasn", "nip", "kolom", "nilai_siasn", "nilai_usulan"],
        orient="row",
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "usulan_bkn.csv"
        write_csv(frame, path)
        body = path.read_bytes()
    for instansi_id in sorted(akses.instansi_ids(PUTUSKAN_KOREKSI)):
        instansi = Instansi.objects.get(pk=instansi_id)
        with transaction.atomic():
            record_event(
                actor=user,
                instansi=instansi,
                jenis="usulan_bkn.diekspor",
                subjek=Subjek("quality.disparitas", "usulan_bkn"),
                perubahan={"baris": len(rows)},
            )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="usulan_bkn.csv"'
    return response
