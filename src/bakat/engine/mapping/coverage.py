"""Coverage (cakupan): how many people are mapped, overall and by group, and why not.

Kemensos reported its coverage as "2,757 of 3,414 employees mappable" at the BKN review
of 17 October 2025 (domain.md §2.7 [S]); coverage is the first thing a head of HR reads,
so it is a table of its own. One row per group:

- ``dimensi = "semua"``: everyone;
- ``"instansi"``: per agency (only when ``instansi`` is filled in);
- ``"unit_kerja"``: per work unit within its agency (``nama`` is the unit's name);
- ``"jenjang_jabatan"``: per position grade, over all agencies.

Columns: ``dimensi``, ``instansi``, ``kelompok`` (the group's value; empty for a missing
value), ``nama``, ``jumlah_pegawai``, ``terpetakan``, ``tidak_terpetakan``,
``persen_terpetakan`` (0-100), and one count per reason of ``pemetaan.urutan_alasan``,
named after its code.

:func:`unit_summary` is the one pass over the people by unit that coverage, calibration
and the fairness screens by unit and province all read.
"""

from __future__ import annotations

import polars as pl

from bakat.domain.ninebox import SEMUA_KOTAK
from bakat.domain.policy import Policy

#: The group dimensions, in the order of the table.
DIMENSIONS = ("semua", "instansi", "unit_kerja", "jenjang_jabatan")
#: Box count columns of :func:`unit_summary`.
BOX_COLUMNS = tuple(f"kotak_{n}" for n in SEMUA_KOTAK)


def _reason_counts(policy: Policy) -> list[pl.Expr]:
    return [
        (pl.col("alasan") == code.value).sum().cast(pl.Int64).alias(code.value)
        for code in policy.pemetaan.urutan_alasan
    ]


def unit_summary(people: pl.LazyFrame, policy: Policy, position: str | None = None) -> pl.LazyFrame:
    """Per unit within its agency: ``unit_kerja_nama`` (the first given, in the order of
    ``people`` or, with ``position``, of that column), ``jumlah_pegawai``,
    ``terpetakan``, the reason counts, ``kotak_1`` .. ``kotak_9`` and ``masuk_talenta``."""
    named = pl.col("unit_kerja_nama").is_not_null()
    first_name = (
        pl.col("unit_kerja_nama").drop_nulls().first()
        if position is None
        else pl.col("unit_kerja_nama").get(pl.when(named).then(pl.col(position)).arg_min())
    )
    return people.group_by("instansi", "unit_kerja").agg(
        first_name.alias("unit_kerja_nama"),
        pl.len().cast(pl.Int64).alias("jumlah_pegawai"),
        pl.col("terpetakan").sum().cast(pl.Int64),
        *_reason_counts(policy),
        *((pl.col("kotak") == n).sum().cast(pl.Int64).alias(f"kotak_{n}") for n in SEMUA_KOTAK),
        pl.col("_masuk_talenta").sum().cast(pl.Int64).alias("masuk_talenta"),
    )


def _with_share(frame: pl.LazyFrame, policy: Policy) -> pl.LazyFrame:
    reasons = [code.value for code in policy.pemetaan.urutan_alasan]
    total = pl.col("jumlah_pegawai")
    return frame.select(
        "dimensi",
        "instansi",
        "kelompok",
        "nama",
        "jumlah_pegawai",
        "terpetakan",
        (total - pl.col("terpetakan")).alias("tidak_terpetakan"),
        (pl.col("terpetakan").cast(pl.Float64) * 100.0 / total.cast(pl.Float64)).alias(
            "persen_terpetakan"
        ),
        *reasons,
    )


def coverage_table(units: pl.LazyFrame, people: pl.LazyFrame, policy: Policy) -> pl.LazyFrame:
    """The coverage table from :func:`unit_summary` (``units``) and, for the jenjang
    rows, the placed person frame."""
    reasons = [code.value for code in policy.pemetaan.urutan_alasan]
    counted = ["jumlah_pegawai", "terpetakan", *reasons]
    text = pl.String
    overall = units.select(
        pl.lit("semua").alias("dimensi"),
        pl.lit(None, dtype=text).alias("instansi"),
        pl.lit(None, dtype=text).alias("kelompok"),
        pl.lit(None, dtype=text).alias("nama"),
        *(pl.col(c).sum() for c in counted),
    )
    agencies = (
        units.filter(pl.col("instansi").is_not_null())
        .group_by("instansi")
        .agg(pl.col(c).sum() for c in counted)
        .select(
            pl.lit("instansi").alias("dimensi"),
            "instansi",
            pl.col("instansi").alias("kelompok"),
            pl.lit(None, dtype=text).alias("nama"),
            *counted,
        )
    )
    per_unit = units.select(
        pl.lit("unit_kerja").alias("dimensi"),
        "instansi",
        pl.col("unit_kerja").alias("kelompok"),
        pl.col("unit_kerja_nama").alias("nama"),
        *counted,
    )
    grades = (
        people.group_by("jenjang_jabatan")
        .agg(
            pl.len().cast(pl.Int64).alias("jumlah_pegawai"),
            pl.col("terpetakan").sum().cast(pl.Int64),
            *_reason_counts(policy),
        )
        .select(
            pl.lit("jenjang_jabatan").alias("dimensi"),
            pl.lit(None, dtype=text).alias("instansi"),
            pl.col("jenjang_jabatan").alias("kelompok"),
            pl.lit(None, dtype=text).alias("nama"),
            *counted,
        )
    )
    order = pl.col("dimensi").replace_strict(
        {d: i for i, d in enumerate(DIMENSIONS)}, return_dtype=pl.Int8
    )
    parts = [_with_share(part, policy) for part in (overall, agencies, per_unit, grades)]
    return pl.concat(parts, how="vertical").sort(order, "instansi", "kelompok", nulls_last=True)
