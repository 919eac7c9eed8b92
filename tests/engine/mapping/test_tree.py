"""The unit tree: ancestors and the counts of each unit with its sub-units."""

from __future__ import annotations

from typing import Any

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.engine.mapping.coverage import BOX_COLUMNS
from bakat.engine.mapping.tree import MAX_DEPTH, ancestors, subtree_counts

_UNITS = ["A", "B", "C", "D", "E", "F"]
_MAYBE_UNIT = st.one_of(st.none(), st.sampled_from(_UNITS))


def _walk(unit: str, parent: dict[str, str | None]) -> set[str]:
    """The ancestors of a unit of the tree, itself included, one step at a time."""
    found, current = {unit}, parent[unit]
    for _ in range(MAX_DEPTH):
        if current is None or current == unit:
            break
        found.add(current)
        if current not in parent:
            break
        current = parent[current]
    return found


def _expected(counts: pl.DataFrame, tree: pl.DataFrame) -> dict[tuple[Any, Any], dict[str, Any]]:
    first = tree.filter(pl.col("unit_kerja").is_not_null()).unique(
        "unit_kerja", keep="first", maintain_order=True
    )
    parent = dict(zip(first["unit_kerja"], first["induk"], strict=True))
    listed = dict(zip(first["unit_kerja"], first["unit_kerja_nama"], strict=True))
    rolled: dict[tuple[Any, Any], dict[str, Any]] = {}
    rows = list(counts.iter_rows(named=True))
    for row in rows:
        unit = row["unit_kerja"]
        for target in _walk(unit, parent) if unit in parent else {unit}:
            entry = rolled.setdefault((row["instansi"], target), dict.fromkeys(BOX_COLUMNS, 0))
            for column in BOX_COLUMNS:
                entry[column] += row[column]
    for (agency, unit), entry in rolled.items():
        own = [
            r
            for r in rows
            if r["instansi"] == agency and unit is not None and r["unit_kerja"] == unit
        ]
        name = own[0]["unit_kerja_nama"] if own else None
        entry["unit_kerja_nama"] = name if name is not None else listed.get(unit)
    return rolled


@settings(max_examples=80, deadline=None)
@given(
    links=st.lists(st.tuples(_MAYBE_UNIT, _MAYBE_UNIT, st.booleans()), max_size=8),
    rows=st.lists(
        st.tuples(st.sampled_from(["X", "Y", None]), _MAYBE_UNIT, st.booleans(), st.integers(0, 3)),
        max_size=8,
        unique_by=lambda r: (r[0], r[1]),
    ),
)
def test_each_unit_counts_itself_and_every_unit_below_it(
    links: list[tuple[str | None, str | None, bool]],
    rows: list[tuple[str | None, str | None, bool, int]],
) -> None:
    # Parents may be missing from the table, repeated, or form cycles.
    tree = pl.DataFrame(
        {
            "unit_kerja": [u for u, _, _ in links],
            "induk": [p for _, p, _ in links],
            "unit_kerja_nama": [f"tabel {u}" if named else None for u, _, named in links],
        },
        schema={"unit_kerja": pl.String, "induk": pl.String, "unit_kerja_nama": pl.String},
    )
    counts = pl.DataFrame(
        [
            {
                "instansi": agency,
                "unit_kerja": unit,
                "unit_kerja_nama": f"data {unit}" if named else None,
                **{c: n * (i + 1) for i, c in enumerate(BOX_COLUMNS)},
            }
            for agency, unit, named, n in rows
        ],
        schema={
            "instansi": pl.String,
            "unit_kerja": pl.String,
            "unit_kerja_nama": pl.String,
            **{c: pl.Int64 for c in BOX_COLUMNS},
        },
    )
    result = subtree_counts(counts, tree if tree.height else None)
    if tree.height == 0:
        assert result.drop("termasuk_subunit").equals(
            counts.sort("instansi", "unit_kerja", nulls_last=True)
        )
        return
    expected = _expected(counts, tree)
    got = {(r["instansi"], r["unit_kerja"]): r for r in result.iter_rows(named=True)}
    assert set(got) == set(expected)
    for group, entry in expected.items():
        assert {k: got[group][k] for k in entry} == entry
    assert result.get_column("termasuk_subunit").all()
    keys = result.select("instansi", "unit_kerja")
    assert keys.equals(keys.sort("instansi", "unit_kerja", nulls_last=True))


def test_a_cycle_that_does_not_pass_through_the_unit_lists_each_ancestor_once() -> None:
    tree = pl.DataFrame({"unit_kerja": ["A", "B", "C"], "induk": ["B", "C", "B"]})
    pairs = ancestors(tree)
    assert pairs.height == pairs.unique().height
    assert set(pairs.filter(pl.col("unit") == "A").get_column("leluhur")) == {"A", "B", "C"}


def test_a_parent_outside_the_table_is_an_ancestor_but_is_not_walked_through() -> None:
    tree = pl.DataFrame({"unit_kerja": ["A", "B"], "induk": ["B", "LUAR"]})
    assert set(ancestors(tree).iter_rows()) == {
        ("A", "A"),
        ("B", "B"),
        ("A", "B"),
        ("B", "LUAR"),
        ("A", "LUAR"),
    }
