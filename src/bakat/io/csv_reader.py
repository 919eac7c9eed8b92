"""CSV files: structure checks and cells as text.

Rows are counted as a spreadsheet shows them: the header is row 1 and each record is one
row (a quoted field may hold line breaks and still be one row); a blank line is a row
with no values and is skipped. The common case (no quoted line breaks) is checked and
read by Polars; a file with quoted line breaks or stray quotes is checked record by
record with the standard ``csv`` module, which is slower but names the exact record.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from bakat.domain.errors import InputError
from bakat.io.encoding import decode_csv, detect_separator, first_line
from bakat.io.headers import RawTable, resolve_headers
from bakat.io.tables import ROW, Table

_QUOTED = r'"(?:[^"]|"")*"'


def read_csv(path: Path, table: Table, *, file: str) -> RawTable:
    """The cells of CSV ``path`` as text, after the structure checks of formats.md."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"berkas tidak dapat dibaca / cannot read file: {exc}", file=file
        ) from None
    payload, _ = decode_csv(data, file=file)
    if not payload.strip():
        raise InputError(
            "berkas kosong: tidak ada baris judul / empty file: no header row", file=file, row=1
        )
    if b"\n" not in payload and b"\r" in payload:
        payload = payload.replace(b"\r", b"\n")
    sep = detect_separator(first_line(payload[:65536].decode("utf-8", errors="replace")))
    cells = _fast_cells(payload, sep, file)
    if cells is None:
        cells = _slow_cells(payload, sep, file)
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
    if names:
        blank = pl.all_horizontal(pl.col(names).str.strip_chars().fill_null("") == "")
        frame = frame.filter(~blank)
    return RawTable(frame, mapping.written)


def _fast_cells(payload: bytes, sep: str, file: str) -> pl.DataFrame | None:
    """All cells (header included) read by Polars, or None when the file needs the
    record-by-record path (quoted line breaks, stray quotes, anything Polars refuses)."""
    try:
        lines = pl.read_csv(
            payload,
            has_header=False,
            separator="\x1f",  # never in the text: control bytes are refused
            quote_char=None,
            schema={"l": pl.String},
            raise_if_empty=False,
        ).select(pl.col("l").str.strip_chars_end("\r"))
    except pl.exceptions.PolarsError:
        return None
    line = pl.col("l")
    quotes = line.str.count_matches('"', literal=True)
    shape = lines.select(
        # A quoted line break or a carriage return inside a line: record by record.
        odd=((quotes % 2 == 1) | line.str.contains("\r", literal=True)).any(),
        fields=pl.when(quotes > 0)
        .then(line.str.replace_all(_QUOTED, ""))
        .otherwise(line)
        .str.count_matches(sep, literal=True)
        .fill_null(0)
        + 1,
        blank=line.is_null() | (line.str.strip_chars() == ""),
    )
    if shape.get_column("odd").any():
        return None
    try:
        header = next(csv.reader([lines.item(0, 0) or ""], delimiter=sep, strict=True), [])
    except csv.Error:
        return None
    if not header:
        return None
    _check_lengths(header, shape.get_column("fields"), shape.get_column("blank"), file)
    try:
        cells = pl.read_csv(
            payload,
            has_header=False,
            separator=sep,
            schema={f"c{index}": pl.String for index in range(len(header))},
            truncate_ragged_lines=True,
            missing_columns="insert",
            raise_if_empty=False,
        )
    except pl.exceptions.PolarsError:
        return None
    if cells.height != lines.height:
        return None
    return cells


def _slow_cells(payload: bytes, sep: str, file: str) -> pl.DataFrame:
    """All cells read record by record with the standard ``csv`` module (strict)."""
    text = payload.decode("utf-8")
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    last_line = 0
    try:
        for record in reader:
            records.append(record)
            last_line = reader.line_num
    except csv.Error:
        header = records[0] if records else []
        _raise_quote_error(text, last_line, len(records) + 1, header, sep, file)
    header = records[0]
    fields = pl.Series([len(record) for record in records], dtype=pl.Int64)
    blank = pl.Series(
        [len(record) <= 1 and not "".join(record).strip() for record in records],
        dtype=pl.Boolean,
    )
    _check_lengths(header, fields, blank, file)
    width = len(header)
    rows = (record if len(record) == width else [""] * width for record in records)
    columns = list(zip(*rows, strict=True)) or [() for _ in range(width)]
    return pl.DataFrame(
        {f"c{index}": list(values) for index, values in enumerate(columns)},
        schema={f"c{index}": pl.String for index in range(width)},
    )


def _column_name(header: Sequence[str], index: int) -> str:
    if index < len(header) and header[index].strip():
        return header[index].strip()
    return f"ke-{index + 1}"


def _check_lengths(header: Sequence[str], fields: pl.Series, blank: pl.Series, file: str) -> None:
    """Refuse the first record whose field count differs from the header's."""
    width = len(header)
    data = pl.int_range(pl.len()) > 0
    found = pl.DataFrame({"fields": fields, "blank": blank}).select(
        bad=(data & ~pl.col("blank") & (pl.col("fields") != width)).arg_true().first(),
        last=(~pl.col("blank")).arg_true().last(),
    )
    index = found.item(0, "bad")
    if index is None:
        return
    count = int(fields[index])
    if index == found.item(0, "last") and count < width:
        raise InputError(
            f"berkas terpotong: baris terakhir hanya berisi {count} dari {width} kolom / "
            f"truncated file: the last row has only {count} of {width} fields",
            file=file,
            row=index + 1,
            column=_column_name(header, count),
        )
    raise InputError(
        f"jumlah kolom baris ini {count}, baris judul {width}; periksa pemisah dan tanda "
        f"kutip / this row has {count} fields but the header has {width}; check the "
        "separators and quotes",
        file=file,
        row=index + 1,
        column=_column_name(header, min(count, width)),
    )


_LINE_START = re.compile(r"\r\n|\r|\n")


def _raise_quote_error(
    text: str, lines_before: int, row: int, header: Sequence[str], sep: str, file: str
) -> None:
    """Explain a record the strict ``csv`` reader refused: which field, which quote."""
    start = 0
    for count, match in enumerate(_LINE_START.finditer(text), start=1):
        if count > lines_before:
            break
        start = match.end()
    field, in_quote, index = 0, False, start
    at_field_start = True
    while index < len(text):
        char = text[index]
        if in_quote:
            if char == '"':
                following = text[index + 1 : index + 2]
                if following == '"':
                    index += 1
                elif following not in ("", sep, "\n", "\r"):
                    raise InputError(
                        "tanda kutip salah tempat: setelah kutip penutup harus ada pemisah "
                        f"'{sep}' / misplaced quote: a closing quote must be followed by "
                        f"the separator '{sep}'",
                        file=file,
                        row=row,
                        column=_column_name(header, field),
                    )
                else:
                    in_quote = False
        elif char == '"' and at_field_start:
            in_quote = True
        elif char == sep:
            field += 1
            at_field_start = True
            index += 1
            continue
        elif char in "\r\n":
            break
        at_field_start = False
        index += 1
    raise InputError(
        "berkas terpotong: tanda kutip di kolom ini tidak ditutup sampai akhir berkas / "
        "truncated file: the quote opened in this column is never closed",
        file=file,
        row=row,
        column=_column_name(header, field),
    )
