"""Parquet files: columns with their own dtypes; canonical dtypes pass through as they are.

Parquet has no spreadsheet rows; ``_baris`` counts as if the file were a sheet with a
header in row 1 (the first record is row 2), so messages read the same for every format.
The file is scanned lazily: only the columns a step uses are read from it.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from bakat.domain.errors import InputError
from bakat.io.headers import RawTable, resolve_headers
from bakat.io.tables import ROW, Table


def read_parquet(path: Path, table: Table, *, file: str) -> RawTable:
    """The columns of ``path`` that ``table`` knows, named canonically (lazily)."""
    try:
        names = list(pl.read_parquet_schema(path))
    except Exception as exc:  # polars and the OS raise several types for damaged files
        raise InputError(
            f"bukan berkas Parquet yang dapat dibaca / not a readable Parquet file ({exc})",
            file=file,
        ) from None
    mapping = resolve_headers(table, names, file=file)
    wanted = {names[index]: name for name, index in mapping.position.items()}
    index = "__baris"
    while index in names:
        index += "_"
    scan = pl.scan_parquet(
        path,
        row_index_name=index,
        row_index_offset=2,
        glob=False,
        hive_partitioning=False,
    )
    frame = scan.select(
        pl.col(index).cast(pl.Int64).alias(ROW),
        *(pl.col(source).alias(name) for source, name in wanted.items()),
    )
    return RawTable(frame, mapping.written)


def unreadable(exc: Exception, file: str) -> InputError:
    """The refusal of a Parquet file whose data cannot be read."""
    return InputError(
        f"isi berkas Parquet tidak dapat dibaca / cannot read the Parquet data ({exc})",
        file=file,
    )
