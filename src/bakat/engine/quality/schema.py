"""The frames the quality engine reads: the canonical columns of each table and their dtypes.

The same names and dtypes as the data contract (formats.md "Tables and canonical
columns"); the readers of ``bakat.io`` produce them. A frame given to the engine may leave
out any column but the key ones: :func:`lengkapi` adds the missing ones as nulls (or their
default), so that rules see a complete, typed frame whatever the source.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType

import polars as pl

from bakat.domain.kompetensi import KOMPETENSI

#: The 1-based spreadsheet row (header = row 1) of each record, as the readers number it.
BARIS = "_baris"


_S, _D, _I, _F, _B = pl.String, pl.Date, pl.Int64, pl.Float64, pl.Boolean

_PERSONNEL: dict[str, type[pl.DataType]] = {
    "nip": _S,
    "nik": _S,
    "nip_lama": _S,
    "nama": _S,
    "gelar_depan": _S,
    "gelar_belakang": _S,
    "jenis_kelamin": _S,
    "tempat_lahir": _S,
    "tanggal_lahir": _D,
    "status_kepegawaian": _S,
    "tmt_cpns": _D,
    "tmt_pns": _D,
    "golongan": _S,
    "golongan_awal": _S,
    "pangkat": _S,
    "tmt_golongan": _D,
    "jenjang_jabatan": _S,
    "jabatan": _S,
    "jabatan_id": _S,
    "tmt_jabatan": _D,
    "unit_kerja": _S,
    "unit_kerja_nama": _S,
    "pendidikan": _S,
    "jurusan": _S,
    "status_aktif": _B,
    "tmt_pensiun": _D,
    "instansi": _S,
}

#: Canonical columns and dtypes per table.
SKEMA: Mapping[str, Mapping[str, type[pl.DataType]]] = MappingProxyType(
    {
        "pegawai": MappingProxyType(_PERSONNEL),
        "kinerja": MappingProxyType(
            {"nip": _S, "tahun": _I, "predikat": _S, "hasil_kerja": _S, "perilaku_kerja": _S}
        ),
        "asesmen": MappingProxyType(
            {
                "nip": _S,
                "tanggal": _D,
                "skor_kompetensi": _F,
                "skor_potensi": _F,
                **dict.fromkeys(KOMPETENSI, _I),
            }
        ),
        "diklat": MappingProxyType({"nip": _S, "tanggal": _D, "nama": _S, "jp": _F}),
        "hukdis": MappingProxyType({"nip": _S, "tingkat": _S, "tmt": _D, "tanggal_akhir": _D}),
        "jabatan": MappingProxyType(
            {
                "jabatan_id": _S,
                "nama": _S,
                "jenjang_jabatan": _S,
                "unit_kerja": _S,
                "kritikal": _B,
                "nip_pemangku": _S,
                **dict.fromkeys(KOMPETENSI, _I),
                "pendidikan_minimal": _S,
                "golongan_minimal": _S,
                "instansi": _S,
            }
        ),
        "relasi": MappingProxyType({"nip_a": _S, "nip_b": _S, "hubungan": _S}),
    }
)

#: Defaults of boolean columns when the column is absent (formats.md).
BAKU: Mapping[tuple[str, str], bool] = MappingProxyType(
    {("pegawai", "status_aktif"): True, ("jabatan", "kritikal"): False}
)

#: The tables the engine knows, in the order findings are reported.
TABEL: tuple[str, ...] = tuple(SKEMA)


#: The columns the preparation of each table reads whatever rules run (keys, unit, the
#: codes and lookups of ``prepare`` and ``rujukan``).
DASAR: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "pegawai": (
            "nip",
            "nik",
            "instansi",
            "unit_kerja",
            "jabatan_id",
            "status_aktif",
            "status_kepegawaian",
            "jenjang_jabatan",
            "pendidikan",
            "jenis_kelamin",
            "golongan",
            "golongan_awal",
            "tanggal_lahir",
            "tmt_cpns",
            "tmt_jabatan",
        ),
        "kinerja": ("tahun", "predikat"),
        "asesmen": (),
        "diklat": ("tanggal", "jp"),
        "hukdis": ("tingkat", "tmt", "tanggal_akhir"),
        "jabatan": (
            "jabatan_id",
            "instansi",
            "unit_kerja",
            "jenjang_jabatan",
            "pendidikan_minimal",
            "golongan_minimal",
        ),
        "relasi": (),
    }
)

#: The identifier columns each table's keys are computed from (``prepare.siapkan_kunci``).
#: Outside ``pegawai`` no rule reads their text, only their key: the text is kept out of
#: the frames the rules run on and read again for the rows with a finding only.
KUNCI_SUMBER: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "pegawai": ("nip", "nik", "jabatan_id"),
        "kinerja": ("nip",),
        "asesmen": ("nip",),
        "diklat": ("nip",),
        "hukdis": ("nip",),
        "jabatan": ("nip_pemangku", "jabatan_id"),
        "relasi": ("nip_a", "nip_b"),
    }
)


def lengkapi(frame: pl.LazyFrame, tabel: str, kolom: Collection[str] | None = None) -> pl.LazyFrame:
    """``frame`` with the canonical columns of ``tabel`` (only ``kolom`` when given; absent
    ones null, or their default) and ``_baris`` (row index + 2 when absent, as a
    spreadsheet counts it). Columns not asked for are dropped, so a lazy source never
    reads them."""
    have = set(frame.collect_schema().names())
    pilih = [k for k in SKEMA[tabel] if kolom is None or k in kolom]
    keluar: list[pl.Expr] = [
        pl.col(BARIS)
        if BARIS in have
        else (pl.int_range(pl.len(), dtype=pl.Int64) + 2).alias(BARIS)
    ]
    for nama in pilih:
        if nama in have:
            keluar.append(pl.col(nama))
        else:
            keluar.append(pl.lit(BAKU.get((tabel, nama)), dtype=SKEMA[tabel][nama]).alias(nama))
    return frame.select(keluar)
