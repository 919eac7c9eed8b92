"""Parquet files: columns with their own dtypes; canonical dtypes pass through as they are.

Parquet has no spreadsheet rows; ``_baris`` counts as if the file were a sheet with a
header in row 1 (the first record is row 2), so messages read the same for every format.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from bakat.domain.errors import InputError
from bakat.io.headers import RawTable, resolve_headers
from bakat.io.tables import ROW, Table


def read_parquet(path: Path, table: Table, *, file: str) -> RawTable:
    """The columns of ``path`` that ``table`` knows, named canonically."""
    try:
        names = list(pl.read_parquet_schema(path))
    except Exception as exc:  # polars and the OS raise several types for damaged files
        raise InputError(
            f"bukan berkas Parquet yang dapat dibaca / not a readable Parquet file ({exc})",
            file=file,
        ) from None
    mapping = resolve_headers(table, names, file=file)
    wanted = {names[index]: name for name, index in mapping.position.items()}
    try:
        cells = pl.read_parquet(path, columns=list(wanted))
    except Exception as exc:
        raise InputError(
            f"isi berkas Parquet tidak dapat dibaca / cannot read the Parquet data ({exc})",
            file=file,
        ) from None
    frame = cells.select(
        (pl.int_range(pl.len(), dtype=pl.Int64) + 2).alias(ROW),
        *(pl.col(source).alias(name) for source, name in wanted.items()),
    )
    return RawTable(frame, mapping.written)
