"""The structure of a CSV file: records, field counts, quotes; the cells as text.

Three ways of reading the cells give the same result, fastest first:

- :func:`plain_cells`: a UTF-8 file whose carriage returns all end lines, read by Polars
  straight from the file; only the rows whose last field is empty (a short row, a blank
  line, or just an empty value) are fetched again and counted field by field.
- :func:`cells_from_lines`: any file whose every record is one line (no quoted line
  break); the physical lines are read first to check quotes and line ends.
- :func:`record_cells`: record by record with the standard ``csv`` module (strict), which
  is slower but names the exact record of a quote problem.

Each either returns every cell (header included, columns ``c0``, ``c1`` ...), raises the
InputError of formats.md, or returns None to hand the file to the next way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from bakat.domain.errors import InputError
from bakat.io.encoding import ByteScan, lines_at

_QUOTED = r'"(?:[^"]|"")*"'
#: Up to this many rows to count, their lines are fetched from the file one by one
#: (more: the lines are all read and counted together).
_FEW = 10_000


def read_lines(source: Path | bytes) -> pl.DataFrame:
    """Every physical line of ``source`` (column ``l``; a byte order mark is dropped).

    Raises a Polars error for text that is not UTF-8 or holds the byte 0x1F."""
    return pl.read_csv(
        source,
        has_header=False,
        separator="\x1f",  # never in the text: control bytes are refused
        quote_char=None,
        schema={"l": pl.String},
        raise_if_empty=False,
        truncate_ragged_lines=False,
        glob=False,
    )


def plain_cells(
    path: Path, header_line: str, scan: ByteScan, sep: str, file: str
) -> pl.DataFrame | None:
    """Cells of a UTF-8 file in which every carriage return ends a line (``scan``), read
    by Polars straight from the file, when every record is one line."""
    try:
        header = next(csv.reader([header_line], delimiter=sep, strict=True), [])
    except csv.Error:
        return None
    if not header:
        return None
    try:
        # Strict: a row with more fields than the header is an error here.
        cells = _read_cells(path, sep, len(header))
    except pl.exceptions.PolarsError:  # a long row, a quote problem, or not UTF-8
        return None
    if cells.height != scan.lines:  # a record over several lines (a quoted line break)
        return None
    short = _short_rows(cells, len(header))
    try:
        if short.len() <= _FEW:
            texts = pl.Series("l", lines_at(path, short.to_list(), scan), dtype=pl.String)
        else:
            every = read_lines(path).get_column("l")
            if every.len() != scan.lines:
                return None
            texts = every.gather(short)
    except (pl.exceptions.PolarsError, UnicodeDecodeError):
        return None
    shape = _shape(texts, sep)
    if shape is None:
        return None
    _check_counted(header, scan.lines, short, shape, file)
    return cells


def cells_from_lines(
    lines: pl.DataFrame, source: Path | bytes, sep: str, file: str
) -> pl.DataFrame | None:
    """Cells of a file whose physical ``lines`` are known, when every record is a line."""
    if not lines.height:
        return None
    line = pl.col("l")
    quoted = line.filter(line.str.contains('"', literal=True))
    flags = lines.select(
        # A carriage return before the end of a line (trailing ones end a CRLF line).
        inner_cr=line.str.contains("\r[^\r]").any(),
        # An odd number of quotes: a quoted line break or a stray quote.
        odd=(quoted.str.count_matches('"', literal=True) % 2 == 1).any(),
    )
    if flags.item(0, "inner_cr") or flags.item(0, "odd"):
        return None
    try:
        header_line = (lines.item(0, 0) or "").rstrip("\r")
        header = next(csv.reader([header_line], delimiter=sep, strict=True), [])
    except csv.Error:
        return None
    if not header:
        return None
    texts = lines.get_column("l")
    try:
        # Strict: a row with more fields than the header is an error here.
        cells = _read_cells(source, sep, len(header))
    except pl.exceptions.PolarsError:
        # Name the first bad row if a count finds one; else record by record.
        every = _shape(texts, sep)
        if every is not None:
            _check_lengths(header, every.get_column("fields"), every.get_column("blank"), file)
        return None
    if cells.height != lines.height:
        return None
    short = _short_rows(cells, len(header))
    shape = _shape(texts.gather(short), sep)
    if shape is None:
        return None
    _check_counted(header, lines.height, short, shape, file)
    return cells


def _short_rows(cells: pl.DataFrame, width: int) -> pl.Series:
    """The rows to count field by field: those whose last field is empty, and the last
    row. Any other row has exactly ``width`` fields: its last field holds a value, and
    Polars refused any row with more, except a last line that ends the file with a
    separator and no line feed."""
    last = pl.col(f"c{width - 1}").is_null() | (pl.int_range(pl.len()) == pl.len() - 1)
    return cells.select(last.arg_true()).to_series()


def _check_counted(
    header: Sequence[str], lines: int, rows: pl.Series, shape: pl.DataFrame, file: str
) -> None:
    """:func:`_check_lengths` when only ``rows`` may differ from the header (``shape``:
    their field counts and blankness, in order)."""
    fields = pl.repeat(len(header), lines, dtype=pl.Int64, eager=True)
    blank = pl.repeat(False, lines, dtype=pl.Boolean, eager=True)
    if rows.len():
        fields = fields.scatter(rows, shape.get_column("fields"))
        blank = blank.scatter(rows, shape.get_column("blank"))
    _check_lengths(header, fields, blank, file)


def _shape(texts: pl.Series, sep: str) -> pl.DataFrame | None:
    """Fields and blankness of each line of ``texts``, as the ``csv`` module reads it
    (None when it refuses one). A line without quotes is counted by its separators;
    up to :data:`_FEW` lines with quotes are read by the ``csv`` module, more by
    dropping their quoted parts first (which misreads a quote inside a field)."""
    line = pl.col("l")
    has_quote = line.str.contains('"', literal=True)
    many = texts.str.contains('"', literal=True).sum() > _FEW
    counted = pl.when(has_quote).then(line.str.replace_all(_QUOTED, "")).otherwise(line)
    shape = texts.to_frame("l").select(
        fields=(counted if many else line).str.count_matches(sep, literal=True).fill_null(0) + 1,
        # Spaces only (or, counted by dropping quotes, one quoted field of spaces only).
        blank=line.is_null() | line.str.contains(r'^\s*$|^"\s*"\r*$' if many else r"^\s*$"),
        quoted=has_quote.fill_null(False),
    )
    fields = shape.get_column("fields").cast(pl.Int64)
    blank = shape.get_column("blank")
    quoted = shape.get_column("quoted").arg_true()
    if quoted.len() and not many:
        read: list[int] = []
        empty: list[bool] = []
        for text in texts.gather(quoted).to_list():
            try:
                record = next(csv.reader([text], delimiter=sep, strict=True), [])
            except csv.Error:
                return None
            read.append(len(record))
            empty.append(len(record) <= 1 and not "".join(record).strip())
        fields = fields.scatter(quoted, read)
        blank = blank.scatter(quoted, empty)
    return pl.DataFrame([fields, blank])


def _read_cells(source: Path | bytes, sep: str, width: int) -> pl.DataFrame:
    """Every cell as text; a row with more fields than ``width`` is a Polars error."""
    return pl.read_csv(
        source,
        has_header=False,
        separator=sep,
        schema={f"c{index}": pl.String for index in range(width)},
        truncate_ragged_lines=False,
        missing_columns="insert",
        raise_if_empty=False,
        glob=False,
    )


def record_cells(payload: bytes, sep: str, file: str) -> pl.DataFrame:
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
