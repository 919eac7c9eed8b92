"""Numbers in the report are written the Indonesian way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.io.report.angka import angka, desimal, persen, persen_dari, tanggal, teks


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0"), (999, "999"), (2757, "2.757"), (3414, "3.414"), (5_600_000, "5.600.000"),
     (-1234, "-1.234"), (None, "-")],
)  # fmt: skip
def test_it_groups_thousands_with_a_dot(n: int | None, expected: str) -> None:
    assert angka(n) == expected


@pytest.mark.parametrize(
    ("x", "places", "expected"),
    [(99.771, 2, "99,77"), (1234.5, 1, "1.234,5"), (80.75, 1, "80,8"), (0.0, 2, "0,00"),
     (float("nan"), 1, "-"), (None, 1, "-")],
)  # fmt: skip
def test_it_writes_decimals_with_a_comma(x: float | None, places: int, expected: str) -> None:
    assert desimal(x, places) == expected


def test_it_writes_the_coverage_share_as_the_mapping_command_does() -> None:
    assert persen_dari(2757, 3414) == "80,8%"
    assert persen(80.76) == "80,8%"


def test_it_writes_a_dash_for_a_share_of_nothing() -> None:
    assert persen_dari(3, 0) == "-"


@pytest.mark.parametrize(
    ("iso", "expected"),
    [("2025-10-17", "17 Oktober 2025"), ("2024-01-01", "1 Januari 2024"), ("kemarin", "kemarin"),
     (None, "-")],
)  # fmt: skip
def test_it_writes_dates_with_indonesian_month_names(iso: str | None, expected: str) -> None:
    assert tanggal(iso) == expected


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [(True, "teks", "ya"), (False, "teks", "tidak"), (None, "angka", "-"),
     (2757, "angka", "2.757"), (80.76, "persen", "80,8%"), (0.72384, "rasio", "0,7238"),
     (0.72384, "proporsi", "72,4%"),
     ("Biro Umum", "teks", "Biro Umum"), (2025, "teks", "2025")],
)  # fmt: skip
def test_it_writes_each_kind_of_cell(value: object, kind: str, expected: str) -> None:
    assert teks(value, kind) == expected


@given(st.integers(min_value=0, max_value=10**12))
def test_grouping_only_adds_dots_every_three_digits(n: int) -> None:
    text = angka(n)
    assert text.replace(".", "") == str(n)
    assert all(len(group) == 3 for group in text.split(".")[1:])
