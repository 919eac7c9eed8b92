"""The table contracts: canonical columns, their kinds and dtypes, required columns, keys.

One :class:`Table` per file of a data folder (formats.md "Tables and canonical columns").
Header aliases live in the layouts (:mod:`bakat.io.layouts`); this module says what a
table *is*, the layouts say how sources *spell* it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

import polars as pl

from bakat.domain.kompetensi import KOMPETENSI


class Kind(StrEnum):
    """How a column is read and which dtype it gets."""

    ID = "id"  # identifier: always text, never a number (leading zeros, 18 digits)
    TEXT = "text"  # free text, trimmed
    DATE = "date"  # pl.Date; formats.md "Dates"
    INT = "int"  # pl.Int64
    FLOAT = "float"  # pl.Float64
    BOOL = "bool"  # pl.Boolean; true/false, ya/tidak, 1/0
    # Enumerations: read through the bakat.domain parsers, stored as canonical text.
    JENIS_KELAMIN = "jenis_kelamin"
    GOLONGAN = "golongan"
    PENDIDIKAN = "pendidikan"
    STATUS_KEPEGAWAIAN = "status_kepegawaian"
    JENJANG = "jenjang"
    PREDIKAT = "predikat"
    EKSPEKTASI = "ekspektasi"
    TINGKAT_HUKDIS = "tingkat_hukdis"
    HUBUNGAN = "hubungan"

    @property
    def dtype(self) -> pl.DataType:
        """The canonical Polars dtype of a column of this kind."""
        return _DTYPES.get(self, pl.String())

    @property
    def is_normalised(self) -> bool:
        """Whether the value in the frame may differ from the text in the file."""
        return self not in (Kind.ID, Kind.TEXT)


_DTYPES: Mapping[Kind, pl.DataType] = MappingProxyType(
    {
        Kind.DATE: pl.Date(),
        Kind.INT: pl.Int64(),
        Kind.FLOAT: pl.Float64(),
        Kind.BOOL: pl.Boolean(),
    }
)


@dataclass(frozen=True)
class Column:
    """A canonical column. ``default`` fills empty cells and an absent column (booleans)."""

    name: str
    kind: Kind
    default: bool | None = None


@dataclass(frozen=True)
class Table:
    """A table of the data folder: its columns in order, required columns and key."""

    name: str
    columns: tuple[Column, ...]
    required: tuple[str, ...]
    key: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        """The column called ``name`` (KeyError when the table has none)."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical column names in order."""
        return tuple(col.name for col in self.columns)

    @property
    def schema(self) -> pl.Schema:
        """Canonical schema of the frame a reader returns (without ``_baris``)."""
        return pl.Schema({col.name: col.kind.dtype for col in self.columns})


#: Name of the 1-based spreadsheet row column in every frame a reader returns.
ROW = "_baris"
#: Suffix of the optional raw-text columns (``read_table(..., keep_raw=True)``).
RAW_SUFFIX = "__asli"


_K = Kind

# pegawai and siasn share their columns (formats.md). nip_lama, golongan_awal, pangkat and
# tmt_pensiun are optional extensions carried by the SIASN export (domain.md §4.12) and
# used by data rules V07, V14, V16 and V27.
_PERSONNEL: tuple[Column, ...] = (
    Column("nip", _K.ID),
    Column("nik", _K.ID),
    Column("nip_lama", _K.ID),
    Column("nama", _K.TEXT),
    Column("gelar_depan", _K.TEXT),
    Column("gelar_belakang", _K.TEXT),
    Column("jenis_kelamin", _K.JENIS_KELAMIN),
    Column("tempat_lahir", _K.TEXT),
    Column("tanggal_lahir", _K.DATE),
    Column("status_kepegawaian", _K.STATUS_KEPEGAWAIAN),
    Column("tmt_cpns", _K.DATE),
    Column("tmt_pns", _K.DATE),
    Column("golongan", _K.GOLONGAN),
    Column("golongan_awal", _K.GOLONGAN),
    Column("pangkat", _K.TEXT),
    Column("tmt_golongan", _K.DATE),
    Column("jenjang_jabatan", _K.JENJANG),
    Column("jabatan", _K.TEXT),
    Column("jabatan_id", _K.ID),
    Column("tmt_jabatan", _K.DATE),
    Column("unit_kerja", _K.ID),
    Column("unit_kerja_nama", _K.TEXT),
    Column("pendidikan", _K.PENDIDIKAN),
    Column("jurusan", _K.TEXT),
    Column("status_aktif", _K.BOOL, default=True),
    Column("tmt_pensiun", _K.DATE),
    Column("instansi", _K.ID),
)

