"""Hand-made records for the development tests and a helper that runs the job on them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from bakat.domain.kompetensi import KOMPETENSI
from bakat.domain.policy import load_policy
from bakat.engine.development.frames import COLUMNS
from bakat.engine.development.job import DevelopmentResult, run_development
from bakat.engine.mapping.frames import MappingData

AS_OF = date(2025, 10, 17)
NASIONAL = load_policy("nasional-2025")

Row = dict[str, Any]


def pegawai(nip: str = "1", **values: Any) -> Row:
    """An active PNS AHLI_MUDA, born 1980, in unit U1, S1, in service since 2005, in post
    since 2023 and at this rank since 2023."""
    row: Row = {
        "nip": nip,
        "tanggal_lahir": date(1980, 1, 1),
        "status_kepegawaian": "PNS",
        "tmt_cpns": date(2005, 1, 1),
        "tmt_golongan": date(2023, 4, 1),
        "jenjang_jabatan": "AHLI_MUDA",
        "jabatan_id": "J1",
        "tmt_jabatan": date(2023, 1, 1),
        "unit_kerja": "U1",
        "unit_kerja_nama": "Unit Satu",
        "pendidikan": "S1",
        "status_aktif": True,
    }
    row.update(values)
    return row


def levels(value: int | None, **overrides: int | None) -> Row:
    """The nine competency levels, all ``value`` but ``overrides``."""
    row: Row = dict.fromkeys(KOMPETENSI, value)
    row.update(overrides)
    return row


def asesmen(nip: str = "1", tanggal: date = date(2024, 6, 1), **values: Any) -> Row:
    """A valid assessment with every level at the AHLI_MUDA standard (2) by default."""
    row: Row = {"nip": nip, "tanggal": tanggal, "skor_kompetensi": 80.0, "skor_potensi": 80.0}
    row.update(levels(2))
    row.update(values)
    return row


def jabatan(jabatan_id: str = "J1", **values: Any) -> Row:
    """A position of grade AHLI_MUDA with no required level of its own."""
    row: Row = {"jabatan_id": jabatan_id, "jenjang_jabatan": "AHLI_MUDA"}
    row.update(values)
    return row


def diklat(nip: str, tanggal: date, jp: float | None) -> Row:
    return {"nip": nip, "tanggal": tanggal, "jp": jp}


def frame(table: str, rows: Sequence[Row]) -> pl.LazyFrame:
    """``rows`` as a lazy frame with the columns the development job reads."""
    schema = dict(COLUMNS[table])
    for row in rows:
        unknown = set(row) - set(schema)
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
    return pl.DataFrame(
        {name: [row.get(name) for row in rows] for name in schema}, schema=schema
    ).lazy()


def suksesi(rows: Sequence[Row] = ()) -> pl.DataFrame:
    """A succession result (may be empty)."""
    return frame("suksesi", rows).collect()


def run(
    people: Sequence[Row],
    *,
    boxes: dict[str, int] | None = None,
    assessments: Sequence[Row] = (),
    posts: Sequence[Row] = (),
    training: Sequence[Row] = (),
    successors: Sequence[Row] = (),
    as_of: date = AS_OF,
) -> DevelopmentResult:
    """Run the job on hand-made tables; ``boxes`` gives the mapped people's box."""
    data = MappingData(
        pegawai=frame("pegawai", people),
        asesmen=frame("asesmen", assessments) if assessments else None,
        diklat=frame("diklat", training) if training else None,
        jabatan=frame("jabatan", posts) if posts else None,
    )
    mapped = boxes or {}
    pemetaan = pl.DataFrame(
        {
            "nip": [p["nip"] for p in people],
            "kotak": [mapped.get(p["nip"]) for p in people],
        },
        schema={"nip": pl.String, "kotak": pl.Int8},
    )
    return run_development(data, pemetaan, suksesi(successors), as_of, NASIONAL)


def rows(result: DevelopmentResult, name: str) -> list[Row]:
    return result.files[name].to_dicts()
