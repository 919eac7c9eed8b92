"""The committee answers a review request: once, with an outcome and a written reason,
audited; never by a recused member, a role without the queue or another agency."""

from __future__ import annotations

import pytest

from bakat.domain.errors import InputError
from bakat.web.accounts.models import Peran, User
from bakat.web.audit.models import AuditEvent
from bakat.web.audit.verify import verify
from bakat.web.personnel.models import Pegawai
from bakat.web.talent.kalibrasi import DitolakError, buka_sesi, tutup_sesi
from bakat.web.talent.models import (
    KeputusanTinjauan,
    PermintaanTinjauan,
    SesiKalibrasi,
    StatusTinjauan,
)
from bakat.web.talent.services import ajukan_tinjauan, tanggapi_tinjauan
from tests.web.conftest import Cast, _user

ALASAN = "Data SKP 2024 sudah diperiksa; penempatan sesuai."


@pytest.fixture
def permintaan_b(pemetaan: Cast) -> PermintaanTinjauan:
    """The employee of unit B (box 8) asks for a review."""
    return ajukan_tinjauan(
        actor=pemetaan.users["pegawai"], pegawai=pemetaan.p_b, alasan="Predikat 2024 saya keliru."
    )


@pytest.fixture
def permintaan_a(pemetaan: Cast) -> PermintaanTinjauan:
    """A request on the case of p_a, the spouse of the committee member."""
    return ajukan_tinjauan(
        actor=pemetaan.users["admin"], pegawai=pemetaan.p_a, alasan="Permintaan atas nama p_a."
    )


def _sesi(cast: Cast, unit_attr: str = "unit_r") -> SesiKalibrasi:
    return buka_sesi(
        actor=cast.users["admin"],
        unit=getattr(cast, unit_attr),
        nama="Sesi uji",
        anggota=[cast.users["komite"]],
    )


@pytest.mark.parametrize("username", ["komite", "admin"])
def test_the_committee_answers_once_with_a_reason_and_it_is_audited(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, username: str
) -> None:
    actor = pemetaan.users[username]
    tanggapi_tinjauan(actor=actor, permintaan=permintaan_b, keputusan="tetap", tanggapan=ALASAN)
    stored = PermintaanTinjauan.objects.get(pk=permintaan_b.pk)
    assert stored.status == StatusTinjauan.DITANGGAPI
    assert stored.keputusan == KeputusanTinjauan.TETAP
    assert stored.tanggapan == ALASAN and stored.ditanggapi_oleh == actor
    assert stored.ditanggapi_pada is not None and stored.sesi is None
    event = AuditEvent.objects.get(jenis="talenta.tinjauan_ditanggapi")
    assert event.aktor == actor and event.aktor_nama == username and event.alasan == ALASAN
    assert event.subjek_id == str(permintaan_b.pk)
    assert event.perubahan["status"] == ["diajukan", "ditanggapi"]
    assert event.perubahan["keputusan"] == [None, "tetap"]
    assert event.perubahan["pegawai"] == pemetaan.p_b.nip
    assert verify().utuh


@pytest.mark.parametrize("tanggapan", ["", "   ", "terlalu"])
def test_an_answer_without_a_written_reason_is_refused(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, tanggapan: str
) -> None:
    with pytest.raises(InputError, match="tanggapan tertulis wajib diisi"):
        tanggapi_tinjauan(
            actor=pemetaan.users["komite"],
            permintaan=permintaan_b,
            keputusan="tetap",
            tanggapan=tanggapan,
        )
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).status == StatusTinjauan.DIAJUKAN
    assert not AuditEvent.objects.filter(jenis="talenta.tinjauan_ditanggapi").exists()


@pytest.mark.parametrize("keputusan", ["", "pindah", "TETAP"])
def test_an_unknown_outcome_is_refused(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, keputusan: str
) -> None:
    with pytest.raises(InputError, match="keputusan tidak dikenal"):
        tanggapi_tinjauan(
            actor=pemetaan.users["komite"],
            permintaan=permintaan_b,
            keputusan=keputusan,
            tanggapan=ALASAN,
        )
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).keputusan == ""


def test_a_request_is_answered_only_once(pemetaan: Cast, permintaan_b: PermintaanTinjauan) -> None:
    tanggapi_tinjauan(
        actor=pemetaan.users["komite"], permintaan=permintaan_b, keputusan="tetap", tanggapan=ALASAN
    )
    with pytest.raises(DitolakError, match="sudah ditanggapi"):
        tanggapi_tinjauan(
            actor=pemetaan.users["admin"],
            permintaan=permintaan_b,
            keputusan="dikoreksi_data",
            tanggapan="Jawaban kedua yang lain.",
        )
    stored = PermintaanTinjauan.objects.get(pk=permintaan_b.pk)
    assert stored.keputusan == "tetap" and stored.ditanggapi_oleh == pemetaan.users["komite"]
    assert AuditEvent.objects.filter(jenis="talenta.tinjauan_ditanggapi").count() == 1


