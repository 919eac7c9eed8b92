"""Header matching: which column of a file is which canonical column.

Headers are compared by :func:`header_key`: Unicode case-folded, with everything that is
not a letter or a digit removed (spaces, underscores, dashes, dots, slashes, a byte
order mark). ``"Tanggal Lahir"``, ``"tanggal_lahir"``, ``" TGL-LAHIR "`` (an alias) and
``"tglLahir"`` all find ``tanggal_lahir``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import polars as pl

from bakat.domain.errors import InputError
from bakat.io import layouts
from bakat.io.tables import Table


def header_key(text: str) -> str:
    """The comparison form of a header: case-folded letters and digits only."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@dataclass(frozen=True)
class Spellings:
    """Accepted header keys of one table: key -> canonical column (``fallback``: key ->
    canonical column and rank, lower ranks tried first)."""

    strong: Mapping[str, str]
    fallback: Mapping[str, tuple[str, int]]
    written: Mapping[str, tuple[str, ...]]  # canonical -> spellings as documented


@cache
def spellings(table: Table) -> Spellings:
    """The header keys accepted for ``table``; ValueError if two columns share a key."""
    strong: dict[str, str] = {}
    fallback: dict[str, tuple[str, int]] = {}
    written: dict[str, tuple[str, ...]] = {name: (name,) for name in table.names}
    sources = (
        (True, {name: (name,) for name in table.names}),
        (True, layouts.aliases(table.name)),
        (False, layouts.fallbacks(table.name)),
    )
    for is_strong, per_column in sources:
        for column, names in per_column.items():
            table.column(column)  # a layout may only name columns of the table
            for rank, name in enumerate(names):
                key = header_key(name)
                owner = strong.get(key, fallback.get(key, (column, 0))[0])
                if owner != column:
                    raise ValueError(f"{table.name}: header {name!r} names {owner} and {column}")
                if is_strong:
                    strong[key] = column
                elif key not in strong:
                    fallback.setdefault(key, (column, rank))
                if name not in written[column]:
                    written[column] += (name,)
    return Spellings(MappingProxyType(strong), MappingProxyType(fallback), written)


@dataclass(frozen=True)
class HeaderMap:
    """Where each canonical column present in a file is: its position and its header."""

    position: Mapping[str, int]
    written: Mapping[str, str]


def resolve_headers(table: Table, headers: Sequence[str | None], *, file: str) -> HeaderMap:
    """Match the header row of ``file`` to the columns of ``table``.

    Unknown headers are ignored. Raises InputError (row 1) when two headers give the same
    canonical column or when a required column is missing.
    """
    known = spellings(table)
    position: dict[str, int] = {}
    deferred: list[tuple[str, int, int]] = []
    for index, header in enumerate(headers):
        key = header_key(header) if header is not None else ""
        if key in known.strong:
            _claim(position, known.strong[key], index, headers, file)
        elif key in known.fallback:
            column, rank = known.fallback[key]
            deferred.append((column, rank, index))
    strong_columns = set(position)
    best_rank: dict[str, int] = {}
    for column, rank, index in sorted(deferred):
        if column in strong_columns or best_rank.get(column, rank) < rank:
            continue
        best_rank[column] = rank
        _claim(position, column, index, headers, file)
    for column in table.required:
        if column not in position:
            accepted = ", ".join(known.written[column][:6])
            raise InputError(
                f"kolom wajib '{column}' tidak ada (judul yang diterima: {accepted}) / "
                f"required column '{column}' is missing (accepted headers: {accepted})",
                file=file,
                row=1,
                column=column,
            )
    written = {column: str(headers[index]).strip() for column, index in position.items()}
    return HeaderMap(MappingProxyType(position), MappingProxyType(written))


def _claim(
    position: dict[str, int],
    column: str,
    index: int,
    headers: Sequence[str | None],
    file: str,
) -> None:
    if column in position:
        first = str(headers[position[column]]).strip()
        second = str(headers[index]).strip()
        raise InputError(
            f"judul '{first}' (kolom ke-{position[column] + 1}) dan '{second}' "
            f"(kolom ke-{index + 1}) sama-sama berarti '{column}'; hapus salah satunya / "
            f"headers '{first}' and '{second}' both map to '{column}'; remove one",
            file=file,
            row=1,
            column=f"{first}, {second}",
        )
    position[column] = index


@dataclass(frozen=True)
class RawTable:
    """What a source reader returns: the file's cells, before normalisation.

    ``frame`` holds ``_baris`` (Int64, the 1-based spreadsheet row) and one column per
    canonical column present in the file, named canonically, with the dtypes the file
    gave (all text for CSV): a DataFrame for a file read into memory, a LazyFrame for
    one read when needed (Parquet). ``headers`` maps each of those columns to its header
    as written in the file.
    """

    frame: pl.DataFrame | pl.LazyFrame
    headers: Mapping[str, str]
