from __future__ import annotations

import contextlib
import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bakat.domain.errors import InputError
from bakat.io.csv_reader import read_csv
from bakat.io.readers import read_file
from bakat.io.tables import TABLES

PEGAWAI = TABLES["pegawai"]


def _read_bytes(data: bytes) -> list[tuple[object, ...]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pegawai.csv"
        path.write_bytes(data)
        loaded = read_file(path)
        return loaded.frame.select("nip", "nama", "tempat_lahir").collect().rows()


def test_it_reads_the_cells_of_a_plain_file_as_text(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_text("nip,nama,golongan\n0012,Budi,3A\n")
    raw = read_csv(path, PEGAWAI, file="pegawai.csv")
    assert raw.frame.rows() == [(2, "0012", "Budi", "3A")]
    assert dict(raw.headers) == {"nip": "nip", "nama": "nama", "golongan": "golongan"}


@pytest.mark.parametrize(
    ("text", "row", "column"),
    [
        ("nip,nama\n1,a\n2\n3,c\n", 3, "nama"),  # short row in the middle
        ("nip,nama\n1,a\n2,b,c\n", 3, "ke-3"),  # long row at the end
        ('nip,nama\n1,"a\n', 2, "nama"),  # quote never closed
        ('nip,nama\n1,"a\nb",c\n3,d\n', 2, "ke-3"),  # long row after a line break
        ('nip,nama\n1,"a"b\n', 2, "nama"),  # text after a closing quote
    ],
)
def test_it_names_the_row_and_column_of_a_structural_break(
    tmp_path: Path, text: str, row: int, column: str
) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        read_csv(path, PEGAWAI, file="pegawai.csv")
    assert (caught.value.row, caught.value.column) == (row, column)


def test_an_old_mac_file_with_carriage_returns_only_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_bytes(b"nip,nama\r1,Budi\r2,Siti\r")
    raw = read_csv(path, PEGAWAI, file="pegawai.csv")
    assert raw.frame.rows() == [(2, "1", "Budi"), (3, "2", "Siti")]


def test_a_csv_that_is_really_a_workbook_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(40))
    with pytest.raises(InputError, match=r"\.xlsx"):
        read_csv(path, PEGAWAI, file="pegawai.csv")


def test_a_byte_undefined_in_windows_1252_is_refused_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_bytes(b"nip,nama\n1,Budi\n2,Siti \x81\xe9\n")
    with pytest.raises(InputError, match="0x81") as caught:
        read_csv(path, PEGAWAI, file="pegawai.csv")
    assert caught.value.row == 3


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_read_or_refused_with_an_input_error(data: bytes) -> None:
    with contextlib.suppress(InputError):
        _read_bytes(b"nip,nama,tempat_lahir\n" + data)


# Cells of a well-formed file: any text but control characters; a line feed inside a
# cell is quoted by the writer, a lone carriage return would be a line break.
_CELL = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in [*range(0, 9), *range(11, 32), 127]],
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(_CELL, _CELL), max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_a_well_formed_csv_reads_back_the_trimmed_text_of_every_cell(
    cells: list[tuple[str, str]], separator: str, encoding: str
) -> None:
    def representable(cell: str) -> str:
        return cell.encode(encoding, "ignore").decode(encoding)

    rows = [
        (f"19800101200501{index:04d}", representable(nama), representable(tempat))
        for index, (nama, tempat) in enumerate(cells)
    ]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\n")
    writer.writerow(["nip", "nama", "tempat_lahir"])
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    # A Windows-1252 text whose bytes also happen to be UTF-8 ("Ã©") is read as UTF-8,
    # as documented; real names do not do that.
    assume(encoding != "cp1252" or data == buffer.getvalue().encode() or not _is_utf8(data))
    expected = [tuple(cell.strip() or None for cell in row) for row in rows]
    assert _read_bytes(data) == expected


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text_is_read_or_refused_with_an_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        _read_bytes(text.encode("utf-8", "surrogatepass"))
