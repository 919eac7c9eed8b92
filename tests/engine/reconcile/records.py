"""Hand-made pegawai/siasn frames for the reconciliation tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from bakat.domain.policy import Policy, load_policy
from bakat.engine.reconcile.job import HasilRekonsiliasi, run_reconcile

SCHEMA: dict[str, type[pl.DataType]] = {
    "nip": pl.String,
    "nik": pl.String,
    "nama": pl.String,
    "gelar_depan": pl.String,
    "gelar_belakang": pl.String,
    "jenis_kelamin": pl.String,
    "tempat_lahir": pl.String,
    "tanggal_lahir": pl.Date,
    "status_kepegawaian": pl.String,
    "tmt_cpns": pl.Date,
    "golongan": pl.String,
    "pangkat": pl.String,
    "jabatan": pl.String,
    "unit_kerja": pl.String,
    "unit_kerja_nama": pl.String,
    "pendidikan": pl.String,
    "status_aktif": pl.Boolean,
}

#: NIP 198503122010011001: born 1985-03-12, TMT CPNS 2010-01, male, serial 001.
BUDI: dict[str, Any] = {
    "nip": "198503122010011001",
    "nik": "3171011203850001",
    "nama": "Budi Santoso",
    "gelar_depan": None,
    "gelar_belakang": "S.Kom.",
    "jenis_kelamin": "L",
    "tempat_lahir": "Jakarta",
    "tanggal_lahir": date(1985, 3, 12),
    "status_kepegawaian": "PNS",
    "tmt_cpns": date(2010, 1, 1),
    "golongan": "III/c",
    "pangkat": "Penata",
    "jabatan": "Pranata Komputer Ahli Muda",
    "unit_kerja": "U1",
    "unit_kerja_nama": "Pusat Data",
    "pendidikan": "S1",
    "status_aktif": True,
}
#: NIP 199007252015032002: born 1990-07-25, TMT CPNS 2015-03, female, serial 002.
SITI: dict[str, Any] = BUDI | {
    "nip": "199007252015032002",
    "nik": "3171016507900002",
    "nama": "Siti Aminah",
    "gelar_belakang": "S.E.",
    "jenis_kelamin": "P",
    "tanggal_lahir": date(1990, 7, 25),
    "tmt_cpns": date(2015, 3, 1),
    "golongan": "III/a",
    "pangkat": "Penata Muda",
    "unit_kerja": "U2",
    "unit_kerja_nama": "Biro Umum",
}


def orang(asal: dict[str, Any], **ubah: Any) -> dict[str, Any]:
    """A record like ``asal`` with some fields changed."""
    return asal | ubah


def frame(*rows: dict[str, Any]) -> pl.LazyFrame:
    return pl.DataFrame(list(rows), schema=SCHEMA).lazy()


def rekonsiliasi(
    lokal: list[dict[str, Any]], siasn: list[dict[str, Any]], policy: Policy | None = None
) -> HasilRekonsiliasi:
    return run_reconcile(
        frame(*lokal),
        frame(*siasn),
        policy=policy or load_policy("nasional-2025"),
        kolom=[c for c in SCHEMA if c != "nip"],
    )


def baris(hasil: HasilRekonsiliasi) -> list[tuple[str | None, str | None, str, str | None]]:
    """(nip, nip_siasn, status, kolom) of every output row."""
    return [
        (r["nip"], r["nip_siasn"], r["status"], r["kolom"])
        for r in hasil.rekonsiliasi.iter_rows(named=True)
    ]
