"""The frame contract of reconciliation: each side reduced to the columns it needs, with
canonical types, a row number ``_id`` and the exact-match key ``_nip``."""

from __future__ import annotations

from collections.abc import Collection

import polars as pl

from bakat.engine.reconcile.normalise import KOLOM_BANDING, Jenis, sebagai_tanggal

#: Columns every prepared side carries besides the compared ones: identity for the
#: output, and what the NIP evidence and the fuzzy stage read.
KOLOM_TETAP: tuple[str, ...] = (
    "nip",
    "nik",
    "nama",
    "jenis_kelamin",
    "tanggal_lahir",
    "status_kepegawaian",
    "tmt_cpns",
    "unit_kerja",
    "unit_kerja_nama",
    "instansi",
)


def _tipe(kolom: str) -> type[pl.DataType]:
    jenis = KOLOM_BANDING.get(kolom)
    if jenis is Jenis.TANGGAL:
        return pl.Date
    if jenis is Jenis.BOOL:
        return pl.Boolean
    return pl.String


def _kolom(kolom: str, schema: pl.Schema) -> pl.Expr:
    tipe = _tipe(kolom)
    if kolom not in schema:
        return pl.lit(None, dtype=tipe).alias(kolom)
    ada = schema[kolom]
    if ada == tipe:
        return pl.col(kolom)
    if tipe is pl.Date and ada == pl.String:
        return sebagai_tanggal(pl.col(kolom)).alias(kolom)
    if tipe is pl.String:
        return pl.col(kolom).cast(pl.String).alias(kolom)
    return pl.col(kolom).cast(tipe, strict=False).alias(kolom)


def siapkan(frame: pl.LazyFrame, kolom: Collection[str]) -> pl.LazyFrame:
    """``frame`` with ``_id`` (0-based row number), ``_nip`` (the NIP as written: the
    first exact-match key; :func:`~bakat.engine.reconcile.matching.kunci_nip` cleans it
    for the leftovers) and the columns of
    :data:`KOLOM_TETAP` and ``kolom`` in canonical types (a missing column is empty; a
    date written as text is read in the forms of formats.md)."""
    schema = frame.collect_schema()
    semua = list(dict.fromkeys([*KOLOM_TETAP, *kolom]))
    return frame.select(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("_id"),
        _kolom("nip", schema).alias("_nip"),
        *(_kolom(c, schema) for c in semua),
    )
