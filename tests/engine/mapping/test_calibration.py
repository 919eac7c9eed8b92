"""Calibration: the chi-square screen of each unit's boxes against the rest of its agency."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import polars as pl
import pytest
from scipy import stats

from bakat.engine.mapping.calibration import (
    BOX_COLUMNS,
    adjust,
    ancestors,
    calibration_table,
    pooled_boxes,
)
from bakat.engine.mapping.settings import Correction, ScreeningSettings
from tests.engine.mapping.records import NASIONAL

SETTINGS = ScreeningSettings()


def _counts(units: dict[str, list[int]], instansi: str | None = None) -> pl.DataFrame:
    rows: list[dict[str, Any]] = []
    for unit, boxes in units.items():
        row: dict[str, Any] = {"instansi": instansi, "unit_kerja": unit, "unit_kerja_nama": unit}
        row.update(zip(BOX_COLUMNS, boxes, strict=True))
        rows.append(row)
    schema = {"instansi": pl.String, "unit_kerja": pl.String, "unit_kerja_nama": pl.String}
    schema.update({c: pl.Int64 for c in BOX_COLUMNS})
    return pl.DataFrame(rows, schema=schema)


def _screen(
    units: dict[str, list[int]], tree: pl.DataFrame | None = None, **kw: Any
) -> pl.DataFrame:
    return calibration_table(_counts(units), tree, NASIONAL, ScreeningSettings(**kw))


BALANCED = [0, 0, 40, 0, 120, 40, 20, 60, 20]  # 300 people, every used box well filled
LENIENT = [0, 0, 10, 0, 60, 10, 40, 120, 60]


def test_the_statistic_is_pearsons_chi_square_of_unit_against_the_rest() -> None:
    frame = _screen({"A": LENIENT, "B": BALANCED, "C": BALANCED})
    row = frame.row(0, named=True)
    rest = [b + c for b, c in zip(BALANCED, BALANCED, strict=True)]
    table = np.array([LENIENT, rest])[:, [2, 4, 5, 6, 7, 8]]  # the boxes anyone is in
    expected = stats.chi2_contingency(table, correction=False)
    assert row["chi_kuadrat"] == pytest.approx(expected.statistic)
    assert row["derajat_bebas"] == 5
    assert row["p_nilai"] == pytest.approx(expected.pvalue)
    assert row["cramer_v"] == pytest.approx(math.sqrt(expected.statistic / table.sum()))
    assert row["kotak_digabung"] is None
    assert (row["status"], row["besaran_efek"]) == ("perlu_ditelaah", "sedang")


def test_a_unit_like_the_rest_of_its_agency_raises_no_signal() -> None:
    frame = _screen({"A": BALANCED, "B": BALANCED, "C": BALANCED})
    assert frame.get_column("status").to_list() == ["tidak_ada_sinyal"] * 3
    assert frame.get_column("chi_kuadrat").to_list() == [0.0] * 3
    assert frame.get_column("besaran_efek").to_list() == ["dapat_diabaikan"] * 3


def test_a_small_unit_gets_no_verdict() -> None:
    frame = _screen({"A": [0, 0, 1, 0, 5, 1, 1, 3, 1], "B": BALANCED})
    row = frame.row(0, named=True)
    assert (row["status"], row["catatan"], row["p_nilai"]) == (
        "tidak_cukup_data",
        "unit_kecil",
        None,
    )


def test_the_only_unit_of_an_agency_is_its_reference() -> None:
    row = _screen({"A": BALANCED}).row(0, named=True)
    assert (row["status"], row["catatan"]) == ("acuan", "seluruh_instansi")


def test_rare_boxes_are_pooled_until_every_expected_count_reaches_the_minimum() -> None:
    rare = [0, 0, 2, 0, 150, 60, 1, 80, 3]
    frame = _screen({"A": rare, "B": rare, "C": rare})
    row = frame.row(0, named=True)
    assert row["kotak_digabung"] == "3;7;9"
    assert row["derajat_bebas"] == 3  # boxes 5, 6, 8 and the pooled column


def test_pooling_takes_one_more_box_when_the_pool_is_still_small() -> None:
    agency = np.array([[0, 0, 3, 0, 50, 30, 0, 17, 0]], dtype=float)
    pooled = pooled_boxes(agency, np.array([50.0]), 5.0)
    # box 3 alone expects 1.5 (< 5): box 8 (8.5) joins it
    assert np.flatnonzero(pooled[0] & (agency[0] > 0)).tolist() == [2, 7]


def test_a_table_with_a_single_column_left_gets_no_verdict() -> None:
    frame = _screen({"A": [0, 0, 0, 0, 30, 0, 0, 0, 0], "B": [0, 0, 0, 0, 300, 0, 0, 0, 0]})
    row = frame.row(0, named=True)
    assert (row["status"], row["catatan"]) == ("tidak_cukup_data", "harapan_kecil")


def test_units_count_their_sub_units_when_the_tree_is_known() -> None:
    tree = pl.DataFrame(
        {
            "unit_kerja": ["ROOT", "B1", "B1.1", "B1.2", "B2"],
            "unit_kerja_nama": ["Instansi", "Biro 1", "Bagian 1.1", "Bagian 1.2", "Biro 2"],
            "induk": [None, "ROOT", "B1", "B1", "ROOT"],
        }
    )
    frame = _screen({"B1.1": LENIENT, "B1.2": LENIENT, "B2": BALANCED}, tree)
    rows = {r["unit_kerja"]: r for r in frame.iter_rows(named=True)}
    assert set(rows) == {"ROOT", "B1", "B1.1", "B1.2", "B2"}
    assert rows["B1"]["terpetakan"] == 2 * sum(LENIENT)
    assert rows["B1"]["unit_kerja_nama"] == "Biro 1"
    assert rows["ROOT"]["status"] == "acuan"
    assert rows["B1"]["termasuk_subunit"]


def test_a_cycle_in_the_unit_tree_stops() -> None:
    tree = pl.DataFrame({"unit_kerja": ["A", "B"], "induk": ["B", "A"]})
    pairs = set(ancestors(tree).iter_rows())
    assert pairs == {("A", "A"), ("B", "B"), ("A", "B"), ("B", "A")}


def test_holm_and_benjamini_hochberg_corrections() -> None:
    p = np.array([0.01, 0.04, 0.03, np.nan])
    assert adjust(p, Correction.HOLM)[:3].tolist() == pytest.approx([0.03, 0.06, 0.06])
    assert adjust(p, Correction.BH)[:3].tolist() == pytest.approx([0.03, 0.04, 0.04])
    assert math.isnan(adjust(p, Correction.BH)[3])


def test_the_correction_covers_every_unit_tested() -> None:
    frame = _screen({"A": LENIENT, "B": BALANCED, "C": BALANCED}, correction=Correction.HOLM)
    p = frame.get_column("p_nilai").to_numpy()
    assert frame.get_column("p_terkoreksi").to_list() == pytest.approx(
        adjust(p, Correction.HOLM).tolist()
    )
