"""Cells to canonical values, and the value-level problems (masalah) found on the way.

A value that cannot be read (an impossible date, an unknown golongan, a word in a number
column) becomes null and is reported as one masalah row; it never refuses the file.
Everything is a Polars expression over whole columns; enumerations go through the domain
parsers once per distinct value, not once per row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from enum import StrEnum
from types import MappingProxyType

import polars as pl

from bakat.io import dates, enums
from bakat.io.headers import RawTable
from bakat.io.tables import RAW_SUFFIX, ROW, Column, Kind, Table


class KodeMasalah(StrEnum):
    """Codes of the value-level problems a reader reports (``masalah`` column)."""

    TANGGAL_TIDAK_VALID = "tanggal_tidak_valid"
    ANGKA_TIDAK_VALID = "angka_tidak_valid"
    NILAI_TIDAK_DIKENAL = "nilai_tidak_dikenal"
    ID_ANGKA_ILMIAH = "id_angka_ilmiah"


PESAN: Mapping[KodeMasalah, str] = MappingProxyType(
    {
        KodeMasalah.TANGGAL_TIDAK_VALID: (
            "bukan tanggal yang sah (YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY atau nomor seri Excel, "
            "1900-2099) / not a valid date (YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or an Excel "
            "serial number, 1900-2099)"
        ),
        KodeMasalah.ANGKA_TIDAK_VALID: "bukan angka yang sah / not a valid number",
        KodeMasalah.NILAI_TIDAK_DIKENAL: "nilai tidak dikenal / unknown value",
        KodeMasalah.ID_ANGKA_ILMIAH: (
            "nomor identitas tertulis sebagai angka (notasi ilmiah, mis. 1.98E+17): digit sudah "
            "hilang; simpan kolom ini sebagai teks / identifier written as a number in "
            "scientific notation (e.g. 1.98E+17): digits are lost; store this column as text"
        ),
    }
)

#: Schema of ``Loaded.masalah``.
MASALAH_SCHEMA = pl.Schema(
    {
        "baris": pl.Int64,
        "kolom": pl.String,
        "nilai": pl.String,
        "masalah": pl.String,
        "pesan": pl.String,
    }
)

_SCIENTIFIC = r"^[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+$"
_EXACT_LIMIT = 1e15  # doubles hold 15 significant digits exactly (what Excel keeps)
_TEXT = "__teks"
_SOURCE = "__sumber"


def empty_masalah() -> pl.DataFrame:
    """A masalah frame with no rows."""
    return pl.DataFrame(schema=MASALAH_SCHEMA)


def normalise(
    raw: RawTable, table: Table, *, keep_raw: bool = False
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The canonical frame of ``table`` from ``raw`` and its masalah.

    The frame has ``_baris`` then every column of the table in order with its canonical
    dtype (absent columns are null, or their default), then ``<col>__asli`` (the trimmed
    text as written) for each normalised column present when ``keep_raw``.
    """
    frame = raw.frame
    schema = frame.schema
    present = [col for col in table.columns if col.name in frame.columns]
    work = frame.select(
        pl.col(ROW),
        *(pl.col(c.name).alias(c.name + _SOURCE) for c in present),
        *(
            _as_text(pl.col(c.name), schema[c.name]).alias(c.name + _TEXT)
            for c in present
            if _keeps_text(c, schema[c.name])
        ),
    )
    work = work.with_columns(_parse(work, c, schema[c.name]).alias(c.name) for c in present)
    out = [pl.col(ROW)]
    for col in table.columns:
        if col.name in frame.columns:
            out.append(pl.col(col.name))
        else:
            out.append(pl.lit(col.default, dtype=col.kind.dtype).alias(col.name))
    if keep_raw:
        out += [
            _text(c, schema[c.name]).alias(c.name + RAW_SUFFIX)
            for c in present
            if c.kind.is_normalised
        ]
    problems = (_problems(work, col, schema[col.name]) for col in present)
    found = [m for m in problems if m is not None and m.height]
    masalah = pl.concat(found) if found else empty_masalah()
    return work.select(out), masalah.sort("baris", "kolom", maintain_order=True)


def _keeps_text(col: Column, dtype: pl.DataType) -> bool:
    """Whether the text of ``col`` is materialised: always for text sources, identifiers
    and free text, and for enumerations read once per distinct text. Dates and numbers
    from typed sources (xlsx, Parquet) compute their text only where it is shown."""
    if dtype == pl.String or col.kind in (Kind.ID, Kind.TEXT):
        return True
    if col.kind in (Kind.DATE, Kind.INT, Kind.FLOAT):
        return False
    return not (dtype == pl.Boolean or dtype.is_numeric())


def _text(col: Column, dtype: pl.DataType) -> pl.Expr:
    """The text of ``col`` as written: the materialised column or an expression."""
    if _keeps_text(col, dtype):
        return pl.col(col.name + _TEXT)
    return _as_text(pl.col(col.name + _SOURCE), dtype)


