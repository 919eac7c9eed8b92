"""Command-line values shared by several commands, parsed in one place."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from bakat.domain.errors import InputError
from bakat.domain.policy import PRESET_BAKU

#: The parameters the batch commands share, declared once.
DataFolder = Annotated[Path, typer.Argument(help="Folder data / data folder.")]
OutFolder = Annotated[Path, typer.Option("--out", help="Folder hasil / output folder.")]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Tanggal acuan YYYY-MM-DD (baku: hari ini) / as-of date."),
]
PolicyName = Annotated[
    str, typer.Option("--policy", help="Preset (nasional-2025, jpm) atau berkas .toml.")
]
DEFAULT_POLICY = PRESET_BAKU


def check_folders(data: Path, out: Path | None = None) -> None:
    """InputError (exit 2) when ``data`` is not a folder or ``out`` exists as a file."""
    if not data.is_dir():
        raise InputError("folder data tidak ditemukan / data folder not found", file=str(data))
    if out is not None and out.exists() and not out.is_dir():
        raise InputError("--out bukan folder / --out is not a folder", file=str(out))


def parse_as_of(text: str | None) -> date:
    """``--as-of`` as a date (``YYYY-MM-DD``); today when not given.

    A value that is not a date is bad usage: an :class:`InputError` (exit status 2).
    """
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"--as-of harus berupa tanggal YYYY-MM-DD, bukan {text!r} / --as-of must be a "
            "date YYYY-MM-DD",
            column="--as-of",
        ) from None
