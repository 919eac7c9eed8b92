"""Writing result files: atomic, and safe to open in a spreadsheet.

Every writer writes to a temporary file in the target's folder and renames it over the
target only when the write is complete (formats.md "Output": never a half-written
file). On any error the temporary file is removed and an existing target is untouched.

Text cells that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return are
prefixed with a single quote, so that a spreadsheet shows them as text instead of
running them as a formula (CSV/formula injection). Numbers, dates and booleans are
written as they are.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import xlsxwriter

#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_PATTERN = r"^[=+\-@\t\r]"

_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed to ``path`` on success.

    The parent folder is created if missing. On an exception the temporary file is
    removed and ``path`` keeps its old content (if any); the exception propagates.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        temporary.chmod(0o666 & ~_UMASK)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def neutralise(df: pl.DataFrame) -> pl.DataFrame:
    """``df`` with text cells that a spreadsheet would run as a formula prefixed by ``'``.

    Text columns (String, Categorical, Enum) only; other dtypes are returned unchanged.
    """
    text_columns = [
        name
        for name, dtype in df.schema.items()
        if dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum)
    ]
    return df.with_columns(
        pl.when(pl.col(name).cast(pl.String).str.contains(_FORMULA_PATTERN))
        .then(pl.lit("'") + pl.col(name).cast(pl.String))
        .otherwise(pl.col(name).cast(pl.String))
        .alias(name)
        for name in text_columns
    )


def write_csv(df: pl.DataFrame, path: Path, *, bom: bool = False) -> None:
    """Write ``df`` as CSV: UTF-8 (a byte order mark only if ``bom``), comma separator,
    header, ``\\n`` line ends, empty cell for null, ISO dates, ``true``/``false``."""
    safe = neutralise(df)
    with atomic_output(path) as temporary:
        safe.write_csv(
            temporary,
            include_bom=bom,
            separator=",",
            line_terminator="\n",
            date_format="%Y-%m-%d",
            datetime_format="%Y-%m-%dT%H:%M:%S",
        )


def write_parquet(
    df: pl.DataFrame, path: Path, *, compression: str = "zstd", statistics: bool = True
) -> None:
    """Write ``df`` as Parquet with its dtypes (no neutralisation: not a spreadsheet).

    ``compression="snappy", statistics=False`` writes about twice as fast, for the
    national-scale tables where writing time matters more than file size.
    """
    with atomic_output(path) as temporary:
        df.write_parquet(
            temporary,
            compression=compression,  # type: ignore[arg-type]
            statistics=statistics,
        )


_FIXED_CREATED = datetime(2000, 1, 1, tzinfo=UTC)


def write_xlsx(data: pl.DataFrame | Mapping[str, pl.DataFrame], path: Path) -> None:
    """Write one frame (sheet ``data``) or several (sheet name -> frame) as XLSX.

    Text is always written as text (never as a formula) and neutralised as in CSV;
    numbers as numbers, dates with the ``yyyy-mm-dd`` format, booleans as booleans.
    The header row is bold and frozen with a filter. Sheet names follow Excel's rules
    (at most 31 characters, none of ``[]:*?/\\``); ValueError otherwise.
    """
    sheets = {"data": data} if isinstance(data, pl.DataFrame) else dict(data)
    for name in sheets:
        if not name or len(name) > 31 or any(ch in name for ch in "[]:*?/\\"):
            raise ValueError(f"invalid sheet name {name!r}")
    with atomic_output(path) as temporary:
        workbook = xlsxwriter.Workbook(
            str(temporary), {"constant_memory": True, "strings_to_formulas": False}
        )
        try:
            # A fixed creation time: the same frames give a byte-identical file.
            workbook.set_properties({"created": _FIXED_CREATED})
            bold = workbook.add_format({"bold": True})
            day = workbook.add_format({"num_format": "yyyy-mm-dd"})
            moment = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
            for name, frame in sheets.items():
                sheet = workbook.add_worksheet(name)
                safe = neutralise(frame)
                for col, header in enumerate(safe.columns):
                    sheet.write_string(0, col, header, bold)
                    sheet.set_column(col, col, min(max(len(header) + 2, 10), 40))
                for row, values in enumerate(safe.iter_rows(), start=1):
                    for col, value in enumerate(values):
                        _write_cell(sheet, row, col, value, day, moment)
                sheet.freeze_panes(1, 0)
                if safe.width:
                    sheet.autofilter(0, 0, max(safe.height, 1), safe.width - 1)
        finally:
            workbook.close()


def _write_cell(
    sheet: xlsxwriter.worksheet.Worksheet,
    row: int,
    col: int,
    value: object,
    day: xlsxwriter.format.Format,
    moment: xlsxwriter.format.Format,
) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value)
    elif isinstance(value, datetime):
        sheet.write_datetime(row, col, value.replace(tzinfo=None), moment)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), day)
    else:
        sheet.write_string(row, col, str(value))
