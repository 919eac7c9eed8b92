"""``laporan.xlsx``: the report as a workbook, one sheet per result table.

The first sheet, *Ringkasan*, lists every fact of the report by section; each table of
the model that names a sheet follows, in full (the HTML page shows only its first
rows). Formatted for people: a styled, frozen header row with a filter, column widths
fitted to the content, thousands separators, percentages as percentages. The display
of separators follows the reader's Excel locale (Indonesian Excel shows ``2.757`` and
``80,8%``). Text is neutralised against formulas as in every result file
(``bakat.io.writers``), the file is written atomically, and its creation time is fixed:
the same result folder gives the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from bakat.io.report.angka import angka, tanggal, teks
from bakat.io.report.model import Fakta, Jenis, Kolom, Laporan, Tabel
from bakat.io.writers import atomic_output, neutralise

#: Data rows per sheet. An agency's tables fit; a national run's tables of units, posts
#: and groups are cut (the most relevant rows come first) and the summary sheet says
#: so: the full lists are in the CSV files, and a workbook of millions of cells is
#: neither read by people nor quick to write.
BARIS_MAKS = 30_000
_LEBAR_MAKS = 60
_CREATED = datetime(2000, 1, 1, tzinfo=UTC)
_FORMAT_ANGKA = {
    Jenis.ANGKA: "#,##0",
    Jenis.DESIMAL: "#,##0.00",
    Jenis.PERSEN: "0.0%",
    Jenis.PROPORSI: "0.0%",
    Jenis.RASIO: "0.0000",
}
_TERLARANG = str.maketrans({c: " " for c in "[]:*?/\\"})


class _Gaya:
    """The cell formats of one workbook."""

    def __init__(self, buku: xlsxwriter.Workbook) -> None:
        self.kepala = buku.add_format(
            {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79", "text_wrap": True,
             "valign": "top", "border": 1, "border_color": "#D5DBE0"}
        )  # fmt: skip
        self.judul = buku.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E79"})
        self.bagian = buku.add_format({"bold": True, "font_color": "#1F4E79"})
        self.miring = buku.add_format({"italic": True, "font_color": "#5B6770"})
        self.angka = {j: buku.add_format({"num_format": f}) for j, f in _FORMAT_ANGKA.items()}


def nama_sheet(nama: str, dipakai: set[str]) -> str:
    """A valid, unique sheet name: Excel's forbidden characters replaced, at most 31
    characters, a number added when taken."""
    dasar = nama.translate(_TERLARANG).strip()[:31] or "Sheet"
    calon, n = dasar, 2
    while calon.casefold() in dipakai:
        akhir = f" ({n})"
        calon, n = dasar[: 31 - len(akhir)] + akhir, n + 1
    dipakai.add(calon.casefold())
    return calon


def _tulis_nilai(
    sheet: Worksheet, baris: int, kolom: int, nilai: object, jenis: Jenis, gaya: _Gaya
) -> None:
    if nilai is None:
        return
    if isinstance(nilai, bool):
        sheet.write_string(baris, kolom, "ya" if nilai else "tidak")
    elif isinstance(nilai, int | float) and jenis in _FORMAT_ANGKA:
        bilangan = nilai / 100 if jenis is Jenis.PERSEN else nilai
        sheet.write_number(baris, kolom, bilangan, gaya.angka[jenis])
    elif isinstance(nilai, int | float):
        sheet.write_number(baris, kolom, nilai)
    else:
        sheet.write_string(baris, kolom, str(nilai))


def _lebar(label: str, frame: pl.DataFrame, k: Kolom) -> int:
    contoh = frame[k.nama].head(500).to_list() if k.nama in frame.columns else []
    panjang = [len(teks(v, k.jenis.value)) for v in contoh]
    return min(max([len(label) // 2 + 2, 8, *(p + 2 for p in panjang)]), _LEBAR_MAKS)


def _tulis_tabel(buku: xlsxwriter.Workbook, nama: str, t: Tabel, gaya: _Gaya) -> None:
    kolom = [k for k in t.kolom if k.nama in t.frame.columns]
    frame = neutralise(t.frame.select(k.nama for k in kolom).head(BARIS_MAKS))
    sheet = buku.add_worksheet(nama)
    for c, k in enumerate(kolom):
        sheet.set_column(c, c, _lebar(k.label, frame, k))
        sheet.write_string(0, c, k.label, gaya.kepala)
    for r, row in enumerate(frame.iter_rows(), start=1):
        for c, (k, nilai) in enumerate(zip(kolom, row, strict=True)):
            _tulis_nilai(sheet, r, c, nilai, k.jenis, gaya)
    sheet.freeze_panes(1, 0)
    if kolom:
        sheet.autofilter(0, 0, max(frame.height, 1), len(kolom) - 1)


def _tulis_ringkasan(
    buku: xlsxwriter.Workbook, laporan: Laporan, gaya: _Gaya, dipotong: list[str]
) -> None:
    sheet = buku.add_worksheet("Ringkasan")
    sheet.set_column(0, 0, 46)
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, 3, 44)
    sheet.write_string(0, 0, laporan.judul, gaya.judul)
    sheet.write_string(1, 0, "Talent management report", gaya.miring)
    sheet.write_string(2, 0, f"Tanggal acuan / as of: {tanggal(laporan.tanggal_acuan)}")
    if laporan.kebijakan:
        sheet.write_string(3, 0, f"Kebijakan / policy: {laporan.kebijakan}")
    baris = 5
    for c, label in enumerate(("Uraian", "Nilai", "Keterangan", "English")):
        sheet.write_string(baris, c, label, gaya.kepala)
    sheet.freeze_panes(baris + 1, 0)

    def fakta(f: Fakta, r: int) -> None:
        sheet.write_string(r, 0, f.label)
        _tulis_nilai(sheet, r, 1, f.nilai, f.jenis, gaya)
        if f.keterangan:
            sheet.write_string(r, 2, f.keterangan)
        sheet.write_string(r, 3, f.label_en, gaya.miring)

    for b in laporan.bagian:
        baris += 1
        sheet.write_string(baris, 0, b.judul, gaya.bagian)
        sheet.write_string(baris, 3, b.judul_en, gaya.miring)
        if b.pengantar:
            baris += 1
            sheet.write_string(baris, 0, b.pengantar)
        for f in b.fakta:
            baris += 1
            fakta(f, baris)
        for catatan in b.catatan:
            baris += 1
            sheet.write_string(baris, 0, catatan, gaya.miring)
    for catatan in (*laporan.tidak_ada, *dipotong):
        baris += 2
        sheet.write_string(baris, 0, catatan, gaya.miring)


def write_workbook(laporan: Laporan, path: Path) -> None:
    """Write the report as an XLSX workbook at ``path`` (atomically)."""
    with atomic_output(path) as sementara:
        buku = xlsxwriter.Workbook(str(sementara), {"strings_to_formulas": False})
        try:
            buku.set_properties({"created": _CREATED, "title": laporan.judul})
            gaya = _Gaya(buku)
            dipakai = {"ringkasan"}
            tabel = [
                (nama_sheet(t.sheet, dipakai), t)
                for b in laporan.bagian
                for t in b.tabel
                if t.sheet is not None
            ]
            dipotong = [
                f"Sheet {nama}: {angka(BARIS_MAKS)} baris pertama dari {angka(t.frame.height)}; "
                "daftar lengkap di berkas CSV / first rows only, the full list is in the CSV"
                for nama, t in tabel
                if t.frame.height > BARIS_MAKS
            ]
            _tulis_ringkasan(buku, laporan, gaya, dipotong)
            for nama, t in tabel:
                _tulis_tabel(buku, nama, t, gaya)
        finally:
            buku.close()
