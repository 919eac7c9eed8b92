"""Who corrects what: ``pihak``, the corrections sent to BKN (``usulan_bkn.csv``) and the
counts (``ringkasan_rekonsiliasi.csv``).

Only BKN may correct a civil servant's name, NIP and birth date in SIASN; the agency
sends the request with the SK CPNS, the diploma and the NIP conversion record
(domain.md §4.1 [S]: bkpp.lomboktengahkab.go.id, bkd.sultengprov.go.id). Every other
field the agency corrects itself: in its own records, or in SIASN through its own
update channel (``data-utama-update``, ``rw-*`` saves; domain.md §4.12 [S]). Records
only on one side are the agency's to settle (add the record, or report the departure).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

import polars as pl

from bakat.engine.reconcile.normalise import KOLOM_BANDING


class Status(StrEnum):
    """``rekonsiliasi.csv`` statuses (formats.md)."""

    BEDA = "beda"
    COCOK_FUZZY = "cocok_fuzzy"
    HANYA_LOKAL = "hanya_lokal"
    HANYA_SIASN = "hanya_siasn"


class Pihak(StrEnum):
    """Who must correct a difference (formats.md ``pihak``)."""

    INSTANSI = "instansi"
    BKN = "bkn"


#: Fields only BKN may correct in SIASN (domain.md §4.1 [S]).
KOLOM_BKN: frozenset[str] = frozenset({"nama", "nip", "tanggal_lahir"})
#: Supporting documents of a request to BKN (domain.md §4.1 [S]).
DOKUMEN_BKN = "SK CPNS; ijazah; dokumen konversi NIP"
#: Order of the columns within a record (``nip`` first).
URUTAN_KOLOM: Mapping[str, int] = MappingProxyType(
    {"nip": 0} | {c: i for i, c in enumerate(KOLOM_BANDING, start=1)}
)
KOLOM_USULAN: tuple[str, ...] = (
    "nip_siasn",
    "nip",
    "nama",
    "unit_kerja",
    "unit_kerja_nama",
    "instansi",
    "kolom",
    "nilai_siasn",
    "nilai_usulan",
    "alasan",
    "dokumen",
)
KOLOM_RINGKASAN: tuple[str, ...] = ("status", "kolom", "pihak", "jumlah_baris", "jumlah_rekaman")

_LOKAL_SALAH = pl.col("_bukti_lokal").eq(False) & pl.col("_bukti_siasn").eq(True)
_SIASN_SALAH = pl.col("_bukti_lokal").eq(True) & pl.col("_bukti_siasn").eq(False)


def pihak() -> pl.Expr:
    """``bkn`` for a difference in a field only BKN may correct, else ``instansi``."""
    return (
        pl.when(pl.col("kolom").is_in(list(KOLOM_BKN)))
        .then(pl.lit(Pihak.BKN.value))
        .otherwise(pl.lit(Pihak.INSTANSI.value))
    )


def keterangan() -> pl.Expr:
    """What the NIP says about a disputed birth date or NIP (bakat.engine.reconcile.bukti),
    or that the agency's record has no NIP."""
    return (
        pl.when((pl.col("kolom") == "nip") & pl.col("nilai_lokal").is_null())
        .then(pl.lit("NIP kosong di data instansi: lengkapi dari SIASN"))
        .when(_SIASN_SALAH & (pl.col("kolom") == "tanggal_lahir"))
        .then(pl.lit("tanggal lahir SIASN tidak sesuai dengan 8 digit pertama NIP"))
        .when(_LOKAL_SALAH & (pl.col("kolom") == "tanggal_lahir"))
        .then(pl.lit("tanggal lahir instansi tidak sesuai dengan NIP: perbaiki data instansi"))
        .when(_SIASN_SALAH & (pl.col("kolom") == "nip"))
        .then(pl.lit("NIP SIASN tidak sesuai dengan tanggal lahir, TMT CPNS atau jenis kelamin"))
        .when(_LOKAL_SALAH & (pl.col("kolom") == "nip"))
        .then(pl.lit("NIP instansi tidak sesuai dengan rekamannya: perbaiki data instansi"))
    )


def usulan_bkn(rekonsiliasi: pl.DataFrame) -> pl.DataFrame:
    """The corrections only BKN may make, ready to send: differences in nama, nip or
    tanggal_lahir of matched records, with the agency's value as the proposal. Left out:
    differences where the agency has no value, and those where the NIP shows the agency's
    own record is the wrong one (the agency corrects itself instead)."""
    alasan = (
        pl.when(pl.col("kolom") == "nama")
        .then(pl.lit("nama di SIASN berbeda dengan data instansi"))
        .when(pl.col("kolom") == "nip")
        .then(
            pl.format(
                "NIP di SIASN berbeda dengan data instansi (pasangan dengan skor {})",
                pl.col("skor").round(2),
            )
        )
        .otherwise(pl.lit("tanggal lahir di SIASN berbeda dengan data instansi"))
    )
    bukti = (
        pl.when(_SIASN_SALAH)
        .then(pl.lit("; nilai SIASN tidak sesuai dengan NIP"))
        .when(pl.col("kolom").is_in(["nip", "tanggal_lahir"]))
        .then(pl.lit("; NIP tidak menentukan: cocokkan dengan SK CPNS"))
        .otherwise(pl.lit(""))
    )
    return (
        rekonsiliasi.filter(
            (pl.col("pihak") == Pihak.BKN.value)
            & pl.col("status").is_in([Status.BEDA.value, Status.COCOK_FUZZY.value])
            & pl.col("nilai_lokal").is_not_null()
            & ~_LOKAL_SALAH.fill_null(False)
        )
        .with_columns(
            pl.col("nilai_lokal").alias("nilai_usulan"),
            pl.concat_str(alasan, bukti).alias("alasan"),
            pl.lit(DOKUMEN_BKN).alias("dokumen"),
        )
        .select(KOLOM_USULAN)
    )


def ringkasan(rekonsiliasi: pl.DataFrame) -> pl.DataFrame:
    """Rows and records per status, column and pihak, in status then column order."""
    status = {s.value: i for i, s in enumerate(Status)}
    return (
        rekonsiliasi.group_by("status", "kolom", "pihak")
        .agg(
            pl.len().cast(pl.Int64).alias("jumlah_baris"),
            pl.struct("_id", "_id__s").n_unique().cast(pl.Int64).alias("jumlah_rekaman"),
        )
        .sort(
            pl.col("status").replace_strict(status, return_dtype=pl.Int32),
            pl.col("kolom").replace_strict(dict(URUTAN_KOLOM), default=-1, return_dtype=pl.Int32),
            "pihak",
        )
        .select(KOLOM_RINGKASAN)
    )
