"""``bakat succession DATA --out DIR [--as-of DATE] [--policy POLICY]``: successors.

Reads the data folder as ``bakat map`` does, maps everyone on the Nine Box, names
successors for the target posts of ``jabatan`` and derives the development, rotation and
retention lists. Writes ``suksesi.csv``, ``pengecualian.csv``, ``kekuatan_suksesi.csv``
(docs/succession.md), ``idp.csv``, ``kepatuhan_jp.csv``, ``rotasi.csv``, ``retensi.csv``,
``proyeksi.csv`` (docs/development.md) and the effective policy ``kebijakan.toml`` into
DIR, each file atomically, and prints a short summary.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
import typer

from bakat.cli.main import app
from bakat.cli.map import JUDUL as JUDUL_MAP
from bakat.cli.map import read_data
from bakat.cli.options import (
    DEFAULT_POLICY,
    AsOf,
    DataFolder,
    OutFolder,
    PolicyName,
    check_folders,
    parse_as_of,
)
from bakat.cli.progress import langkah
from bakat.domain.policy import Policy, load_policy
from bakat.engine.development.job import run_development
from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.job import run_mapping
from bakat.engine.mapping.output import POLICY_FILE
from bakat.engine.succession.job import run_succession
from bakat.engine.succession.output import result_files
from bakat.io.writers import atomic_output, write_csv

JUDUL = "Suksesi dan pengembangan / succession and development"


def langkah_suksesi(
    data: MappingData,
    pemetaan: pl.DataFrame,
    out: Path,
    as_of: date,
    policy: Policy,
    maju: Callable[[], None] = lambda: None,
) -> list[str]:
    """Succession, then development, each writing its files into ``out`` (``bakat
    succession`` and ``bakat run``); ``maju`` is called after each of the four parts.
    The summary lines and the notes."""
    result = run_succession(data, pemetaan, as_of, policy)
    maju()
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in result_files(result).items():
        write_csv(frame, out / name)
    maju()
    development = run_development(data, pemetaan, result.suksesi, as_of, policy)
    maju()
    for name, frame in development.files.items():
        write_csv(frame, out / name)
    maju()
    notes = (*result.catatan, *development.catatan)
    return [*result.ringkasan.lines(), *(f"Catatan: {note}" for note in notes)]


@app.command("succession")
def succession_command(
    data: DataFolder,
    out: OutFolder,
    as_of: AsOf = None,
    policy: PolicyName = DEFAULT_POLICY,
) -> None:
    """Rencana suksesi jabatan target / succession planning for target posts."""
    tanggal = parse_as_of(as_of)
    kebijakan = load_policy(policy)
    check_folders(data, out)
    steps = {"map": (JUDUL_MAP, 2), "suksesi": (JUDUL, 4)}
    with langkah(steps) as bar:
        bar.mulai("map")
        tables = read_data(data)
        bar.maju("map")
        pemetaan = run_mapping(tables, as_of=tanggal, policy=kebijakan).pemetaan
        bar.maju("map")
        bar.mulai("suksesi")
        lines = langkah_suksesi(
            tables, pemetaan, out, tanggal, kebijakan, lambda: bar.maju("suksesi")
        )
    with atomic_output(out / POLICY_FILE) as temporary:
        temporary.write_text(kebijakan.to_toml(), encoding="utf-8")
    for line in lines:
        typer.echo(line)
    typer.echo(f"Hasil ditulis ke {out} / results written to {out}")