TABLES: Mapping[str, Table] = MappingProxyType(
    {
        "pegawai": Table("pegawai", _PERSONNEL, required=("nip",), key=("nip",)),
        "siasn": Table("siasn", _PERSONNEL, required=("nip",), key=("nip",)),
        "kinerja": Table(
            "kinerja",
            (
                Column("nip", _K.ID),
                Column("tahun", _K.INT),
                Column("predikat", _K.PREDIKAT),
                Column("hasil_kerja", _K.EKSPEKTASI),
                Column("perilaku_kerja", _K.EKSPEKTASI),
            ),
            required=("nip", "tahun", "predikat"),
            key=("nip", "tahun"),
        ),
        "asesmen": Table(
            "asesmen",
            (
                Column("nip", _K.ID),
                Column("tanggal", _K.DATE),
                Column("skor_kompetensi", _K.FLOAT),
                Column("skor_potensi", _K.FLOAT),
                *(Column(name, _K.INT) for name in KOMPETENSI),
            ),
            required=("nip", "tanggal", "skor_kompetensi", "skor_potensi"),
            key=("nip", "tanggal"),
        ),
        "diklat": Table(
            "diklat",
            (
                Column("nip", _K.ID),
                Column("tanggal", _K.DATE),
                Column("nama", _K.TEXT),
                Column("jp", _K.FLOAT),
            ),
            required=("nip", "tanggal", "jp"),
        ),
        "hukdis": Table(
            "hukdis",
            (
                Column("nip", _K.ID),
                Column("tingkat", _K.TINGKAT_HUKDIS),
                Column("tmt", _K.DATE),
                Column("tanggal_akhir", _K.DATE),
            ),
            required=("nip", "tingkat", "tmt"),
        ),
        "jabatan": Table(
            "jabatan",
            (
                Column("jabatan_id", _K.ID),
                Column("nama", _K.TEXT),
                Column("jenjang_jabatan", _K.JENJANG),
                Column("unit_kerja", _K.ID),
                Column("kritikal", _K.BOOL, default=False),
                Column("nip_pemangku", _K.ID),
                *(Column(name, _K.INT) for name in KOMPETENSI),
                Column("pendidikan_minimal", _K.PENDIDIKAN),
                Column("golongan_minimal", _K.GOLONGAN),
                Column("instansi", _K.ID),
            ),
            required=("jabatan_id", "nama", "jenjang_jabatan"),
            key=("jabatan_id",),
        ),
        "relasi": Table(
            "relasi",
            (
                Column("nip_a", _K.ID),
                Column("nip_b", _K.ID),
                Column("hubungan", _K.HUBUNGAN),
            ),
            required=("nip_a", "nip_b", "hubungan"),
        ),
        # Reference tables beside the personnel data (docs/formats.md "Reference
        # tables"): the unit tree and, for several agencies, the agency list.
        "unit_kerja": Table(
            "unit_kerja",
            (
                Column("unit_kerja", _K.ID),
                Column("unit_kerja_nama", _K.TEXT),
                Column("induk", _K.ID),
                Column("tingkat", _K.INT),
                Column("provinsi", _K.ID),
                Column("provinsi_nama", _K.TEXT),
                Column("instansi", _K.ID),
                Column("ilustrasi", _K.BOOL),
            ),
            required=("unit_kerja",),
            key=("unit_kerja",),
        ),
        "instansi": Table(
            "instansi",
            (
                Column("instansi", _K.ID),
                Column("instansi_nama", _K.TEXT),
                Column("jenis", _K.TEXT),
                Column("provinsi", _K.ID),
                Column("ukuran", _K.INT),
            ),
            required=("instansi",),
            key=("instansi",),
        ),
    }
)

#: File extensions a table may be stored in, in the order they are documented.
EXTENSIONS: tuple[str, ...] = (".csv", ".xlsx", ".parquet")


def table(name: str) -> Table:
    """The contract of table ``name``; ValueError for a name that is not a table."""
    try:
        return TABLES[name]
    except KeyError:
        known = ", ".join(TABLES)
        raise ValueError(f"unknown table {name!r} (known: {known})") from None
