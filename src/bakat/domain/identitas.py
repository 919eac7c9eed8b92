"""Reading rules and problem codes shared by the identity numbers (NIP, NI PPPK, NIK).

One place for what ``bakat.domain.nip`` and ``bakat.domain.nik`` have in common:
- surrounding whitespace is dropped, and so is whitespace *inside* the number, because
  the official printed form of a NIP separates its groups with spaces
  ("19800101 200501 1 001", Perka BKN 22/2007 [V]);
- one leading apostrophe (the spreadsheet "store as text" marker) is dropped;
- any other character (dot, hyphen, letter) is reported, not dropped: a dot may be the
  decimal point of a number that a spreadsheet made of the identifier;
- a value in scientific notation ("1.98E+17") or with a decimal tail ("...001.0") is a
  reason of its own: a spreadsheet turned the identifier into a number and its last
  digits are lost (formats.md: "a value Excel turned into 1.98E+17 is a finding").
Parsing never raises on bad text: every reason is returned at once, each as a machine
code with a message in Bahasa Indonesia and in English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Generic, TypeVar


class KodeMasalah(StrEnum):
    """Why an identity number is invalid (machine codes; stable, used in findings)."""

    KOSONG = "kosong"
    NOTASI_ILMIAH = "notasi_ilmiah"
    ANGKA_DESIMAL = "angka_desimal"
    BUKAN_DIGIT = "bukan_digit"
    PANJANG_SALAH = "panjang_salah"
    TANGGAL_LAHIR_TIDAK_VALID = "tanggal_lahir_tidak_valid"
    TANGGAL_LAHIR_TERLALU_LAMPAU = "tanggal_lahir_terlalu_lampau"
    TANGGAL_LAHIR_DI_MASA_DEPAN = "tanggal_lahir_di_masa_depan"
    BULAN_TMT_CPNS_TIDAK_VALID = "bulan_tmt_cpns_tidak_valid"
    TMT_CPNS_SEBELUM_LAHIR = "tmt_cpns_sebelum_lahir"
    TMT_CPNS_TERLALU_MUDA = "tmt_cpns_terlalu_muda"
    TMT_CPNS_DI_MASA_DEPAN = "tmt_cpns_di_masa_depan"
    TAHUN_PPPK_SEBELUM_LAHIR = "tahun_pppk_sebelum_lahir"
    TAHUN_PPPK_TERLALU_MUDA = "tahun_pppk_terlalu_muda"
    TAHUN_PPPK_SEBELUM_ADA_PPPK = "tahun_pppk_sebelum_ada_pppk"
    TAHUN_PPPK_DI_MASA_DEPAN = "tahun_pppk_di_masa_depan"
    KODE_JENIS_KELAMIN_TIDAK_VALID = "kode_jenis_kelamin_tidak_valid"
    NOMOR_URUT_NOL = "nomor_urut_nol"
    KODE_PROVINSI_TIDAK_DIKENAL = "kode_provinsi_tidak_dikenal"
    KODE_KABUPATEN_NOL = "kode_kabupaten_nol"
    KODE_KECAMATAN_NOL = "kode_kecamatan_nol"


_ANGKA = "Spreadsheet telah mengubahnya menjadi angka sehingga digitnya hilang; format kolom "
_ANGKA += "sebagai teks lalu salin ulang dari sumber."
_NUMBER = "A spreadsheet turned it into a number and its digits are lost; format the column "
_NUMBER += "as text and copy it again from the source."

# Message templates (Indonesian, English). Fields: nama (NIP, NI PPPK, NIK), nilai (the
# offending part), and per code: harus/panjang, usia, tahun.
PESAN: Mapping[KodeMasalah, tuple[str, str]] = MappingProxyType(
    {
        KodeMasalah.KOSONG: ("{nama} kosong.", "The {nama} is empty."),
        KodeMasalah.NOTASI_ILMIAH: (
            "{nama} tertulis sebagai angka berpangkat ({nilai}). " + _ANGKA,
            "The {nama} is written in scientific notation ({nilai}). " + _NUMBER,
        ),
        KodeMasalah.ANGKA_DESIMAL: (
            "{nama} tertulis sebagai angka desimal ({nilai}). " + _ANGKA,
            "The {nama} is written as a decimal number ({nilai}). " + _NUMBER,
        ),
        KodeMasalah.BUKAN_DIGIT: (
            "{nama} mengandung karakter selain angka: {nilai}.",
            "The {nama} contains characters other than digits: {nilai}.",
        ),
        KodeMasalah.PANJANG_SALAH: (
            "{nama} harus {harus} digit, bukan {panjang}.",
            "The {nama} must have {harus} digits, not {panjang}.",
        ),
        KodeMasalah.TANGGAL_LAHIR_TIDAK_VALID: (
            "Tanggal lahir dalam {nama} ({nilai}) bukan tanggal yang ada.",
            "The birth date in the {nama} ({nilai}) is not a real date.",
        ),
        KodeMasalah.TANGGAL_LAHIR_TERLALU_LAMPAU: (
            "Tanggal lahir dalam {nama} ({nilai}) sebelum tahun {tahun}.",
            "The birth date in the {nama} ({nilai}) is before {tahun}.",
        ),
        KodeMasalah.TANGGAL_LAHIR_DI_MASA_DEPAN: (
            "Tanggal lahir dalam {nama} ({nilai}) melewati tanggal acuan.",
            "The birth date in the {nama} ({nilai}) is after the reference date.",
        ),
        KodeMasalah.BULAN_TMT_CPNS_TIDAK_VALID: (
            "Bulan TMT CPNS dalam {nama} ({nilai}) harus 01 sampai 12.",
            "The TMT CPNS month in the {nama} ({nilai}) must be 01 to 12.",
        ),
        KodeMasalah.TMT_CPNS_SEBELUM_LAHIR: (
            "TMT CPNS dalam {nama} ({nilai}) lebih awal dari tanggal lahir.",
            "The TMT CPNS in the {nama} ({nilai}) is before the birth date.",
        ),
        KodeMasalah.TMT_CPNS_TERLALU_MUDA: (
            "TMT CPNS dalam {nama} ({nilai}) jatuh sebelum pegawai berusia {usia} tahun.",
            "The TMT CPNS in the {nama} ({nilai}) falls before the employee was {usia}.",
        ),
        KodeMasalah.TMT_CPNS_DI_MASA_DEPAN: (
            "TMT CPNS dalam {nama} ({nilai}) melewati tanggal acuan.",
            "The TMT CPNS in the {nama} ({nilai}) is after the reference date.",
        ),
        KodeMasalah.TAHUN_PPPK_SEBELUM_LAHIR: (
            "Tahun pengangkatan dalam {nama} ({nilai}) lebih awal dari tahun lahir.",
            "The appointment year in the {nama} ({nilai}) is before the birth year.",
        ),
        KodeMasalah.TAHUN_PPPK_TERLALU_MUDA: (
            "Tahun pengangkatan dalam {nama} ({nilai}) jatuh sebelum pegawai berusia {usia} tahun.",
            "The appointment year in the {nama} ({nilai}) falls before the employee was {usia}.",
        ),
        KodeMasalah.TAHUN_PPPK_SEBELUM_ADA_PPPK: (
            "Tahun pengangkatan dalam {nama} ({nilai}) sebelum PPPK pertama diangkat ({tahun}).",
            "The appointment year in the {nama} ({nilai}) is before the first PPPK ({tahun}).",
        ),
        KodeMasalah.TAHUN_PPPK_DI_MASA_DEPAN: (
            "Tahun pengangkatan dalam {nama} ({nilai}) melewati tanggal acuan.",
            "The appointment year in the {nama} ({nilai}) is after the reference date.",
        ),
        KodeMasalah.KODE_JENIS_KELAMIN_TIDAK_VALID: (
            "Digit jenis kelamin dalam {nama} ({nilai}) harus 1 (laki-laki) atau 2 (perempuan).",
            "The sex digit in the {nama} ({nilai}) must be 1 (male) or 2 (female).",
        ),
        KodeMasalah.NOMOR_URUT_NOL: (
            "Nomor urut dalam {nama} ({nilai}) harus dimulai dari 1.",
            "The serial number in the {nama} ({nilai}) must start at 1.",
        ),
        KodeMasalah.KODE_PROVINSI_TIDAK_DIKENAL: (
            "Kode provinsi dalam {nama} ({nilai}) tidak ada dalam daftar Dukcapil.",
            "The province code in the {nama} ({nilai}) is not in the Dukcapil list.",
        ),
        KodeMasalah.KODE_KABUPATEN_NOL: (
            "Kode kabupaten/kota dalam {nama} ({nilai}) tidak boleh 00.",
            "The regency/city code in the {nama} ({nilai}) cannot be 00.",
        ),
        KodeMasalah.KODE_KECAMATAN_NOL: (
            "Kode kecamatan dalam {nama} ({nilai}) tidak boleh 00.",
            "The district code in the {nama} ({nilai}) cannot be 00.",
        ),
    }
)


@dataclass(frozen=True)
class Masalah:
    """One reason an identity number is invalid: code, Indonesian and English message."""

    kode: KodeMasalah
    pesan: str
    message: str


def masalah(kode: KodeMasalah, nama: str, nilai: str = "", **rincian: object) -> Masalah:
    """Build the problem ``kode`` for identifier ``nama`` with its messages filled in."""
    pesan, message = PESAN[kode]
    fields = {"nama": nama, "nilai": nilai, **rincian}
    return Masalah(kode, pesan.format(**fields), message.format(**fields))


_P = TypeVar("_P", covariant=True)


@dataclass(frozen=True)
class HasilNomor(Generic[_P]):
    """The result of reading an identity number.

    ``teks`` is the number with whitespace removed (``None`` when empty); ``parts`` the
    decoded parts, present only when ``errors`` is empty.
    """

    teks: str | None
    parts: _P | None
    errors: tuple[Masalah, ...]

    @property
    def valid(self) -> bool:
        """Whether the number has no problem at all."""
        return not self.errors

    @property
    def kode(self) -> tuple[KodeMasalah, ...]:
        """The problem codes, in the order found."""
        return tuple(m.kode for m in self.errors)


_NOTASI_ILMIAH = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_ANGKA_DESIMAL = re.compile(r"^\d+[.,]0+$")
DIGIT = frozenset("0123456789")


def bersihkan(text: str | None, nama: str, panjang: int) -> tuple[str | None, list[Masalah]]:
    """Apply the shared reading rules (module docstring) to ``text``.

    Returns the cleaned text and the format problems found. When the second item is
    empty the text is exactly ``panjang`` ASCII digits; when the length is right but some
    characters are not digits, callers still check the fields that are all digits.
    """
    raw = "" if text is None else text.strip()
    if raw.startswith("'"):
        raw = raw[1:].strip()
    if not raw:
        return None, [masalah(KodeMasalah.KOSONG, nama)]
    if _NOTASI_ILMIAH.match(raw):
        return raw, [masalah(KodeMasalah.NOTASI_ILMIAH, nama, raw)]
    if _ANGKA_DESIMAL.match(raw):
        return raw, [masalah(KodeMasalah.ANGKA_DESIMAL, nama, raw)]
    teks = "".join(raw.split())
    found: list[Masalah] = []
    asing = sorted({c for c in teks if c not in DIGIT})
    if asing:
        found.append(masalah(KodeMasalah.BUKAN_DIGIT, nama, " ".join(repr(c) for c in asing)))
    if len(teks) != panjang:
        found.append(
            masalah(KodeMasalah.PANJANG_SALAH, nama, teks, harus=panjang, panjang=len(teks))
        )
    return teks, found


def semua_digit(part: str) -> bool:
    """Whether ``part`` is non-empty and made of ASCII digits only."""
    return bool(part) and all(c in DIGIT for c in part)
