from __future__ import annotations

import pytest

from bakat.domain.errors import InputError
from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.audit.models import AuditEvent
from bakat.web.personnel.models import Pegawai
from bakat.web.talent.kalibrasi import DitolakError, buka_sesi, tutup_sesi, usulkan_pindah
from bakat.web.talent.models import Penempatan, SesiKalibrasi, StatusSesi, UsulanPindah
from tests.web.conftest import PASSWORD, Cast


@pytest.fixture
def sesi(pemetaan: Cast, komite_terkait: Pegawai) -> SesiKalibrasi:
    return buka_sesi(
        actor=pemetaan.users["admin"],
        unit=pemetaan.unit_r,
        nama="Sesi uji",
        anggota=[pemetaan.users["komite"]],
    )


def test_a_member_moves_a_person_only_with_a_reason_beside_the_computed_box(
    pemetaan: Cast, sesi: SesiKalibrasi
) -> None:
    komite = pemetaan.users["komite"]
    with pytest.raises(InputError):
        usulkan_pindah(actor=komite, sesi=sesi, pegawai=pemetaan.p_b, kotak=9, alasan="")
    usulan = usulkan_pindah(
        actor=komite, sesi=sesi, pegawai=pemetaan.p_b, kotak=9, alasan="Kinerja 2025 menonjol."
    )
    assert (usulan.kotak_asal, usulan.kotak) == (8, 9)
    assert (usulan.level_kinerja, usulan.level_potensi) == ("atas", "tinggi")
    assert usulan.penempatan.kotak == 8  # the computed placement is never replaced
    assert Penempatan.objects.get(pk=usulan.penempatan.pk).kotak == 8
    event = AuditEvent.objects.get(jenis="kalibrasi.pindah_diusulkan")
    assert event.alasan == "Kinerja 2025 menonjol." and event.perubahan["kotak"] == [8, 9]


def test_a_related_member_is_recused_automatically(pemetaan: Cast, sesi: SesiKalibrasi) -> None:
    with pytest.raises(DitolakError):
        usulkan_pindah(
            actor=pemetaan.users["komite"],
            sesi=sesi,
            pegawai=pemetaan.p_a,
            kotak=5,
            alasan="Alasan yang cukup panjang.",
        )
    assert not UsulanPindah.objects.exists()


@pytest.mark.parametrize("username", ["admin", "analis", "pimpinan"])
def test_only_members_propose(pemetaan: Cast, sesi: SesiKalibrasi, username: str) -> None:
    with pytest.raises(DitolakError):
        usulkan_pindah(
            actor=pemetaan.users[username],
            sesi=sesi,
            pegawai=pemetaan.p_b,
            kotak=9,
            alasan="Alasan yang cukup panjang.",
        )


def test_a_person_outside_the_population_cannot_be_moved(
    pemetaan: Cast, komite_bercatatan: Pegawai
) -> None:
    sesi = buka_sesi(
        actor=pemetaan.users["admin"],
        unit=pemetaan.unit_a,
        nama="A",
        anggota=[pemetaan.users["komite"]],
    )
    with pytest.raises(InputError):
        usulkan_pindah(
            actor=pemetaan.users["komite"],
            sesi=sesi,
            pegawai=pemetaan.p_b,
            kotak=9,
            alasan="Alasan yang cukup panjang.",
        )


@pytest.mark.parametrize("username", ["komite", "analis", "auditor"])
def test_only_the_hr_admin_opens_and_closes(
    pemetaan: Cast, sesi: SesiKalibrasi, username: str
) -> None:
    user = pemetaan.users[username]
    with pytest.raises(DitolakError):
        buka_sesi(actor=user, unit=pemetaan.unit_r, nama="x", anggota=[pemetaan.users["komite"]])
    with pytest.raises(DitolakError):
        tutup_sesi(actor=user, sesi=sesi)


def test_members_must_be_committee_of_the_agency(pemetaan: Cast) -> None:
    with pytest.raises(InputError):
        buka_sesi(
            actor=pemetaan.users["admin"],
            unit=pemetaan.unit_r,
            nama="x",
            anggota=[pemetaan.users["analis"]],
        )


