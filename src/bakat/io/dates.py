"""Dates as agencies write them, parsed with Polars expressions (no loop per row).

Accepted (formats.md "Dates"): ``YYYY-MM-DD``, ``DD-MM-YYYY``, ``DD/MM/YYYY`` (day and
month may have one digit; the year has four), each optionally followed by a time of day
(``2020-01-05 00:00:00``, ``2020-01-05T08:30``) which is dropped, and Excel serial numbers
(epoch 1899-12-30, the convention of Excel for Windows and of SIASN exports, domain.md
§4.12 and data rule V39), as numbers or as text of five digits with an optional decimal
fraction (``43831``, ``43831.5``). A real date cell of a spreadsheet or a Parquet date
passes through.

A date is valid from 1900-01-01 through 2099-12-31 (:data:`EARLIEST`, :data:`LATEST`).
Anything else (unparseable text, an impossible date such as 31-02-2020, a date outside
the range) becomes null and is reported by the caller as a value-level problem.
"""

from __future__ import annotations

from datetime import date

import polars as pl

#: Excel's day zero for serial numbers (1900 date system, Windows).
EXCEL_EPOCH = date(1899, 12, 30)
#: Earliest and latest date read as valid (data rule V39: nothing before 1900).
EARLIEST = date(1900, 1, 1)
LATEST = date(2099, 12, 31)
#: Serial numbers below this (1927-05-18) are more likely years or codes than dates.
SERIAL_MIN = 10_000
SERIAL_MAX = (LATEST - EXCEL_EPOCH).days

_TIME_SUFFIX = r"^(\d{1,4}[-/]\d{1,2}[-/]\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$"
_FORMATS: tuple[tuple[str, str], ...] = (
    (r"^\d{4}-\d{1,2}-\d{1,2}$", "%Y-%m-%d"),
    (r"^\d{1,2}-\d{1,2}-\d{4}$", "%d-%m-%Y"),
    (r"^\d{1,2}/\d{1,2}/\d{4}$", "%d/%m/%Y"),
)
_SERIAL_TEXT = r"^\d{5}(?:\.\d*)?$"


def from_serial(days: pl.Expr) -> pl.Expr:
    """Excel serial day numbers (integer part used) to dates; null outside the serial
    range :data:`SERIAL_MIN` .. :data:`SERIAL_MAX`."""
    whole = days.cast(pl.Float64).floor()
    in_range = (whole >= SERIAL_MIN) & (whole <= SERIAL_MAX)
    return (
        pl.when(in_range)
        .then(pl.lit(EXCEL_EPOCH) + pl.duration(days=whole.cast(pl.Int64)))
        .otherwise(None)
        .cast(pl.Date)
    )


def from_text(text: pl.Expr) -> pl.Expr:
    """Text in any accepted form to dates (null when not a valid date in range)."""
    value = text.str.strip_chars().str.replace(_TIME_SUFFIX, "${1}")
    parsed = [
        pl.when(value.str.contains(pattern)).then(value.str.strptime(pl.Date, fmt, strict=False))
        for pattern, fmt in _FORMATS
    ]
    serial = pl.when(value.str.contains(_SERIAL_TEXT)).then(
        from_serial(value.str.extract(r"^(\d+)", 1).cast(pl.Int64, strict=False))
    )
    return in_range(pl.coalesce(*parsed, serial))


def in_range(dates: pl.Expr) -> pl.Expr:
    """``dates`` with anything outside :data:`EARLIEST` .. :data:`LATEST` made null."""
    return pl.when(dates.is_between(pl.lit(EARLIEST), pl.lit(LATEST))).then(dates)


def parse(column: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """A column of any source dtype to ``pl.Date``.

    Dates and datetimes keep their day; numbers are Excel serials; text is parsed by
    :func:`from_text`; anything else becomes null.
    """
    if dtype == pl.Date:
        return in_range(column)
    if isinstance(dtype, pl.Datetime):
        return in_range(column.dt.date())
    if dtype.is_numeric():
        return from_serial(column)
    if dtype == pl.String:
        return from_text(column)
    return from_text(column.cast(pl.String, strict=False))


def parse_text(values: list[str | None]) -> list[date | None]:
    """Parse plain Python strings (convenience for callers and tests)."""
    series = pl.Series("t", values, dtype=pl.String)
    return pl.select(from_text(pl.lit(series))).to_series().to_list()
