"""Reading the result files of a result folder for the report.

Every file is read as text and only the columns the report needs are converted, so a
result file with extra columns (formats.md: files may gain optional columns) is read
the same way. A file that is absent gives None: its section is left out with a note.
A file that is present but unreadable is an :class:`InputError` naming it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from bakat.domain.errors import InputError

# Text cells written by bakat.io.writers start with ' when they would start a formula;
# the report shows the value as it was.
_NETRAL = r"^'([=+\-@\t\r])"


class FolderHasil:
    """A result folder: ``baca("cakupan.csv", angka=[...], desimal=[...])``."""

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise InputError(
                "folder hasil tidak ditemukan / result folder not found", file=str(folder)
            )
        self.folder = folder

    def ada(self, nama: str) -> bool:
        """Whether the result file ``nama`` exists."""
        return (self.folder / nama).is_file()

    def baca(
        self,
        nama: str,
        *,
        kolom: Iterable[str] | None = None,
        angka: Iterable[str] = (),
        desimal: Iterable[str] = (),
        logika: Iterable[str] = (),
        saring: tuple[str, tuple[str, ...]] | None = None,
    ) -> pl.DataFrame | None:
        """The file ``nama`` as a frame (None when absent). ``kolom`` selects columns
        (absent ones are added as null); ``angka`` become Int64, ``desimal`` Float64,
        ``logika`` Boolean (``true``/``false``), added as nulls when absent; every other
        column stays text.
        ``saring = (column, values)`` keeps the rows whose column is one of the values,
        before anything is loaded (a person-level file may have millions of rows)."""
        path = self.folder / nama
        if not path.is_file():
            return None
        ubah = {
            **{c: pl.Int64 for c in angka},
            **{c: pl.Float64 for c in desimal},
            **{c: pl.Boolean for c in logika},
        }
        try:
            lazy = pl.scan_csv(path, infer_schema=False, encoding="utf8-lossy")
            tersedia = lazy.collect_schema().names()
            pilih = list(kolom) if kolom is not None else tersedia
            if saring is not None and saring[0] in tersedia:
                lazy = lazy.filter(pl.col(saring[0]).is_in(list(saring[1])))
            frame = lazy.select(
                pl.col(c) if c in tersedia else pl.lit(None, pl.String).alias(c) for c in pilih
            ).collect()
        except (OSError, pl.exceptions.PolarsError) as exc:
            raise InputError(
                f"berkas hasil tidak terbaca: {exc} / cannot read the result file", file=str(path)
            ) from None
        hilang = [c for c in ubah if c not in frame.columns]
        return frame.with_columns(_ubah(c, ubah.get(c)) for c in frame.columns).with_columns(
            pl.lit(None, ubah[c]).alias(c) for c in hilang
        )

    def baca_kebijakan(self) -> str | None:
        """``id versi`` of the effective policy (``kebijakan.toml``), or None."""
        path = self.folder / "kebijakan.toml"
        if not path.is_file():
            return None
        try:
            isi = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
        if not isinstance(isi.get("id"), str):
            return None
        return f"{isi['id']} {isi.get('versi', '')}".strip()


def _ubah(kolom: str, dtype: type[pl.DataType] | None) -> pl.Expr:
    teks = pl.col(kolom).cast(pl.String)
    if dtype is None:
        return teks.str.replace(_NETRAL, "$1")
    if dtype is pl.Boolean:
        bersih = teks.str.strip_chars().str.to_lowercase()
        return pl.when(bersih == "true").then(True).when(bersih == "false").then(False).alias(kolom)
    return teks.str.strip_chars().cast(dtype, strict=False).alias(kolom)