def test_a_closed_session_is_frozen(pemetaan: Cast, sesi: SesiKalibrasi) -> None:
    closed = tutup_sesi(actor=pemetaan.users["admin"], sesi=sesi)
    assert closed.status == StatusSesi.DITUTUP
    assert closed.sidik_masukan == "b" * 64 and "2025.1" in closed.versi_kebijakan
    with pytest.raises(DitolakError):
        usulkan_pindah(
            actor=pemetaan.users["komite"],
            sesi=closed,
            pegawai=pemetaan.p_b,
            kotak=9,
            alasan="Alasan yang cukup panjang.",
        )
    with pytest.raises(DitolakError):
        tutup_sesi(actor=pemetaan.users["admin"], sesi=closed)
    jenis = list(AuditEvent.objects.values_list("jenis", flat=True).order_by("seq"))
    assert jenis == ["kalibrasi.dibuka", "kalibrasi.ditutup"]


def test_an_agency_without_a_run_has_no_session(cast: Cast) -> None:
    admin_b = User.objects.create_user(username="admin-b", password=PASSWORD)
    Penugasan.objects.create(user=admin_b, peran=Peran.ADMIN, instansi=cast.ins_b)
    with pytest.raises(InputError):
        buka_sesi(actor=admin_b, unit=cast.unit_x, nama="x", anggota=[])


def test_a_member_without_an_employee_record_cannot_sit(pemetaan: Cast) -> None:
    """Recusal starts from the member's own record: without one, no conflict could be
    found, so the session is refused, naming the member."""
    with pytest.raises(InputError, match="komite"):
        buka_sesi(
            actor=pemetaan.users["admin"],
            unit=pemetaan.unit_r,
            nama="R",
            anggota=[pemetaan.users["komite"]],
        )
    assert not SesiKalibrasi.objects.exists()


def test_the_database_refuses_to_change_a_closed_session(
    pemetaan: Cast, sesi: SesiKalibrasi
) -> None:
    """Past the services too (``QuerySet.update``, a direct insert): the triggers of
    migration talent.0007 keep a closed session, its proposals and members as closed."""
    from django.db import DatabaseError, transaction

    usulan = usulkan_pindah(
        actor=pemetaan.users["komite"],
        sesi=sesi,
        pegawai=pemetaan.p_b,
        kotak=9,
        alasan="Alasan yang cukup panjang.",
    )
    # While open, the rows may change.
    SesiKalibrasi.objects.filter(pk=sesi.pk).update(nama="Sesi uji (ganti nama)")
    tutup_sesi(actor=pemetaan.users["admin"], sesi=sesi)
    penempatan = Penempatan.objects.get(run=sesi.run, pegawai=pemetaan.p_a1)
    attempts = [
        lambda: SesiKalibrasi.objects.filter(pk=sesi.pk).update(status=StatusSesi.DIBUKA),
        lambda: UsulanPindah.objects.filter(pk=usulan.pk).update(kotak=1),
        lambda: UsulanPindah.objects.create(
            sesi=sesi,
            penempatan=penempatan,
            pegawai=pemetaan.p_a1,
            kotak_asal=5,
            kotak=9,
            alasan="Ditambahkan setelah sesi ditutup.",
            pengusul=pemetaan.users["komite"],
            diusulkan_pada=usulan.diusulkan_pada,
        ),
        lambda: sesi.anggota.add(pemetaan.users["admin"]),
    ]
    for attempt in attempts:
        with pytest.raises(DatabaseError, match="frozen"), transaction.atomic():
            attempt()
    sesi.refresh_from_db()
    assert sesi.status == StatusSesi.DITUTUP and sesi.nama == "Sesi uji (ganti nama)"
    assert list(UsulanPindah.objects.values_list("kotak", flat=True)) == [9]
    assert list(sesi.anggota.all()) == [pemetaan.users["komite"]]
