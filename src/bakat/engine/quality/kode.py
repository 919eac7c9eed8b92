"""Compact codes for the columns the rules read many times: identifiers as unsigned
integers, enumerations as small integer codes, dates as ``YYYYMMDD`` integers.

A population-wide check touches millions of rows per rule; comparing integers is far
cheaper than comparing or hashing text, so each value is encoded once (here) and the
rules compare codes. The regulated tables (``bakat.domain``) are turned into lookups
keyed by those codes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl

from bakat.domain.golongan import Golongan
from bakat.domain.jenjang import Jenjang
from bakat.domain.kepegawaian import JenisKelamin, StatusKepegawaian
from bakat.domain.pendidikan import Pendidikan

ENUM_STATUS = pl.Enum([s.value for s in StatusKepegawaian])
ENUM_JENJANG = pl.Enum([j.value for j in Jenjang])
ENUM_GOLONGAN = pl.Enum([g.value for g in Golongan])
ENUM_PENDIDIKAN = pl.Enum([p.value for p in Pendidikan])
ENUM_JENIS_KELAMIN = pl.Enum([j.value for j in JenisKelamin])

#: Keys of identifiers that are not exactly the expected number of digits carry this bit
#: (a hash of the cleaned text); valid 18- and 16-digit numbers are below it.
BIT_TIDAK_BAKU = 1 << 63
_NOTASI = r"^[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+$"


def kode(kolom: str, enum: pl.Enum) -> pl.Expr:
    """The position of the value of ``kolom`` in ``enum`` (0-based; null when absent)."""
    return pl.col(kolom).cast(pl.String).cast(enum, strict=False).to_physical().cast(pl.Int16)


def kode_dari(enum: pl.Enum, nilai: Sequence[str]) -> list[int]:
    """The codes of ``nilai`` in ``enum``."""
    kategori = list(enum.categories)
    return [kategori.index(v) for v in nilai]


def lookup(
    kode_expr: pl.Expr, enum: pl.Enum, tabel: Mapping[str, Any], dtype: pl.DataType
) -> pl.Expr:
    """Look a code up in a domain table keyed by the enum's values; null when absent.

    The table is laid out as a list indexed by code and read by position (faster than a
    hash lookup); the result keeps the name of ``kode_expr``."""
    nilai = pl.Series([tabel.get(v) for v in enum.categories], dtype=dtype)
    hasil = pl.lit(nilai).gather(kode_expr)
    nama = kode_expr.meta.output_name(raise_if_undetermined=False)
    return hasil if nama is None else hasil.alias(nama)


def bersihkan_teks(teks: pl.Series) -> pl.Series:
    """Identifiers as ``bakat.domain.identitas.bersihkan`` reads them: trimmed, one
    leading apostrophe dropped, inner whitespace removed; empty -> null."""
    hasil = teks.str.strip_chars().str.strip_prefix("'").str.replace_all(r"\s", "")
    return pl.select(pl.when(hasil != "").then(hasil)).to_series().alias(teks.name)


def _angka_baku(teks: pl.Series, panjang: int) -> tuple[pl.Series, pl.Series]:
    angka = teks.cast(pl.UInt64, strict=False)
    baku = (
        (teks.str.len_bytes() == panjang) & angka.is_not_null() & ~teks.str.starts_with("+")
    ).fill_null(False)
    return angka, baku


def kunci_nomor(kolom: str, panjang: int) -> pl.Expr:
    """The key of an identifier column: the number itself (UInt64) when it is exactly
    ``panjang`` digits after cleaning; otherwise a 63-bit hash of the cleaned text with
    :data:`BIT_TIDAK_BAKU` set; null when empty. Only the few values that are not
    already ``panjang`` digits are cleaned (the rest pass through untouched)."""

    def batch(teks: pl.Series) -> pl.Series:
        teks = teks.cast(pl.String)
        angka, baku = _angka_baku(teks, panjang)
        hasil = pl.select(pl.when(pl.lit(baku)).then(pl.lit(angka))).to_series()
        lambat = (teks.is_not_null() & ~baku).fill_null(False)
        if not lambat.any():
            return hasil
        idx = lambat.arg_true()
        bersih = bersihkan_teks(teks.gather(idx))
        angka_b, baku_b = _angka_baku(bersih, panjang)
        hash_b = (bersih.hash(seed=0) // 2) + BIT_TIDAK_BAKU
        kunci_b = pl.select(
            pl.when(pl.lit(baku_b))
            .then(pl.lit(angka_b))
            .when(pl.lit(bersih).is_not_null())
            .then(pl.lit(hash_b))
        ).to_series()
        return hasil.scatter(idx, kunci_b)

    return pl.col(kolom).map_batches(batch, return_dtype=pl.UInt64)


def baku(kunci: str) -> pl.Expr:
    """The key is a number of the expected length (not a hash)."""
    return pl.col(kunci) < BIT_TIDAK_BAKU


def bersih(kolom: str) -> pl.Expr:
    """The cleaned text of an identifier (for messages on violating rows)."""
    return pl.col(kolom).cast(pl.String).map_batches(bersihkan_teks, return_dtype=pl.String)


def notasi_ilmiah() -> str:
    """Regular expression of a number in scientific notation (``1.98E+17``)."""
    return _NOTASI


def ymd(kolom: str | pl.Expr) -> pl.Expr:
    """A date as the integer ``YYYYMMDD``."""
    d = pl.col(kolom) if isinstance(kolom, str) else kolom
    return (
        d.dt.year().cast(pl.Int32) * 10000
        + d.dt.month().cast(pl.Int32) * 100
        + d.dt.day().cast(pl.Int32)
    )


def kabisat(tahun: pl.Expr) -> pl.Expr:
    """Whether ``tahun`` (an integer expression) is a leap year."""
    return ((tahun % 4) == 0) & (((tahun % 100) != 0) | ((tahun % 400) == 0))


def hari_dalam_bulan(tahun: pl.Expr, bulan: pl.Expr) -> pl.Expr:
    """Days in the month (28-31); for ``bulan`` 1..12."""
    tiga_puluh = bulan.is_in([4, 6, 9, 11])
    februari = bulan == 2
    return (
        pl.when(februari)
        .then(pl.when(kabisat(tahun)).then(29).otherwise(28))
        .when(tiga_puluh)
        .then(30)
        .otherwise(31)
    )


def tanggal_sah(tahun: pl.Expr, bulan: pl.Expr, hari: pl.Expr) -> pl.Expr:
    """Whether the integers make a real date."""
    return bulan.is_between(1, 12) & (hari >= 1) & (hari <= hari_dalam_bulan(tahun, bulan))


def usia_ymd(lahir: pl.Expr, pada: pl.Expr) -> pl.Expr:
    """Whole years between two ``YYYYMMDD`` integers (``bakat.domain.jenjang.usia``: a
    29 February birthday falls on 28 February in a common year)."""
    tahun_pada = pada // 10000
    geser = ((lahir % 10000) == 229) & ~kabisat(tahun_pada)
    lahir_efektif = pl.when(geser).then(lahir - 1).otherwise(lahir)
    return (pada - lahir_efektif) // 10000


def petakan_unik(kolom: str, fungsi: Callable[[str], object], dtype: pl.DataType) -> pl.Expr:
    """``fungsi`` applied once per distinct value of ``kolom`` (a per-value domain parser
    over a few distinct values, never once per row); null stays null."""

    def batch(nilai: pl.Series) -> pl.Series:
        kategori = nilai.cast(pl.String).cast(pl.Categorical)
        unik = kategori.unique().drop_nulls()
        hasil = pl.Series([fungsi(v) for v in unik.cast(pl.String).to_list()], dtype=dtype)
        fisik = kategori.to_physical()
        return fisik.replace_strict(unik.to_physical(), hasil, default=None, return_dtype=dtype)

    return pl.col(kolom).map_batches(batch, return_dtype=dtype)


def cocok_jika(kolom: str, pola: str, penanda: tuple[str, ...]) -> pl.Expr:
    """``kolom`` matches regular expression ``pola``; the (costly) expression is only run
    on the values containing one of the literal ``penanda`` (a value without any of them
    cannot match ``pola``)."""

    def batch(teks: pl.Series) -> pl.Series:
        teks = teks.cast(pl.String)
        nilai = pl.lit(teks)
        calon = pl.select(pl.any_horizontal(nilai.str.contains(p, literal=True) for p in penanda))
        idx = calon.to_series().fill_null(False).arg_true()
        hasil = pl.select(pl.when(nilai.is_not_null()).then(pl.lit(False))).to_series()
        if idx.len():
            hasil = hasil.scatter(idx, teks.gather(idx).str.contains(pola))
        return hasil.alias(teks.name)

    return pl.col(kolom).map_batches(batch, return_dtype=pl.Boolean)
