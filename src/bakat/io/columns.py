"""How one column of a file becomes its canonical column (the plan of a column).

A :class:`Plan` names the aggregate *facts* the reader needs about the column (its
distinct texts, how many cells cannot be read, whether any text has spaces to trim ...)
and, given those facts, gives the :class:`Outcome`: the expression of the canonical value
and, when the file has something to report, which cells to report and how. The facts of
every column of a file are computed together in one pass (:mod:`bakat.io.values`).

Everything is a Polars expression over whole columns. Enumerations, booleans, and dates
and numbers written as text are read once per *distinct* text (a column of millions of
rows has a few to a few tens of thousands), never once per row. With ``shortcuts`` (the
default), a column whose values are already canonical is the file's column as stored (a
plain projection: a Parquet file written in the canonical form is not transformed at
all), a text column whose distinct texts are all in a plain form (ISO dates, digits) is
converted by a plain cast, and a column with nothing to report costs no search for
problem rows; without them, every column takes the general path. Both give the same
frame and masalah.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import polars as pl

from bakat.io import dates, enums
from bakat.io.masalah import KodeMasalah
from bakat.io.tables import Column, Kind

#: An identifier in scientific notation (``1.98E+17``), on trimmed text.
SCIENTIFIC = r"^[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+$"
#: The same on untrimmed text (``\s`` and Polars' trimming both use Unicode White_Space).
SCIENTIFIC_PADDED = r"^\s*[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+\s*$"
#: What a text that may be in scientific notation or need trimming contains: an "e" or
#: a space (every character Python calls a space: a superset of what trimming removes).
_SUSPECT = ["e", "E", *(chr(code) for code in range(0x3001) if chr(code).isspace())]
_EXACT_LIMIT = 1e15  # doubles hold 15 significant digits exactly (what Excel keeps)

#: Facts of one column: fact name -> value computed over the whole column.
Facts = Mapping[str, Any]


@dataclass(frozen=True)
class Finding:
    """The cells of a column to report: rows where ``bad``, showing ``nilai``."""

    bad: pl.Expr
    nilai: pl.Expr
    code: KodeMasalah


@dataclass(frozen=True)
class Outcome:
    """The canonical value of a column and what to report (None: nothing)."""

    value: pl.Expr
    finding: Finding | None
    unchanged: bool  # the value is the file's column as stored
    injective: bool  # distinct stored values give distinct values, empty stays empty


@dataclass(frozen=True)
class Plan:
    """How a column present in a file is read.

    ``facts``: fact name -> aggregate expression over the file's column.
    ``finish(facts, shortcuts)``: the :class:`Outcome` given the computed facts.
    """

    column: Column
    facts: Mapping[str, pl.Expr]
    finish: Callable[[Facts, bool], Outcome]


def as_text(column: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """The cell as trimmed text (null when empty); integral floats without ``.0``."""
    if dtype.is_float():
        exact = (column == column.floor()) & (column.abs() < _EXACT_LIMIT)
        return (
            pl.when(exact)
            .then(column.cast(pl.Int64, strict=False).cast(pl.String))
            .otherwise(column.cast(pl.String))
        )
    if dtype != pl.String:
        column = column.cast(pl.String, strict=False)
    return column.str.strip_chars().replace("", None)


def plan(col: Column, dtype: pl.DataType) -> Plan:
    """The plan of ``col`` stored with ``dtype`` in the file."""
    kind = col.kind
    source = pl.col(col.name)
    if kind is Kind.TEXT:
        text = as_text(source, dtype)
        return Plan(col, {}, lambda _facts, _short: Outcome(text, None, False, False))
    if kind is Kind.ID:
        return _identifier(col, dtype)
    if kind is Kind.DATE and (
        dtype == pl.Date or isinstance(dtype, pl.Datetime) or dtype.is_numeric()
    ):
        return _typed(col, dtype, dates.parse(source, dtype), can_fail=True)
    if kind is Kind.INT and dtype.is_integer():
        can_fail = dtype == pl.UInt64  # the only integer type wider than Int64
        return _typed(col, dtype, source.cast(pl.Int64, strict=False), can_fail=can_fail)
    if kind is Kind.INT and dtype.is_float():
        whole = pl.when(source == source.floor()).then(source.cast(pl.Int64, strict=False))
        return _typed(col, dtype, whole, can_fail=True)
    if kind is Kind.FLOAT and dtype.is_numeric():
        value = source.cast(pl.Float64)
        if dtype.is_integer():
            return _typed(col, dtype, value, can_fail=False)
        return _typed(col, dtype, pl.when(value.is_finite()).then(value), can_fail=True)
    if kind is Kind.BOOL and dtype == pl.Boolean:
        return _typed(col, dtype, source, can_fail=False)
    if kind is Kind.BOOL and dtype.is_numeric():
        number = pl.when(source == 1).then(pl.lit(True)).when(source == 0).then(pl.lit(False))
        return _typed(col, dtype, number, can_fail=True)
    return _mapped(col, dtype)


def _code(kind: Kind) -> KodeMasalah:
    if kind is Kind.DATE:
        return KodeMasalah.TANGGAL_TIDAK_VALID
    if kind in (Kind.INT, Kind.FLOAT):
        return KodeMasalah.ANGKA_TIDAK_VALID
    return KodeMasalah.NILAI_TIDAK_DIKENAL


def _with_default(col: Column, source: pl.Expr, value: pl.Expr) -> pl.Expr:
    """``value``, with the column's default where the cell is empty (booleans)."""
    if col.default is None:
        return value
    return pl.when(source.is_null()).then(pl.lit(col.default)).otherwise(value)


