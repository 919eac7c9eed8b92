"""Findings from the readers: values that could not be read (V39 unreadable dates, Q00
unknown values and numbers, Q19 identifiers a spreadsheet turned into numbers).

The readers (``bakat.io``) never refuse a file for a bad value: they make it null and
list it (``Loaded.masalah``: ``baris``, ``kolom``, ``nilai``, ``masalah``). Each listed
problem becomes one finding of the rule whose ``kode_masalah`` names its code. A NIP or
NIK in scientific notation is not listed again here: V01 and V09 report it on the value.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import polars as pl

from bakat.engine.quality.registry import Dimensi, Konteks, Rule, Tingkat, daftarkan

#: The reader's problem codes (``bakat.io.values.KodeMasalah``; a data contract).
TANGGAL_TIDAK_VALID = "tanggal_tidak_valid"
ANGKA_TIDAK_VALID = "angka_tidak_valid"
NILAI_TIDAK_DIKENAL = "nilai_tidak_dikenal"
ID_ANGKA_ILMIAH = "id_angka_ilmiah"
#: Codes whose cell is null in the frame (completeness rules do not report them again).
KODE_MENGOSONGKAN = frozenset({TANGGAL_TIDAK_VALID, ANGKA_TIDAK_VALID, NILAI_TIDAK_DIKENAL})
#: Identifier columns already checked on their value by V01 (nip) and V09 (nik).
SUDAH_DIPERIKSA: frozenset[tuple[str, str]] = frozenset({("pegawai", "nip"), ("pegawai", "nik")})
#: PPPK golongan I-XVII (domain.md §4.4 [I]) is not a golongan ruang: the reader does not
#: know it, but on a PPPK record it is not an unknown value.
POLA_GOLONGAN_PPPK = r"^(?:XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)$"


def _tidak_pernah(k: Konteks) -> pl.Expr:
    return pl.lit(False)


def _aturan(
    id: str,
    name: str,
    tingkat: Tingkat,
    kode: tuple[str, ...],
    tabel: tuple[str, ...],
    pesan: str,
    message: str,
    dasar: str,
) -> Rule:
    return daftarkan(
        Rule(
            id=id,
            name=name,
            tingkat=tingkat,
            dimensi=Dimensi.AKURASI,
            tabel="*",
            kolom="*",
            dasar=dasar,
            pesan=pesan,
            message=message,
            violated=_tidak_pernah,
            perlu_kolom=(),
            kode_masalah=kode,
            tabel_berlaku=tabel,
        )
    )


TANGGAL_TIDAK_TERBACA = _aturan(
    "V39",
    "tanggal_tidak_terbaca",
    Tingkat.ERROR,
    (TANGGAL_TIDAK_VALID,),
    ("pegawai", "asesmen", "diklat", "hukdis"),
    "Tanggal pada kolom {kolom} ({nilai}) tidak terbaca atau di luar 1900-2099; tulis "
    "sebagai YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY.",
    "The date in column {kolom} ({nilai}) cannot be read or is outside 1900-2099.",
    "Nomor seri Excel dikonversi (epoch 1899-12-30); tanggal sebelum 1900 ditolak "
    "(domain.md §4.12, §8 V39 [S])",
)
NILAI_TIDAK_DIKENAL_ATURAN = _aturan(
    "Q00",
    "nilai_tidak_dikenal",
    Tingkat.ERROR,
    (NILAI_TIDAK_DIKENAL, ANGKA_TIDAK_VALID),
    ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "relasi"),
    "Nilai pada kolom {kolom} ({nilai}) tidak dikenal atau bukan angka yang sah; gunakan "
    "nilai baku (formats.md).",
    "The value in column {kolom} ({nilai}) is unknown or not a valid number.",
    "Nilai baku tiap kolom (formats.md); IKD akurasi (domain.md §4.12 [S])",
)
NOMOR_TERTULIS_SEBAGAI_ANGKA = _aturan(
    "Q19",
    "nomor_tertulis_sebagai_angka",
    Tingkat.ERROR,
    (ID_ANGKA_ILMIAH,),
    ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "relasi"),
    "Nomor pada kolom {kolom} ({nilai}) tertulis sebagai angka berpangkat; digitnya "
    "hilang. Format kolom sebagai teks lalu salin ulang dari sumber.",
    "The number in column {kolom} ({nilai}) is in scientific notation; digits are lost.",
    "NIP/NIK selalu teks (formats.md; Perka BKN 22/2007, domain.md §4.1)",
)

ATURAN_PEMBACA: tuple[Rule, ...] = (
    TANGGAL_TIDAK_TERBACA,
    NILAI_TIDAK_DIKENAL_ATURAN,
    NOMOR_TERTULIS_SEBAGAI_ANGKA,
)
_ATURAN_KODE: Mapping[str, Rule] = MappingProxyType(
    {kode: rule for rule in ATURAN_PEMBACA for kode in rule.kode_masalah}
)


def aturan_untuk(kode: str) -> Rule | None:
    """The reader rule reporting problem code ``kode``; None for an unknown code."""
    return _ATURAN_KODE.get(kode)


def tak_terbaca(masalah: Mapping[str, pl.DataFrame]) -> dict[str, dict[str, tuple[int, ...]]]:
    """Table -> column -> rows whose cell the reader made null."""
    hasil: dict[str, dict[str, tuple[int, ...]]] = {}
    for tabel, frame in masalah.items():
        kosong = frame.filter(pl.col("masalah").is_in(list(KODE_MENGOSONGKAN)))
        for (kolom,), bagian in kosong.group_by(["kolom"]):
            hasil.setdefault(tabel, {})[str(kolom)] = tuple(bagian.get_column("baris").to_list())
    return hasil


def dikecualikan(tabel: str) -> pl.Expr:
    """Reader problems of ``tabel`` that are not findings: NIP/NIK in scientific notation
    (reported by V01/V09) and PPPK golongan I-XVII on a PPPK record. Reads the masalah
    row joined with the record (``status_kepegawaian``)."""
    sudah = pl.lit(False)
    for t, kolom in SUDAH_DIPERIKSA:
        if t == tabel:
            sudah = sudah | (pl.col("kolom") == kolom)
    if tabel != "pegawai":
        return sudah
    pppk = (
        pl.col("kolom").is_in(["golongan", "golongan_awal"])
        & (pl.col("status_kepegawaian") == "PPPK")
        & pl.col("nilai").str.strip_chars().str.to_uppercase().str.contains(POLA_GOLONGAN_PPPK)
    )
    return sudah | pppk.fill_null(False)
