"""The frames the mapping reads: which columns of each table, with which dtypes.

The names and dtypes are those of the data contract (formats.md "Tables and canonical
columns"), as the readers of ``bakat.io`` produce them. A frame given to the mapping may
leave out any column but its key ones: :func:`conform` adds the missing ones as typed
nulls and keeps only what the mapping reads, so that every step sees a complete, typed
frame whatever the source (a file, the web app's database bridge, a test).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import polars as pl

from bakat.domain.errors import InputError

#: The 1-based spreadsheet row (header = row 1), as the readers number it; unique within
#: a table (the assessment used is the last row of its date).
ROW = "_baris"

_S, _D, _I, _F, _B = pl.String(), pl.Date(), pl.Int64(), pl.Float64(), pl.Boolean()

#: Columns read from each table, with their canonical dtypes.
COLUMNS: Mapping[str, Mapping[str, pl.DataType]] = MappingProxyType(
    {
        "pegawai": MappingProxyType(
            {
                "nip": _S,
                "jenis_kelamin": _S,
                "tanggal_lahir": _D,
                "status_kepegawaian": _S,
                "tmt_cpns": _D,
                "tmt_pns": _D,
                "jenjang_jabatan": _S,
                "jabatan_id": _S,
                "tmt_jabatan": _D,
                "unit_kerja": _S,
                "unit_kerja_nama": _S,
                "pendidikan": _S,
                "jurusan": _S,
                "status_aktif": _B,
                "instansi": _S,
            }
        ),
        "kinerja": MappingProxyType(
            {"nip": _S, "tahun": _I, "predikat": _S, "hasil_kerja": _S, "perilaku_kerja": _S}
        ),
        "asesmen": MappingProxyType(
            {"nip": _S, "tanggal": _D, "skor_kompetensi": _F, "skor_potensi": _F}
        ),
        "diklat": MappingProxyType({"nip": _S, "tanggal": _D, "jp": _F}),
        "hukdis": MappingProxyType({"nip": _S, "tingkat": _S, "tmt": _D, "tanggal_akhir": _D}),
        "jabatan": MappingProxyType({"jabatan_id": _S, "pendidikan_minimal": _S}),
        "unit_kerja": MappingProxyType(
            {
                "unit_kerja": _S,
                "unit_kerja_nama": _S,
                "induk": _S,
                "provinsi": _S,
                "provinsi_nama": _S,
            }
        ),
    }
)

#: Columns without which a table cannot be used at all.
KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "pegawai": ("nip",),
        "kinerja": ("nip", "tahun"),
        "asesmen": ("nip", "tanggal"),
        "diklat": ("nip", "tanggal"),
        "hukdis": ("nip", "tmt"),
        "jabatan": ("jabatan_id",),
        "unit_kerja": ("unit_kerja",),
    }
)

#: Tables whose row order matters (ties are broken by ``_baris``).
_WITH_ROW = frozenset({"pegawai", "asesmen"})


@dataclass(frozen=True)
class MappingData:
    """The tables the mapping reads. Only ``pegawai`` is required; a missing table is
    read as empty (nobody has an SKP, an assessment, training or a sanction).
    ``unit_kerja`` (the unit tree: parent ``induk`` and province) is optional: without
    it the fairness screen by region is skipped with a note and calibration tests each
    unit on its own."""

    pegawai: pl.LazyFrame
    kinerja: pl.LazyFrame | None = None
    asesmen: pl.LazyFrame | None = None
    diklat: pl.LazyFrame | None = None
    hukdis: pl.LazyFrame | None = None
    jabatan: pl.LazyFrame | None = None
    unit_kerja: pl.LazyFrame | None = None

    def table(self, name: str) -> pl.LazyFrame:
        """Table ``name`` conformed to :data:`COLUMNS` (empty when absent)."""
        frame: pl.LazyFrame | None = getattr(self, name)
        return conform(name, frame)


def empty(name: str) -> pl.LazyFrame:
    """An empty frame with the columns of table ``name``."""
    schema = dict(COLUMNS[name])
    if name in _WITH_ROW:
        schema[ROW] = _I
    return pl.LazyFrame(schema=schema)


def conform(name: str, frame: pl.LazyFrame | None) -> pl.LazyFrame:
    """``frame`` with exactly the columns the mapping reads of table ``name``, in the
    canonical dtypes; absent columns become nulls; ``_baris`` is numbered from 2 when
    missing. ``None`` gives an empty frame. InputError when a key column is missing."""
    if frame is None:
        return empty(name)
    present = frame.collect_schema()
    missing = [column for column in KEYS[name] if column not in present]
    if missing:
        raise InputError(
            f"kolom wajib tidak ada: {', '.join(missing)} / required column missing",
            file=name,
            column=missing[0],
        )
    columns = [
        (pl.col(column) if column in present else pl.lit(None)).cast(dtype).alias(column)
        for column, dtype in COLUMNS[name].items()
    ]
    if name in _WITH_ROW:
        row = pl.col(ROW) if ROW in present else pl.int_range(pl.len(), dtype=pl.Int64) + 2
        columns.append(row.cast(_I).alias(ROW))
    return frame.select(columns)
