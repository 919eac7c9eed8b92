"""Conditions shared by several rules, as Polars expressions over the prepared frames."""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.jenjang import KATEGORI, Jenjang, KategoriJabatan
from bakat.domain.nip import TAHUN_LAHIR_PALING_AWAL
from bakat.engine.quality.kode import ENUM_JENJANG, kode_dari

#: The earliest date accepted anywhere (rule V39: nothing before 1900).
TANGGAL_PALING_AWAL = date(TAHUN_LAHIR_PALING_AWAL, 1, 1)


def bernip() -> pl.Expr:
    """CPNS and PNS: the identifier is a NIP (Perka BKN 22/2007; domain.md §4.9)."""
    return pl.col("_cpns") | pl.col("_pns")


def pppk() -> pl.Expr:
    """PPPK: the identifier is a NI PPPK and there is no golongan ruang (domain.md §4.9)."""
    return pl.col("_pppk")


def aktif() -> pl.Expr:
    """Still serving (``status_aktif``, default true)."""
    return pl.col("_aktif")


def ada(*kolom: str) -> pl.Expr:
    """Every one of ``kolom`` has a value."""
    return pl.all_horizontal(pl.col(k).is_not_null() for k in kolom)


def jenjang_dalam(*jenjang: Jenjang, kolom: str = "_jenjang") -> pl.Expr:
    """The grade code in ``kolom`` is one of ``jenjang``."""
    return pl.col(kolom).is_in(kode_dari(ENUM_JENJANG, [j.value for j in jenjang]))


def kategori_dalam(*kategori: KategoriJabatan) -> pl.Expr:
    """The person's grade belongs to one of ``kategori`` (UU 20/2023 Pasal 14, 18)."""
    return jenjang_dalam(*(j for j, k in KATEGORI.items() if k in kategori))


def tanggal_tidak_wajar(kolom: str | pl.Expr, as_of: date) -> pl.Expr:
    """A date before 1900 or after the as-of date (rule V39)."""
    tanggal = pl.col(kolom) if isinstance(kolom, str) else kolom
    return (tanggal < pl.lit(TANGGAL_PALING_AWAL)) | (tanggal > pl.lit(as_of))


def keterangan_tanggal(kolom: str, as_of: date) -> pl.Expr:
    """Why a date is implausible, in Indonesian (for messages)."""
    return (
        pl.when(pl.col(kolom) > pl.lit(as_of))
        .then(pl.lit(f"sesudah tanggal acuan {as_of.isoformat()}"))
        .otherwise(pl.lit(f"sebelum tahun {TAHUN_LAHIR_PALING_AWAL}"))
    )


def mulai_bertugas_sebelum(batas: date) -> pl.Expr:
    """In service since ``batas`` or earlier: TMT CPNS for CPNS/PNS, the appointment year
    in the NI PPPK for PPPK (domain.md §4.2), i.e. the person was there for all of the
    period that starts on ``batas``. A PPPK whose NI PPPK cannot be read falls back on
    TMT jabatan, which is never before the appointment."""
    tahun_pppk = pl.col("_nip_tmt_tahun") < batas.year
    return (
        pl.when(pppk() & pl.col("_nip_18"))
        .then(tahun_pppk)
        .when(pppk())
        .then(pl.col("tmt_jabatan") <= pl.lit(batas))
        .otherwise(pl.col("tmt_cpns") <= pl.lit(batas))
    )
