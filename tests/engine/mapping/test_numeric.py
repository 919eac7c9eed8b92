"""Rounding and division as the domain computes them (Python's ``round`` and ``/``)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.engine.mapping.numeric import clamp01, divide, round_like_python

SCORES = st.floats(min_value=-1000, max_value=1000, allow_nan=False)


def _apply(values: list[float], expr: pl.Expr) -> list[float]:
    return pl.DataFrame({"x": values}, schema={"x": pl.Float64}).select(expr).to_series().to_list()


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (59.995, 2, 59.99),  # the double is just below 59.995: Polars' round gives 60.0
        (2.675, 2, 2.67),
        (0.125, 2, 0.12),  # an exact tie goes to even
        (0.375, 2, 0.38),
        (80.0, 2, 80.0),
        (79.999, 2, 80.0),
        (2.5, 0, 2.0),
        (3.5, 0, 4.0),
        (-2.5, 0, -2.0),
    ],
)
def test_it_rounds_like_python_round(value: float, decimals: int, expected: float) -> None:
    assert round(value, decimals) == expected
    assert _apply([value], round_like_python(pl.col("x"), decimals)) == [expected]


@given(st.lists(SCORES, min_size=1, max_size=50), st.integers(min_value=0, max_value=9))
def test_rounding_agrees_with_python_for_any_score(values: list[float], decimals: int) -> None:
    assert _apply(values, round_like_python(pl.col("x"), decimals)) == [
        round(v, decimals) for v in values
    ]


@given(st.lists(SCORES, min_size=1, max_size=50), st.sampled_from([10.0, 20.0, 100.0, 365.25]))
def test_division_agrees_with_python(values: list[float], divisor: float) -> None:
    assert _apply(values, divide(pl.col("x"), divisor)) == [v / divisor for v in values]


def test_rounding_keeps_nulls() -> None:
    df = pl.DataFrame({"x": [None, 1.234]}, schema={"x": pl.Float64})
    assert df.select(round_like_python(pl.col("x"), 1)).to_series().to_list() == [None, 1.2]


def test_it_refuses_more_decimals_than_a_double_holds() -> None:
    with pytest.raises(ValueError, match="0-15"):
        round_like_python(pl.col("x"), 16)


def test_clamp_keeps_values_between_0_and_1() -> None:
    assert _apply([-0.5, 0.25, 1.5], clamp01(pl.col("x"))) == [0.0, 0.25, 1.0]
