"""``bakat run DATA --out DIR [--as-of DATE] [--policy POLICY]``: every step, then the report.

Runs, in order, the data-quality check, the reconciliation with SIASN, the Nine Box
mapping, and succession with development, each writing the same files into DIR as its
own command does; then builds ``laporan.html`` and ``laporan.xlsx`` from those files
(``bakat.io.report``). A step whose input is absent is skipped with a visible note
instead of failing the run: reconcile without a ``siasn`` table. Bad input otherwise
stops the run with exit status 2, as the single commands do. docs/report.md describes the report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bakat.cli import check, reconcile
from bakat.cli.main import app
from bakat.cli.map import langkah_map, read_data
from bakat.cli.options import (
    DEFAULT_POLICY,
    AsOf,
    DataFolder,
    OutFolder,
    PolicyName,
    check_folders,
    parse_as_of,
)
from bakat.cli.progress import Langkah, console, langkah
from bakat.cli.succession import langkah_suksesi
from bakat.domain.policy import Policy, load_policy
from bakat.engine.mapping.summary import summarise
from bakat.io.readers import find_table_file
from bakat.io.report import BERKAS_HTML, BERKAS_XLSX, build_report

LEWATI_SIASN = (
    "Rekonsiliasi dilewati: tabel siasn tidak ada di folder data / reconcile skipped: "
    "no siasn table in the data folder"
)


def langkah_check(data: Path, out: Path, as_of: date, policy: Policy, bar: Langkah) -> None:
    """The data-quality check (``bakat check``): temuan.csv and its summaries."""
    loaded = check.muat(data)
    bar.maju("check")
    result = check.periksa(loaded, as_of, policy)
    bar.maju("check")
    check.tulis(result, out)
    bar.maju("check")


def langkah_reconcile(data: Path, out: Path, policy: Policy, bar: Langkah) -> str | None:
    """The reconciliation (``bakat reconcile``); a note instead when ``siasn`` is absent."""
    if find_table_file(data, "siasn") is None:
        return LEWATI_SIASN
    reconcile.rekonsiliasi(data, out, policy)
    bar.maju("reconcile")
    return None


def run_pipeline(data: Path, out: Path, as_of: date, policy: Policy) -> list[str]:
    """Every step into ``out`` with progress bars, then the report; the summary lines.

    ``bakat run`` and ``bakat demo`` both call it. Bad input raises InputError.
    """
    check_folders(data, out)
    catatan: list[str] = []
    judul = {
        "check": "Pemeriksaan kualitas data / data-quality check",
        "reconcile": "Rekonsiliasi SIASN / reconciliation",
        "map": "Pemetaan Nine Box / Nine Box mapping",
        "suksesi": "Suksesi dan pengembangan / succession and development",
        "laporan": "Laporan / report",
    }
    total = {"check": 3, "reconcile": 1, "map": 3, "suksesi": 4, "laporan": 1}
    with langkah({kunci: (teks, total[kunci]) for kunci, teks in judul.items()}) as bar:
        bar.mulai("check")
        langkah_check(data, out, as_of, policy, bar)
        bar.mulai("reconcile")
        if (note := langkah_reconcile(data, out, policy, bar)) is not None:
            catatan.append(note)
            bar.lewati("reconcile", judul["reconcile"])
        bar.mulai("map")
        masukan = read_data(data)
        bar.maju("map")
        pemetaan = langkah_map(masukan, out, as_of, policy, lambda: bar.maju("map"))
        bar.mulai("suksesi")
        ringkasan_suksesi = langkah_suksesi(
            masukan, pemetaan.pemetaan, out, as_of, policy, lambda: bar.maju("suksesi")
        )
        bar.mulai("laporan")
        build_report(out, out)
        bar.maju("laporan")
    return [
        summarise(pemetaan).lines()[0],
        *ringkasan_suksesi,
        *(f"Catatan / note: {note}" for note in catatan),
        f"Laporan ditulis ke {out / BERKAS_HTML} dan {out / BERKAS_XLSX} / report written",
    ]


@app.command("run")
def run_command(
    data: DataFolder,
    out: OutFolder,
    as_of: AsOf = None,
    policy: PolicyName = DEFAULT_POLICY,
) -> None:
    """Semua langkah dan laporan / every step and the report."""
    tanggal = parse_as_of(as_of)
    kebijakan = load_policy(policy)
    for line in run_pipeline(data, out, tanggal, kebijakan):
        console.print(line, highlight=False)
