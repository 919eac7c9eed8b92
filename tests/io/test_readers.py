from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from bakat.domain.errors import InputError
from bakat.io.readers import find_table_file, read_file, read_folder, read_table
from bakat.io.tables import RAW_SUFFIX, TABLES

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


# Reading once (materialise=True): the same frame, problems and refusals as the default
# lazy read, from one read of each file held in memory.


def _corpus_cases() -> list[tuple[str, str]]:
    return sorted((path.parent.name, path.stem) for path in CORPUS.glob("*/*.csv"))


def _outcome(folder: Path, table: str, *, materialise: bool) -> object:
    """What reading gives: the refusal (message, file, row, column) or the frame,
    the problems and the headers."""
    try:
        loaded = read_table(folder, table, materialise=materialise)
    except InputError as error:
        return (error.message, error.file, error.row, error.column)
    return (loaded.frame.collect(), loaded.masalah, dict(loaded.headers))


def _same(first: object, second: object) -> bool:
    if isinstance(first, tuple) and isinstance(first[0], pl.DataFrame):
        assert isinstance(second, tuple)
        return bool(first[0].equals(second[0]) and first[1].equals(second[1]))
    return first == second


@pytest.mark.parametrize(("case", "table"), _corpus_cases())
def test_reading_once_gives_what_the_lazy_read_gives_for_every_corpus_file(
    case: str, table: str
) -> None:
    lazy = _outcome(CORPUS / case, table, materialise=False)
    once = _outcome(CORPUS / case, table, materialise=True)
    assert _same(lazy, once)


def _as_parquet(case: str, table: str, folder: Path) -> Path:
    """The corpus file as a Parquet file of the texts as written (canonical headers)."""
    frame = read_table(CORPUS / case, table, keep_raw=True).frame.collect()
    columns = [
        pl.col(name + RAW_SUFFIX).alias(name) if name + RAW_SUFFIX in frame.columns else name
        for name in TABLES[table].names
    ]
    path = folder / f"{table}.parquet"
    frame.select(columns).write_parquet(path)
    return path


@pytest.mark.parametrize(
    ("case", "table"),
    [
        ("nilai_enum", "pegawai"),
        ("tanggal_campur", "pegawai"),
        ("nip_ilmiah", "pegawai"),
        ("nol_di_depan", "pegawai"),
        ("titik_koma", "asesmen"),
        ("tab", "relasi"),
    ],
)
def test_reading_a_parquet_file_once_gives_the_same_frame_and_problems(
    tmp_path: Path, case: str, table: str
) -> None:
    _as_parquet(case, table, tmp_path)
    lazy = _outcome(tmp_path, table, materialise=False)
    once = _outcome(tmp_path, table, materialise=True)
    assert isinstance(lazy, tuple) and isinstance(lazy[0], pl.DataFrame)
    assert _same(lazy, once)


def test_the_problems_of_a_parquet_file_read_once_name_row_and_column(tmp_path: Path) -> None:
    pl.DataFrame(
        {
            "nip": ["1", "2", "3"],
            "golongan": ["3a", "zz", "IV/e"],
            "tanggal_lahir": ["x", "", "1980-01-01"],
        }
    ).write_parquet(tmp_path / "pegawai.parquet")
    loaded = read_table(tmp_path, "pegawai", materialise=True)
    assert loaded.masalah.select("baris", "kolom", "nilai").rows() == [
        (2, "tanggal_lahir", "x"),
        (3, "golongan", "zz"),
    ]
    assert loaded.frame.collect().get_column("golongan").to_list() == ["III/a", None, "IV/e"]


@pytest.mark.parametrize(
    "frame",
    [
        pl.DataFrame({"nip": ["1", "2", " 1"]}),
        pl.DataFrame({"nip": ["1", "1"], "tahun": [2024, 2024], "predikat": ["Baik", "Baik"]}),
    ],
)
def test_a_repeated_key_in_a_parquet_file_read_once_is_refused_the_same_way(
    tmp_path: Path, frame: pl.DataFrame
) -> None:
    table = "kinerja" if "tahun" in frame.columns else "pegawai"
    frame.write_parquet(tmp_path / f"{table}.parquet")
    lazy = _outcome(tmp_path, table, materialise=False)
    assert isinstance(lazy, tuple) and isinstance(lazy[2], int)  # refused, naming a row
    assert _outcome(tmp_path, table, materialise=True) == lazy


def test_a_parquet_file_read_once_is_not_read_again(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.parquet"
    pl.DataFrame({"nip": ["1", "2"], "nama": [" Budi ", "Siti"]}).write_parquet(path)
    expected = read_table(tmp_path, "pegawai").frame.collect()
    once = read_table(tmp_path, "pegawai", materialise=True)
    path.unlink()
    assert once.frame.collect().equals(expected)
    assert read_folder(tmp_path, required=(), materialise=True) == {}


def test_an_unreadable_parquet_file_read_once_is_refused_the_same_way(tmp_path: Path) -> None:
    (tmp_path / "pegawai.parquet").write_bytes(b"PAR1 rusak")
    lazy = _outcome(tmp_path, "pegawai", materialise=False)
    assert isinstance(lazy, tuple) and "Parquet" in str(lazy[0])
    assert _outcome(tmp_path, "pegawai", materialise=True) == lazy
