"""Fairness screen (keadilan): selection-rate ratios by sex, age band, region and unit.

The anti-nepotism guidance asks for disparity checks by gender, age, region and unit on
pool membership, with the 80% ("four-fifths") rule of the fairness toolkits as a
screening signal, not a verdict (domain.md §5.2 [I]; PermenPANRB 17/2024 [S]).

Two selections are screened (``seleksi``):

- ``kelompok_talenta``: being in the talent pool after exclusions, among the mapped;
- ``terpetakan``: being mapped at all, among everyone (a group that is often left
  unmapped, for want of an assessment say, never reaches the pool).

Groups (``dimensi``): ``jenis_kelamin``; ``kelompok_usia`` (age at A in the bands of
``ScreeningSettings.age_bands``, e.g. ``<30``, ``30-39``, ``40-49``, ``50+``);
``provinsi`` (the province of the unit, from the optional ``unit_kerja`` table; without
it this dimension is skipped and a note says so); ``unit_kerja``. Groups are compared
within their agency (``instansi``). A person whose group value is unknown is left out of
that dimension.

Per group: ``jumlah`` (the denominator), ``terpilih``, ``tingkat`` = terpilih / jumlah,
its Wilson interval (``ci_bawah``, ``ci_atas``), and, for groups of at least
``min_group`` people, ``rasio`` = tingkat / the highest tingkat of such groups of the same
agency and dimension (``kelompok_acuan``). ``di_bawah_ambang`` flags a ratio below
``ratio_threshold`` (0.8); ``status`` is ``perlu_ditelaah`` (flagged),
``tidak_ada_sinyal`` or ``tidak_cukup_data`` (group too small, or nobody selected in the
comparison). Everything is a lazy Polars aggregate.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from statistics import NormalDist

import polars as pl

from bakat.engine.mapping.settings import ScreeningSettings

#: Selections screened: name, selected count column, denominator column.
SELECTIONS = (
    ("kelompok_talenta", "masuk_talenta", "terpetakan"),
    ("terpetakan", "terpetakan", "jumlah_pegawai"),
)
DIMENSIONS = ("jenis_kelamin", "kelompok_usia", "provinsi", "unit_kerja")
_COUNTS = ("jumlah_pegawai", "terpetakan", "masuk_talenta")


def age(birth: pl.Expr, as_of: date) -> pl.Expr:
    """Whole years from ``birth`` to ``as_of`` (``bakat.domain.jenjang.usia``: a
    29 February birthday falls on 28 February in a common year)."""
    birthday = birth.dt.month().cast(pl.Int32) * 100 + birth.dt.day().cast(pl.Int32)
    leap = as_of.year % 4 == 0 and (as_of.year % 100 != 0 or as_of.year % 400 == 0)
    if not leap:
        birthday = pl.when(birthday == 229).then(228).otherwise(birthday)
    before = (as_of.month * 100 + as_of.day) < birthday
    return as_of.year - birth.dt.year().cast(pl.Int32) - before.cast(pl.Int32)


def band_labels(bands: tuple[int, ...]) -> list[str]:
    """The age band labels, youngest first: ``<b0``, ``b0-(b1-1)``, ..., ``bN+``."""
    middle = [f"{low}-{high - 1}" for low, high in pairwise(bands)]
    return [f"<{bands[0]}", *middle, f"{bands[-1]}+"]


def _band_index(years: pl.Expr, bands: tuple[int, ...]) -> pl.Expr:
    """The position of the band of ``years`` in :func:`band_labels` (null stays null)."""
    index = pl.sum_horizontal((years >= low).cast(pl.Int8) for low in bands)
    return pl.when(years.is_not_null()).then(index)


def age_band(years: pl.Expr, bands: tuple[int, ...]) -> pl.Expr:
    """The age band label of ``years``: ``<b0``, ``b0-(b1-1)``, ..., ``bN+``."""
    labels = dict(enumerate(band_labels(bands)))
    return _band_index(years, bands).replace_strict(labels, default=None, return_dtype=pl.String)


def group_columns(as_of: date, settings: ScreeningSettings) -> list[pl.Expr]:
    """The ``_kelompok_usia`` column the screen groups by: the age band, as an
    enumeration of :func:`band_labels` (grouped on its small integers, named after)."""
    labels = band_labels(settings.age_bands)
    years = age(pl.col("tanggal_lahir"), as_of)
    band = _band_index(years, settings.age_bands).replace_strict(
        dict(enumerate(labels)), default=None, return_dtype=pl.Enum(labels)
    )
    return [band.alias("_kelompok_usia")]


def _person_counts() -> list[pl.Expr]:
    return [
        pl.len().cast(pl.Int64).alias("jumlah_pegawai"),
        pl.col("terpetakan").sum().cast(pl.Int64),
        pl.col("_masuk_talenta").sum().cast(pl.Int64).alias("masuk_talenta"),
    ]


def _by_person(people: pl.LazyFrame, dimension: str, column: str) -> pl.LazyFrame:
    return (
        people.filter(pl.col(column).is_not_null())
        .group_by("instansi", pl.col(column).alias("kelompok"))
        .agg(*_person_counts())
        .with_columns(
            pl.col("kelompok").cast(pl.String),
            pl.lit(None, dtype=pl.String).alias("nama"),
            pl.lit(dimension).alias("dimensi"),
        )
    )


def _by_unit(units: pl.LazyFrame) -> pl.LazyFrame:
    return units.filter(pl.col("unit_kerja").is_not_null()).select(
        "instansi",
        pl.col("unit_kerja").alias("kelompok"),
        *_COUNTS,
        pl.col("unit_kerja_nama").alias("nama"),
        pl.lit("unit_kerja").alias("dimensi"),
    )


def _by_region(units: pl.LazyFrame, regions: pl.LazyFrame) -> pl.LazyFrame:
    return (
        units.join(regions, on="unit_kerja", how="inner")
        .filter(pl.col("provinsi").is_not_null())
        .group_by("instansi", pl.col("provinsi").alias("kelompok"))
        .agg(
            *(pl.col(c).sum() for c in _COUNTS),
            pl.col("provinsi_nama").drop_nulls().first().alias("nama"),
        )
        .with_columns(pl.lit("provinsi").alias("dimensi"))
    )


def fairness_table(
    people: pl.LazyFrame,
    units: pl.LazyFrame,
    regions: pl.LazyFrame | None,
    settings: ScreeningSettings,
) -> pl.LazyFrame:
    """The fairness screen (see the module docstring) from the placed person frame, the
    unit summary (:func:`~bakat.engine.mapping.coverage.unit_summary`) and the province
    of each unit (``unit_kerja``, ``provinsi``, ``provinsi_nama``; ``None`` skips the
    region dimension)."""
    groups = [
        _by_person(people, "jenis_kelamin", "jenis_kelamin"),
        _by_person(people, "kelompok_usia", "_kelompok_usia"),
        _by_unit(units),
    ]
    if regions is not None:
        groups.append(_by_region(units, regions))
    columns = ("dimensi", "instansi", "kelompok", "nama", *_COUNTS)
    counted = pl.concat([g.select(columns) for g in groups], how="vertical")
    parts = [
        counted.select(
            pl.lit(selection).alias("seleksi"),
            "instansi",
            "dimensi",
            "kelompok",
            "nama",
            pl.col(denominator).alias("jumlah"),
            pl.col(selected).alias("terpilih"),
        ).filter(pl.col("jumlah") > 0)
        for selection, selected, denominator in SELECTIONS
    ]
    return _ratios(pl.concat(parts, how="vertical"), settings)


def _band_order() -> pl.Expr:
    """Age bands in age order (``<30`` first); 0 for the other dimensions."""
    low = pl.col("kelompok").str.extract(r"(\d+)").cast(pl.Int32, strict=False)
    band = pl.when(pl.col("kelompok").str.starts_with("<")).then(-1).otherwise(low)
    return pl.when(pl.col("dimensi") == "kelompok_usia").then(band).otherwise(0)


def _ratios(groups: pl.LazyFrame, settings: ScreeningSettings) -> pl.LazyFrame:
    z = NormalDist().inv_cdf(0.5 + settings.confidence / 2)
    n = pl.col("jumlah").cast(pl.Float64)
    rate = pl.col("terpilih").cast(pl.Float64) / n
    centre = (rate + z * z / (2 * n)) / (1 + z * z / n)
    half = z * (rate * (1 - rate) / n + z * z / (4 * n * n)).sqrt() / (1 + z * z / n)
    scope = ("seleksi", "instansi", "dimensi")
    eligible = pl.col("jumlah") >= settings.min_group
    eligible_rate = pl.when(eligible).then(pl.col("tingkat"))
    best = eligible_rate.max().over(scope)
    # The reference group: the highest eligible rate, ties to the first group by name.
    reference = pl.col("kelompok").filter(eligible & (pl.col("tingkat") == best)).min().over(scope)
    ratio = pl.when(eligible & (best > 0)).then(pl.col("tingkat") / best)
    flag = ratio < settings.ratio_threshold
    return (
        groups.with_columns(
            rate.alias("tingkat"),
            (centre - half).clip(0.0, 1.0).alias("ci_bawah"),
            (centre + half).clip(0.0, 1.0).alias("ci_atas"),
        )
        .with_columns(
            reference.alias("kelompok_acuan"),
            best.alias("tingkat_acuan"),
            ratio.alias("rasio"),
        )
        .with_columns(
            flag.alias("di_bawah_ambang"),
            pl.when(flag)
            .then(pl.lit("perlu_ditelaah"))
            .when(flag.is_not_null())
            .then(pl.lit("tidak_ada_sinyal"))
            .otherwise(pl.lit("tidak_cukup_data"))
            .alias("status"),
        )
        .sort(
            pl.col("seleksi").replace_strict({s[0]: i for i, s in enumerate(SELECTIONS)}),
            "instansi",
            pl.col("dimensi").replace_strict({d: i for i, d in enumerate(DIMENSIONS)}),
            _band_order(),
            "kelompok",
            nulls_last=True,
        )
    )
