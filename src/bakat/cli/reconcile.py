"""``bakat reconcile DATA --out DIR [--policy POLICY]``: ``pegawai`` against ``siasn``.

Reads ``pegawai`` and ``siasn`` from the data folder (both required), compares the
columns present in both files, and writes into DIR: ``rekonsiliasi.csv`` (one row per
difference), ``usulan_bkn.csv`` (the corrections only BKN may make, ready to send),
``pencocokan.csv`` (the fuzzy pairs and the near misses, with their sub-scores) and
``ringkasan_rekonsiliasi.csv`` (counts per status, column and pihak) and the effective
policy ``kebijakan.toml``, and prints the summary. docs/reconciliation.md describes every file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from bakat.cli.main import app
from bakat.cli.options import check_folders
from bakat.domain.policy import PRESET_BAKU, Policy, load_policy
from bakat.engine.reconcile.job import HasilRekonsiliasi, run_reconcile
from bakat.engine.reconcile.normalise import kolom_bersama
from bakat.io.readers import damaged_column, read_folder
from bakat.io.writers import atomic_output, write_csv

LANGKAH = "reconcile"
#: The effective policy, written beside the results (the fuzzy stage depends on it).
BERKAS_KEBIJAKAN = "kebijakan.toml"
BERKAS: Mapping[str, str] = {
    "rekonsiliasi": "rekonsiliasi.csv",
    "usulan_bkn": "usulan_bkn.csv",
    "pencocokan": "pencocokan.csv",
    "ringkasan": "ringkasan_rekonsiliasi.csv",
}


def ringkas(hasil: HasilRekonsiliasi) -> list[str]:
    """The lines printed after a run."""
    s = hasil.statistik
    baris = [
        f"Kebijakan / policy: {hasil.policy_id} {hasil.policy_versi}",
        f"Pegawai (lokal): {s.lokal}; SIASN: {s.siasn}",
        f"Cocok NIP / same NIP: {s.cocok_nip} (berbeda / differing: {s.cocok_nip_beda})",
        f"cocok_fuzzy: {s.cocok_fuzzy}; hanya_lokal: {s.hanya_lokal}; hanya_siasn: {s.hanya_siasn}",
        f"Usulan ke BKN / corrections for BKN: {s.usulan_bkn}",
        "Baris per status, kolom, pihak / rows per status, column, pihak:",
    ]
    for status, kolom, pihak, jumlah, _ in hasil.ringkasan.iter_rows():
        baris.append(f"  {status:<12} {kolom or '-':<20} {pihak:<9} {jumlah}")
    return baris


def rekonsiliasi(data: Path, out: Path, kebijakan: Policy) -> HasilRekonsiliasi:
    """Read ``pegawai`` and ``siasn`` of ``data``, reconcile them, and write the result
    files and the effective policy into ``out`` (InputError when the input is unusable).
    The step of ``bakat reconcile``, reused by ``bakat run``."""
    check_folders(data)
    # Read lazily: the reconciliation reads each side once (one collect of the columns
    # it compares); holding every column in memory first (materialise=True) was measured
    # slower and larger at national scale (benchmarks/bench_read.py, docs/formats.md).
    tabel = read_folder(
        data, tables=("pegawai", "siasn"), required=("pegawai", "siasn"), step=LANGKAH
    )
    lokal, siasn = tabel["pegawai"], tabel["siasn"]
    try:
        hasil = run_reconcile(
            lokal.frame,
            siasn.frame,
            policy=kebijakan,
            kolom=kolom_bersama(lokal.headers, siasn.headers),
        )
    except pl.exceptions.ComputeError as exc:
        # A damaged Parquet column the reader did not need (free text such as nama),
        # found when the reconciliation reads it: refused naming the file and column.
        raise damaged_column((lokal, siasn), exc) from None
    out.mkdir(parents=True, exist_ok=True)
    for nama, berkas in BERKAS.items():
        write_csv(getattr(hasil, nama), out / berkas)
    with atomic_output(out / BERKAS_KEBIJAKAN) as sementara:
        sementara.write_text(kebijakan.to_toml(), encoding="utf-8")
    return hasil


@app.command("reconcile")
def reconcile_command(
    data: Annotated[Path, typer.Argument(help="Folder data / data folder.")],
    out: Annotated[Path, typer.Option("--out", help="Folder hasil / output folder.")],
    policy: Annotated[
        str, typer.Option("--policy", help="Preset (nasional-2025, jpm) atau berkas .toml.")
    ] = PRESET_BAKU,
) -> None:
    """Rekonsiliasi pegawai dengan SIASN / reconcile pegawai against SIASN."""
    hasil = rekonsiliasi(data, out, load_policy(policy))
    for line in ringkas(hasil):
        typer.echo(line)
    typer.echo(f"Hasil ditulis ke {out} / results written to {out}")
