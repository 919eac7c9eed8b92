"""Storing an engine run and endorsing a slate: numbers from the engine, decisions by a
human with a reason, each audited in the same transaction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction

from bakat.domain.errors import InputError
from bakat.domain.policy import load_policy
from bakat.engine.development.job import run_development
from bakat.engine.mapping.job import run_mapping
from bakat.engine.succession.job import run_succession
from bakat.io.mapping_input import read_mapping_data
from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.audit.models import AuditEvent
from bakat.web.audit.verify import verify
from bakat.web.development.models import BarisPengembangan
from bakat.web.personnel.models import Instansi, Pegawai
from bakat.web.personnel.services import load_data
from bakat.web.personnel.sources import last_load_folder
from bakat.web.succession.models import (
    FrozenError,
    JabatanTarget,
    Kandidat,
    KeputusanSlate,
    Pengecualian,
)
from bakat.web.succession.services import endorse_slate, refresh_succession
from tests.web.conftest import Cast
from tests.web.succession.conftest import Hasil

AS_OF = date(2025, 10, 17)


@pytest.fixture
def dimuat(db: None, small_agency: Path) -> Instansi:
    hasil = load_data(actor=None, folder=small_agency, as_of=AS_OF)
    return Instansi.objects.get(kode=hasil.instansi)


def _engine(folder: Path) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, pl.DataFrame]]:
    policy = load_policy("nasional-2025")
    data = read_mapping_data(folder)
    pemetaan = run_mapping(data, as_of=AS_OF, policy=policy).pemetaan
    s = run_succession(data, pemetaan, AS_OF, policy)
    return s.suksesi, s.kekuatan, run_development(data, pemetaan, s.suksesi, AS_OF, policy).files


def test_it_stores_every_engine_row_of_the_run(dimuat: Instansi, small_agency: Path) -> None:
    run = refresh_succession(actor=None, instansi=dimuat, folder=small_agency, as_of=AS_OF)
    suksesi, kekuatan, files = _engine(small_agency)
    assert JabatanTarget.objects.filter(run=run).count() == kekuatan.height > 0
    assert Kandidat.objects.filter(target__run=run).count() == suksesi.height > 0
    first = suksesi.row(0, named=True)
    stored = Kandidat.objects.get(target__run=run, target__jabatan_id=first["jabatan_id"],
                                  peringkat=first["peringkat"])  # fmt: skip
    assert (stored.nip, stored.skor, stored.kesiapan) == (
        first["nip"],
        first["skor"],
        first["kesiapan"],
    )
    assert stored.subskor["nilai_kotak"] == first["nilai_kotak"]
    assert stored.pegawai is not None and stored.pegawai.nip == first["nip"]
    for kind in ["idp", "rotasi", "proyeksi", "retensi", "kepatuhan_jp"]:
        stored_rows = BarisPengembangan.objects.filter(run=run, berkas=kind).count()
        assert stored_rows == files[f"{kind}.csv"].height
    assert run.kebijakan == "nasional-2025" and len(run.sidik_masukan) == 64
    assert run.ringkasan["suksesi"]["target"] == kekuatan.height
    # Each post keeps whether it has a successor in the best readiness band.
    tanpa_siap = kekuatan.filter(kekuatan["jumlah_siap_sekarang"] == 0).height
    stored_flags = JabatanTarget.objects.filter(run=run, kekuatan__tanpa_suksesor_siap=True)
    assert stored_flags.count() == tanpa_siap


def test_a_run_writes_one_audit_event_and_the_chain_verifies(
    dimuat: Instansi, small_agency: Path
) -> None:
    before = AuditEvent.objects.filter(rantai=dimuat.kode).count()
    run = refresh_succession(actor=None, instansi=dimuat, folder=small_agency, as_of=AS_OF)
    events = AuditEvent.objects.filter(rantai=dimuat.kode).order_by("seq")
    assert events.count() == before + 1
    event = events.last()
    assert event is not None and event.jenis == "suksesi.dihitung"
    assert event.subjek_id == str(run.pk)
    assert event.perubahan["sidik_masukan"] == run.sidik_masukan
    assert verify().utuh


def test_it_reads_the_stored_files_of_the_last_load(dimuat: Instansi, small_agency: Path) -> None:
    with last_load_folder(dimuat) as folder:
        run = refresh_succession(actor=None, instansi=dimuat, folder=folder, as_of=AS_OF)
    _, kekuatan, _ = _engine(small_agency)
    assert run.target.count() == kekuatan.height


@pytest.mark.parametrize("role", ["analis", "komite", "auditor", "pimpinan"])
def test_only_the_hr_admin_may_refresh(cast: Cast, small_agency: Path, role: str) -> None:
    with pytest.raises(PermissionDenied):
        refresh_succession(
            actor=cast.users[role], instansi=cast.ins_a, folder=small_agency, as_of=AS_OF
        )


def test_an_admin_of_another_agency_may_not_refresh(cast: Cast, small_agency: Path) -> None:
    admin_b = User.objects.create_user(username="admin-b", password="x")
    Penugasan.objects.create(user=admin_b, peran=Peran.ADMIN, instansi=cast.ins_b)
    with pytest.raises(PermissionDenied):
        refresh_succession(actor=admin_b, instansi=cast.ins_a, folder=small_agency, as_of=AS_OF)


def test_a_missing_pegawai_table_is_refused_naming_the_problem(cast: Cast, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        refresh_succession(
            actor=cast.users["admin"], instansi=cast.ins_a, folder=tmp_path, as_of=AS_OF
        )


# --- slate endorsement -------------------------------------------------------------


def test_endorsing_the_computed_ranking_needs_no_reason(cast: Cast, hasil: Hasil) -> None:
    k = endorse_slate(actor=cast.users["komite"], target=hasil.j_b, urutan=[cast.p_b.nip])
    assert (k.menyimpang, k.urutan, k.run_id, k.versi_kebijakan) == (
        False, [cast.p_b.nip], hasil.run_a.pk, "2025.1"
    )  # fmt: skip
    event = AuditEvent.objects.get(jenis="suksesi.slate_ditetapkan")
    assert event.perubahan["run"] == hasil.run_a.pk
    assert event.perubahan["kebijakan"] == "nasional-2025 2025.1"


def test_a_departure_from_the_ranking_requires_a_reason(cast: Cast, hasil: Hasil) -> None:
    reordered = [cast.p_a1.nip, cast.p_a.nip]
    with pytest.raises(InputError):
        endorse_slate(actor=cast.users["komite"], target=hasil.j_a, urutan=reordered)
    k = endorse_slate(
        actor=cast.users["komite"], target=hasil.j_a, urutan=reordered, alasan="rotasi wilayah"
    )
    assert k.menyimpang and k.alasan == "rotasi wilayah"
    assert AuditEvent.objects.get(jenis="suksesi.slate_ditetapkan").alasan == "rotasi wilayah"


@pytest.mark.parametrize(
    "urutan",
    [[], ["198811082021012003"], ["198811082021012001", "198811082021012001"], ["9" * 18]],
    ids=["empty", "excluded", "repeated", "unknown"],
)
def test_a_slate_holds_only_named_successors_once(
    cast: Cast, hasil: Hasil, urutan: list[str]
) -> None:
    with pytest.raises(InputError):
        endorse_slate(actor=cast.users["komite"], target=hasil.j_a, urutan=urutan, alasan="x")
    assert not KeputusanSlate.objects.exists()


@pytest.mark.parametrize("role", ["admin", "analis", "pimpinan", "pegawai", "auditor", "nasional"])
def test_only_the_committee_endorses(cast: Cast, hasil: Hasil, role: str) -> None:
    with pytest.raises(PermissionDenied):
        endorse_slate(actor=cast.users[role], target=hasil.j_b, urutan=[cast.p_b.nip])


def test_the_committee_of_one_agency_cannot_endorse_in_another(cast: Cast, hasil: Hasil) -> None:
    with pytest.raises(PermissionDenied):
        endorse_slate(actor=cast.users["komite"], target=hasil.j_x, urutan=[cast.p_x.nip])


def test_a_member_related_to_a_candidate_is_recused(
    cast: Cast, hasil: Hasil, komite_terkait: Pegawai
) -> None:
    with pytest.raises(PermissionDenied):
        endorse_slate(actor=cast.users["komite"], target=hasil.j_a, urutan=[cast.p_a.nip])
    # not related to anyone on J-B's list: may decide there
    endorse_slate(actor=cast.users["komite"], target=hasil.j_b, urutan=[cast.p_b.nip])


def test_a_member_related_to_an_excluded_candidate_is_recused(
    cast: Cast, hasil: Hasil, komite_terkait: Pegawai
) -> None:
    from bakat.web.talent.models import Relasi

    Relasi.objects.filter(instansi=cast.ins_a).update(nip_b=cast.p_b.nip)
    with pytest.raises(PermissionDenied):
        endorse_slate(actor=cast.users["komite"], target=hasil.j_a, urutan=[cast.p_a.nip])


def test_an_endorsed_slate_is_frozen_and_superseded_only_with_a_reason(
    cast: Cast, hasil: Hasil
) -> None:
    first = endorse_slate(actor=cast.users["komite"], target=hasil.j_a,
                          urutan=[cast.p_a.nip, cast.p_a1.nip])  # fmt: skip
    first.alasan = "edited"
    with pytest.raises(FrozenError):
        first.save()
    with pytest.raises(InputError):
        endorse_slate(actor=cast.users["komite"], target=hasil.j_a, urutan=[cast.p_a.nip])
    second = endorse_slate(actor=cast.users["komite"], target=hasil.j_a, urutan=[cast.p_a.nip],
                           alasan="p_a1 mutasi")  # fmt: skip
    assert second.menggantikan_id == first.pk and second.menyimpang
    first.refresh_from_db()
    assert first.alasan == "" and first.urutan == [cast.p_a.nip, cast.p_a1.nip]


def test_the_database_refuses_to_edit_a_decision(cast: Cast, hasil: Hasil) -> None:
    endorse_slate(actor=cast.users["komite"], target=hasil.j_b, urutan=[cast.p_b.nip])
    with pytest.raises(DatabaseError), transaction.atomic():
        KeputusanSlate.objects.update(alasan="edited behind the service")
    assert KeputusanSlate.objects.get().alasan == ""


def test_a_slate_of_an_older_run_is_refused(cast: Cast, hasil: Hasil) -> None:
    from django.utils import timezone

    from bakat.web.succession.models import SuccessionRun

    SuccessionRun.objects.create(
        instansi=cast.ins_a, dijalankan_pada=timezone.now(), as_of=AS_OF,
        kebijakan="nasional-2025", versi_kebijakan="2025.1", sidik_kebijakan="a",
        sidik_masukan="b",
    )  # fmt: skip
    with pytest.raises(InputError):
        endorse_slate(actor=cast.users["komite"], target=hasil.j_b, urutan=[cast.p_b.nip])


def test_the_exclusions_are_stored_with_their_reasons(cast: Cast, hasil: Hasil) -> None:
    assert list(Pengecualian.objects.values_list("nip", "alasan")) == [
        (cast.p_b.nip, "hukdis_aktif")
    ]


def test_the_recused_candidates_are_found_in_a_fixed_number_of_queries(
    cast: Cast, hasil: Hasil, komite_terkait: Pegawai
) -> None:
    """The same people as ``is_recused`` one by one, without a query per candidate."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bakat.web.succession.services import recused_from
    from bakat.web.talent.recusal import is_recused

    komite = cast.users["komite"]
    orang = [cast.p_a, cast.p_a1, cast.p_b]
    assert recused_from(komite, hasil.j_a) == sorted(p.nip for p in orang if is_recused(komite, p))
    assert recused_from(komite, hasil.j_a) == [cast.p_a.nip]
    with CaptureQueriesContext(connection) as queries:
        recused_from(komite, hasil.j_a)
    assert len(queries) <= 7