def _typed(col: Column, dtype: pl.DataType, value: pl.Expr, *, can_fail: bool) -> Plan:
    """A column whose file type is read without text: dates, numbers, booleans.

    ``value``: the canonical value of a non-empty cell (null when it cannot be read).
    """
    source = pl.col(col.name)
    failed = source.is_not_null() & value.is_null()
    facts: dict[str, pl.Expr] = {}
    if can_fail:
        facts["gagal"] = failed.sum()
    if col.default is not None:
        facts["kosong"] = source.null_count()
    final = _with_default(col, source, value)

    def finish(found: Facts, shortcuts: bool) -> Outcome:
        failures = int(found.get("gagal", 0))
        unchanged = (
            shortcuts
            and dtype == col.kind.dtype
            and failures == 0
            and int(found.get("kosong", 0)) == 0
        )
        finding = None
        if can_fail and (failures or not shortcuts):
            finding = Finding(failed, as_text(source, dtype), _code(col.kind))
        widened = col.kind is Kind.INT and dtype.is_integer() and failures == 0
        return Outcome(source if unchanged else final, finding, unchanged, unchanged or widened)

    return Plan(col, facts, finish)


def _identifier(col: Column, dtype: pl.DataType) -> Plan:
    """Identifiers: always text. A string column whose texts need no trimming passes
    through; a float column shows inexact numbers as Excel does (``1.98001012005011E+17``)
    so that the lost digits are visible and reported."""
    source = pl.col(col.name)
    text = as_text(source, dtype)
    scientific = text.str.contains(SCIENTIFIC)
    facts: dict[str, pl.Expr] = {}
    if dtype == pl.String:
        # Only a text with an "e" or a space in it, or an empty one, can need either.
        suspect = source.str.contains_any(_SUSPECT, ascii_case_insensitive=False)
        facts["curiga"] = source.filter(suspect | (source == "")).implode()
    else:
        facts["ilmiah"] = scientific.sum()
    if dtype.is_float():
        exact = (source == source.floor()) & (source.abs() < _EXACT_LIMIT)
        facts["tak_tepat"] = source.filter(~exact).drop_nulls().drop_nans().unique().implode()

    def finish(found: Facts, shortcuts: bool) -> Outcome:
        if dtype == pl.String:
            found = _suspects(found["curiga"])
        value = text
        unchanged = shortcuts and dtype == pl.String and not found["rapikan"]
        if unchanged:
            value = source
        elif dtype.is_float() and len(found["tak_tepat"]):
            inexact = found["tak_tepat"]
            shown = [format(number, ".15G") for number in inexact.to_list()]
            value = source.replace_strict(
                inexact, shown, default=None, return_dtype=pl.String
            ).fill_null(text)
        finding = None
        if int(found["ilmiah"]) or not shortcuts:
            finding = Finding(scientific, value, KodeMasalah.ID_ANGKA_ILMIAH)
        return Outcome(value, finding, unchanged, unchanged)

    return Plan(col, facts, finish)


def _suspects(texts: pl.Series) -> Facts:
    """Whether any of ``texts`` is an identifier in scientific notation, and whether any
    needs trimming (or is empty)."""
    trimmed = texts.str.strip_chars().str.len_bytes() != texts.str.len_bytes()
    return {
        "ilmiah": int(texts.str.contains(SCIENTIFIC_PADDED).sum()),
        "rapikan": bool((trimmed | (texts == "")).any()),
    }