def _as_text(column: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """The cell as trimmed text (null when empty); integral floats without ``.0``."""
    if dtype == pl.String:
        text = column.str.strip_chars()
    elif dtype.is_float():
        exact = (column == column.floor()) & (column.abs() < _EXACT_LIMIT)
        text = (
            pl.when(exact)
            .then(column.cast(pl.Int64, strict=False).cast(pl.String))
            .otherwise(column.cast(pl.String))
        )
    else:
        text = column.cast(pl.String, strict=False).str.strip_chars()
    return pl.when(text != "").then(text)


def _parse(work: pl.DataFrame, col: Column, dtype: pl.DataType) -> pl.Expr:
    """The canonical value of ``col`` (``dtype``: the column's dtype in the file)."""
    source = pl.col(col.name + _SOURCE)
    text = _text(col, dtype)
    kind = col.kind
    if kind is Kind.ID:
        return _excel_number(work, col.name) if dtype.is_float() else text
    if kind is Kind.TEXT:
        return text
    if kind is Kind.DATE:
        return (
            _dates_from_text(work, col.name) if dtype == pl.String else dates.parse(source, dtype)
        )
    if kind is Kind.INT:
        return _int(source, dtype, text)
    if kind is Kind.FLOAT:
        return _float(source, dtype, text)
    if kind is Kind.BOOL:
        if dtype == pl.Boolean:
            value = source
        elif dtype.is_numeric():
            value = _bool_from_number(source)
        else:
            value = _map_unique(work, col.name + _TEXT, enums.parse_bool, pl.Boolean())
        if col.default is None:
            return value
        empty = text.is_null() if _keeps_text(col, dtype) else source.is_null()
        return pl.when(empty).then(pl.lit(col.default)).otherwise(value)
    return _map_unique(work, col.name + _TEXT, lambda t: enums.canonical(kind, t), pl.String())


def _dates_from_text(work: pl.DataFrame, name: str) -> pl.Expr:
    """Text dates parsed once per distinct value: a date column has a few tens of
    thousands of distinct days however many rows it has."""
    distinct = work.get_column(name + _TEXT).unique().drop_nulls()
    parsed = pl.select(dates.from_text(pl.lit(distinct))).to_series()
    return pl.col(name + _TEXT).replace_strict(
        distinct, parsed, default=None, return_dtype=pl.Date()
    )


def _int(column: pl.Expr, dtype: pl.DataType, text: pl.Expr) -> pl.Expr:
    if dtype.is_integer():
        return column.cast(pl.Int64, strict=False)
    if dtype.is_float():
        return pl.when(column == column.floor()).then(column.cast(pl.Int64, strict=False))
    whole = text.str.extract(r"^([+-]?\d+)(?:\.0*)?$", 1)
    return whole.cast(pl.Int64, strict=False)


def _float(column: pl.Expr, dtype: pl.DataType, text: pl.Expr) -> pl.Expr:
    if dtype.is_numeric():
        value = column.cast(pl.Float64)
    else:
        # A decimal comma ("85,5") is how Indonesian spreadsheets write decimals.
        value = (
            pl.when(text.str.contains(r"^[+-]?\d+,\d+$"))
            .then(text.str.replace(",", ".", literal=True))
            .otherwise(text)
            .cast(pl.Float64, strict=False)
        )
    return pl.when(value.is_finite()).then(value)


def _bool_from_number(column: pl.Expr) -> pl.Expr:
    return pl.when(column == 1).then(pl.lit(True)).when(column == 0).then(pl.lit(False))


def _map_unique(
    work: pl.DataFrame,
    text_column: str,
    parse: Callable[[str], Hashable | None],
    dtype: pl.DataType,
) -> pl.Expr:
    """``parse`` applied once per distinct text of ``text_column``."""
    distinct = work.get_column(text_column).unique().drop_nulls().to_list()
    old = list(distinct)
    new = [parse(value) for value in old]
    return pl.col(text_column).replace_strict(old, new, default=None, return_dtype=dtype)


def _excel_number(work: pl.DataFrame, name: str) -> pl.Expr:
    """Identifiers stored as floats: exact integers as digits, the rest written the way
    Excel shows them (15 significant digits, ``1.98001012000011E+17``) so that the lost
    digits are visible and reported."""
    values = work.get_column(name + _SOURCE)
    exact = (values == values.floor()) & (values.abs() < _EXACT_LIMIT)
    distinct = values.filter(~exact).drop_nulls().drop_nans().unique().to_list()
    text = pl.col(name + _TEXT)
    if not distinct:
        return text
    shown = [format(value, ".15G") for value in distinct]
    return (
        pl.col(name + _SOURCE)
        .replace_strict(distinct, shown, default=None, return_dtype=pl.String)
        .fill_null(text)
    )


def _problems(work: pl.DataFrame, col: Column, dtype: pl.DataType) -> pl.DataFrame | None:
    text = _text(col, dtype)
    kind = col.kind
    if kind is Kind.TEXT:
        return None
    if kind is Kind.ID:
        bad = text.str.contains(_SCIENTIFIC)
        code = KodeMasalah.ID_ANGKA_ILMIAH
        nilai = pl.col(col.name)
    else:
        written = text if _keeps_text(col, dtype) else pl.col(col.name + _SOURCE)
        bad = written.is_not_null() & pl.col(col.name).is_null()
        nilai = text
        if kind is Kind.DATE:
            code = KodeMasalah.TANGGAL_TIDAK_VALID
        elif kind in (Kind.INT, Kind.FLOAT):
            code = KodeMasalah.ANGKA_TIDAK_VALID
        else:
            code = KodeMasalah.NILAI_TIDAK_DIKENAL
    return work.filter(bad.fill_null(False)).select(
        pl.col(ROW).alias("baris"),
        pl.lit(col.name).alias("kolom"),
        nilai.alias("nilai"),
        pl.lit(code.value).alias("masalah"),
        pl.lit(PESAN[code]).alias("pesan"),
    )
