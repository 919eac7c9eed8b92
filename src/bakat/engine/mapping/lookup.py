"""Left joins of one-row-per-key tables onto a column of integer keys, on sorted keys.

The per-person tables (one row per NIP key) are joined to the ``pegawai`` keys, millions
of rows each at the national scale. A hash join costs a random access per row; when both
key columns are sorted (and flagged so), Polars merges them instead, ten times faster.
``pegawai`` is in NIP text order, which is the order of its integer keys but for the few
NIPs that are not plain numbers (:mod:`~bakat.engine.mapping.keys`): the keys are sorted
when they are not already, the tables are joined in that order and the rows are put
back. Each table having one row per key, the result is exactly that of the left joins.
"""

from __future__ import annotations

import numpy as np
import polars as pl


def _sorted_on(frame: pl.DataFrame, key: str) -> pl.DataFrame:
    """``frame`` sorted on ``key`` (no nulls), with the sorted flag set."""
    column = frame.get_column(key)
    if not column.is_sorted():
        frame = frame.sort(key)
    return frame.with_columns(pl.col(key).set_sorted())


def lookup(keys: pl.Series, tables: list[pl.DataFrame]) -> pl.DataFrame:
    """The columns of ``tables`` but the key, for each entry of ``keys``, in its order:
    what ``keys.to_frame().join(table, on=keys.name, how="left", maintain_order="left")``
    gives for each table in turn. Each table has exactly one row per key (never null)
    and is named after ``keys``; a null key matches nothing."""
    key = keys.name
    height = keys.len()
    valid = height - keys.null_count()
    order: pl.Series | None = None
    if keys.is_sorted(nulls_last=True):
        ordered = keys.slice(0, valid)
    else:
        order = keys.arg_sort(nulls_last=True)
        ordered = keys.gather(order.slice(0, valid))
    joined = ordered.set_sorted().to_frame(key).lazy()
    for table in tables:
        joined = joined.join(
            _sorted_on(table, key).lazy(), on=key, how="left", maintain_order="left"
        )
    result = joined.collect(engine="in-memory").drop(key)
    if valid < height:
        nulls = pl.DataFrame(schema=result.schema).clear(height - valid)
        result = pl.concat([result, nulls], how="vertical")
    if order is None:
        return result
    # Row ``order[i]`` of ``keys`` is row ``i`` of ``result``.
    inverse = np.empty(height, dtype=np.uint32)
    inverse[order.to_numpy()] = np.arange(height, dtype=np.uint32)
    return result[pl.Series(inverse, dtype=pl.UInt32)]


#: Work columns of :func:`lookup_text`.
_HASH, _TEXT = "_hash_kunci", "_teks_kunci"


def text_hash(text: pl.Expr) -> pl.Expr:
    """The 64-bit hash :func:`lookup_text` joins on (the same in both frames of a run)."""
    return text.hash()


def lookup_text(texts: pl.Series, table: pl.DataFrame) -> pl.DataFrame:
    """The columns of ``table`` but the key, for each entry of ``texts``, in its order:
    what a left join of ``texts`` with the first row of each key of ``table`` gives
    (``table.unique(texts.name, keep="first", maintain_order=True)``). A null text
    matches nothing; so does a row of ``table`` without a key.

    The texts are joined on a 64-bit hash of theirs, on sorted keys (:func:`lookup`),
    then every match is checked on the text itself: should two texts share a hash, the
    join is made on the texts instead."""
    key = texts.name
    hashed = text_hash(pl.col(key))
    right = (
        table.lazy()
        .filter(pl.col(key).is_not_null())
        .with_columns(hashed.alias(_HASH))
        .sort(_HASH, maintain_order=True)
        .filter(pl.col(_HASH).ne_missing(pl.col(_HASH).shift(1)))
        .rename({key: _TEXT})
        .collect(engine="in-memory")
    )
    keys = texts.to_frame().select(pl.when(pl.col(key).is_not_null()).then(hashed).alias(_HASH))
    found = lookup(keys.to_series(), [right])
    matched = found.get_column(_TEXT)
    if bool((matched.is_null() | (matched == texts)).all()):
        return found.drop(_TEXT)
    first = table.filter(pl.col(key).is_not_null()).unique(key, keep="first", maintain_order=True)
    joined = texts.to_frame().join(first, on=key, how="left", maintain_order="left")
    return joined.drop(key)
