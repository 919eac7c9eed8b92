"""Fairness: selection rates, Wilson intervals and the four-fifths screen by group."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest

from bakat.domain.jenjang import usia
from bakat.engine.mapping.coverage import unit_summary
from bakat.engine.mapping.fairness import age, age_band, band_labels, fairness_table
from bakat.engine.mapping.settings import ScreeningSettings
from tests.engine.mapping.records import AS_OF, JPM, NASIONAL, asesmen, data, mapped, pegawai, skp


def _groups(rows: list[tuple[str, int, int]], **kw: Any) -> pl.DataFrame:
    """Fairness of people in groups ``(kelompok, jumlah, terpilih)`` by sex."""
    people = []
    for group, total, chosen in rows:
        for i in range(total):
            people.append(
                {
                    "instansi": None,
                    "jenis_kelamin": group,
                    "_kelompok_usia": None,
                    "unit_kerja": None,
                    "unit_kerja_nama": None,
                    "terpetakan": True,
                    "alasan": None,
                    "kotak": 9 if i < chosen else 5,
                    "_masuk_talenta": i < chosen,
                }
            )
    text = {
        c: pl.String
        for c in ("instansi", "_kelompok_usia", "unit_kerja", "unit_kerja_nama", "alasan")
    }
    frame = pl.DataFrame(people, schema_overrides=text).lazy()
    units = unit_summary(frame, NASIONAL)
    table = fairness_table(frame, units, None, ScreeningSettings(**kw)).collect()
    return table.filter(
        (pl.col("seleksi") == "kelompok_talenta") & (pl.col("dimensi") == "jenis_kelamin")
    )


def test_the_ratio_compares_each_rate_with_the_highest() -> None:
    frame = _groups([("L", 100, 50), ("P", 100, 35)])
    rows = {r["kelompok"]: r for r in frame.iter_rows(named=True)}
    assert (rows["L"]["tingkat"], rows["P"]["tingkat"]) == (0.5, 0.35)
    assert rows["P"]["rasio"] == pytest.approx(0.7)
    assert (rows["P"]["kelompok_acuan"], rows["P"]["tingkat_acuan"]) == ("L", 0.5)
    assert (rows["P"]["di_bawah_ambang"], rows["P"]["status"]) == (True, "perlu_ditelaah")
    assert (rows["L"]["rasio"], rows["L"]["status"]) == (1.0, "tidak_ada_sinyal")


def test_a_ratio_of_four_fifths_is_not_flagged() -> None:
    frame = _groups([("L", 100, 50), ("P", 100, 40)])
    assert frame.get_column("di_bawah_ambang").to_list() == [False, False]


def test_the_wilson_interval_of_5_of_10() -> None:
    row = _groups([("L", 10, 5)], min_group=1).row(0, named=True)
    assert (row["ci_bawah"], row["ci_atas"]) == pytest.approx((0.2366, 0.7634), abs=1e-4)


def test_small_groups_get_no_ratio_and_are_not_the_reference() -> None:
    frame = _groups([("L", 100, 40), ("P", 10, 9)], min_group=20)
    rows = {r["kelompok"]: r for r in frame.iter_rows(named=True)}
    assert (rows["P"]["rasio"], rows["P"]["status"]) == (None, "tidak_cukup_data")
    assert rows["L"]["kelompok_acuan"] == "L"


def test_nobody_selected_gives_no_ratio() -> None:
    frame = _groups([("L", 30, 0), ("P", 30, 0)])
    assert frame.get_column("status").to_list() == ["tidak_cukup_data"] * 2


@pytest.mark.parametrize(
    ("lahir", "band"),
    [
        (date(1996, 10, 18), "<30"),  # 28
        (date(1995, 10, 17), "30-39"),  # 30 today
        (date(1976, 1, 1), "40-49"),
        (date(1960, 2, 29), "50+"),
    ],
)
def test_ages_fall_in_bands(lahir: date, band: str) -> None:
    frame = pl.DataFrame({"lahir": [lahir]})
    years = frame.select(age(pl.col("lahir"), AS_OF)).item()
    assert years == usia(lahir, AS_OF)
    assert frame.select(age_band(age(pl.col("lahir"), AS_OF), (30, 40, 50))).item() == band


@pytest.mark.parametrize("as_of", [date(2023, 2, 28), date(2024, 2, 28), date(2024, 2, 29)])
def test_a_29_february_birthday_follows_the_domain(as_of: date) -> None:
    lahir = date(1980, 2, 29)
    assert pl.DataFrame({"l": [lahir]}).select(age(pl.col("l"), as_of)).item() == usia(lahir, as_of)


def _mapping(unit_kerja: list[dict[str, Any]] | None) -> Any:
    people = [pegawai(str(i), jenis_kelamin="LP"[i % 2], unit_kerja=f"U{i % 3}") for i in range(12)]
    tables = data(
        people,
        kinerja=[r for p in people for r in skp(p["nip"], ("Sangat Baik", "Sangat Baik"))],
        asesmen=[
            asesmen(p["nip"], skor_kompetensi=95.0 if int(p["nip"]) < 8 else 50.0) for p in people
        ],
        unit_kerja=unit_kerja,
    )
    return mapped(tables, JPM)


def test_without_a_unit_table_the_region_screen_is_skipped_with_a_note() -> None:
    result = _mapping(None)
    assert "provinsi" not in set(result.keadilan.get_column("dimensi"))
    assert any("unit_kerja" in note for note in result.catatan)


def test_with_a_unit_table_groups_are_compared_by_province() -> None:
    units = [
        {"unit_kerja": "U0", "provinsi": "31", "provinsi_nama": "DKI Jakarta"},
        {"unit_kerja": "U1", "provinsi": "31", "provinsi_nama": "DKI Jakarta"},
        {"unit_kerja": "U2", "provinsi": "32", "provinsi_nama": "Jawa Barat"},
    ]
    result = _mapping(units)
    assert result.catatan == ()
    region = result.keadilan.filter(
        (pl.col("dimensi") == "provinsi") & (pl.col("seleksi") == "kelompok_talenta")
    )
    assert region.select("kelompok", "nama", "jumlah", "terpilih").rows() == [
        ("31", "DKI Jakarta", 8, 6),
        ("32", "Jawa Barat", 4, 2),
    ]


@pytest.mark.parametrize(
    ("bands", "labels"),
    [
        ((30, 40, 50), ["<30", "30-39", "40-49", "50+"]),
        ((25,), ["<25", "25+"]),
    ],
)
def test_the_band_labels_run_from_the_youngest(bands: tuple[int, ...], labels: list[str]) -> None:
    assert band_labels(bands) == labels


@pytest.mark.parametrize(("years", "band"), [(None, None), (24, "<25"), (25, "25+"), (70, "25+")])
def test_a_single_bound_makes_two_bands(years: int | None, band: str | None) -> None:
    frame = pl.DataFrame({"y": [years]}, schema={"y": pl.Int32})
    assert frame.select(age_band(pl.col("y"), (25,))).item() == band
