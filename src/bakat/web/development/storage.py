"""Bulk storage of the development files of one run (``DevelopmentResult.files``)."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from bakat.web.development.models import BarisPengembangan, Berkas
from bakat.web.succession.models import SuccessionRun
from bakat.web.succession.rows import Lookups, json_row, of_agency

#: Engine file name -> stored kind.
FILES = {
    "idp.csv": Berkas.IDP,
    "kepatuhan_jp.csv": Berkas.KEPATUHAN_JP,
    "rotasi.csv": Berkas.ROTASI,
    "retensi.csv": Berkas.RETENSI,
    "proyeksi.csv": Berkas.PROYEKSI,
}
_BATCH = 2000


def store_development(
    run: SuccessionRun, files: Mapping[str, pl.DataFrame], lookups: Lookups
) -> dict[str, int]:
    """Store every row of the five files in the engine's order; returns counts per kind."""
    counts: dict[str, int] = {}
    for name, kind in FILES.items():
        frame = of_agency(files.get(name, pl.DataFrame()), run.instansi)
        rows = [
            BarisPengembangan(
                run=run,
                instansi=run.instansi,
                berkas=kind.value,
                urutan=i,
                cakupan=str(row.get("cakupan") or ""),
                pegawai_id=lookups.orang(row.get("nip")),
                nip=str(row.get("nip") or ""),
                unit_id=lookups.unit(row.get("unit_kerja")),
                unit_kerja=str(row.get("unit_kerja") or ""),
                jenjang_jabatan=str(row.get("jenjang_jabatan") or ""),
                data=json_row(row),
            )
            for i, row in enumerate(frame.iter_rows(named=True))
        ]
        BarisPengembangan.objects.bulk_create(rows, batch_size=_BATCH)
        counts[kind.value] = len(rows)
    return counts
