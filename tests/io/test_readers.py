from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from bakat.domain.errors import InputError
from bakat.io.readers import find_table_file, read_file, read_folder, read_table

CORPUS = Path(__file__).parent / "corpus"


def _csv(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text)
    return path


def test_two_files_for_one_table_are_refused(tmp_path: Path) -> None:
    _csv(tmp_path, "pegawai.csv", "nip\n1\n")
    book = xlsxwriter.Workbook(str(tmp_path / "pegawai.xlsx"))
    book.add_worksheet().write_string(0, 0, "nip")
    book.close()
    with pytest.raises(InputError, match="lebih dari satu berkas") as caught:
        read_table(tmp_path, "pegawai")
    assert "pegawai.csv" in caught.value.message and "pegawai.xlsx" in caught.value.message


def test_a_table_file_is_found_in_any_letter_case(tmp_path: Path) -> None:
    _csv(tmp_path, "Pegawai.CSV", "nip\n1\n")
    assert find_table_file(tmp_path, "pegawai") == tmp_path / "Pegawai.CSV"
    assert find_table_file(tmp_path, "kinerja") is None


def test_a_table_in_an_unsupported_format_is_refused_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / "pegawai.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError, match=r"\.xls"):
        read_table(tmp_path, "pegawai")


def test_a_missing_required_table_names_the_step_that_needs_it(tmp_path: Path) -> None:
    _csv(tmp_path, "pegawai.csv", "nip\n1\n")
    with pytest.raises(InputError) as caught:
        read_folder(tmp_path, required=("pegawai", "kinerja"), step="map")
    message = caught.value.message
    assert "tabel 'kinerja' tidak ditemukan" in message
    assert "langkah 'map'" in message and "step 'map'" in message


def test_read_folder_reads_every_known_table_present_and_ignores_other_files(
    tmp_path: Path,
) -> None:
    _csv(tmp_path, "pegawai.csv", "nip\n1\n")
    _csv(tmp_path, "kinerja.csv", "nip,tahun,predikat\n1,2024,Baik\n")
    _csv(tmp_path, "catatan.csv", "apa saja\n")
    loaded = read_folder(tmp_path)
    assert sorted(loaded) == ["kinerja", "pegawai"]
    assert loaded["kinerja"].frame.collect().item(0, "predikat") == "Baik"


def test_read_folder_can_read_only_some_tables(tmp_path: Path) -> None:
    _csv(tmp_path, "pegawai.csv", "nip\n1\n")
    _csv(tmp_path, "kinerja.csv", "rusak\n")  # not read, so not refused
    assert list(read_folder(tmp_path, tables=["pegawai"])) == ["pegawai"]


def test_read_folder_refuses_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="tidak ditemukan"):
        read_folder(tmp_path / "tidak-ada")


def test_read_file_takes_the_table_from_the_file_name(tmp_path: Path) -> None:
    path = _csv(tmp_path, "relasi.csv", "nip_a,nip_b,hubungan\n1,2,keluarga\n")
    assert read_file(path).table == "relasi"
    with pytest.raises(InputError, match="bukan nama tabel"):
        read_file(_csv(tmp_path, "lainnya.csv", "nip\n1\n"))


def test_reading_has_no_side_effects(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(CORPUS / "tanggal_campur", folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    read_folder(folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_repeated_key_with_an_empty_part_is_not_a_duplicate(tmp_path: Path) -> None:
    _csv(tmp_path, "kinerja.csv", "nip,tahun,predikat\n1,,Baik\n1,,Baik\n1,2024,Baik\n")
    loaded = read_table(tmp_path, "kinerja")
    assert loaded.frame.collect().height == 3


def test_the_frame_is_lazy_and_numbered_by_spreadsheet_row(tmp_path: Path) -> None:
    _csv(tmp_path, "pegawai.csv", "nip\n1\n2\n")
    loaded = read_table(tmp_path, "pegawai")
    assert isinstance(loaded.frame, pl.LazyFrame)
    assert loaded.frame.select("_baris").collect().to_series().to_list() == [2, 3]


def test_it_reads_the_unit_tree_with_its_kinds(tmp_path: Path) -> None:
    (tmp_path / "unit_kerja.csv").write_text(
        "unit_kerja,unit_kerja_nama,induk,tingkat,provinsi,provinsi_nama,instansi,ilustrasi\n"
        "KEMENSOS,Kementerian Sosial,,0,31,DKI Jakarta,KEMENSOS,true\n"
        "KEMENSOS.01,Sekretariat Jenderal,KEMENSOS,1,31,DKI Jakarta,KEMENSOS,false\n",
        encoding="utf-8",
    )
    loaded = read_table(tmp_path, "unit_kerja")
    frame = loaded.frame.collect()
    assert frame.get_column("induk").to_list() == [None, "KEMENSOS"]
    assert frame.get_column("tingkat").to_list() == [0, 1]
    assert frame.get_column("provinsi").to_list() == ["31", "31"]
    assert frame.get_column("ilustrasi").to_list() == [True, False]
    assert loaded.masalah.height == 0


def test_it_refuses_a_unit_listed_twice(tmp_path: Path) -> None:
    (tmp_path / "unit_kerja.csv").write_text(
        "unit_kerja,unit_kerja_nama\nU1,Satu\nU2,Dua\nU1,Lagi\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="sama dengan baris 2") as caught:
        read_table(tmp_path, "unit_kerja")
    assert (caught.value.row, caught.value.column) == (4, "unit_kerja")


def test_it_reads_the_agency_list_and_reports_a_size_that_is_not_a_number(
    tmp_path: Path,
) -> None:
    (tmp_path / "instansi.csv").write_text(
        "instansi,instansi_nama,jenis,provinsi,ukuran\n"
        "KEMENSOS,Kementerian Sosial,pusat,31,41000\n"
        "PEMPROV-31,Pemerintah Provinsi DKI Jakarta,pemda,31,banyak\n",
        encoding="utf-8",
    )
    loaded = read_table(tmp_path, "instansi")
    assert loaded.frame.collect().get_column("ukuran").to_list() == [41000, None]
    assert loaded.masalah.select("baris", "kolom").rows() == [(3, "ukuran")]
