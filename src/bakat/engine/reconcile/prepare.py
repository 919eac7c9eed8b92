"""The frame contract of reconciliation: each side reduced to the columns it needs, with
canonical types, a row number ``_id`` and the exact-match keys ``_k`` (the NIP as an
integer) and ``_nip`` (the NIP as written)."""

from __future__ import annotations

from collections.abc import Collection

import polars as pl

from bakat.domain.nip import NIP_PANJANG
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


def kunci_angka(nip: pl.Expr) -> pl.Expr:
    """The first exact-match key: a NIP written as exactly 18 digits, as an integer (two
    such NIPs are equal exactly when their integers are; integers join several times
    faster than text); null for any other NIP, which waits for the cleaned text key."""
    return pl.when(nip.str.contains(rf"^\d{{{NIP_PANJANG}}}$")).then(
        nip.cast(pl.Int64, strict=False)
    )


def siapkan(frame: pl.LazyFrame, kolom: Collection[str]) -> pl.LazyFrame:
    """``frame`` with ``_id`` (0-based row number), ``_k`` (:func:`kunci_angka`),
    ``_nip`` (the NIP as written; :func:`~bakat.engine.reconcile.matching.kunci_nip`
    cleans it for the leftovers) and the columns of :data:`KOLOM_TETAP` and ``kolom``
    in canonical types (a missing column is empty; a date written as text is read in the
    forms of formats.md). Only these columns are read."""
    schema = frame.collect_schema()
    semua = list(dict.fromkeys([*KOLOM_TETAP, *kolom]))
    nip = _kolom("nip", schema)
    return frame.select(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("_id"),
        kunci_angka(nip).alias("_k"),
        nip.alias("_nip"),
        *(_kolom(c, schema) for c in semua),
    )
