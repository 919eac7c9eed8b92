"""Cells to canonical values, and the value-level problems (masalah) found on the way.

A value that cannot be read (an impossible date, an unknown golongan, a word in a number
column) becomes null and is reported as one masalah row; it never refuses the file.

Reading a table takes one pass over the file for the facts every column needs (see
:mod:`bakat.io.columns`): the distinct texts of enumerations, how many cells cannot be
read, and whether the key may repeat. Problem rows are searched for only in the columns
that have some. The canonical frame itself stays lazy for a lazily read source (Parquet):
a column a later step does not use is never read.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import reduce

import polars as pl

from bakat.io.columns import Facts, Outcome, as_text, plan
from bakat.io.headers import RawTable
from bakat.io.masalah import MASALAH_SCHEMA, PESAN, KodeMasalah, empty_masalah
from bakat.io.tables import RAW_SUFFIX, ROW, Table

__all__ = [
    "MASALAH_SCHEMA",
    "PESAN",
    "KodeMasalah",
    "Prepared",
    "empty_masalah",
    "normalise",
    "prepare",
]

_FACT = "\x1f"  # between the column and the fact name in the facts frame
_KEYS = "\x1fkunci"
_HASHES = "\x1fkunci_hash"


@dataclass(frozen=True)
class Prepared:
    """A table read into canonical form.

    ``frame``: ``_baris``, every column of the table in order with its canonical dtype,
    then the ``__asli`` columns when asked for. ``masalah``: the value-level problems.
    ``unchanged``: the columns passed through as the file stores them. ``key_may_repeat``:
    whether two rows may share the key given (False when they certainly do not).
    """

    frame: pl.LazyFrame
    masalah: pl.DataFrame
    unchanged: frozenset[str]
    key_may_repeat: bool


def normalise(
    raw: RawTable, table: Table, *, keep_raw: bool = False
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The canonical frame of ``table`` from ``raw`` (collected) and its masalah.

    The frame has ``_baris`` then every column of the table in order with its canonical
    dtype (absent columns are null, or their default), then ``<col>__asli`` (the trimmed
    text as written) for each normalised column present when ``keep_raw``.
    """
    prepared = prepare(raw, table, keep_raw=keep_raw)
    return prepared.frame.collect(), prepared.masalah


def prepare(
    raw: RawTable,
    table: Table,
    *,
    keep_raw: bool = False,
    key: Sequence[str] = (),
    shortcuts: bool = True,
) -> Prepared:
    """Read ``raw`` as ``table``: the canonical frame, its masalah, and whether ``key``
    (columns present in ``raw``) may repeat.

    A source held in memory (a DataFrame) gives a frame computed once and held in memory;
    a lazy source (a Parquet scan) gives a lazy frame that reads the file when collected.
    ``shortcuts=False`` takes the general path for every column (same results, slower).
    """
    eager = isinstance(raw.frame, pl.DataFrame)
    source = raw.frame.lazy()
    schema = source.collect_schema()
    plans = [plan(col, schema[col.name]) for col in table.columns if col.name in schema]
    aggregates = [
        expr.alias(col.column.name + _FACT + fact)
        for col in plans
        for fact, expr in col.facts.items()
    ]
    counted = bool(key) and shortcuts
    if counted:
        # On the stored values: valid when each key column is read one-to-one (below).
        aggregates += _key_counts([pl.col(name) for name in key])
    facts = pl.DataFrame()
    if aggregates:
        # The columns the facts need, read once; the facts computed on them in memory
        # (in parallel, and faster than inside the lazy query).
        needed = dict.fromkeys([*(col.column.name for col in plans if col.facts), *key])
        facts = source.select(list(needed)).collect().select(aggregates)
    outcomes = {
        col.column.name: col.finish(_facts_of(facts, col.column.name, col.facts), shortcuts)
        for col in plans
    }
    columns = [pl.col(ROW)]
    for col in table.columns:
        if col.name in outcomes:
            columns.append(outcomes[col.name].value.alias(col.name))
        else:
            columns.append(pl.lit(col.default, dtype=col.kind.dtype).alias(col.name))
    if keep_raw:
        columns += [
            as_text(pl.col(col.name), schema[col.name]).alias(col.name + RAW_SUFFIX)
            for col in table.columns
            if col.name in outcomes and col.kind.is_normalised
        ]
    masalah = _masalah(source, outcomes)
    frame = source.select(columns)
    if eager:
        frame = frame.collect().lazy()
    if not key:
        may_repeat = False
    elif not shortcuts:
        may_repeat = True
    elif all(outcomes[name].injective for name in key):
        may_repeat = _repeats(facts)
    else:
        may_repeat = _may_repeat(frame, key)
    unchanged = frozenset(name for name, outcome in outcomes.items() if outcome.unchanged)
    return Prepared(frame, masalah, unchanged, may_repeat)


def _facts_of(facts: pl.DataFrame, name: str, wanted: Iterable[str]) -> Facts:
    return {fact: facts.item(0, name + _FACT + fact) for fact in wanted}


def _key_counts(key: Sequence[pl.Expr]) -> list[pl.Expr]:
    """How many rows have a complete key, and the hash of each such key (a list).

    Equal keys have equal hashes, so as many distinct hashes as keys proves the keys
    distinct; fewer (a repeat, or a hash collision) sends the reader to the exact search.
    The hashes are counted outside the query: Polars counts a column it is given faster
    than it counts inside a lazy query.
    """
    complete = pl.all_horizontal([part.is_not_null() for part in key])
    hashed = reduce(operator.xor, [part.hash(seed=index) for index, part in enumerate(key)])
    return [complete.sum().alias(_KEYS), hashed.filter(complete).implode().alias(_HASHES)]


def _repeats(counts: pl.DataFrame) -> bool:
    """Whether the key counts of :func:`_key_counts` leave room for a repeated key."""
    hashes: pl.Series = counts.item(0, _HASHES)
    return bool(counts.item(0, _KEYS) != hashes.n_unique())


def _may_repeat(frame: pl.LazyFrame, key: Sequence[str]) -> bool:
    return _repeats(frame.select(_key_counts([pl.col(name) for name in key])).collect())


def _masalah(source: pl.LazyFrame, outcomes: Mapping[str, Outcome]) -> pl.DataFrame:
    """The problem rows of the columns that have some, sorted by row then column."""
    parts = [
        source.filter(finding.bad.fill_null(False)).select(
            pl.col(ROW).alias("baris"),
            pl.lit(name, dtype=pl.String).alias("kolom"),
            finding.nilai.cast(pl.String).alias("nilai"),
            pl.lit(finding.code.value, dtype=pl.String).alias("masalah"),
            pl.lit(PESAN[finding.code], dtype=pl.String).alias("pesan"),
        )
        for name, outcome in outcomes.items()
        if (finding := outcome.finding) is not None
    ]
    if not parts:
        return empty_masalah()
    found = pl.concat(parts).collect()
    return found.sort("baris", "kolom", maintain_order=True)
