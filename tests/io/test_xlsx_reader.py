"""XLSX workbooks are built here with xlsxwriter, cell by cell, so that each test shows
which cells are numbers, text or dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
import xlsxwriter

from bakat.domain.errors import InputError
from bakat.io.readers import read_file

Cell = str | float | int | date | None


def _workbook(path: Path, rows: Sequence[Sequence[Cell]], *, first_row: int = 0) -> Path:
    """Write ``rows`` to the first sheet from row index ``first_row``: str as text,
    numbers as numbers, dates as real date cells; a second sheet is always ignored."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Data")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(rows, start=first_row):
        for c, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif isinstance(value, date):
                sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), day)
            elif value is not None:
                sheet.write_number(r, c, value)
    book.add_worksheet("Lain").write_string(0, 0, "bukan data")
    book.close()
    return path


def test_it_reads_a_siasn_export_with_excel_serial_dates(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "siasn.xlsx",
        [
            ["nipBaru", "nipLama", "nama", "tglLahir", "tmtCpns", "golRuangAkhir", "jenisKelamin"],
            ["198001012005011001", "010203040", "Budi", 29221, 38353, "III/a", "1"],
            ["198502022010012002", None, "Siti", date(1985, 2, 2), "01-01-2010", "3b", "2"],
        ],
    )
    loaded = read_file(path)
    assert loaded.table == "siasn"
    assert loaded.headers["tanggal_lahir"] == "tglLahir"
    rows = loaded.frame.select(
        "_baris", "nip", "nip_lama", "tanggal_lahir", "tmt_cpns", "golongan", "jenis_kelamin"
    )
    assert rows.collect().rows() == [
        (2, "198001012005011001", "010203040", date(1980, 1, 1), date(2005, 1, 1), "III/a", "L"),
        (3, "198502022010012002", None, date(1985, 2, 2), date(2010, 1, 1), "III/b", "P"),
    ]
    assert loaded.masalah.is_empty()


def test_a_nip_stored_as_a_number_is_kept_as_text_and_reported(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "pegawai.xlsx",
        [["nip", "nama"], [198001012005011001, "Budi"], [198502022010012002, "Siti"]],
    )
    loaded = read_file(path)
    assert loaded.frame.select("nip").collect().to_series().to_list() == [
        "1.98001012005011E+17",
        "1.98502022010012E+17",
    ]
    assert loaded.masalah.select("baris", "kolom", "masalah").rows() == [
        (2, "nip", "id_angka_ilmiah"),
        (3, "nip", "id_angka_ilmiah"),
    ]


def test_a_number_among_text_nips_is_not_mistaken_for_a_valid_nip(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "pegawai.xlsx",
        [["nip"], ["198001012005011001"], [198502022010012002], ["197703032000031003"]],
    )
    loaded = read_file(path)
    assert loaded.frame.select("nip").collect().to_series().to_list() == [
        "198001012005011001",
        "1.98502022010012E+17",
        "197703032000031003",
    ]
    assert loaded.masalah.select("baris", "nilai").rows() == [(3, "1.98502022010012E+17")]


def test_short_numeric_identifiers_become_their_digits(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "jabatan.xlsx",
        [["jabatan_id", "nama", "jenjang"], [101, "Kepala", "JPT Pratama"]],
    )
    loaded = read_file(path)
    assert loaded.frame.select("jabatan_id", "jenjang_jabatan", "kritikal").collect().rows() == [
        ("101", "JPT_PRATAMA", False)
    ]
    assert loaded.masalah.is_empty()


def test_rows_are_numbered_as_excel_shows_them_when_the_sheet_starts_lower(
    tmp_path: Path,
) -> None:
    path = _workbook(
        tmp_path / "pegawai.xlsx",
        [["nip", "tanggal_lahir"], ["1", "1980-01-01"], [" ", None], ["2", "bukan tanggal"]],
        first_row=3,
    )
    loaded = read_file(path)
    assert loaded.frame.select("_baris", "nip").collect().rows() == [(5, "1"), (7, "2")]
    assert loaded.masalah.select("baris", "kolom").rows() == [(7, "tanggal_lahir")]


def test_numbers_and_decimals_are_read_from_number_cells(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "kinerja.xlsx",
        [["nip", "tahun", "predikat"], ["1", 2023, "Baik"], ["1", 2024.5, "sangat baik"]],
    )
    loaded = read_file(path)
    assert loaded.frame.select("tahun", "predikat").collect().rows() == [
        (2023, "Baik"),
        (None, "Sangat Baik"),
    ]
    assert loaded.masalah.select("baris", "kolom", "nilai", "masalah").rows() == [
        (3, "tahun", "2024.5", "angka_tidak_valid")
    ]


def test_a_missing_required_column_in_a_workbook_names_the_header_row(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "pegawai.xlsx", [["nama"], ["Budi"]])
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert (caught.value.row, caught.value.column) == (1, "nip")


def test_duplicate_headers_in_a_workbook_are_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "pegawai.xlsx", [["nip", "NIP"], ["1", "1"]])
    with pytest.raises(InputError, match="nip"):
        read_file(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "XLSX"), (b"nip,nama\n1,a\n", "XLSX"), (b"PK\x03\x04broken", "XLSX")],
)
def test_a_damaged_workbook_is_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "pegawai.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=words):
        read_file(path)


def test_an_empty_first_sheet_is_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "pegawai.xlsx", [])
    with pytest.raises(InputError, match="kosong"):
        read_file(path)


def test_a_header_only_workbook_is_a_valid_empty_table(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "pegawai.xlsx", [["nip", "nama", "tanggal_lahir"]])
    frame = read_file(path).frame.collect()
    assert frame.height == 0
    assert frame.schema["tanggal_lahir"].is_temporal()
