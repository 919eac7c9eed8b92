from __future__ import annotations

import csv
import io
import tempfile
from functools import partial
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bakat.domain.errors import InputError
from bakat.io import csv_reader, csv_structure
from bakat.io.encoding import decode_csv, detect_separator, first_line, scan_bytes
from bakat.io.tables import TABLES

PEGAWAI = TABLES["pegawai"]


def _rows(frame: pl.DataFrame) -> list[tuple[object, ...]]:
    """The rows of ``frame``, an empty cell as None (Polars reads it so)."""
    return frame.with_columns(pl.col(pl.String).replace("", None)).rows()


def _read(path: Path) -> list[tuple[object, ...]] | tuple[int | None, str | None]:
    """The rows read by the reader, or the row and column of its refusal."""
    try:
        return _rows(csv_reader.read_csv(path, PEGAWAI, file="pegawai.csv").frame)
    except InputError as error:
        return error.row, error.column


def _read_by_records(path: Path) -> list[tuple[object, ...]] | tuple[int | None, str | None]:
    """The same, record by record with the standard csv module (the reference)."""
    try:
        payload, _ = decode_csv(path.read_bytes(), file="pegawai.csv")
        sep = detect_separator(first_line(payload.decode("utf-8")))
        cells = csv_structure.record_cells(payload, sep, "pegawai.csv")
        return _rows(csv_reader._raw_table(cells, PEGAWAI, "pegawai.csv").frame)
    except InputError as error:
        return error.row, error.column


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nip,nama\n1,\n2,\n3,c\n", [(2, "1", None), (3, "2", None), (4, "3", "c")]),
        ("nip,nama\n1,\n2\n3,c\n", (3, "nama")),  # a short row among empty last fields
        ("nip,nama\n1,\n\n3,c", [(2, "1", None), (4, "3", "c")]),  # a blank line
    ],
)
def test_many_rows_with_an_empty_last_field_are_counted_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: object
) -> None:
    monkeypatch.setattr(csv_structure, "_FEW", 1)
    path = tmp_path / "pegawai.csv"
    path.write_text(text)
    assert _read(path) == expected


@pytest.mark.parametrize("short", [None, 5, 27, 31])
def test_the_rows_to_count_are_found_in_any_chunk_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, short: int | None
) -> None:
    monkeypatch.setattr(csv_reader, "scan_bytes", partial(scan_bytes, chunk=16))
    rows = [f"{index},{'' if index % 3 else 'n'},x" for index in range(2, 32)]
    if short is not None:
        rows[short - 2] = f"{short},y"
    path = tmp_path / "pegawai.csv"
    path.write_text("nip,nama,tempat_lahir\n" + "\n".join(rows))
    read = _read(path)
    assert read == _read_by_records(path)
    assert read == ((short, "tempat_lahir") if short else read)
    if short is None:
        assert isinstance(read, list) and len(read) == 30


def test_a_row_with_more_fields_is_refused_when_a_quote_inside_a_field_hides_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_text('nip,nama,tempat_lahir\n1,x",y",z\n')  # four fields: a quote here is data
    assert _read(path) == (2, "ke-4")


_CELL = st.sampled_from(["", " ", "a", "Budi", "b,c", 'q"q', "x;y", "é", "line\nbreak"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_CELL, min_size=0, max_size=4), max_size=12),
    st.sampled_from([",", ";"]),
    st.sampled_from(["\n", "\r\n"]),
    st.integers(4, 64),
    st.booleans(),
)
def test_the_fast_ways_read_what_the_record_by_record_way_reads(
    rows: list[list[str]], sep: str, end: str, chunk: int, final_end: bool
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=sep, lineterminator=end)
    writer.writerow(["nip", "nama", "tempat_lahir"])
    writer.writerows(rows)
    text = buffer.getvalue() if final_end else buffer.getvalue().removesuffix(end)
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_reader, "scan_bytes", partial(scan_bytes, chunk=chunk))
        patch.setattr(csv_structure, "_FEW", chunk % 5)
        path = Path(folder) / "pegawai.csv"
        path.write_bytes(text.encode("utf-8"))
        assert _read(path) == _read_by_records(path)


def test_read_lines_refuses_text_that_is_not_utf8() -> None:
    with pytest.raises(pl.exceptions.ComputeError):
        csv_structure.read_lines(b"nip\n\xff\n")
