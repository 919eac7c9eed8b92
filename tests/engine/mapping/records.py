"""Hand-made records for the mapping tests: one person who is mapped by default, and
helpers that run the engine on a few such records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from bakat.domain.policy import Policy, load_policy
from bakat.engine.mapping.frames import COLUMNS, MappingData
from bakat.engine.mapping.job import MappingResult, run_mapping
from bakat.engine.mapping.placement import place

AS_OF = date(2025, 10, 17)
NASIONAL = load_policy("nasional-2025")
JPM = load_policy("jpm")

Row = dict[str, Any]


def pegawai(nip: str = "1", **values: Any) -> Row:
    """An active PNS, born 1980, in unit U1, S1 in Hukum, in service since 2005."""
    row: Row = {
        "nip": nip,
        "jenis_kelamin": "L",
        "tanggal_lahir": date(1980, 1, 1),
        "status_kepegawaian": "PNS",
        "tmt_cpns": date(2005, 1, 1),
        "jenjang_jabatan": "AHLI_MUDA",
        "unit_kerja": "U1",
        "unit_kerja_nama": "Unit Satu",
        "pendidikan": "S1",
        "jurusan": "Hukum",
        "status_aktif": True,
    }
    row.update(values)
    return row


def skp(
    nip: str = "1", predikat: Sequence[str | None] = ("Baik", "Baik"), **values: Any
) -> list[Row]:
    """SKP rows of 2023 and 2024 (the window at :data:`AS_OF`), oldest first."""
    return [
        {"nip": nip, "tahun": year, "predikat": p, **values}
        for year, p in zip((2023, 2024), predikat, strict=True)
    ]


def asesmen(
    nip: str = "1",
    tanggal: date = date(2024, 6, 1),
    skor_kompetensi: float | None = 80.0,
    skor_potensi: float | None = 80.0,
) -> Row:
    """One assessment, valid at :data:`AS_OF` by default."""
    return {
        "nip": nip,
        "tanggal": tanggal,
        "skor_kompetensi": skor_kompetensi,
        "skor_potensi": skor_potensi,
    }


def frame(table: str, rows: Sequence[Row]) -> pl.LazyFrame:
    """``rows`` as a lazy frame of ``table`` with the canonical dtypes."""
    schema = dict(COLUMNS[table])
    for row in rows:
        for key in row:
            if key not in schema:
                raise KeyError(f"{table} has no column {key}")
    data = {name: [row.get(name) for row in rows] for name in schema}
    return pl.DataFrame(data, schema=schema).lazy()


def data(
    people: Sequence[Row],
    *,
    kinerja: Sequence[Row] = (),
    asesmen: Sequence[Row] = (),
    diklat: Sequence[Row] = (),
    hukdis: Sequence[Row] = (),
    jabatan: Sequence[Row] = (),
    unit_kerja: Sequence[Row] | None = None,
) -> MappingData:
    """The tables as :class:`MappingData`."""
    return MappingData(
        pegawai=frame("pegawai", people),
        kinerja=frame("kinerja", kinerja),
        asesmen=frame("asesmen", asesmen),
        diklat=frame("diklat", diklat),
        hukdis=frame("hukdis", hukdis),
        jabatan=frame("jabatan", jabatan),
        unit_kerja=None if unit_kerja is None else frame("unit_kerja", unit_kerja),
    )


def placed(
    mapping_data: MappingData, policy: Policy = NASIONAL, as_of: date = AS_OF
) -> pl.DataFrame:
    """The placed person frame (internal columns included), sorted by NIP."""
    return place(mapping_data, as_of, policy).collect().sort("nip")


def mapped(
    mapping_data: MappingData, policy: Policy = NASIONAL, as_of: date = AS_OF
) -> MappingResult:
    """The whole mapping job."""
    return run_mapping(mapping_data, as_of=as_of, policy=policy)


def one(mapping_data: MappingData, policy: Policy = NASIONAL, as_of: date = AS_OF) -> Row:
    """The placed row of the first person."""
    return placed(mapping_data, policy, as_of).row(0, named=True)
