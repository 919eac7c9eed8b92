"""Reading a data folder for the web application and running the engine over it.

Everything here happens before the database transaction of ``load_data``: reading
(``bakat.io``, which refuses a malformed file naming file, row and column), the
data-quality check and the reconciliation (``bakat.engine``). The web application
never re-implements a rule: the results are the engine's frames.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from bakat.domain.errors import InputError
from bakat.domain.policy import Policy
from bakat.engine.quality import CheckInput, CheckResult, run_check
from bakat.engine.reconcile.job import HasilRekonsiliasi, run_reconcile
from bakat.engine.reconcile.normalise import kolom_bersama
from bakat.io.readers import Loaded, damaged_column, read_folder

#: Tables the check reads (``pegawai`` required) and the registry export.
TABEL_CHECK = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "relasi")
TABEL_MUAT = (*TABEL_CHECK, "siasn")
#: The optional unit tree file written by ``bakat generate``: unit_kerja, unit_kerja_nama,
#: induk (parent code).
BERKAS_UNIT = "unit_kerja.csv"


@dataclass(frozen=True)
class Bacaan:
    """A data folder read and analysed, ready to be stored."""

    tabel: Mapping[str, Loaded]
    pegawai: pl.DataFrame
    jabatan: pl.DataFrame | None
    units: pl.DataFrame
    check: CheckResult
    rekonsiliasi: HasilRekonsiliasi | None
    berkas: tuple[Path, ...]


def _units(folder: Path, pegawai: pl.DataFrame) -> pl.DataFrame:
    """Unit codes, names and parent codes: from ``unit_kerja.csv`` when present, plus
    every unit the employees name (parent by the dotted code prefix, ``A.01`` of
    ``A.01.02``, when that unit is known)."""
    frames = []
    path = folder / BERKAS_UNIT
    if path.is_file():
        raw = pl.read_csv(path, infer_schema=False)
        missing = {"unit_kerja", "unit_kerja_nama"} - set(raw.columns)
        if missing:
            raise InputError(
                f"kolom wajib tidak ada: {', '.join(sorted(missing))} / missing column",
                file=str(path),
                row=1,
                column=sorted(missing)[0],
            )
        frames.append(
            raw.select(
                pl.col("unit_kerja").str.strip_chars(),
                pl.col("unit_kerja_nama").fill_null(""),
                (pl.col("induk") if "induk" in raw.columns else pl.lit(None, pl.String))
                .str.strip_chars()
                .alias("induk"),
            )
        )
    frames.append(
        pegawai.select("unit_kerja", pl.col("unit_kerja_nama").fill_null(""))
        .filter(pl.col("unit_kerja").is_not_null() & (pl.col("unit_kerja") != ""))
        .unique("unit_kerja", keep="first", maintain_order=True)
        .with_columns(pl.lit(None, pl.String).alias("induk"))
    )
    units = pl.concat(frames).unique("unit_kerja", keep="first", maintain_order=True)
    known = set(units["unit_kerja"].to_list())

    def parent(code: str) -> str | None:
        head, _sep, _tail = code.rpartition(".")
        while head:
            if head in known:
                return head
            head, _sep, _tail = head.rpartition(".")
        return None

    return units.with_columns(
        pl.when(pl.col("induk").is_null() | (pl.col("induk") == ""))
        .then(pl.col("unit_kerja").map_elements(parent, return_dtype=pl.String))
        .otherwise(pl.col("induk"))
        .alias("induk")
    )


def baca_folder(folder: Path, *, as_of: date, policy: Policy) -> Bacaan:
    """Read, check and reconcile ``folder`` (InputError when a file is unusable)."""
    tabel = read_folder(folder, tables=TABEL_MUAT, required=("pegawai",), step="load")
    try:
        return _analyse(folder, tabel, as_of, policy)
    except pl.exceptions.ComputeError as exc:
        # A damaged Parquet column the reader did not need (free text such as nama),
        # found when a step reads it: refused naming the file and the column.
        raise damaged_column(tabel.values(), exc) from None


def _analyse(folder: Path, tabel: Mapping[str, Loaded], as_of: date, policy: Policy) -> Bacaan:
    masukan = {
        name: CheckInput(item.frame, item.masalah, frozenset(item.headers))
        for name, item in tabel.items()
        if name in TABEL_CHECK
    }
    check = run_check(masukan, as_of=as_of, policy=policy)
    rekonsiliasi = None
    if "siasn" in tabel:
        rekonsiliasi = run_reconcile(
            tabel["pegawai"].frame,
            tabel["siasn"].frame,
            policy=policy,
            kolom=kolom_bersama(tabel["pegawai"].headers, tabel["siasn"].headers),
        )
    pegawai = tabel["pegawai"].frame.collect()
    jabatan = tabel["jabatan"].frame.collect() if "jabatan" in tabel else None
    berkas = [item.path for item in tabel.values()]
    if (folder / BERKAS_UNIT).is_file():
        berkas.append(folder / BERKAS_UNIT)
    return Bacaan(
        tabel=tabel,
        pegawai=pegawai,
        jabatan=jabatan,
        units=_units(folder, pegawai),
        check=check,
        rekonsiliasi=rekonsiliasi,
        berkas=tuple(sorted(berkas)),
    )
