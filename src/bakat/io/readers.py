"""Reading a data folder: one file per table, checked against its contract.

``read_table`` returns a :class:`Loaded`: the canonical frame (every column of the
table with its canonical dtype, plus ``_baris``), the value-level problems found
(``masalah``: findings for the check step, not refusals), and where it came from.
Breaks of the contract (unreadable file, missing required column, duplicate key ...)
raise :class:`~bakat.domain.errors.InputError` naming file, row and column. Reading has
no side effects.

A Parquet file is scanned lazily by default: the checks read the columns they need, and
the frame reads the file again each time a step collects it (a column no step uses is
never read). ``materialise=True`` reads each file once instead: the frame and its
problems are computed from one read held in memory, and collecting the frame costs
nothing (for a caller that collects most columns of a table several times; the commands
read lazily, docs/formats.md gives the measurements). CSV and XLSX files are read into
memory either way.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from bakat.domain.errors import InputError
from bakat.io.csv_reader import read_csv
from bakat.io.headers import RawTable
from bakat.io.parquet_reader import read_parquet, unreadable
from bakat.io.tables import EXTENSIONS, ROW, TABLES, Table
from bakat.io.values import prepare
from bakat.io.xlsx_reader import read_xlsx

#: Extensions recognised as a table in the wrong format, refused with a hint.
_UNSUPPORTED = (".xls", ".xlsm", ".xlsb", ".ods", ".txt", ".tsv", ".json")


@dataclass(frozen=True)
class Loaded:
    """One table read from a file.

    ``frame``: ``_baris`` (Int64, the row as a spreadsheet numbers it, header = 1) and
    every canonical column of the table in order. ``masalah``: value-level problems
    (``baris``, ``kolom``, ``nilai``, ``masalah``, ``pesan``). ``headers``: canonical
    column -> header as written, for the columns present in the file.
    """

    table: str
    path: Path
    frame: pl.LazyFrame
    masalah: pl.DataFrame
    headers: Mapping[str, str]


def find_table_file(folder: Path, name: str) -> Path | None:
    """The file holding table ``name`` in ``folder`` (``name.csv``, ``name.xlsx`` or
    ``name.parquet``, any letter case); None when there is none.

    Two files for one table are refused, and so is a table in an unsupported format.
    """
    try:
        entries = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        raise InputError(
            f"folder data tidak dapat dibaca / cannot read the data folder: {exc}",
            file=str(folder),
        ) from None
    matches = [p for p in entries if p.stem.casefold() == name and _extension(p) in EXTENSIONS]
    if len(matches) > 1:
        listed = ", ".join(p.name for p in matches)
        raise InputError(
            f"tabel '{name}' ada di lebih dari satu berkas ({listed}); sisakan satu / "
            f"table '{name}' is in more than one file ({listed}); keep one",
            file=str(matches[1]),
        )
    if matches:
        return matches[0]
    others = [p for p in entries if p.stem.casefold() == name and _extension(p) in _UNSUPPORTED]
    if others:
        raise InputError(
            f"format '{_extension(others[0])}' tidak didukung untuk tabel '{name}'; simpan "
            "sebagai .csv, .xlsx atau .parquet / format not supported; save as .csv, .xlsx "
            "or .parquet",
            file=str(others[0]),
        )
    return None


def read_file(
    path: Path, name: str | None = None, *, keep_raw: bool = False, materialise: bool = False
) -> Loaded:
    """Read ``path`` as table ``name`` (default: the file's stem).

    ``materialise``: read the file once into memory (see the module docstring); the
    frame, the problems and every refusal are the same as without it, except that a
    damaged column no check needs is refused here rather than when a step reads it.
    """
    table_name = name if name is not None else path.stem.casefold()
    if table_name not in TABLES:
        known = ", ".join(TABLES)
        raise InputError(
            f"'{table_name}' bukan nama tabel yang dikenal ({known}) / "
            f"'{table_name}' is not a known table ({known})",
            file=str(path),
        )
    table = TABLES[table_name]
    file = str(path)
    extension = _extension(path)
    raw: RawTable
    if extension == ".csv":
        raw = read_csv(path, table, file=file)
    elif extension == ".xlsx":
        raw = read_xlsx(path, table, file=file)
    elif extension == ".parquet":
        raw = read_parquet(path, table, file=file)
    else:
        raise InputError(
            "format tidak didukung; gunakan .csv, .xlsx atau .parquet / unsupported "
            "format; use .csv, .xlsx or .parquet",
            file=file,
        )
    if materialise and isinstance(raw.frame, pl.LazyFrame):
        raw = _collected(raw.frame, raw.headers, file)
    keyed = bool(table.key) and all(column in raw.headers for column in table.key)
    try:
        prepared = prepare(raw, table, keep_raw=keep_raw, key=table.key if keyed else ())
        if prepared.key_may_repeat:
            _check_key(prepared.frame, table, raw.headers, file)
    except pl.exceptions.PolarsError as exc:
        if isinstance(raw.frame, pl.DataFrame):
            raise
        raise _damaged(raw.frame, raw.headers, file, exc) from None
    return Loaded(table_name, path, prepared.frame, prepared.masalah, raw.headers)


def _collected(frame: pl.LazyFrame, headers: Mapping[str, str], file: str) -> RawTable:
    """The cells of a lazily read file read into memory (one read of the file)."""
    try:
        return RawTable(frame.collect(), headers)
    except pl.exceptions.PolarsError as exc:
        raise _damaged(frame, headers, file, exc) from None


def damaged_column(tables: Iterable[Loaded], exc: Exception) -> InputError:
    """The refusal of data that fails when a later step reads it (a damaged page of a
    Parquet column the reader itself did not need, e.g. a free-text column): names the
    file and the first column that cannot be read on its own. ``exc`` is the error the
    step got; it is named when no single column fails."""
    for item in tables:
        failed = _failing_column(item.frame, item.headers)
        if failed is not None:
            return _column_error(failed, str(item.path), exc)
    return InputError(
        f"data tidak dapat dibaca / cannot read the data ({exc})",
        file=", ".join(str(item.path) for item in tables),
    )


def _failing_column(frame: pl.LazyFrame, headers: Mapping[str, str]) -> str | None:
    """The header of the first column of ``frame`` that cannot be read alone."""
    for column, header in headers.items():
        try:
            frame.select(pl.col(column)).collect()
        except pl.exceptions.PolarsError:
            return header
    return None


def _column_error(header: str, file: str, exc: Exception) -> InputError:
    return InputError(
        f"kolom '{header}' di berkas Parquet rusak dan tidak dapat dibaca / column "
        f"'{header}' of the Parquet file is damaged and cannot be read ({exc})",
        file=file,
        column=header,
    )


def _damaged(
    frame: pl.LazyFrame, headers: Mapping[str, str], file: str, exc: Exception
) -> InputError:
    """The refusal of a Parquet file whose data cannot be read: naming the damaged
    column when a single one fails."""
    failed = _failing_column(frame, headers)
    if failed is None:
        return unreadable(exc, file)
    return _column_error(failed, file, exc)


def read_table(
    folder: Path,
    name: str,
    *,
    step: str | None = None,
    keep_raw: bool = False,
    materialise: bool = False,
) -> Loaded:
    """Read table ``name`` from ``folder``; InputError when its file is missing
    (``step``, if given, is named as the step that needs it). ``materialise``: as for
    :func:`read_file`."""
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}")
    path = find_table_file(folder, name)
    if path is None:
        raise _missing(folder, name, step)
    return read_file(path, name, keep_raw=keep_raw, materialise=materialise)


def read_folder(
    folder: Path,
    *,
    tables: Collection[str] | None = None,
    required: Collection[str] = ("pegawai",),
    step: str | None = None,
    keep_raw: bool = False,
    materialise: bool = False,
) -> dict[str, Loaded]:
    """Every known table present in ``folder`` (or only ``tables``), by name.

    A table in ``required`` that has no file raises InputError naming ``step``. All
    files are checked for presence before any is read. ``materialise``: read each file
    once into memory (as for :func:`read_file`).
    """
    if not folder.is_dir():
        raise InputError("folder data tidak ditemukan / data folder not found", file=str(folder))
    wanted = list(TABLES) if tables is None else [t for t in TABLES if t in tables]
    unknown = sorted(set(tables or ()) - set(TABLES)) + sorted(set(required) - set(TABLES))
    if unknown:
        raise ValueError(f"unknown tables {unknown}")
    paths = {name: find_table_file(folder, name) for name in dict.fromkeys([*required, *wanted])}
    for name in required:
        if paths[name] is None:
            raise _missing(folder, name, step)
    return {
        name: read_file(path, name, keep_raw=keep_raw, materialise=materialise)
        for name, path in paths.items()
        if path is not None
    }


def _missing(folder: Path, name: str, step: str | None) -> InputError:
    need_id = f" (diperlukan untuk langkah '{step}')" if step else ""
    need_en = f" (needed by step '{step}')" if step else ""
    return InputError(
        f"tabel '{name}' tidak ditemukan: sediakan {name}.csv, {name}.xlsx atau "
        f"{name}.parquet{need_id} / table '{name}' not found: provide {name}.csv, "
        f"{name}.xlsx or {name}.parquet{need_en}",
        file=str(folder),
    )


def _extension(path: Path) -> str:
    return path.suffix.casefold()


def _check_key(frame: pl.LazyFrame, table: Table, headers: Mapping[str, str], file: str) -> None:
    """Refuse the first repeated key: the row of the second occurrence and of the first."""
    keyed = frame.select(ROW, *table.key).drop_nulls(list(table.key)).collect()
    key = pl.col(table.key[0]) if len(table.key) == 1 else pl.struct(table.key)
    repeated = keyed.filter(~key.is_first_distinct())
    if repeated.height == 0:
        return
    second = repeated.row(0, named=True)
    first = keyed.filter(
        pl.all_horizontal(pl.col(column) == second[column] for column in table.key)
    ).item(0, ROW)
    value = ", ".join(f"{column}={second[column]}" for column in table.key)
    written = ", ".join(headers[column] for column in table.key)
    raise InputError(
        f"kunci ganda ({value}): sama dengan baris {first} / duplicate key ({value}): "
        f"same as row {first}",
        file=file,
        row=second[ROW],
        column=written,
    )
