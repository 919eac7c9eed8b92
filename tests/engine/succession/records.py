"""A tiny agency for the succession tests: people, posts and a ready-made placement.

Everyone is written as one dict; :func:`agency` turns the lists into the frames the job
reads (``MappingData`` plus the mapping's ``pemetaan``), so each test states only what
matters to it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from bakat.domain.kompetensi import KOMPETENSI
from bakat.domain.policy import Policy, load_policy
from bakat.engine.mapping.frames import MappingData

AS_OF = date(2025, 10, 17)


def person(nip: str, **fields: Any) -> dict[str, Any]:
    """A mapped PENGAWAS of agency A in box 9 with S1, III/d, born 1980 and level 3 in
    every competency, unless ``fields`` say otherwise."""
    record: dict[str, Any] = {
        "nip": nip,
        "instansi": "A",
        "unit_kerja": "A.01",
        "jenjang_jabatan": "PENGAWAS",
        "tanggal_lahir": date(1980, 5, 1),
        "status_kepegawaian": "PNS",
        "golongan": "III/d",
        "tmt_golongan": date(2020, 4, 1),
        "tmt_jabatan": date(2021, 10, 17),
        "pendidikan": "S1",
        "kotak": 9,
        "level_kinerja": "atas",
        "skor_potensi": 80.0,
        "skor_kompetensi": 75.0,
        "level": 3,
    }
    record.update(fields)
    return record


def post(jabatan_id: str, **fields: Any) -> dict[str, Any]:
    """A vacant, non-critical ADMINISTRATOR post of agency A without its own
    requirements, unless ``fields`` say otherwise."""
    record: dict[str, Any] = {
        "jabatan_id": jabatan_id,
        "nama": f"Kepala {jabatan_id}",
        "jenjang_jabatan": "ADMINISTRATOR",
        "unit_kerja": "A.01",
        "kritikal": False,
        "nip_pemangku": None,
        "instansi": "A",
        "pendidikan_minimal": None,
        "golongan_minimal": None,
    }
    record.update(fields)
    return record


def agency(
    people: list[dict[str, Any]],
    posts: list[dict[str, Any]],
    hukdis: list[dict[str, Any]] | None = None,
) -> tuple[MappingData, pl.DataFrame]:
    """``(data, pemetaan)`` for ``people`` and ``posts``; people with ``kotak`` None are
    not mapped."""
    pegawai = pl.DataFrame(
        [
            {k: p[k] for k in ("nip", "instansi", "unit_kerja", "jenjang_jabatan")}
            | {
                k: p[k]
                for k in (
                    "tanggal_lahir",
                    "status_kepegawaian",
                    "golongan",
                    "tmt_golongan",
                    "tmt_jabatan",
                    "pendidikan",
                )
            }
            for p in people
        ]
    )
    asesmen = pl.DataFrame(
        [
            {
                "nip": p["nip"],
                "tanggal": date(2024, 1, 10),
                "skor_kompetensi": p["skor_kompetensi"],
                "skor_potensi": p["skor_potensi"],
            }
            | {
                k: (p["level"] if isinstance(p["level"], int | None) else p["level"][k])
                for k in KOMPETENSI
            }
            for p in people
        ],
        schema_overrides=dict.fromkeys(KOMPETENSI, pl.Int64),
    )
    pemetaan = pl.DataFrame(
        [
            {
                "nip": p["nip"],
                "instansi": p["instansi"],
                "jenjang_jabatan": p["jenjang_jabatan"],
                "kotak": p["kotak"],
                "level_kinerja": p["level_kinerja"],
                "skor_potensi": p["skor_potensi"],
                "asesmen_tanggal": date(2024, 1, 10),
                "asesmen_skor_kompetensi": p["skor_kompetensi"],
                "pendidikan": p["pendidikan"],
            }
            for p in people
        ],
        schema_overrides={"kotak": pl.Int8},
    )
    jabatan = pl.DataFrame(posts, schema_overrides={"nip_pemangku": pl.String})
    sanctions = pl.DataFrame(
        hukdis or [],
        schema={"nip": pl.String, "tingkat": pl.String, "tmt": pl.Date, "tanggal_akhir": pl.Date},
    )
    data = MappingData(
        pegawai=pegawai.lazy(),
        asesmen=asesmen.lazy(),
        jabatan=jabatan.lazy(),
        hukdis=sanctions.lazy(),
    )
    return data, pemetaan


def policy_with(folder: Path, suksesi: str) -> Policy:
    """``nasional-2025`` with the ``[suksesi]`` lines ``suksesi``."""
    path = folder / "kebijakan.toml"
    path.write_text(
        f'extends = "nasional-2025"\nid = "uji"\nversi = "1"\n\n[suksesi]\n{suksesi}\n',
        encoding="utf-8",
    )
    return load_policy(path)
