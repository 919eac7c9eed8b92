"""Four-eyes corrections: requested by one person, decided by another, applied by a
service; every step audited and timed against 3 x 24 hours."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.web.audit.models import AuditEvent
from bakat.web.audit.verify import verify
from bakat.web.quality.models import StatusKoreksi
from bakat.web.quality.services import (
    approve_correction,
    reject_correction,
    request_correction,
)
from tests.web.conftest import Cast


def _request(cast: Cast, by: str = "analis", **kw: str):  # type: ignore[no-untyped-def]
    return request_correction(
        actor=cast.users[by],
        pegawai=cast.p_b,
        kolom=kw.get("kolom", "golongan"),
        nilai_baru=kw.get("nilai", "3b"),
        alasan="SK kenaikan pangkat 2024",
    )


def test_an_approved_correction_is_applied_and_every_step_is_audited(cast: Cast) -> None:
    koreksi = _request(cast)
    assert (koreksi.nilai_lama, koreksi.nilai_baru) == ("III/a", "III/b")
    approve_correction(actor=cast.users["analis2"], koreksi=koreksi, catatan="sesuai SK")
    cast.p_b.refresh_from_db()
    koreksi.refresh_from_db()
    assert cast.p_b.golongan == "III/b"
    assert koreksi.status == StatusKoreksi.DITERAPKAN
    jenis = list(AuditEvent.objects.order_by("seq").values_list("jenis", flat=True))
    assert jenis == ["koreksi.diajukan", "koreksi.disetujui", "pegawai.dikoreksi"]
    applied = AuditEvent.objects.get(jenis="pegawai.dikoreksi")
    assert applied.perubahan["golongan"] == ["III/a", "III/b"]
    assert verify().utuh


def test_the_requester_cannot_approve_their_own_request(cast: Cast) -> None:
    koreksi = _request(cast)
    with pytest.raises(PermissionDenied):
        approve_correction(actor=cast.users["analis"], koreksi=koreksi)
    cast.p_b.refresh_from_db()
    assert cast.p_b.golongan == "III/a"


@pytest.mark.parametrize("decider", ["pimpinan", "pegawai", "auditor", "komite"])
def test_only_a_decider_in_scope_may_decide(cast: Cast, decider: str) -> None:
    koreksi = _request(cast)
    with pytest.raises(PermissionDenied):
        approve_correction(actor=cast.users[decider], koreksi=koreksi)


def test_the_employee_may_request_on_their_own_record_and_an_analyst_decides(
    cast: Cast,
) -> None:
    koreksi = _request(cast, by="pegawai", kolom="gelar_belakang", nilai="S.Kom.")
    approve_correction(actor=cast.users["analis"], koreksi=koreksi)
    cast.p_b.refresh_from_db()
    assert cast.p_b.gelar_belakang == "S.Kom."


def test_a_rejection_needs_a_reason_and_changes_nothing(cast: Cast) -> None:
    koreksi = _request(cast)
    with pytest.raises(InputError):
        reject_correction(actor=cast.users["analis2"], koreksi=koreksi, catatan=" ")
    reject_correction(actor=cast.users["analis2"], koreksi=koreksi, catatan="SK tidak ada")
    cast.p_b.refresh_from_db()
    koreksi.refresh_from_db()
    assert (cast.p_b.golongan, koreksi.status) == ("III/a", StatusKoreksi.DITOLAK)


def test_a_decided_request_cannot_be_decided_again(cast: Cast) -> None:
    koreksi = _request(cast)
    approve_correction(actor=cast.users["analis2"], koreksi=koreksi)
    with pytest.raises(InputError):
        reject_correction(actor=cast.users["admin"], koreksi=koreksi, catatan="terlambat")


@pytest.mark.parametrize(
    ("kolom", "nilai"),
    [
        ("golongan", "V/z"),
        ("tanggal_lahir", "31-02-1990"),
        ("nip", "1"),
        ("golongan", "III/a"),
        ("nik", "1234"),
        ("pendidikan", "S9"),
        ("jenjang_jabatan", "MENTERI"),
    ],
)
def test_an_unreadable_unknown_or_unchanged_value_is_refused(
    cast: Cast, kolom: str, nilai: str
) -> None:
    with pytest.raises(InputError):
        _request(cast, kolom=kolom, nilai=nilai)


def test_a_valid_nik_is_accepted(cast: Cast) -> None:
    koreksi = _request(cast, kolom="nik", nilai="3172184811880009")
    assert koreksi.nilai_baru == "3172184811880009"


def test_a_decision_after_three_days_is_recorded_as_late(cast: Cast) -> None:
    koreksi = request_correction(
        actor=cast.users["analis"],
        pegawai=cast.p_b,
        kolom="golongan",
        nilai_baru="III/b",
        alasan="SK",
        now=timezone.now() - timedelta(hours=73),
    )
    approve_correction(actor=cast.users["analis2"], koreksi=koreksi)
    assert AuditEvent.objects.get(jenis="koreksi.disetujui").perubahan["terlambat"] is True


def test_a_record_changed_since_the_request_is_not_overwritten(cast: Cast) -> None:
    koreksi = _request(cast)
    cast.p_b.golongan = "III/c"
    cast.p_b.save()
    with pytest.raises(InputError):
        approve_correction(actor=cast.users["analis2"], koreksi=koreksi)
    cast.p_b.refresh_from_db()
    assert cast.p_b.golongan == "III/c"
    assert not AuditEvent.objects.filter(jenis="koreksi.disetujui").exists()
