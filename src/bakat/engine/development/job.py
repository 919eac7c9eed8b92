"""The development job: IDP, 20 JP compliance, rotation, retention and the forecast.

``run_development`` builds one lazy plan per output over a shared, cached person frame
and collects them with one ``polars.collect_all`` call. It reads no file and no clock:
the tables come in as LazyFrames (the mapping's :class:`MappingData`), the mapping and
succession results as collected frames, the date as ``as_of`` (architecture.md
conventions 2 and 3). docs/development.md describes every file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Final

import polars as pl

from bakat.domain.policy import Policy
from bakat.engine.development import compliance, forecast, frames, idp, watchlists
from bakat.engine.mapping.frames import MappingData

#: The files of the result, in the order they are written.
FILES = ("idp.csv", "kepatuhan_jp.csv", "rotasi.csv", "retensi.csv", "proyeksi.csv")

#: Polars engine of the collect: the in-memory engine measured about 10% less CPU than
#: the streaming default on this job at 1 million employees (the plans share cached
#: frames and end in group-bys and joins, not in scans).
ENGINE: Final = "in-memory"

#: Note attached when the succession result is empty.
NOTE_NO_SUCCESSION = (
    "hasil suksesi kosong: celah jabatan target, alasan bukan_suksesor dan suksesor siap "
    "tidak dinilai / empty succession result: target-position gaps, the bukan_suksesor "
    "reason and ready successors are not assessed"
)


@dataclass(frozen=True)
class DevelopmentResult:
    """The collected outputs (``files``: file name -> frame, rows in a fixed order), a
    small summary of counts (``ringkasan``) and notes for the reader (``catatan``)."""

    files: dict[str, pl.DataFrame]
    ringkasan: Mapping[str, int | float | None]
    catatan: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> Mapping[str, int | float | None]:
        """English alias of ``ringkasan``."""
        return self.ringkasan


def _summary(
    files: Mapping[str, pl.DataFrame], planned: int, as_of: date
) -> dict[str, int | float | None]:
    summary: dict[str, int | float | None] = {
        f"baris_{name.removesuffix('.csv')}": frame.height for name, frame in files.items()
    }
    summary["pegawai_dengan_idp"] = planned
    overall = files["kepatuhan_jp.csv"].filter(pl.col("cakupan") == "semua")
    row = overall.row(0, named=True) if overall.height else {}
    summary["jp_pegawai_dinilai"] = row.get("pegawai_dinilai")
    summary["jp_pegawai_memenuhi"] = row.get("pegawai_memenuhi")
    summary["jp_persen_memenuhi"] = row.get("persen_memenuhi")
    yearly = (
        files["proyeksi.csv"]
        .filter(pl.col("cakupan") == "instansi")
        .group_by("tahun")
        .agg(pl.col("pensiun").sum())
    )
    per_year = dict(zip(yearly.get_column("tahun"), yearly.get_column("pensiun"), strict=True))
    for year in range(as_of.year, as_of.year + forecast.HORIZON_YEARS):
        summary[f"pensiun_{year}"] = int(per_year.get(year, 0))
    return summary


def run_development(
    data: MappingData,
    pemetaan: pl.DataFrame,
    suksesi: pl.DataFrame,
    as_of: date,
    policy: Policy,
) -> DevelopmentResult:
    """Build ``idp.csv``, ``kepatuhan_jp.csv``, ``rotasi.csv``, ``retensi.csv`` and
    ``proyeksi.csv`` for ``data`` at ``as_of`` under ``policy``, from the mapping result
    ``pemetaan`` (``nip``, ``kotak``) and the succession result ``suksesi`` (``jabatan_id``,
    ``peringkat``, ``nip``, ``skor``, ``kesiapan``; may have no rows)."""
    people = (
        frames.people(data, pemetaan, as_of)
        .with_columns(compliance.person_columns(as_of, policy))
        .cache()
    )
    posts = frames.positions(data).cache()
    named = frames.successions(suksesi).cache()
    asesmen = frames.conform("asesmen", data.asesmen)
    gaps = idp.gap_frame(people, asesmen, posts, named, as_of, policy).cache()
    units = compliance.unit_counts(people).cache()
    jp_summary, jp_people = compliance.compliance_tables(
        people, as_of, policy, per_instansi=True, units=units
    )
    plans = [
        idp.idp_table(gaps, policy),
        idp.idp_people(gaps),
        jp_summary,
        jp_people,
        watchlists.rotation_table(people, as_of, policy),
        watchlists.retention_table(people, named, as_of, policy, judged=suksesi.height > 0),
        forecast.forecast_table(people, posts, named, as_of, policy, units),
    ]
    collected = pl.collect_all(plans, engine=ENGINE)
    rows, idp_people, summary, persons, rotasi, retensi, proyeksi = collected
    # People with a plan, counted on the integer rank rather than the text NIP.
    planned = rows.get_column(frames.ORDER).n_unique()
    files = {
        "idp.csv": idp.idp_frame(rows, idp_people, policy),
        "kepatuhan_jp.csv": compliance.join_parts(summary, frames.in_order(persons, frames.ORDER)),
        "rotasi.csv": frames.in_order(rotasi, frames.ORDER),
        "retensi.csv": frames.in_order(retensi, frames.ORDER),
        "proyeksi.csv": proyeksi,
    }
    if persons.get_column("instansi").null_count() == persons.height:
        # No employee has an agency: one agency, as the mapping reads it; the column goes.
        jp = files["kepatuhan_jp.csv"]
        files["kepatuhan_jp.csv"] = jp.filter(pl.col("cakupan") != "instansi")
        files = {name: frame.drop("instansi") for name, frame in files.items()}
    notes = () if suksesi.height > 0 else (NOTE_NO_SUCCESSION,)
    return DevelopmentResult(files, MappingProxyType(_summary(files, planned, as_of)), notes)
