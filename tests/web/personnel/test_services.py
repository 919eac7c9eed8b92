"""Loading a data folder: one transaction, one audit event pointing at the stored
files, the engine's findings and disparities stored; a bad file changes nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from bakat.domain.errors import InputError
from bakat.web.audit.models import AuditEvent
from bakat.web.audit.verify import verify
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja
from bakat.web.personnel.services import load_data
from bakat.web.personnel.store import sha256_of
from bakat.web.quality.models import Disparitas, IndeksKualitas, Temuan

AS_OF = date(2025, 10, 17)


@pytest.fixture
def loaded(db: None, small_agency: Path) -> Instansi:
    load_data(actor=None, folder=small_agency, as_of=AS_OF)
    return Instansi.objects.get()


def test_it_loads_every_employee_with_units_findings_and_disparities(loaded: Instansi) -> None:
    assert Pegawai.objects.filter(instansi=loaded).count() == 120
    assert Pegawai.objects.filter(unit__isnull=True).count() == 0
    assert Temuan.objects.filter(instansi=loaded).exists()
    assert Disparitas.objects.filter(instansi=loaded).exists()
    assert IndeksKualitas.objects.filter(instansi=loaded, unit__isnull=True).count() == 1


def test_the_unit_tree_is_linked_by_parent_and_path(loaded: Instansi) -> None:
    root = UnitKerja.objects.get(instansi=loaded, induk__isnull=True, kode=loaded.kode)
    children = UnitKerja.objects.filter(induk=root)
    assert children.exists()
    for child in children:
        assert child.path == f"{root.path}{child.pk}/"


def test_one_audit_event_points_at_the_stored_source_files(
    loaded: Instansi, small_agency: Path
) -> None:
    (event,) = AuditEvent.objects.filter(jenis="data.dimuat")
    berkas = event.perubahan["berkas"]
    digest = sha256_of(small_agency / "pegawai.csv")
    assert berkas["pegawai.csv"] == digest
    assert (Path(settings.BAKAT_FILE_STORE) / digest[:2] / f"{digest}.csv").is_file()
    assert verify().utuh


def test_loading_again_updates_by_nip_without_duplicates(
    loaded: Instansi, small_agency: Path
) -> None:
    hasil = load_data(actor=None, folder=small_agency, as_of=AS_OF)
    assert (hasil.pegawai_baru, hasil.pegawai_diubah) == (0, 0)
    assert Pegawai.objects.count() == 120
    assert AuditEvent.objects.filter(jenis="data.dimuat").count() == 2


def test_a_malformed_file_is_refused_naming_row_and_column_and_nothing_changes(
    loaded: Instansi, small_agency: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "data"
    shutil.copytree(small_agency, bad)
    lines = (bad / "pegawai.csv").read_text(encoding="utf-8").splitlines()
    lines.append(lines[1])  # the first employee twice: a duplicate key
    (bad / "pegawai.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = (Pegawai.objects.count(), Temuan.objects.count(), AuditEvent.objects.count())
    with pytest.raises(InputError) as caught:
        load_data(actor=None, folder=bad, as_of=AS_OF)
    assert caught.value.column == "nip"
    assert caught.value.row is not None
    after = (Pegawai.objects.count(), Temuan.objects.count(), AuditEvent.objects.count())
    assert after == before


def test_a_file_with_two_agencies_is_refused_naming_the_column(
    db: None, small_agency: Path, tmp_path: Path
) -> None:
    import polars as pl

    data = tmp_path / "data"
    data.mkdir()
    frame = pl.read_csv(small_agency / "pegawai.csv", infer_schema=False)
    frame = frame.with_columns(
        pl.when(pl.int_range(pl.len()) % 2 == 0).then(pl.lit("A")).otherwise(pl.lit("B"))
        .alias("instansi")
    )  # fmt: skip
    frame.write_csv(data / "pegawai.csv")
    with pytest.raises(InputError) as caught:
        load_data(actor=None, folder=data, as_of=AS_OF)
    assert caught.value.column == "instansi"
    assert not Pegawai.objects.exists()
