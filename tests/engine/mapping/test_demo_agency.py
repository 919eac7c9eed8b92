"""The generated demo agency: 2,757 of its 3,414 employees are mappable on 17 October 2025
(the Kemensos figure of the BKN review, domain.md §2.7), whatever the seed, and the
engine finds exactly the people and reasons of the generator's ground truth."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.domain.policy import load_policy
from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.job import MappingResult, run_mapping
from bakat.io.readers import read_folder
from bakat.synth.config import KonfigurasiSintesis
from bakat.synth.generate import generate

AS_OF = date(2025, 10, 17)
TABLES = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan")


def _map(folder: Path) -> MappingResult:
    loaded = read_folder(folder, tables=TABLES)
    frames = {name: table.frame for name, table in loaded.items()}
    unit_kerja = pl.read_csv(folder / "unit_kerja.csv", infer_schema=False).lazy()
    return run_mapping(
        MappingData(**frames, unit_kerja=unit_kerja), as_of=AS_OF, policy=load_policy()
    )


@pytest.fixture(scope="module", params=[17, 1, 2025], ids=lambda s: f"seed{s}")
def agency(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / f"seed{request.param}"
    generate(folder, KonfigurasiSintesis(seed=request.param, as_of=AS_OF))
    return folder


def test_the_engine_maps_exactly_the_ground_truth(agency: Path) -> None:
    result = _map(agency)
    truth = pl.read_csv(agency / "ground_truth" / "pemetaan.csv", infer_schema=False)
    truth = truth.select(
        "nip", (pl.col("terpetakan") == "true").alias("terpetakan"), "alasan"
    ).sort("nip")
    ours = result.pemetaan.select("nip", "terpetakan", "alasan").sort("nip")
    assert ours.equals(truth)
    assert (ours.height, int(ours.get_column("terpetakan").sum())) == (3414, 2757)


def test_the_order_of_the_employee_file_does_not_change_the_results(agency: Path) -> None:
    result = _map(agency)
    loaded = read_folder(agency, tables=TABLES)
    frames = {name: table.frame for name, table in loaded.items()}
    frames["pegawai"] = (
        frames["pegawai"].collect().sample(fraction=1.0, shuffle=True, seed=7).lazy()
    )
    unit_kerja = pl.read_csv(agency / "unit_kerja.csv", infer_schema=False).lazy()
    shuffled = run_mapping(
        MappingData(**frames, unit_kerja=unit_kerja), as_of=AS_OF, policy=load_policy()
    )
    for name in ("pemetaan", "kelompok_talenta", "cakupan", "kalibrasi", "keadilan"):
        assert getattr(result, name).equals(getattr(shuffled, name)), name
