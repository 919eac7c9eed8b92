"""``kepatuhan_jp.csv``: the 20 JP rule per person, unit, agency and overall.

Every civil servant should get at least ``pengembangan.jp_per_tahun`` (20) JP of
competency development a year (PP 11/2017 Pasal 203 as amended by PP 17/2020 [S];
domain.md §4.10), and an agency scorecard checks that at least
``pengembangan.target_unit_persen`` (80%) of its staff reach it (merit/RB self-assessment
[S]). The year checked is the last complete calendar year (A.year - 1), as the data
rule V34 checks it; the JP of the as-of year up to A is shown beside it, with what is
still missing, so that a unit can act before the year ends.

A person is counted (``dinilai``) when active and in service for the whole year checked:
in service since 1 January of that year or earlier, counted from TMT CPNS (else TMT PNS)
for CPNS and PNS and, for PPPK, the appointment year in the NI PPPK (domain.md §4.2)
before that year, else TMT jabatan (the same rule as V34). PPPK are counted too, as
V34 counts them (LAN 15/2020 [I]).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.policy import Policy
from bakat.engine.development.frames import KEY, ORDER

#: Columns of ``kepatuhan_jp.csv``, in order (docs/development.md).
COLUMNS = (
    "cakupan",
    "instansi",
    "unit_kerja",
    "unit_kerja_nama",
    "nip",
    "tahun",
    "dinilai",
    "jp_tahun",
    "memenuhi",
    "jp_tahun_berjalan",
    "kekurangan_jp_tahun_berjalan",
    "pegawai_dinilai",
    "pegawai_memenuhi",
    "persen_memenuhi",
    "target_persen",
    "target_tercapai",
)
_PERSON_ONLY = frozenset(
    {"nip", "dinilai", "jp_tahun", "memenuhi", "jp_tahun_berjalan", "kekurangan_jp_tahun_berjalan"}
)
_SUMMARY_ONLY = frozenset(
    {"pegawai_dinilai", "pegawai_memenuhi", "persen_memenuhi", "target_persen", "target_tercapai"}
)
#: Order of the ``cakupan`` levels in the file.
SCOPES = ("semua", "instansi", "unit", "pegawai")


def in_service_since(start: date) -> pl.Expr:
    """In service on ``start`` or earlier (see the module docstring)."""
    pppk = pl.col("status_kepegawaian") == "PPPK"
    numeric = pl.col(KEY) >= 0  # an 18-digit NI PPPK (frames.nip_key)
    appointed = pl.col("nip").str.slice(8, 4).cast(pl.Int32, strict=False)
    return (
        pl.when(pppk & numeric)
        .then(appointed < start.year)
        .when(pppk)
        .then(pl.col("tmt_jabatan") <= pl.lit(start))
        .otherwise(pl.coalesce(pl.col("tmt_cpns"), pl.col("tmt_pns")) <= pl.lit(start))
        .fill_null(False)
    )


def person_columns(as_of: date, policy: Policy) -> list[pl.Expr]:
    """``dinilai`` and ``memenuhi`` of a person frame with ``jp_tahun_lalu``."""
    counted = in_service_since(date(as_of.year - 1, 1, 1))
    return [
        counted.alias("dinilai"),
        pl.when(counted)
        .then(pl.col("jp_tahun_lalu") >= policy.pengembangan.jp_per_tahun)
        .alias("memenuhi"),
    ]


def _share(policy: Policy) -> list[pl.Expr]:
    target = float(policy.pengembangan.target_unit_persen)
    share = (
        pl.when(pl.col("pegawai_dinilai") > 0)
        .then(100.0 * pl.col("pegawai_memenuhi") / pl.col("pegawai_dinilai"))
        .round(2)
    )
    return [
        share.alias("persen_memenuhi"),
        pl.lit(target).alias("target_persen"),
        (share >= target).alias("target_tercapai"),
    ]


#: The keys of :func:`unit_counts`.
UNIT_KEYS = ("instansi", "unit_kerja", "jenjang_jabatan")


def unit_counts(people: pl.LazyFrame) -> pl.LazyFrame:
    """Per agency, unit and grade: the active employees (``_pegawai``), those counted
    and those meeting the rule, and the unit's name (the smallest). Every count of this
    file and the staff of ``proyeksi.csv`` add up from it: the person frame is grouped
    once."""
    return people.group_by(UNIT_KEYS).agg(
        pl.len().cast(pl.Int64).alias("_pegawai"),
        pl.col("dinilai").sum().cast(pl.Int64).alias("pegawai_dinilai"),
        pl.col("memenuhi").fill_null(False).sum().cast(pl.Int64).alias("pegawai_memenuhi"),
        pl.col("unit_kerja_nama").min(),
    )


def _aggregate(units: pl.LazyFrame, keys: list[str], scope: str) -> pl.LazyFrame:
    counts = [pl.col("pegawai_dinilai").sum(), pl.col("pegawai_memenuhi").sum()]
    if not keys:
        grouped = units.select(counts)
    elif "unit_kerja" in keys:
        name = pl.col("unit_kerja_nama").min().alias("unit_kerja_nama")
        grouped = units.group_by(keys).agg(*counts, name)
    else:
        grouped = units.group_by(keys).agg(*counts)
    return grouped.with_columns(pl.lit(scope).alias("cakupan"))


def compliance_tables(
    people: pl.LazyFrame,
    as_of: date,
    policy: Policy,
    *,
    per_instansi: bool,
    units: pl.LazyFrame | None = None,
) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """The two parts of ``kepatuhan_jp.csv``: the summary rows (overall, per agency when
    ``per_instansi``, per unit; in that order) and the person rows (unsorted, with the
    sort key ``ORDER``); :func:`join_parts` puts them together once collected.
    ``units``: :func:`unit_counts` of ``people`` when already planned."""
    year = as_of.year - 1
    if units is None:
        units = unit_counts(people)
    persons = people.select(
        "nip",
        ORDER,
        "instansi",
        "unit_kerja",
        "unit_kerja_nama",
        "dinilai",
        "memenuhi",
        pl.col("jp_tahun_lalu").alias("jp_tahun"),
        "jp_tahun_berjalan",
        (policy.pengembangan.jp_per_tahun - pl.col("jp_tahun_berjalan"))
        .clip(lower_bound=0.0)
        .alias("kekurangan_jp_tahun_berjalan"),
    )
    levels = [_aggregate(units, [], "semua")]
    if per_instansi:
        levels.append(_aggregate(units, ["instansi"], "instansi").sort("instansi"))
    levels.append(
        _aggregate(units, ["instansi", "unit_kerja"], "unit").sort(
            "instansi", "unit_kerja", nulls_last=True
        )
    )
    summaries = [
        level.with_columns(*_share(policy), pl.lit(year, dtype=pl.Int32).alias("tahun"))
        for level in levels
    ]
    detail = persons.with_columns(
        pl.lit("pegawai").alias("cakupan"), pl.lit(year, dtype=pl.Int32).alias("tahun")
    )
    summary = pl.concat(summaries, how="diagonal_relaxed")
    return summary.select(*(c for c in COLUMNS if c not in _PERSON_ONLY)), detail.select(
        *(c for c in COLUMNS if c not in _SUMMARY_ONLY), ORDER
    )


def join_parts(summary: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """The summary rows, then the person rows, with every column of :data:`COLUMNS`."""
    return pl.concat([summary, persons], how="diagonal_relaxed").select(COLUMNS)
