from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bakat.domain.errors import InputError
from bakat.domain.ninebox import LevelKinerja, LevelPotensi
from bakat.domain.ninebox import kotak as nomor_kotak
from bakat.web.audit.models import AuditEvent
from bakat.web.personnel.models import Instansi
from bakat.web.personnel.services import load_data
from bakat.web.talent.models import (
    LayarPemetaan,
    Penempatan,
    PermintaanTinjauan,
    PlacementRun,
    Relasi,
)
from bakat.web.talent.services import ajukan_tinjauan, refresh_placements
from tests.web.conftest import Cast

AS_OF = date(2025, 10, 17)


@pytest.fixture
def dimuat(db: None, small_agency: Path) -> Instansi:
    hasil = load_data(actor=None, folder=small_agency, as_of=AS_OF)
    return Instansi.objects.get(kode=hasil.instansi)


def test_it_stores_one_placement_per_employee_with_one_audit_event(dimuat: Instansi) -> None:
    run = refresh_placements(actor=None, instansi=dimuat, as_of=AS_OF)
    assert run.jumlah_pegawai == 120 == Penempatan.objects.filter(run=run).count()
    assert run.terpetakan == Penempatan.objects.filter(run=run, terpetakan=True).count() > 0
    assert sum(run.per_kotak.values()) == run.terpetakan
    assert sum(run.per_alasan.values()) == run.jumlah_pegawai - run.terpetakan
    assert not Penempatan.objects.filter(run=run, pegawai__isnull=True).exists()
    events = AuditEvent.objects.filter(jenis="talenta.dipetakan")
    assert [e.subjek_id for e in events] == [str(run.pk)]
    assert events[0].perubahan["sidik_masukan"] == run.sidik_masukan
    assert run.kebijakan == "nasional-2025" and len(run.sidik_kebijakan) == 64


def test_every_box_is_derived_from_the_two_levels(dimuat: Instansi) -> None:
    run = refresh_placements(actor=None, instansi=dimuat, as_of=AS_OF)
    for p in Penempatan.objects.filter(run=run, terpetakan=True):
        expected = nomor_kotak(LevelKinerja(p.level_kinerja), LevelPotensi(p.level_potensi))
        assert p.kotak == expected
        assert "nilai_potensi" in p.rincian
    for p in Penempatan.objects.filter(run=run, terpetakan=False):
        assert p.kotak is None and p.alasan


def test_each_placement_keeps_the_retirement_date_at_the_bup_of_its_grade(
    dimuat: Instansi,
) -> None:
    from bakat.domain.jenjang import Jenjang, bup, tanggal_pensiun

    run = refresh_placements(actor=None, instansi=dimuat, as_of=AS_OF)
    placements = Penempatan.objects.filter(run=run).select_related("pegawai")
    assert placements.filter(tanggal_pensiun__isnull=False).count() == run.jumlah_pegawai
    for p in placements:
        assert p.pegawai is not None and p.pegawai.tanggal_lahir is not None
        expected = tanggal_pensiun(p.pegawai.tanggal_lahir, bup(Jenjang(p.jenjang_jabatan)))
        assert p.tanggal_pensiun == expected
        assert p.nama == p.pegawai.nama != ""


def test_the_run_keeps_the_engines_calibration_and_fairness_screens(dimuat: Instansi) -> None:
    import json

    run = refresh_placements(actor=None, instansi=dimuat, as_of=AS_OF)
    layar = LayarPemetaan.objects.get(run=run)
    acuan = [r for r in layar.kalibrasi if r["status"] == "acuan"]
    assert len(acuan) == 1 and acuan[0]["terpetakan"] == run.terpetakan
    assert sum(acuan[0][f"kotak_{n}"] for n in range(1, 10)) == run.terpetakan
    assert {r["dimensi"] for r in layar.keadilan} >= {"jenis_kelamin", "kelompok_usia"}
    assert all("instansi" not in r for r in layar.kalibrasi + layar.keadilan)
    json.dumps(layar.kalibrasi + layar.keadilan, allow_nan=False)  # no NaN reaches the database
    # Reading a run, as every talent page does, does not read its screens.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        PlacementRun.objects.get(pk=run.pk)
    assert "kalibrasi" not in queries[0]["sql"]


def test_pool_members_are_in_the_pool_boxes(dimuat: Instansi) -> None:
    run = refresh_placements(actor=None, instansi=dimuat, as_of=AS_OF)
    assert run.kelompok_talenta == Penempatan.objects.filter(run=run, dalam_kelompok=True).count()
    assert not Penempatan.objects.filter(run=run, dalam_kelompok=True, kotak__lt=7).exists()


def test_older_runs_are_kept_and_relations_replaced(dimuat: Instansi, small_agency: Path) -> None:
    first = refresh_placements(actor=None, instansi=dimuat, as_of=AS_OF)
    second = refresh_placements(actor=None, instansi=dimuat, folder=small_agency, as_of=AS_OF)
    assert PlacementRun.objects.filter(instansi=dimuat).count() == 2
    assert first.sidik_masukan == second.sidik_masukan
    assert Penempatan.objects.filter(run=first).count() == 120
    relasi = Relasi.objects.filter(instansi=dimuat).count()
    assert relasi > 0
    assert AuditEvent.objects.filter(jenis="talenta.dipetakan").count() == 2


def test_it_refuses_an_agency_that_was_never_loaded(cast: Cast) -> None:
    with pytest.raises(InputError):
        refresh_placements(actor=None, instansi=cast.ins_b, as_of=AS_OF)


def test_a_review_request_needs_a_reason_and_is_audited(cast: Cast) -> None:
    with pytest.raises(InputError):
        ajukan_tinjauan(actor=cast.users["pegawai"], pegawai=cast.p_b, alasan="  ")
    assert not PermintaanTinjauan.objects.exists()
    ajukan_tinjauan(
        actor=cast.users["pegawai"], pegawai=cast.p_b, alasan="Nilai SKP 2024 saya belum masuk."
    )
    event = AuditEvent.objects.get(jenis="talenta.tinjauan_diajukan")
    assert event.alasan == "Nilai SKP 2024 saya belum masuk."
    assert event.perubahan["pegawai"] == cast.p_b.nip


def test_the_loaded_relations_recuse_a_related_member(dimuat: Instansi) -> None:
    from bakat.web.accounts.models import Penugasan, Peran, User
    from bakat.web.personnel.models import Pegawai
    from bakat.web.talent.recusal import is_recused

    refresh_placements(actor=None, instansi=dimuat, as_of=AS_OF)
    relasi = Relasi.objects.filter(instansi=dimuat).first()
    assert relasi is not None
    sendiri = Pegawai.objects.get(instansi=dimuat, nip=relasi.nip_a)
    terkait = Pegawai.objects.get(instansi=dimuat, nip=relasi.nip_b)
    komite = User.objects.create_user(username="komite-uji", password="x")
    Penugasan.objects.create(user=komite, peran=Peran.KOMITE, instansi=dimuat)
    Penugasan.objects.create(user=komite, peran=Peran.PEGAWAI, instansi=dimuat, pegawai=sendiri)
    assert is_recused(komite, terkait)
