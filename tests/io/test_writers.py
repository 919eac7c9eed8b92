from __future__ import annotations

from datetime import date
from pathlib import Path

import fastexcel
import polars as pl
import pytest

from bakat.io import writers
from bakat.io.readers import read_file
from bakat.io.writers import atomic_output, neutralise, write_csv, write_parquet, write_xlsx


def _frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "nip": ["012345678901234567", "198001012005011001"],
            "pesan": ['=HYPERLINK("http://x")', "aman"],
            "nilai": [-5, 3],
            "tanggal": [date(2024, 1, 5), None],
            "aktif": [True, False],
        }
    )


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+62812", "'+62812"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Budi", "Budi"),
        ("a=b", "a=b"),
        (None, None),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_prefixed_with_a_quote(
    text: str | None, written: str | None
) -> None:
    assert neutralise(pl.DataFrame({"x": [text]}, schema={"x": pl.String})).item() == written


def test_numbers_are_not_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(_frame(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "nip,pesan,nilai,tanggal,aktif"
    assert lines[1] == '012345678901234567,"\'=HYPERLINK(""http://x"")",-5,2024-01-05,true'
    assert lines[2] == "198001012005011001,aman,3,,false"


def test_csv_is_utf8_without_bom_unless_asked(tmp_path: Path) -> None:
    frame = pl.DataFrame({"nama": ["José"]})
    write_csv(frame, tmp_path / "a.csv")
    write_csv(frame, tmp_path / "b.csv", bom=True)
    assert (tmp_path / "a.csv").read_bytes() == "nama\nJosé\n".encode()
    assert (tmp_path / "b.csv").read_bytes() == "\ufeffnama\nJosé\n".encode()


def test_a_written_csv_reads_back_through_the_reader(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "nip": ["012345678901234567", "198001012005011001"],
            "nama": ["Sulistyowati Ñ", "José"],
            "tanggal_lahir": [date(1980, 1, 1), None],
            "status_aktif": [True, False],
            "golongan": ["III/a", "IV/e"],
        }
    )
    write_csv(frame, tmp_path / "pegawai.csv")
    loaded = read_file(tmp_path / "pegawai.csv")
    assert loaded.frame.select(frame.columns).collect().equals(frame)
    assert loaded.masalah.is_empty()


def test_parquet_round_trips_with_its_dtypes(tmp_path: Path) -> None:
    write_parquet(_frame(), tmp_path / "out.parquet")
    assert pl.read_parquet(tmp_path / "out.parquet").equals(_frame())


def test_xlsx_holds_text_as_text_and_values_with_their_types(tmp_path: Path) -> None:
    path = tmp_path / "laporan.xlsx"
    write_xlsx({"Ringkasan": _frame(), "Kosong": _frame().clear()}, path)
    reader = fastexcel.read_excel(path)
    assert reader.sheet_names == ["Ringkasan", "Kosong"]
    sheet = reader.load_sheet(0, dtypes={0: "string"}).to_polars()
    assert sheet.get_column("nip").to_list() == ["012345678901234567", "198001012005011001"]
    assert sheet.get_column("pesan").to_list()[0] == '\'=HYPERLINK("http://x")'
    assert sheet.get_column("nilai").to_list() == [-5, 3]
    assert sheet.get_column("aktif").to_list() == [True, False]
    assert sheet.get_column("tanggal").dt.date().to_list() == [date(2024, 1, 5), None]


def test_a_single_frame_goes_to_a_sheet_named_data(tmp_path: Path) -> None:
    write_xlsx(_frame(), tmp_path / "x.xlsx")
    assert fastexcel.read_excel(tmp_path / "x.xlsx").sheet_names == ["data"]


@pytest.mark.parametrize("name", ["", "a" * 32, "a/b", "x[1]"])
def test_an_invalid_sheet_name_is_refused_before_writing(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="sheet name"):
        write_xlsx({name: _frame()}, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "temuan.csv"
    path.write_text("lama\n")

    class BrokenWriteError(RuntimeError):
        pass

    with pytest.raises(BrokenWriteError), atomic_output(path) as temporary:
        temporary.write_text("setengah")
        raise BrokenWriteError
    assert path.read_text() == "lama\n"
    assert [p.name for p in tmp_path.iterdir()] == ["temuan.csv"]


def test_a_writer_failing_mid_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pemetaan.csv"
    path.write_text("lama\n")

    def half_then_fail(self: pl.DataFrame, file: Path, **_: object) -> None:
        Path(file).write_text("nip,kotak\n1,")
        raise OSError("disk penuh")

    monkeypatch.setattr(pl.DataFrame, "write_csv", half_then_fail)
    with pytest.raises(OSError, match="disk penuh"):
        write_csv(_frame(), path)
    assert path.read_text() == "lama\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pemetaan.csv"]


def test_a_successful_write_replaces_the_file_and_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "hasil" / "out.csv"
    write_csv(pl.DataFrame({"a": [1]}), path)
    write_csv(pl.DataFrame({"a": [2]}), path)
    assert path.read_text() == "a\n2\n"
    assert [p.name for p in path.parent.iterdir()] == ["out.csv"]
    assert path.stat().st_mode & 0o777 == 0o666 & ~writers._UMASK


def test_the_same_frames_give_a_byte_identical_xlsx(tmp_path: Path) -> None:
    import time

    frame = pl.DataFrame({"nip": ["198001012005011001"], "nama": ["Ani"]})
    write_xlsx(frame, tmp_path / "a.xlsx")
    time.sleep(1.1)
    write_xlsx(frame, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


@pytest.mark.parametrize("compression", ["zstd", "snappy"])
def test_parquet_round_trips_with_either_compression(tmp_path: Path, compression: str) -> None:
    frame = pl.DataFrame({"nip": ["198001012005011001", "199001012015012002"], "jp": [20, 4]})
    write_parquet(frame, tmp_path / "t.parquet", compression=compression, statistics=False)
    assert pl.read_parquet(tmp_path / "t.parquet").equals(frame)
