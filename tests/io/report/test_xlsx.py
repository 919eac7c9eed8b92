"""``laporan.xlsx`` opens with a spreadsheet reader and has one sheet per result table."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from bakat.io.report import xlsx
from bakat.io.report.laporan import susun_laporan
from bakat.io.report.xlsx import nama_sheet, write_workbook
from tests.io.report.conftest import JAHAT

SHEETS = [
    "Ringkasan",
    "Cakupan per Alasan",
    "Cakupan per Jenjang",
    "Cakupan per Unit",
    "Nine Box",
    "Kekuatan Suksesi",
    "Proyeksi Pensiun",
    "Proyeksi per Jenjang",
    "Kualitas Data per Unit",
    "Aturan Kualitas Data",
    "Capaian JP",
    "Rekonsiliasi",
    "Rekonsiliasi per Kolom",
    "Usulan BKN",
    "Kalibrasi",
    "Keadilan",
]


@pytest.fixture
def workbook(hasil: Path, tmp_path: Path) -> dict[str, pl.DataFrame]:
    path = tmp_path / "laporan.xlsx"
    write_workbook(susun_laporan(hasil), path)
    return pl.read_excel(path, sheet_id=0)


def test_it_has_a_sheet_per_result_table_in_order(workbook: dict[str, pl.DataFrame]) -> None:
    assert list(workbook) == SHEETS


def test_tables_have_readable_headers_and_numbers(workbook: dict[str, pl.DataFrame]) -> None:
    unit = workbook["Cakupan per Unit"]
    assert unit.columns[:4] == ["Unit kerja", "Nama unit", "Jumlah pegawai", "Terpetakan"]
    assert unit["Nama unit"].to_list()[0] == JAHAT
    assert unit["Jumlah pegawai"].to_list() == [20, 3394]
    # Percentages are stored as fractions and shown with a percent format.
    assert unit["% terpetakan"].to_list()[0] == pytest.approx(0.5)


def test_the_grid_sheet_lists_every_box(workbook: dict[str, pl.DataFrame]) -> None:
    grid = workbook["Nine Box"]
    assert grid["Kotak"].to_list() == list(range(1, 10))
    assert grid["Jumlah"].sum() == 4


def test_text_that_looks_like_a_formula_stays_inert(workbook: dict[str, pl.DataFrame]) -> None:
    assert "'=HYPERLINK(1)" in workbook["Usulan BKN"]["Nama"].to_list()


def test_the_summary_sheet_lists_the_facts(workbook: dict[str, pl.DataFrame]) -> None:
    cells = {str(v) for col in workbook["Ringkasan"].iter_columns() for v in col.to_list()}
    assert "Terpetakan" in cells
    assert "Tanggal acuan / as of: 17 Oktober 2025" in cells


def test_the_same_results_give_the_same_bytes(hasil: Path, tmp_path: Path) -> None:
    laporan = susun_laporan(hasil)
    write_workbook(laporan, tmp_path / "a.xlsx")
    write_workbook(laporan, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("Cakupan per Unit", set(), "Cakupan per Unit"),
        ("Kinerja/Potensi [2025]: a*b?", set(), "Kinerja Potensi  2025   a b"),
        ("x" * 40, set(), "x" * 31),
        ("Keadilan", {"keadilan"}, "Keadilan (2)"),
        ("y" * 31, {"y" * 31}, "y" * 27 + " (2)"),
        ("", set(), "Sheet"),
    ],
)
def test_sheet_names_follow_excels_rules(name: str, taken: set[str], expected: str) -> None:
    assert nama_sheet(name, taken) == expected
    assert expected.casefold() in taken


def test_a_long_table_is_cut_and_the_summary_says_so(
    hasil: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "BARIS_MAKS", 2)
    path = tmp_path / "laporan.xlsx"
    write_workbook(susun_laporan(hasil), path)
    sheets = pl.read_excel(path, sheet_id=0)
    assert sheets["Kekuatan Suksesi"].height == 2
    # Posts at risk come first, so the cut keeps them.
    assert sheets["Kekuatan Suksesi"]["Berisiko"].to_list()[0] == "ya"
    cells = {str(v) for col in sheets["Ringkasan"].iter_columns() for v in col.to_list()}
    assert any(c.startswith("Sheet Kekuatan Suksesi: 2 baris pertama dari 3") for c in cells)
