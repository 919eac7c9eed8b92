"""A data folder whose ``pegawai`` is Parquet with a damaged free-text column (``nama``):
the readers do not need that column, so the damage shows only when a later step reads
it. Used by the command tests of every step that reads names."""

from __future__ import annotations

from pathlib import Path

import polars as pl

_TEKS = "Budi Santoso" * 40


def damage_nama(folder: Path) -> Path:
    """Replace ``folder/pegawai.csv`` by ``pegawai.parquet`` (uncompressed) whose first
    name is long, and break the page header of the ``nama`` column; the file's path."""
    csv = folder / "pegawai.csv"
    pegawai = pl.read_csv(csv, infer_schema=False).with_columns(
        pl.when(pl.int_range(pl.len()) == 0)
        .then(pl.lit(_TEKS))
        .otherwise(pl.col("nama"))
        .alias("nama")
    )
    csv.unlink()
    path = folder / "pegawai.parquet"
    pegawai.write_parquet(path, compression="uncompressed", statistics=False)
    data = bytearray(path.read_bytes())
    start = data.find(_TEKS.encode())
    data[start - 30 : start - 4] = b"\xff" * 26
    path.write_bytes(bytes(data))
    return path
