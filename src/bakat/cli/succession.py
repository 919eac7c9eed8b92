"""``bakat succession DATA --out DIR [--as-of DATE] [--policy POLICY]``: successors.

Reads the data folder as ``bakat map`` does, maps everyone on the Nine Box, names
successors for the target posts of ``jabatan`` and derives the development, rotation and
retention lists. Writes ``suksesi.csv``, ``pengecualian.csv``, ``kekuatan_suksesi.csv``
(docs/succession.md), ``idp.csv``, ``kepatuhan_jp.csv``, ``rotasi.csv``, ``retensi.csv``,
``proyeksi.csv`` (docs/development.md) and the effective policy ``kebijakan.toml`` into
DIR, each file atomically, and prints a short summary.
"""

from __future__ import annotations

import typer

from bakat.cli.main import app
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
from bakat.domain.policy import load_policy
from bakat.engine.development.job import run_development
from bakat.engine.mapping.job import run_mapping
from bakat.engine.mapping.output import POLICY_FILE
from bakat.engine.succession.job import run_succession
from bakat.engine.succession.output import result_files
from bakat.io.writers import atomic_output, write_csv


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
