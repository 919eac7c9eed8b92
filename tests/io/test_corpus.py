"""Every file of the broken-file corpus (tests/io/corpus/<case>/<table>.<ext>) and what
reading it must give: a refusal naming file, row and column, or the values it holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.domain.errors import InputError
from bakat.io.readers import Loaded, read_table

CORPUS = Path(__file__).parent / "corpus"


def _read(case: str, table: str = "pegawai") -> Loaded:
    return read_table(CORPUS / case, table)


def _rows(loaded: Loaded, *columns: str) -> list[tuple[object, ...]]:
    return loaded.frame.select(columns).collect().rows()


def _masalah(loaded: Loaded) -> list[tuple[object, ...]]:
    return loaded.masalah.select("baris", "kolom", "nilai", "masalah").rows()


@pytest.mark.parametrize(
    ("case", "table", "row", "column", "words"),
    [
        ("terpotong_kutip", "pegawai", 3, "nama", "terpotong"),
        ("terpotong_baris", "pegawai", 3, "jenis_kelamin", "terpotong"),
        ("baris_tidak_rata", "pegawai", 3, "ke-6", "jumlah kolom"),
        ("kutip_salah", "pegawai", 2, "nama", "kutip salah tempat"),
        ("utf16", "pegawai", 1, None, "UTF-16"),
        ("biner", "pegawai", 2, None, "0x00"),
        ("kosong", "pegawai", 1, None, "berkas kosong"),
        ("tanpa_nip", "pegawai", 1, "nip", "kolom wajib 'nip' tidak ada"),
        ("judul_ganda", "pegawai", 1, "nip, nipBaru", "sama-sama berarti 'nip'"),
        ("nip_ganda", "pegawai", 5, "NIP", "sama dengan baris 3"),
        ("kinerja_ganda", "kinerja", 5, "nip, tahun", "sama dengan baris 2"),
    ],
)
def test_it_refuses_a_broken_file_naming_file_row_and_column(
    case: str, table: str, row: int, column: str | None, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_table(CORPUS / case, table)
    error = caught.value
    assert error.file is not None and Path(error.file).name.startswith(table)
    assert (error.row, error.column) == (row, column)
    assert words in error.message
    assert " / " in error.message  # Indonesian first, then English


def test_it_reads_windows_1252_names() -> None:
    loaded = _read("cp1252")
    assert _rows(loaded, "nama") == [("Sulistyowati Ñ",), ("José Ramos-Horta Café",)]


def test_it_drops_the_utf8_byte_order_mark_from_the_first_header() -> None:
    loaded = _read("bom")
    assert loaded.headers["nip"] == "nip"
    assert _rows(loaded, "nip") == [("198001012005011001",)]


def test_it_reads_a_semicolon_file_with_decimal_commas() -> None:
    loaded = _read("titik_koma", "asesmen")
    assert _rows(loaded, "tanggal", "skor_kompetensi", "skor_potensi", "integritas") == [
        (date(2024, 3, 15), 85.5, 72.0, 4),
        (date(2023, 11, 30), 90.0, 67.25, 3),
    ]
    assert loaded.masalah.is_empty()


def test_it_reads_a_tab_separated_file() -> None:
    loaded = _read("tab", "relasi")
    assert _rows(loaded, "nip_a", "nip_b", "hubungan") == [
        ("198001012005011001", "198502022010012002", "suami_istri")
    ]


def test_it_keeps_a_nip_in_scientific_notation_as_text_and_reports_it() -> None:
    loaded = _read("nip_ilmiah")
    assert _rows(loaded, "nip") == [("1.98001E+17",), ("198502022010012002",)]
    assert _masalah(loaded) == [(2, "nip", "1.98001E+17", "id_angka_ilmiah")]


def test_it_keeps_leading_zeros_of_identifiers() -> None:
    loaded = _read("nol_di_depan")
    assert _rows(loaded, "nip", "nik", "jabatan_id", "unit_kerja") == [
        ("012345678901234567", "0102030405060708", "007", "00042")
    ]


def test_it_reads_every_date_form_and_reports_the_impossible_ones() -> None:
    loaded = _read("tanggal_campur")
    assert _rows(loaded, "tanggal_lahir") == [
        (date(1980, 1, 1),),
        (date(1980, 1, 2),),
        (date(1980, 1, 3),),
        (date(1980, 1, 4),),
        (date(1980, 1, 5),),
        (None,),
        (None,),
        (None,),
        (None,),
    ]
    assert _masalah(loaded) == [
        (7, "tanggal_lahir", "31-02-2020", "tanggal_tidak_valid"),
        (8, "tanggal_lahir", "1899-12-31", "tanggal_tidak_valid"),
        (9, "tanggal_lahir", "kemarin", "tanggal_tidak_valid"),
    ]


def test_it_accepts_header_aliases_in_any_case_and_spacing() -> None:
    loaded = _read("alias_judul")
    assert loaded.headers["nip"] == "NIP Baru"
    assert loaded.headers["golongan"] == "GOL/RUANG"
    row = loaded.frame.collect().row(0, named=True)
    assert row["nip"] == "198001012005011001"
    assert row["jenis_kelamin"] == "L"
    assert row["tanggal_lahir"] == date(1980, 1, 1)
    assert row["golongan"] == "III/a"
    assert row["pendidikan"] == "S1"
    assert row["status_kepegawaian"] == "PNS"


def test_it_ignores_unknown_columns() -> None:
    loaded = _read("kolom_asing")
    assert set(loaded.headers) == {"nip", "nama"}
    frame = loaded.frame.collect()
    assert "agama" not in frame.columns
    assert "catatan internal" not in frame.columns


def test_a_header_only_file_is_a_valid_empty_table() -> None:
    loaded = _read("hanya_judul")
    frame = loaded.frame.collect()
    assert frame.height == 0
    assert frame.schema["tanggal_lahir"] == pl.Date
    assert loaded.masalah.is_empty()


def test_a_quoted_line_break_stays_in_one_row_and_rows_after_it_are_numbered_as_records() -> None:
    loaded = _read("kutip_baris_baru")
    assert _rows(loaded, "_baris", "nama", "tempat_lahir") == [
        (2, 'Budi "Bud" Santoso', "Jakarta\nSelatan"),
        (3, "Siti Aminah", "Bandung"),
    ]
    assert _masalah(loaded) == [(3, "tanggal_lahir", "1985-02-30", "tanggal_tidak_valid")]


def test_blank_lines_are_skipped_but_still_counted_as_rows() -> None:
    loaded = _read("baris_kosong")
    assert _rows(loaded, "_baris", "nip") == [(2, "198001012005011001"), (5, "198502022010012002")]
    assert _masalah(loaded) == [(5, "tanggal_lahir", "bukan tanggal", "tanggal_tidak_valid")]


def test_it_reads_windows_line_ends() -> None:
    loaded = _read("crlf")
    assert _rows(loaded, "nama", "status_aktif") == [("Budi Santoso", False), ("Siti Aminah", True)]


def test_unknown_enumerated_values_become_null_and_are_reported() -> None:
    loaded = _read("nilai_enum")
    assert _rows(loaded, "jenis_kelamin", "golongan", "pendidikan", "jenjang_jabatan") == [
        ("L", "III/a", "S1", "AHLI_MUDA"),
        (None, None, None, None),
        ("P", "IV/b", "SLTA", "PELAKSANA"),
    ]
    assert _rows(loaded, "status_kepegawaian", "status_aktif") == [
        ("PNS", True),
        (None, None),
        ("PPPK", True),  # empty status_aktif is the default, true
    ]
    assert _masalah(loaded) == [
        (3, "golongan", "V/a", "nilai_tidak_dikenal"),
        (3, "jenis_kelamin", "X", "nilai_tidak_dikenal"),
        (3, "jenjang_jabatan", "Eselon 9", "nilai_tidak_dikenal"),
        (3, "pendidikan", "Sarjana Muda", "nilai_tidak_dikenal"),
        (3, "status_aktif", "mungkin", "nilai_tidak_dikenal"),
        (3, "status_kepegawaian", "Honorer", "nilai_tidak_dikenal"),
    ]


def test_the_corpus_stays_small() -> None:
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert total < 200_000


def test_every_corpus_case_has_a_test() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    cases = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    assert [case for case in cases if f'"{case}"' not in source] == []
