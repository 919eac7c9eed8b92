"""The generated demo agency end to end: mapping, then development with an empty
succession result; the figures agree with the domain rules computed row by row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.domain.jenjang import Jenjang, bup, tanggal_pensiun
from bakat.domain.policy import load_policy
from bakat.engine.development.activities import activities
from bakat.engine.development.job import DevelopmentResult, run_development
from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.job import run_mapping
from bakat.io.readers import read_folder
from bakat.synth.config import KonfigurasiSintesis
from bakat.synth.generate import generate
from tests.engine.development.records import suksesi

AS_OF = date(2025, 10, 17)
TABLES = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan")


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> tuple[MappingData, DevelopmentResult]:
    folder: Path = tmp_path_factory.mktemp("demo") / "seed17"
    generate(folder, KonfigurasiSintesis(seed=17, as_of=AS_OF))
    loaded = read_folder(folder, tables=TABLES)
    data = MappingData(**{name: table.frame for name, table in loaded.items()})
    policy = load_policy()
    mapped = run_mapping(data, as_of=AS_OF, policy=policy)
    return data, run_development(data, mapped.pemetaan, suksesi(), AS_OF, policy)


def test_retirements_per_year_follow_the_domain_rule(
    agency: tuple[MappingData, DevelopmentResult],
) -> None:
    data, result = agency
    people = data.pegawai.filter(pl.col("status_aktif").fill_null(True)).collect()
    expected = dict.fromkeys(range(2025, 2030), 0)
    for row in people.iter_rows(named=True):
        if row["tanggal_lahir"] is None or row["jenjang_jabatan"] is None:
            continue
        when = tanggal_pensiun(row["tanggal_lahir"], bup(Jenjang(row["jenjang_jabatan"])))
        year = max(when.year, AS_OF.year)
        if year in expected:
            expected[year] += 1
    assert {y: result.ringkasan[f"pensiun_{y}"] for y in expected} == expected
    assert sum(expected.values()) > 0


def test_the_overall_jp_share_sums_the_person_rows(
    agency: tuple[MappingData, DevelopmentResult],
) -> None:
    table = agency[1].files["kepatuhan_jp.csv"]
    persons = table.filter(pl.col("cakupan") == "pegawai")
    overall = table.filter(pl.col("cakupan") == "semua").row(0, named=True)
    assert overall["pegawai_dinilai"] == persons.get_column("dinilai").sum()
    assert overall["pegawai_memenuhi"] == persons.get_column("memenuhi").sum()
    units = table.filter(pl.col("cakupan") == "unit")
    assert units.get_column("pegawai_dinilai").sum() == overall["pegawai_dinilai"]


def test_every_plan_row_names_a_known_activity_once_per_person(
    agency: tuple[MappingData, DevelopmentResult],
) -> None:
    plan = agency[1].files["idp.csv"]
    assert plan.height > 0
    known = {a.kode for a in activities(load_policy())}
    assert set(plan.get_column("kegiatan")) <= known
    assert plan.select("nip", "kegiatan").is_duplicated().sum() == 0
    assert agency[1].catatan  # the empty succession result is noted
