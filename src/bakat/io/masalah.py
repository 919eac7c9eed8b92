"""The value-level problems (masalah) a reader reports: codes, messages and schema.

A value that cannot be read (an impossible date, an unknown golongan, a word in a number
column) becomes null and is reported as one masalah row; it never refuses the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

import polars as pl


class KodeMasalah(StrEnum):
    """Codes of the value-level problems a reader reports (``masalah`` column)."""

    TANGGAL_TIDAK_VALID = "tanggal_tidak_valid"
    ANGKA_TIDAK_VALID = "angka_tidak_valid"
    NILAI_TIDAK_DIKENAL = "nilai_tidak_dikenal"
    ID_ANGKA_ILMIAH = "id_angka_ilmiah"


PESAN: Mapping[KodeMasalah, str] = MappingProxyType(
    {
        KodeMasalah.TANGGAL_TIDAK_VALID: (
            "bukan tanggal yang sah (YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY atau nomor seri Excel, "
            "1900-2099) / not a valid date (YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or an Excel "
            "serial number, 1900-2099)"
        ),
        KodeMasalah.ANGKA_TIDAK_VALID: "bukan angka yang sah / not a valid number",
        KodeMasalah.NILAI_TIDAK_DIKENAL: "nilai tidak dikenal / unknown value",
        KodeMasalah.ID_ANGKA_ILMIAH: (
            "nomor identitas tertulis sebagai angka (notasi ilmiah, mis. 1.98E+17): digit sudah "
            "hilang; simpan kolom ini sebagai teks / identifier written as a number in "
            "scientific notation (e.g. 1.98E+17): digits are lost; store this column as text"
        ),
    }
)

#: Schema of ``Loaded.masalah``.
MASALAH_SCHEMA = pl.Schema(
    {
        "baris": pl.Int64,
        "kolom": pl.String,
        "nilai": pl.String,
        "masalah": pl.String,
        "pesan": pl.String,
    }
)


def empty_masalah() -> pl.DataFrame:
    """A masalah frame with no rows."""
    return pl.DataFrame(schema=MASALAH_SCHEMA)
