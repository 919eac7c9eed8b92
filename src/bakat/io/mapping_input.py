"""The input of the talent jobs (mapping, succession, development) read from a folder.

``bakat map``, ``bakat succession``, ``bakat run`` and the web application's talent and
succession pages all read a data folder the same way through ``read_mapping_data``:
``pegawai`` required; ``kinerja``, ``asesmen``, ``diklat``, ``hukdis``, ``jabatan`` and
``unit_kerja`` when present, each through ``bakat.io.readers.read_folder`` (contract
breaks raise InputError naming file, row and column). The frames stay lazy: each job
reads only the columns it uses, which at national scale costs less than holding every
column in memory once (``materialise=True``, measured in docs/formats.md).
"""

from __future__ import annotations

from pathlib import Path

from bakat.engine.mapping.frames import MappingData
from bakat.io.readers import read_folder

#: The tables the talent jobs read, ``pegawai`` first (the only one required).
MAPPING_TABLES = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "unit_kerja")


def read_mapping_data(folder: Path, *, step: str = "map") -> MappingData:
    """The tables of ``folder`` the talent jobs read (InputError when unusable)."""
    loaded = read_folder(folder, tables=MAPPING_TABLES, required=("pegawai",), step=step)
    frames = {name: table.frame for name, table in loaded.items()}
    return MappingData(
        pegawai=frames["pegawai"],
        kinerja=frames.get("kinerja"),
        asesmen=frames.get("asesmen"),
        diklat=frames.get("diklat"),
        hukdis=frames.get("hukdis"),
        jabatan=frames.get("jabatan"),
        unit_kerja=frames.get("unit_kerja"),
    )
