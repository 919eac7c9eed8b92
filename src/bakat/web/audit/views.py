"""The audit trail of the user's agencies, its verification and checkpoint export."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bakat.web.accounts.access import BACA_AUDIT, akses_untuk
from bakat.web.accounts.models import User
from bakat.web.audit.models import AuditEvent
from bakat.web.audit.verify import checkpoint, verify


def _akses(request: HttpRequest) -> set[int]:
    assert isinstance(request.user, User)
    akses = akses_untuk(request.user)
    if not akses.punya(BACA_AUDIT):
        raise PermissionDenied
    return akses.instansi_ids(BACA_AUDIT)


@login_required
def jejak(request: HttpRequest) -> HttpResponse:
    """The latest events of the user's agencies; ``?verifikasi=1`` verifies the chains."""
    instansi_ids = _akses(request)
    events = (
        AuditEvent.objects.filter(instansi_id__in=instansi_ids)
        .select_related("instansi")
        .order_by("-waktu", "-seq")[:100]
    )
    hasil = None
    if request.GET.get("verifikasi"):
        semua = verify()
        kode = set(
            AuditEvent.objects.filter(instansi_id__in=instansi_ids)
            .values_list("rantai", flat=True)
            .distinct()
        )
        hasil = {
            "utuh": not [p for p in semua.pelanggaran if p.rantai in kode],
            "pelanggaran": [p for p in semua.pelanggaran if p.rantai in kode],
            "jumlah": {k: v for k, v in semua.jumlah.items() if k in kode},
        }
    return render(request, "audit/jejak.html", {"events": events, "hasil": hasil})


@login_required
def titik_periksa(request: HttpRequest) -> HttpResponse:
    """The chain heads of the user's agencies as JSON, to keep outside the database."""
    instansi_ids = _akses(request)
    kode = set(
        AuditEvent.objects.filter(instansi_id__in=instansi_ids)
        .values_list("rantai", flat=True)
        .distinct()
    )
    data = {k: v for k, v in checkpoint().items() if k in kode}
    response = HttpResponse(
        json.dumps(data, indent=2, sort_keys=True), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="titik_periksa_audit.json"'
    return response
