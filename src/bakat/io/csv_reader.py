"""CSV files: encoding and structure checks, then the cells as text.

Rows are counted as a spreadsheet shows them: the header is row 1 and each record is one
row (a quoted field may hold line breaks and still be one row); a blank line is a row
with no values and is skipped. A UTF-8 file is read by Polars straight from the file
after one pass over its bytes (control bytes, quotes, line ends, line count); anything
else (Windows-1252, an old Mac file, a control byte to name) is decoded in memory
first. How the records are found is in :mod:`bakat.io.csv_structure`.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from bakat.domain.errors import InputError
from bakat.io.csv_structure import cells_from_lines, plain_cells, read_lines, record_cells
from bakat.io.encoding import decode_csv, detect_separator, first_line, scan_bytes
from bakat.io.headers import RawTable, resolve_headers
from bakat.io.tables import ROW, Table

_HEAD = 65536


def read_csv(path: Path, table: Table, *, file: str) -> RawTable:
    """The cells of CSV ``path`` as text, after the structure checks of formats.md."""
    cells = _cells_from_file(path, file)
    if cells is None:
        cells = _cells_from_bytes(path, file)
    return _raw_table(cells, table, file)


def _cells_from_file(path: Path, file: str) -> pl.DataFrame | None:
    """The cells of a UTF-8 file read by Polars from the file itself, or None when the
    file needs decoding in memory (or is refused there, with the exact message)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
    except OSError:
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04")) or not head.strip():
        return None
    if b"\n" not in head and b"\r" in head:
        return None
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    sep = detect_separator(first_line(text))
    try:
        scan = scan_bytes(path)
        if scan.control:
            return None
        if scan.crlf_only and b"\n" in head:
            cells = plain_cells(path, first_line(text), scan, sep, file)
            if cells is not None:
                return cells
        lines = read_lines(path)
    except (OSError, UnicodeDecodeError, pl.exceptions.PolarsError):
        return None
    return cells_from_lines(lines, path, sep, file)


def _cells_from_bytes(path: Path, file: str) -> pl.DataFrame:
    """The cells of any accepted file, decoded in memory (refusals name the line)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"berkas tidak dapat dibaca / cannot read file: {exc}", file=file
        ) from None
    payload, _ = decode_csv(data, file=file)
    del data
    if not payload.strip():
        raise InputError(
            "berkas kosong: tidak ada baris judul / empty file: no header row", file=file, row=1
        )
    if b"\n" not in payload and b"\r" in payload:
        payload = payload.replace(b"\r", b"\n")
    sep = detect_separator(first_line(payload[:_HEAD].decode("utf-8", errors="replace")))
    try:
        lines = read_lines(payload)
    except pl.exceptions.PolarsError:
        return record_cells(payload, sep, file)
    cells = cells_from_lines(lines, payload, sep, file)
    del lines
    return cells if cells is not None else record_cells(payload, sep, file)


def _raw_table(cells: pl.DataFrame, table: Table, file: str) -> RawTable:
    """The columns ``table`` knows, named canonically, without the rows that are empty
    in every one of them."""
    header = [cells[c][0] for c in cells.columns]
    mapping = resolve_headers(table, header, file=file)
    frame = (
        cells.with_row_index(ROW, offset=1)
        .slice(1)
        .select(
            pl.col(ROW).cast(pl.Int64),
            *(pl.col(f"c{index}").alias(name) for name, index in mapping.position.items()),
        )
    )
    names = list(mapping.position)
    if names and frame.height:
        # A row can be empty only where its first column is: check the rest there only.
        first = pl.col(names[0])
        maybe = frame.filter(first.is_null() | (first.str.strip_chars_start().str.len_bytes() == 0))
        if maybe.height:
            blank = pl.all_horizontal(pl.col(names).str.strip_chars().fill_null("") == "")
            empty = maybe.filter(blank).get_column(ROW)
            if empty.len():
                frame = frame.filter(~pl.col(ROW).is_in(empty.implode()))
    return RawTable(frame, mapping.written)