def test_a_related_member_cannot_answer_the_case(
    pemetaan: Cast, komite_terkait: Pegawai, permintaan_a: PermintaanTinjauan
) -> None:
    with pytest.raises(DitolakError):
        tanggapi_tinjauan(
            actor=pemetaan.users["komite"],
            permintaan=permintaan_a,
            keputusan="tetap",
            tanggapan=ALASAN,
        )
    assert PermintaanTinjauan.objects.get(pk=permintaan_a.pk).status == StatusTinjauan.DIAJUKAN
    assert not AuditEvent.objects.filter(jenis="talenta.tinjauan_ditanggapi").exists()


def test_nobody_answers_a_request_on_their_own_case(pemetaan: Cast) -> None:
    """A committee member who is also the employee asking (recused from themselves)."""
    from bakat.web.accounts.models import Penugasan

    komite = pemetaan.users["komite"]
    Penugasan.objects.create(
        user=komite, peran=Peran.PEGAWAI, instansi=pemetaan.ins_a, pegawai=pemetaan.p_a1
    )
    sendiri = ajukan_tinjauan(actor=komite, pegawai=pemetaan.p_a1, alasan="Permintaan saya.")
    with pytest.raises(DitolakError):
        tanggapi_tinjauan(actor=komite, permintaan=sendiri, keputusan="tetap", tanggapan=ALASAN)


@pytest.mark.parametrize(
    "username", ["pegawai", "analis", "analis2", "pimpinan", "auditor", "nasional", "komite_b"]
)
def test_only_the_agencys_committee_and_admin_answer(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, username: str
) -> None:
    if username == "komite_b":
        actor: User = _user("komite_b", Peran.KOMITE, instansi=pemetaan.ins_b)
    else:
        actor = pemetaan.users[username]
    with pytest.raises(DitolakError):
        tanggapi_tinjauan(actor=actor, permintaan=permintaan_b, keputusan="tetap", tanggapan=ALASAN)
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).status == StatusTinjauan.DIAJUKAN


def test_a_case_taken_to_calibration_names_an_open_session_covering_the_person(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, komite_bercatatan: Pegawai
) -> None:
    sesi = _sesi(pemetaan)
    tanggapi_tinjauan(
        actor=pemetaan.users["komite"],
        permintaan=permintaan_b,
        keputusan="dibawa_ke_kalibrasi",
        tanggapan="Dibahas pada sesi kalibrasi unit R.",
        sesi=sesi,
    )
    stored = PermintaanTinjauan.objects.get(pk=permintaan_b.pk)
    assert stored.keputusan == KeputusanTinjauan.DIBAWA_KE_KALIBRASI and stored.sesi == sesi
    event = AuditEvent.objects.get(jenis="talenta.tinjauan_ditanggapi")
    assert event.perubahan["sesi"] == [None, sesi.pk]


def test_calibration_without_a_session_is_recorded_too(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan
) -> None:
    tanggapi_tinjauan(
        actor=pemetaan.users["komite"],
        permintaan=permintaan_b,
        keputusan="dibawa_ke_kalibrasi",
        tanggapan="Akan dibahas pada sesi berikutnya.",
    )
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).sesi is None


@pytest.mark.parametrize("kasus", ["ditutup", "unit_lain", "keputusan_lain"])
def test_a_session_that_is_closed_or_does_not_cover_the_person_is_refused(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, komite_bercatatan: Pegawai, kasus: str
) -> None:
    # p_b works in unit B: a session over unit A does not cover them.
    sesi = _sesi(pemetaan, "unit_a" if kasus == "unit_lain" else "unit_r")
    if kasus == "ditutup":
        tutup_sesi(actor=pemetaan.users["admin"], sesi=sesi)
        sesi.refresh_from_db()
    keputusan = "tetap" if kasus == "keputusan_lain" else "dibawa_ke_kalibrasi"
    with pytest.raises(InputError):
        tanggapi_tinjauan(
            actor=pemetaan.users["komite"],
            permintaan=permintaan_b,
            keputusan=keputusan,
            tanggapan=ALASAN,
            sesi=sesi,
        )
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).status == StatusTinjauan.DIAJUKAN


def test_a_data_correction_outcome_is_only_recorded(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan
) -> None:
    tanggapi_tinjauan(
        actor=pemetaan.users["admin"],
        permintaan=permintaan_b,
        keputusan="dikoreksi_data",
        tanggapan="Predikat SKP 2024 salah; koreksi data diajukan.",
    )
    stored = PermintaanTinjauan.objects.select_related("penempatan").get(pk=permintaan_b.pk)
    assert stored.keputusan == KeputusanTinjauan.DIKOREKSI_DATA
    assert stored.penempatan is not None and stored.penempatan.kotak == 8  # never changed
