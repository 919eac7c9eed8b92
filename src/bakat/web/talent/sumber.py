"""The data folder the talent pages map, read for the engine with
``bakat.io.mapping_input.read_mapping_data`` (as ``bakat map`` reads it), plus the
declared relations (``relasi``, for recusal) and the digest of the files read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from bakat.engine.mapping.frames import MappingData
from bakat.io.mapping_input import read_mapping_data
from bakat.io.readers import read_folder
from bakat.web.personnel.sources import folder_digests, input_digest


@dataclass(frozen=True)
class DataPemetaan:
    """The engine's input, the relations, and the digest of the files read."""

    data: MappingData
    relasi: pl.DataFrame | None
    sidik: str


def baca_data(folder: Path) -> DataPemetaan:
    """Read ``folder`` (InputError when a file is unusable, naming file, row, column)."""
    data = read_mapping_data(folder)
    relasi = read_folder(folder, tables=("relasi",), required=(), step="map").get("relasi")
    return DataPemetaan(
        data=data,
        relasi=None
        if relasi is None
        else relasi.frame.select("nip_a", "nip_b", "hubungan").collect(),
        sidik=input_digest(folder_digests(folder)),
    )
