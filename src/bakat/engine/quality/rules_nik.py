"""NIK rules: the population number's structure, its agreement with the record, and
duplicates (UU 23/2006 Pasal 13; domain.md §4.3, §8 V09-V11)."""

from __future__ import annotations

import polars as pl

from bakat.domain.identitas import KodeMasalah
from bakat.domain.nik import NIK_PANJANG
from bakat.domain.wilayah import KODE_PROVINSI
from bakat.engine.quality.kode import ENUM_JENIS_KELAMIN, bersih
from bakat.engine.quality.kondisi import ada
from bakat.engine.quality.registry import Dimensi, Konteks, Tingkat, aturan
from bakat.engine.quality.rules_identitas import alasan_format, pesan_domain

_E, _W = Tingkat.ERROR, Tingkat.WARNING
_DUKCAPIL = "UU 23/2006 Pasal 13; dukcapil.klaten.go.id (domain.md §4.3 [V])"
_PROVINSI = [int(kode) for kode in KODE_PROVINSI]
_KODE_PEREMPUAN = list(ENUM_JENIS_KELAMIN.categories).index("P")


def nik_sah() -> pl.Expr:
    """The NIK passes every check of ``bakat.domain.nik.parse_nik`` (rule V09)."""
    return (
        pl.col("_nik_16")
        & pl.col("_nik_provinsi").is_in(_PROVINSI)
        & (pl.col("_nik_kabupaten") != 0)
        & (pl.col("_nik_kecamatan") != 0)
        & pl.col("_nik_tanggal_sah")
        & (pl.col("_nik_urut") != 0)
    ).fill_null(False)


def _alasan_nik() -> pl.Expr:
    teks = bersih("nik")

    def pesan(kode: KodeMasalah, mulai: int, panjang: int) -> pl.Expr:
        return pl.format(pesan_domain(kode, "NIK"), teks.str.slice(mulai, panjang))

    return (
        pl.when(~pl.col("_nik_16"))
        .then(alasan_format(teks, "NIK", NIK_PANJANG))
        .when(~pl.col("_nik_provinsi").is_in(_PROVINSI))
        .then(pesan(KodeMasalah.KODE_PROVINSI_TIDAK_DIKENAL, 0, 2))
        .when(pl.col("_nik_kabupaten") == 0)
        .then(pesan(KodeMasalah.KODE_KABUPATEN_NOL, 2, 2))
        .when(pl.col("_nik_kecamatan") == 0)
        .then(pesan(KodeMasalah.KODE_KECAMATAN_NOL, 4, 2))
        .when(~pl.col("_nik_tanggal_sah"))
        .then(pesan(KodeMasalah.TANGGAL_LAHIR_TIDAK_VALID, 6, 6))
        .otherwise(pesan(KodeMasalah.NOMOR_URUT_NOL, 12, 4))
    )


@aturan(
    id="V09",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="nik",
    dasar=_DUKCAPIL,
    pesan="{alasan}",
    message="The NIK ({nik}) is not a valid population number.",
    berlaku=lambda k: pl.col("_nik_kunci").is_not_null(),
    isian={"alasan": lambda k: _alasan_nik()},
)
def nik_tidak_valid(k: Konteks) -> pl.Expr:
    """V09: the NIK is 16 digits, its province code is in the Dukcapil list, regency and
    district are not 00, positions 7-12 are a real ``DDMMYY`` (+40 on the day for women)
    and the serial is not 0000 (UU 23/2006 Pasal 13 [V])."""
    return ~nik_sah()


@aturan(
    id="V10",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="nik",
    dasar=_DUKCAPIL + "; NIK tidak diterbitkan ulang",
    pesan="Tanggal lahir/jenis kelamin dalam NIK ({nik_lahir}) tidak sama dengan data "
    "pegawai ({tanggal_lahir}, {jenis_kelamin}). NIK tidak diterbitkan ulang: periksa data "
    "pegawai.",
    message="The birth date/sex in the NIK ({nik_lahir}) differs from the record "
    "({tanggal_lahir}, {jenis_kelamin}).",
    berlaku=lambda k: nik_sah() & ada("tanggal_lahir"),
    isian={
        "nik_lahir": lambda k: pl.format(
            "{}-{}-{}, {}",
            bersih("nik").str.slice(6, 2),
            bersih("nik").str.slice(8, 2),
            bersih("nik").str.slice(10, 2),
            pl.when(pl.col("_nik_perempuan")).then(pl.lit("P")).otherwise(pl.lit("L")),
        )
    },
    perlu_kolom=("nik", "tanggal_lahir"),
)
def nik_tanggal_lahir_tidak_cocok(k: Konteks) -> pl.Expr:
    """V10: the NIK's day (+40 for women), month and year match the birth date and sex; a
    warning because a NIK is never reissued (dukcapil.klaten [V])."""
    lahir = pl.col("_lahir")
    perempuan = pl.col("_jk") == _KODE_PEREMPUAN
    return (
        (pl.col("_nik_hari") != lahir % 100)
        | (pl.col("_nik_bulan") != (lahir // 100) % 100)
        | (pl.col("_nik_tahun") != (lahir // 10000) % 100)
        | (pl.col("_jk").is_not_null() & (pl.col("_nik_perempuan") != perempuan))
    )


@aturan(
    id="V11",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="nik",
    dasar="NIK unik per penduduk, UU 23/2006 Pasal 13 (domain.md §8 [I])",
    pesan="NIK {nik_bersih} tercatat pada {jumlah} pegawai yang berbeda.",
    message="The NIK {nik_bersih} is on {jumlah} different employees.",
    berlaku=lambda k: pl.col("_nik_kunci").is_not_null(),
    isian={
        "nik_bersih": lambda k: bersih("nik"),
        "jumlah": lambda k: pl.len().over("_nik_kunci"),
    },
)
def nik_ganda(k: Konteks) -> pl.Expr:
    """V11: a NIK belongs to one person only (domain.md §8 [I])."""
    return pl.col("_nik_ganda")
