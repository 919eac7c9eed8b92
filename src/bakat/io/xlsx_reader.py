"""XLSX workbooks: the first sheet, cells with the types the workbook gave them.

The header is the first non-empty row of the first sheet (usually row 1). Rows are
numbered as Excel numbers them, so an error names the row the user sees. Read with
fastexcel (calamine), which keeps numbers, dates and text apart.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

import fastexcel
import polars as pl

from bakat.domain.errors import InputError
from bakat.io.headers import RawTable, resolve_headers
from bakat.io.tables import ROW, Kind, Table

_LONG_DIGITS = r"^\d{16,}$"


def read_xlsx(path: Path, table: Table, *, file: str) -> RawTable:
    """The cells of the first sheet of ``path``, header matched to ``table``."""
    try:
        reader = fastexcel.read_excel(path)
        head = reader.load_sheet(0, header_row=None, n_rows=1, dtypes="string").to_polars()
    except Exception as exc:  # fastexcel raises its own error types for damaged files
        raise InputError(
            f"bukan berkas XLSX yang dapat dibaca / not a readable XLSX file ({exc})",
            file=file,
        ) from None
    if head.height == 0:
        raise InputError(
            "lembar pertama kosong: tidak ada baris judul / the first sheet is empty: "
            "no header row",
            file=file,
            row=1,
        )
    first_row = _first_row_number(path)
    headers = [None if value is None else str(value) for value in head.row(0)]
    mapping = resolve_headers(table, headers, file=file)
    wanted = sorted(mapping.position.values())
    try:
        sheet = reader.load_sheet(
            0, header_row=0, use_columns=wanted, schema_sample_rows=None, dtype_coercion="coerce"
        )
        cells = sheet.to_polars()
    except Exception as exc:
        raise InputError(
            f"lembar pertama tidak dapat dibaca / cannot read the first sheet ({exc})",
            file=file,
        ) from None
    by_index = {info.absolute_index: info.name for info in sheet.selected_columns}
    frame = cells.select(
        (pl.int_range(pl.len(), dtype=pl.Int64) + first_row + 1).alias(ROW),
        *(pl.col(by_index[index]).alias(name) for name, index in mapping.position.items()),
    )
    empty = [
        pl.col(name).str.strip_chars().fill_null("") == ""
        if frame.schema[name] == pl.String
        else pl.col(name).is_null()
        for name in mapping.position
    ]
    if empty:
        frame = frame.filter(~pl.all_horizontal(empty))
    for name, index in mapping.position.items():
        if table.column(name).kind is Kind.ID and frame.schema[name] == pl.String:
            frame = _mark_numbers(reader, frame, name, index, first_row)
    return RawTable(frame, mapping.written)


def _mark_numbers(
    reader: Any, frame: pl.DataFrame, name: str, index: int, first_row: int
) -> pl.DataFrame:
    """In an identifier column that mixes text and numbers, show each long number the way
    Excel stores it (``1.98001012000011E+17``) instead of digits it never had.

    calamine turns a number in a text column into its full integer digits
    (``198001012000011008``), which would pass for a NIP. Only cells of 16 or more digits
    are affected (a double keeps 15). fastexcel reads a number as a boolean and text as
    null when asked for booleans, which tells the two apart.
    """
    long = frame.get_column(name).str.strip_chars().str.contains(_LONG_DIGITS).fill_null(False)
    if not long.any():
        return frame
    try:
        marks = (
            reader.load_sheet(0, header_row=0, use_columns=[index], dtypes={index: "boolean"})
            .to_polars()
            .select(
                (pl.int_range(pl.len(), dtype=pl.Int64) + first_row + 1).alias(ROW),
                pl.nth(0).is_not_null().alias("__angka"),
            )
        )
    except Exception:
        return frame
    joined = frame.join(marks, on=ROW, how="left")
    numbers = joined.get_column("__angka").fill_null(False) & long
    distinct = joined.filter(numbers).get_column(name).unique().to_list()
    shown = [format(float(value), ".15G") for value in distinct]
    return joined.with_columns(
        pl.when(numbers)
        .then(pl.col(name).replace_strict(distinct, shown, default=None, return_dtype=pl.String))
        .otherwise(pl.col(name))
        .alias(name)
    ).drop("__angka")


def _first_row_number(path: Path) -> int:
    """The Excel row number of the first row that holds a value in the first sheet.

    calamine starts a sheet at its first non-empty row; this finds which row that is so
    that rows can be numbered as Excel shows them. 1 when it cannot be told.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml")
            rels = archive.read("xl/_rels/workbook.xml.rels")
            sheet = re.search(rb"<(?:\w+:)?sheet\b[^>]*?\b\w+:id=\"([^\"]+)\"", workbook)
            if sheet is None:
                return 1
            rel_id = re.escape(sheet.group(1))
            rel = re.search(rb"<Relationship\b[^>]*?\bId=\"" + rel_id + rb"\"[^>]*>", rels)
            target = re.search(rb"\bTarget=\"([^\"]+)\"", rel.group(0)) if rel else None
            if target is None:
                return 1
            member = target.group(1).decode()
            member = member.lstrip("/") if member.startswith("/") else "xl/" + member
            with archive.open(member) as stream:
                return _first_value_row(stream)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, SyntaxError):
        return 1


def _first_value_row(stream: Any) -> int:
    row_number = 1
    for event, element in iterparse(stream, events=("start", "end")):
        tag = element.tag.rsplit("}", 1)[-1]
        if event == "start" and tag == "row":
            row_number = int(element.get("r", row_number))
        elif event == "end" and tag in ("v", "is") and "".join(element.itertext()).strip():
            return row_number
        elif event == "end" and tag == "row":
            row_number += 1
            element.clear()
    return 1
