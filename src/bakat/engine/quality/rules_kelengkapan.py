"""Required values that are missing (own rule Q01, completeness) and implausible dates
(V39: before 1900 or after the as-of date).

Both are families: one rule per column, named after the column, so that a finding says
exactly which value to fill or fix. A cell the reader could not read is null in the
frame and already reported by the reader rules (V39 ``tanggal_tidak_terbaca``, Q00), so
Q01 does not report it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from bakat.engine.quality.kondisi import (
    TANGGAL_PALING_AWAL,
    ada,
    bernip,
    keterangan_tanggal,
    tanggal_tidak_wajar,
)
from bakat.engine.quality.registry import Dimensi, Konteks, Rule, Tingkat, daftarkan

_E, _W = Tingkat.ERROR, Tingkat.WARNING
_WAJIB = "Data wajib pegawai (formats.md; SIASN data-utama, domain.md §4.12 [S]); IKD kelengkapan"
_V39 = "Tanggal sebelum 1900 atau di masa depan ditolak (domain.md §8 V39 [S])"


@dataclass(frozen=True)
class Wajib:
    """A required value: table, column, rule name, label, severity, and for whom."""

    tabel: str
    kolom: str
    nama: str
    label: str
    tingkat: Tingkat
    untuk: Callable[[], pl.Expr] | None = None


def _pns() -> pl.Expr:
    return pl.col("_pns")


def _bergolongan() -> pl.Expr:
    return bernip() & ada("golongan")


WAJIB: tuple[Wajib, ...] = (
    Wajib("pegawai", "nip", "nip_kosong", "NIP", _E),
    Wajib("pegawai", "nama", "nama_kosong", "Nama", _E),
    Wajib("pegawai", "jenis_kelamin", "jenis_kelamin_kosong", "Jenis kelamin", _E),
    Wajib("pegawai", "tanggal_lahir", "tanggal_lahir_kosong", "Tanggal lahir", _E),
    Wajib("pegawai", "status_kepegawaian", "status_kepegawaian_kosong", "Status kepegawaian", _E),
    Wajib("pegawai", "nik", "nik_kosong", "NIK", _W),
    Wajib("pegawai", "unit_kerja", "unit_kerja_kosong", "Unit kerja", _W),
    Wajib("pegawai", "pendidikan", "pendidikan_kosong", "Pendidikan", _W),
    Wajib("pegawai", "jenjang_jabatan", "jenjang_jabatan_kosong", "Jenjang jabatan", _W),
    Wajib("pegawai", "jabatan", "jabatan_kosong", "Nama jabatan", _W),
    Wajib("pegawai", "tmt_jabatan", "tmt_jabatan_kosong", "TMT jabatan", _W),
    Wajib("pegawai", "tmt_cpns", "tmt_cpns_kosong", "TMT CPNS (CPNS dan PNS)", _W, bernip),
    Wajib("pegawai", "golongan", "golongan_kosong", "Golongan (CPNS dan PNS)", _W, bernip),
    Wajib("pegawai", "tmt_golongan", "tmt_golongan_kosong", "TMT golongan", _W, _bergolongan),
    Wajib("pegawai", "tmt_pns", "tmt_pns_kosong", "TMT PNS (PNS)", _W, _pns),
    Wajib("kinerja", "predikat", "predikat_kosong", "Predikat kinerja", _W),
    Wajib("asesmen", "skor_kompetensi", "skor_kompetensi_kosong", "Skor kompetensi", _W),
    Wajib("asesmen", "skor_potensi", "skor_potensi_kosong", "Skor potensi", _W),
    Wajib("hukdis", "tingkat", "tingkat_hukdis_kosong", "Tingkat hukuman disiplin", _W),
    Wajib("jabatan", "jenjang_jabatan", "jenjang_jabatan_posisi_kosong", "Jenjang jabatan", _W),
)


def _wajib(w: Wajib) -> Rule:
    def violated(k: Konteks) -> pl.Expr:
        return pl.col(w.kolom).is_null() & ~k.tak_terbaca(w.tabel, w.kolom)

    violated.__name__ = w.nama
    violated.__doc__ = f"Q01: {w.label} is filled in ({w.tabel}.{w.kolom})."
    untuk = w.untuk
    return daftarkan(
        Rule(
            id="Q01",
            name=w.nama,
            tingkat=w.tingkat,
            dimensi=Dimensi.KELENGKAPAN,
            tabel=w.tabel,
            kolom=w.kolom,
            dasar=_WAJIB,
            pesan=f"{w.label} kosong; wajib diisi.",
            message=f"{w.label} is empty; it is required.",
            violated=violated,
            berlaku=None if untuk is None else (lambda k: untuk()),
            nilai=lambda k: pl.lit(None, dtype=pl.String),
            perlu_kolom=(w.kolom,),
        )
    )


KOSONG = tuple(_wajib(w) for w in WAJIB)


@dataclass(frozen=True)
class Tanggal:
    """A date column checked by V39: table, column, rule name, label."""

    tabel: str
    kolom: str
    nama: str
    label: str


TANGGAL: tuple[Tanggal, ...] = (
    Tanggal("pegawai", "tanggal_lahir", "tanggal_lahir_tidak_wajar", "Tanggal lahir"),
    Tanggal("pegawai", "tmt_cpns", "tmt_cpns_tidak_wajar", "TMT CPNS"),
    Tanggal("pegawai", "tmt_pns", "tmt_pns_tidak_wajar", "TMT PNS"),
    Tanggal("pegawai", "tmt_golongan", "tmt_golongan_tidak_wajar", "TMT golongan"),
    Tanggal("pegawai", "tmt_jabatan", "tmt_jabatan_tidak_wajar", "TMT jabatan"),
    Tanggal("asesmen", "tanggal", "tanggal_asesmen_tidak_wajar", "Tanggal asesmen"),
    Tanggal("diklat", "tanggal", "tanggal_diklat_tidak_wajar", "Tanggal diklat"),
    Tanggal("hukdis", "tmt", "tmt_hukdis_tidak_wajar", "TMT hukuman disiplin"),
)


def _tanggal(t: Tanggal) -> Rule:
    def violated(k: Konteks) -> pl.Expr:
        return tanggal_tidak_wajar(t.kolom, k.as_of)

    violated.__name__ = t.nama
    violated.__doc__ = f"V39: {t.label} is from 1900 up to the as-of date."
    return daftarkan(
        Rule(
            id="V39",
            name=t.nama,
            tingkat=_E,
            dimensi=Dimensi.AKURASI,
            tabel=t.tabel,
            kolom=t.kolom,
            dasar=_V39,
            pesan=f"{t.label} ({{{t.kolom}}}) tidak wajar: {{keterangan}}.",
            message=f"{t.label} ({{{t.kolom}}}) is before 1900 or after the as-of date.",
            violated=violated,
            berlaku=lambda k: ada(t.kolom),
            isian={"keterangan": lambda k: keterangan_tanggal(t.kolom, k.as_of)},
            perlu_kolom=(t.kolom,),
        )
    )


TANGGAL_TIDAK_WAJAR = tuple(_tanggal(t) for t in TANGGAL)


def _tahun_kinerja(k: Konteks) -> pl.Expr:
    """V39: an SKP year is from 1900 up to the as-of year."""
    tahun = pl.col("tahun")
    return (tahun < TANGGAL_PALING_AWAL.year) | (tahun > k.as_of.year)


_tahun_kinerja.__name__ = "tahun_kinerja_tidak_wajar"
TAHUN_KINERJA_TIDAK_WAJAR = daftarkan(
    Rule(
        id="V39",
        name="tahun_kinerja_tidak_wajar",
        tingkat=_E,
        dimensi=Dimensi.AKURASI,
        tabel="kinerja",
        kolom="tahun",
        dasar=_V39,
        pesan="Tahun SKP ({tahun}) tidak wajar: sebelum 1900 atau sesudah tahun acuan.",
        message="The SKP year ({tahun}) is before 1900 or after the as-of year.",
        violated=_tahun_kinerja,
        berlaku=lambda k: ada("tahun"),
        perlu_kolom=("tahun",),
    )
)
