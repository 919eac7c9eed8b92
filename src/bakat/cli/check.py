"""``bakat check DATA --out DIR [--as-of DATE] [--policy POLICY]``: data-quality findings.

Reads the data folder (``pegawai`` required; ``kinerja``, ``asesmen``, ``diklat``,
``hukdis``, ``jabatan`` and ``relasi`` when present), runs every data-quality rule, and
writes into DIR ``temuan.csv`` (one row per finding), ``ringkasan_aturan.csv`` (per rule:
count, or why it was skipped), ``indeks_kualitas.csv`` (the data-quality index per unit
and overall) and, when ``diklat`` is present, ``capaian_jp.csv`` (the 20 JP coverage).
Findings are not failures: the exit status is 0 whatever they are. docs/data-quality.md
describes every rule and column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import polars as pl
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from bakat.cli.main import app
from bakat.cli.options import (
    DEFAULT_POLICY,
    AsOf,
    DataFolder,
    OutFolder,
    PolicyName,
    check_folders,
    parse_as_of,
)
from bakat.domain.policy import Policy, load_policy
from bakat.engine.quality import CheckInput, CheckResult, run_check
from bakat.io.readers import Loaded, damaged_column, read_folder
from bakat.io.writers import write_csv

#: Tables the check reads; ``pegawai`` is required.
TABEL = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "relasi")
BERKAS_TEMUAN = "temuan.csv"
BERKAS_RINGKASAN = "ringkasan_aturan.csv"
BERKAS_INDEKS = "indeks_kualitas.csv"
BERKAS_JP = "capaian_jp.csv"
_LANGKAH = {
    "menyiapkan": "Menyiapkan data / preparing",
    "memeriksa": "Memeriksa aturan / checking rules",
    "menyusun temuan": "Menyusun temuan / collecting findings",
    "menghitung indeks": "Menghitung indeks / computing the index",
}

console = Console()


def muat(folder: Path) -> dict[str, Loaded]:
    """The tables of ``folder`` the check reads (InputError when unusable)."""
    check_folders(folder)
    return read_folder(folder, tables=TABEL, required=("pegawai",), step="check")


def masukan(loaded: Mapping[str, Loaded]) -> dict[str, CheckInput]:
    """The loaded tables as check inputs."""
    return {
        name: CheckInput(item.frame, item.masalah, frozenset(item.headers))
        for name, item in loaded.items()
    }


def periksa(
    loaded: Mapping[str, Loaded],
    as_of: date,
    policy: Policy | None = None,
    progress: Callable[[str], None] | None = None,
) -> CheckResult:
    """Run the check on ``loaded``. Data that only fails when the check reads it (a
    damaged Parquet column the reader did not need) is refused as an InputError naming
    the file and the column."""
    try:
        return run_check(masukan(loaded), as_of=as_of, policy=policy, progress=progress)
    except pl.exceptions.ComputeError as exc:
        raise damaged_column(loaded.values(), exc) from None


def tulis(result: CheckResult, out: Path) -> list[Path]:
    """Write the result files into ``out`` (atomically, one by one); their paths."""
    out.mkdir(parents=True, exist_ok=True)
    files = {
        BERKAS_TEMUAN: result.temuan,
        BERKAS_RINGKASAN: result.ringkasan_aturan,
        BERKAS_INDEKS: result.indeks_kualitas,
    }
    if result.capaian_jp is not None:
        files[BERKAS_JP] = result.capaian_jp
    for name, frame in files.items():
        write_csv(frame, out / name)
    return [out / name for name in files]


def ringkasan(result: CheckResult, tidak_ada: list[str]) -> None:
    """Print the summary: findings by severity, top rules, overall index, skipped rules."""
    per = result.jumlah_per_tingkat()
    tabel = Table(title="Temuan per tingkat / findings by severity")
    tabel.add_column("tingkat")
    tabel.add_column("jumlah", justify="right")
    for tingkat, jumlah in per.items():
        tabel.add_row(tingkat, f"{jumlah:,}")
    console.print(tabel)
    teratas = (
        result.ringkasan_aturan.filter(result.ringkasan_aturan["jumlah"] > 0)
        .sort(["jumlah", "aturan", "nama_aturan"], descending=[True, False, False])
        .head(10)
    )
    if teratas.height:
        top = Table(title="Aturan dengan temuan terbanyak / top rules")
        for kolom in ("aturan", "nama_aturan", "tingkat", "jumlah"):
            top.add_column(kolom, justify="right" if kolom == "jumlah" else "left")
        for row in teratas.iter_rows(named=True):
            top.add_row(row["aturan"], row["nama_aturan"], row["tingkat"], f"{row['jumlah']:,}")
        console.print(top)
    semua = result.indeks_kualitas.filter(result.indeks_kualitas["cakupan"] == "semua")
    if semua.height:
        row = semua.row(0, named=True)
        nilai = "-" if row["indeks"] is None else f"{row['indeks']:.2f}"
        console.print(f"Indeks kualitas data keseluruhan / overall data-quality index: {nilai}")
    if tidak_ada:
        console.print(f"Tabel tidak ada / tables not present: {', '.join(tidak_ada)}")
    if result.dilewati:
        console.print(
            f"{len(result.dilewati)} aturan dilewati / rules skipped (lihat {BERKAS_RINGKASAN}):"
        )
        for item in result.dilewati:
            console.print(f"  {item.rule.id} {item.rule.name}: {item.alasan}", highlight=False)


@app.command("check")
def check_command(
    data: DataFolder,
    out: OutFolder,
    as_of: AsOf = None,
    policy: PolicyName = DEFAULT_POLICY,
) -> None:
    """Pemeriksaan kualitas data / data-quality check."""
    tanggal = parse_as_of(as_of)
    kebijakan = load_policy(policy)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        tugas = progress.add_task("Membaca data / reading the data", total=None)
        loaded = muat(data)

        def lapor(langkah: str) -> None:
            progress.update(tugas, description=_LANGKAH.get(langkah, langkah))

        result = periksa(loaded, tanggal, kebijakan, lapor)
        progress.update(tugas, description="Menulis hasil / writing the results")
        tulis(result, out)
    ringkasan(result, [t for t in TABEL if t not in loaded])
    console.print(f"Hasil ditulis ke {out} / results written to {out}", highlight=False)
