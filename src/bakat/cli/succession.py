"""``bakat succession DATA --out DIR [--as-of DATE] [--policy POLICY]``: successors.

Reads the data folder as ``bakat map`` does, maps everyone on the Nine Box, names
successors for the target posts of ``jabatan`` and derives the development, rotation and
retention lists. Writes ``suksesi.csv``, ``pengecualian.csv``, ``kekuatan_suksesi.csv``
(docs/succession.md), ``idp.csv``, ``kepatuhan_jp.csv``, ``rotasi.csv``, ``retensi.csv``,
``proyeksi.csv`` (docs/development.md) and the effective policy ``kebijakan.toml`` into
DIR, each file atomically, and prints a short summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bakat.cli.main import app
from bakat.cli.map import read_data
from bakat.cli.options import parse_as_of
from bakat.domain.errors import InputError
from bakat.domain.policy import PRESET_BAKU, load_policy
from bakat.engine.development.job import run_development
from bakat.engine.mapping.job import run_mapping
from bakat.engine.mapping.output import POLICY_FILE
from bakat.engine.succession.job import run_succession
from bakat.engine.succession.output import result_files
from bakat.io.writers import atomic_output, write_csv


@app.command("succession")
def succession_command(
    data: Annotated[Path, typer.Argument(help="Folder data / data folder.")],
    out: Annotated[Path, typer.Option("--out", help="Folder hasil / output folder.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Tanggal acuan YYYY-MM-DD (baku: hari ini) / as-of date."),
    ] = None,
    policy: Annotated[
        str, typer.Option("--policy", help="Preset (nasional-2025, jpm) atau berkas .toml.")
    ] = PRESET_BAKU,
) -> None:
    """Rencana suksesi jabatan target / succession planning for target posts."""
    tanggal = parse_as_of(as_of)
    kebijakan = load_policy(policy)
    if not data.is_dir():
        raise InputError("folder data tidak ditemukan / data folder not found", file=str(data))
    if out.exists() and not out.is_dir():
        raise InputError("--out bukan folder / --out is not a folder", file=str(out))
    tables = read_data(data)
    pemetaan = run_mapping(tables, as_of=tanggal, policy=kebijakan).pemetaan
    result = run_succession(tables, pemetaan, tanggal, kebijakan)
    development = run_development(tables, pemetaan, result.suksesi, tanggal, kebijakan)
    files = {**result_files(result), **development.files}
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in files.items():
        write_csv(frame, out / name)
    with atomic_output(out / POLICY_FILE) as temporary:
        temporary.write_text(kebijakan.to_toml(), encoding="utf-8")
    for line in result.ringkasan.lines():
        typer.echo(line)
    for note in (*result.catatan, *development.catatan):
        typer.echo(f"Catatan: {note}")
    typer.echo(f"Hasil ditulis ke {out} / results written to {out}")
