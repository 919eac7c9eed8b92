"""The report a head of HR reads: ``laporan.html`` and ``laporan.xlsx`` from a result folder.

:func:`build_report` reads the result files the batch steps wrote (``cakupan.csv``,
``pemetaan.csv``, ``indeks_kualitas.csv``, ``ringkasan_rekonsiliasi.csv``,
``suksesi.csv`` ...) into a small model (``laporan.py``), then renders it twice: a
self-contained HTML page (``html.py``, charts from ``svg.py``) and a workbook
(``xlsx.py``). It reads files only, so it works on any result folder, whichever steps
ran; a section whose files are absent is left out with a note. docs/report.md
describes the contents.
"""

from __future__ import annotations

from pathlib import Path

from bakat.io.report.html import render_html
from bakat.io.report.laporan import susun_laporan
from bakat.io.report.xlsx import write_workbook
from bakat.io.writers import atomic_output

BERKAS_HTML = "laporan.html"
BERKAS_XLSX = "laporan.xlsx"


def build_report(result_dir: Path, out_dir: Path) -> None:
    """Write ``laporan.html`` and ``laporan.xlsx`` into ``out_dir`` from the result files
    of ``result_dir`` (InputError when ``result_dir`` is not a folder)."""
    laporan = susun_laporan(result_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with atomic_output(out_dir / BERKAS_HTML) as sementara:
        sementara.write_text(render_html(laporan), encoding="utf-8", newline="\n")
    write_workbook(laporan, out_dir / BERKAS_XLSX)


__all__ = ["BERKAS_HTML", "BERKAS_XLSX", "build_report"]