def _mapped(col: Column, dtype: pl.DataType) -> Plan:
    """Columns read from their text, once per distinct text: enumerations, booleans,
    and dates and numbers stored as text (or in a type that is neither)."""
    source = pl.col(col.name)
    text = as_text(source, dtype)
    base = source if dtype == pl.String else text  # what the distinct values are taken of
    target = col.kind.dtype

    def finish(found: Facts, shortcuts: bool) -> Outcome:
        distinct: pl.Series = found["distinct"].drop_nulls()
        trimmed = distinct if dtype != pl.String else _trim(distinct)
        parsed = _parse_distinct(col, trimmed)
        if col.default is not None:
            parsed = pl.select(
                pl.when(pl.lit(trimmed).is_null())
                .then(pl.lit(col.default, dtype=target))
                .otherwise(pl.lit(parsed))
            ).to_series()
        unknown = distinct.filter(trimmed.is_not_null() & parsed.is_null())
        unchanged = (
            shortcuts
            and dtype == target
            and distinct.dtype == parsed.dtype
            and bool(distinct.eq_missing(parsed).all())
        )
        plain = _PLAIN.get(col.kind) if shortcuts and dtype == pl.String else None
        direct = (
            plain is not None
            and len(distinct) > 0
            and bool(distinct.str.contains(plain[0]).all())
            and parsed.null_count() == 0
        )
        if unchanged:
            value = source
        elif direct and plain is not None:
            value = _with_default(col, source, plain[1](source))
        else:
            mapped = base.replace_strict(distinct, parsed, default=None, return_dtype=target)
            value = _with_default(col, base, mapped)
        finding = None
        if not shortcuts:
            finding = Finding(text.is_not_null() & value.is_null(), text, _code(col.kind))
        elif len(unknown):
            finding = Finding(base.is_in(unknown.implode()), text, _code(col.kind))
        one_to_one = direct and col.kind in (Kind.DATE, Kind.INT)  # not "1" and "1.0"
        return Outcome(value, finding, unchanged, unchanged or one_to_one)

    return Plan(col, {"distinct": base.unique().implode()}, finish)


#: Texts that a plain conversion reads exactly as the accepted forms do (so a column
#: whose distinct texts all have this shape is converted without a mapping): ISO dates,
#: whole numbers without leading zeros, decimals with a point, ``true``/``false``.
_PLAIN: Mapping[Kind, tuple[str, Callable[[pl.Expr], pl.Expr]]] = MappingProxyType(
    {
        Kind.DATE: (
            r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            lambda text: text.str.to_date("%Y-%m-%d", strict=False),
        ),
        Kind.INT: (r"^(?:0|[1-9][0-9]{0,17})$", lambda text: text.cast(pl.Int64, strict=False)),
        Kind.FLOAT: (
            r"^[0-9]{1,15}(?:\.[0-9]{1,15})?$",
            lambda text: text.cast(pl.Float64, strict=False),
        ),
        Kind.BOOL: (r"^(?:true|false)$", lambda text: text == "true"),
    }
)


def _trim(values: pl.Series) -> pl.Series:
    return pl.select(as_text(pl.lit(values), pl.String())).to_series()


def _parse_distinct(col: Column, texts: pl.Series) -> pl.Series:
    """The canonical value of each trimmed text (null when it cannot be read)."""
    kind = col.kind
    if kind is Kind.DATE:
        return pl.select(dates.from_text(pl.lit(texts))).to_series()
    if kind is Kind.INT:
        whole = pl.lit(texts).str.extract(r"^([+-]?\d+)(?:\.0*)?$", 1)
        return pl.select(whole.cast(pl.Int64, strict=False)).to_series()
    if kind is Kind.FLOAT:
        text = pl.lit(texts)
        # A decimal comma ("85,5") is how Indonesian spreadsheets write decimals.
        number = (
            pl.when(text.str.contains(r"^[+-]?\d+,\d+$"))
            .then(text.str.replace(",", ".", literal=True))
            .otherwise(text)
            .cast(pl.Float64, strict=False)
        )
        return pl.select(pl.when(number.is_finite()).then(number)).to_series()
    values = texts.to_list()
    if kind is Kind.BOOL:
        return pl.Series([enums.parse_bool(v) for v in values], dtype=pl.Boolean)
    return pl.Series([enums.canonical(kind, v) for v in values], dtype=pl.String)
