"""Tests of the sorted-key lookups that stand for the left joins of the mapping."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.engine.mapping import lookup as lookup_module
from bakat.engine.mapping.lookup import lookup, lookup_text

_KEYS = st.lists(st.one_of(st.none(), st.integers(-5, 30)), max_size=40)
_TABLE_KEYS = st.lists(st.integers(-5, 30), unique=True, max_size=20)


def _left_joins(keys: pl.Series, tables: list[pl.DataFrame]) -> pl.DataFrame:
    joined = keys.to_frame()
    for table in tables:
        joined = joined.join(table, on=keys.name, how="left", maintain_order="left")
    return joined.drop(keys.name)


def _table(keys: list[int], name: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "k": pl.Series(keys, dtype=pl.Int64),
            f"{name}_nilai": [f"{name}{k}" for k in keys],
            f"{name}_angka": [k * 0.5 for k in keys],
        }
    )


@settings(max_examples=60, deadline=None)
@given(keys=_KEYS, first=_TABLE_KEYS, second=_TABLE_KEYS)
def test_it_gives_what_the_left_joins_give(
    keys: list[int | None], first: list[int], second: list[int]
) -> None:
    column = pl.Series("k", keys, dtype=pl.Int64)
    tables = [_table(first, "a"), _table(second, "b")]
    assert lookup(column, tables).equals(_left_joins(column, tables))


@pytest.mark.parametrize(
    "keys",
    [
        [1, 2, 3, None],  # sorted, nulls last: no reordering
        [3, 1, None, 2, 1],  # unsorted, a null inside, a repeated key
        [None, None],
        [],
    ],
)
def test_it_keeps_the_order_of_the_keys_and_matches_no_null(keys: list[int | None]) -> None:
    column = pl.Series("k", keys, dtype=pl.Int64)
    table = _table([2, 1, 3], "a")
    result = lookup(column, [table])
    expected = [None if k is None else f"a{k}" for k in keys]
    assert result.get_column("a_nilai").to_list() == expected


def _first_rows_joined(texts: pl.Series, table: pl.DataFrame) -> pl.DataFrame:
    first = table.filter(pl.col("t").is_not_null()).unique("t", keep="first", maintain_order=True)
    return texts.to_frame().join(first, on="t", how="left", maintain_order="left").drop("t")


_TEXTS = st.lists(st.one_of(st.none(), st.sampled_from(["A-1", "A-2", "B", "", "C 9"])))


@settings(max_examples=60, deadline=None)
@given(
    texts=_TEXTS,
    rows=st.lists(st.tuples(st.sampled_from(["A-1", "A-2", "B", "D", None]), st.integers(0, 9))),
)
def test_a_text_lookup_keeps_the_first_row_of_each_text(
    texts: list[str | None], rows: list[tuple[str | None, int]]
) -> None:
    column = pl.Series("t", texts, dtype=pl.String)
    table = pl.DataFrame(
        {"t": [r[0] for r in rows], "v": [r[1] for r in rows]},
        schema={"t": pl.String, "v": pl.Int64},
    )
    assert lookup_text(column, table).equals(_first_rows_joined(column, table))


def test_texts_that_share_a_hash_are_joined_on_the_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every text of the same length shares a hash: the check on the texts must notice.
    monkeypatch.setattr(
        lookup_module, "text_hash", lambda text: text.str.len_bytes().cast(pl.UInt64)
    )
    column = pl.Series("t", ["ab", "cd", None, "xyz", "ab", "zz"], dtype=pl.String)
    table = pl.DataFrame({"t": ["cd", "ab", "xyz", "cd"], "v": [1, 2, 3, 4]})
    result = lookup_text(column, table)
    assert result.get_column("v").to_list() == [2, 1, None, 3, 2, None]
