"""Loading and analysing in one step: the folder is read and mapped once, and the
placement and succession runs stored from that one mapping, each with its audit event."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bakat.domain.errors import InputError
from bakat.engine.mapping import job as mapping_job
from bakat.web import analisis
from bakat.web.audit.models import AuditEvent
from bakat.web.personnel.models import Pegawai
from bakat.web.succession import services as succession_services
from bakat.web.succession.models import SuccessionRun
from bakat.web.talent import services as talent_services
from bakat.web.talent.models import Penempatan, PlacementRun

AS_OF = date(2025, 10, 17)


@pytest.mark.django_db
def test_it_loads_then_maps_once_and_stores_both_runs(
    small_agency: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[date] = []
    real = mapping_job.run_mapping

    def counted(*args: object, **kwargs: object) -> mapping_job.MappingResult:
        calls.append(AS_OF)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    # Every place the web application calls the mapping from.
    for module in (analisis, succession_services, talent_services):
        monkeypatch.setattr(module, "run_mapping", counted)
    muat, hasil = analisis.load_and_analyse(actor=None, folder=small_agency, as_of=AS_OF)
    assert len(calls) == 1
    assert hasil.penempatan.jumlah_pegawai == Pegawai.objects.count() == muat.pegawai_baru
    assert Penempatan.objects.filter(run=hasil.penempatan).count() == muat.pegawai_baru
    # Both runs read the same stored files.
    assert hasil.suksesi.sidik_masukan == hasil.penempatan.sidik_masukan
    assert list(AuditEvent.objects.order_by("pk").values_list("jenis", flat=True)) == [
        "data.dimuat",
        "talenta.dipetakan",
        "suksesi.dihitung",
    ]


@pytest.mark.django_db
def test_a_bad_folder_stores_nothing(tmp_path: Path) -> None:
    (tmp_path / "pegawai.csv").write_text("nama\nBudi\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"pegawai\.csv"):
        analisis.load_and_analyse(actor=None, folder=tmp_path, as_of=AS_OF)
    assert not Pegawai.objects.exists()
    assert not PlacementRun.objects.exists()
    assert not SuccessionRun.objects.exists()
    assert not AuditEvent.objects.exists()
