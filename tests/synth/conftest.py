"""Generated folders shared by the synth tests (each generation takes about a second)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.synth.config import KonfigurasiSintesis
from bakat.synth.generate import generate

AS_OF = date(2025, 10, 17)
ID = {"nip": pl.String, "nik": pl.String, "nip_a": pl.String, "nip_b": pl.String,
      "nip_pemangku": pl.String, "nip_siasn": pl.String, "nilai_lokal": pl.String,
      "nilai_siasn": pl.String, "nilai_benar": pl.String, "nilai_salah": pl.String}  # fmt: skip


def baca(folder: Path, nama: str) -> pl.DataFrame:
    """A CSV table of a generated folder with identifiers as text."""
    path = folder / f"{nama}.csv"
    header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    return pl.read_csv(
        path,
        schema_overrides={c: t for c, t in ID.items() if c in header},
        try_parse_dates=True,
        infer_schema_length=None,
    )


@pytest.fixture(scope="session")
def buat(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Generate (once per distinct settings) and return the folder."""
    cache: dict[tuple[object, ...], Path] = {}

    def _buat(**kwargs: object) -> Path:
        kunci = tuple(sorted(kwargs.items()))
        if kunci not in cache:
            folder = tmp_path_factory.mktemp("synth") / "data"
            generate(folder, KonfigurasiSintesis(**kwargs))  # type: ignore[arg-type]
            cache[kunci] = folder
        return cache[kunci]

    return _buat


@pytest.fixture(scope="session")
def acuan(buat: Callable[..., Path]) -> Path:
    """The default agency: 3,414 people, seed 17, as of 2025-10-17."""
    return buat(seed=17)
