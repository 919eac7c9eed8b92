"""Engine frames to stored rows: JSON-safe values and the lookups of units and people."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl

from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja


def json_value(value: Any) -> Any:
    """A value a JSONField keeps as is (dates as ISO text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def json_row(row: dict[str, Any], drop: Iterable[str] = ()) -> dict[str, Any]:
    skip = set(drop)
    return {k: json_value(v) for k, v in row.items() if k not in skip}


def of_agency(frame: pl.DataFrame, instansi: Instansi) -> pl.DataFrame:
    """The rows of ``instansi`` when the frame carries an ``instansi`` column."""
    if "instansi" not in frame.columns:
        return frame
    return frame.filter(pl.col("instansi").is_null() | (pl.col("instansi") == instansi.kode))


class Lookups:
    """Unit and employee primary keys of one agency, by unit code and by NIP."""

    def __init__(self, instansi: Instansi) -> None:
        self.units: dict[str, int] = dict(
            UnitKerja.objects.filter(instansi=instansi).values_list("kode", "pk")
        )
        self.pegawai: dict[str, int] = dict(
            Pegawai.objects.filter(instansi=instansi).values_list("nip", "pk")
        )

    def unit(self, kode: object) -> int | None:
        return self.units.get(str(kode)) if kode else None

    def orang(self, nip: object) -> int | None:
        return self.pegawai.get(str(nip)) if nip else None
