"""The performance axis (sumbu kinerja) of the Nine Box, as Polars expressions.

PermenPANRB 20/2025 Pasal 17 huruf a [V] ranks performance in three levels taken from
performance management (domain.md §2.2). The rule is ``bakat.domain.policy.level_kinerja``
(docs/policy.md ``[kinerja]``), here for a whole population at as-of date A:

1. The years are ``tahun_kinerja(A)``: the ``kinerja.jumlah_tahun`` calendar years before
   A's year (Buleleng SIMATA [S], domain.md §2.5). A year's predikat is the ``predikat``
   of its row or, when that is empty and both ratings are readable,
   ``predikat_matriks(hasil_kerja, perilaku_kerja)`` (PermenPANRB 6/2022 [S], §3.1);
   of several rows of one year the worst counts [I].
2. Fewer than ``kinerja.minimal_tahun`` such years: not mapped (V33).
3. ``terendah``: the lowest of the yearly levels ``kinerja.level_predikat``;
   ``rata_rata``: the mean of ``kinerja.rata_rata.poin`` rounded to 9 places and banded.
4. Each sanction in the window caps the level (:mod:`~bakat.engine.mapping.discipline`).

Levels are carried as their index (bawah 0, sesuai 1, atas 2; ``LevelKinerja.indeks``).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.ninebox import LevelKinerja
from bakat.domain.policy import CaraGabung, Policy, tahun_kinerja
from bakat.domain.skp import Ekspektasi, Predikat, predikat_matriks
from bakat.engine.mapping.numeric import round_like_python

#: Predikat -> rank, 0 = Sangat Baik (the best) .. 4 = Sangat Kurang.
RANK = {p.value: i for i, p in enumerate(Predikat)}
_PREDIKAT = {i: p.value for i, p in enumerate(Predikat)}
#: The predikat and the expectation levels in the order of their ranks.
_PREDIKATS = [p.value for p in Predikat]
_EKSPEKTASI = [e.value for e in Ekspektasi]
#: (hasil kerja index * 3 + perilaku kerja index) -> predikat rank (PermenPANRB 6/2022).
_MATRIX = {
    i * 3 + j: RANK[predikat_matriks(hk, pk).value]
    for i, hk in enumerate(Ekspektasi)
    for j, pk in enumerate(Ekspektasi)
}
#: Level index -> level name.
LEVEL = {level.indeks: level.value for level in LevelKinerja}


def year_labels(as_of: date, policy: Policy) -> list[tuple[str, int]]:
    """``(suffix, year)`` of each SKP year, newest first: ``t1`` is A's year - 1."""
    years = tahun_kinerja(as_of, policy)
    return [(f"t{as_of.year - year}", year) for year in sorted(years, reverse=True)]


def _code(column: str, values: list[str]) -> pl.Expr:
    """The position of a value in ``values`` (null when it is not one of them). A chain
    of equality tests: cheaper, for a handful of values, than a cast or a lookup."""
    chain: pl.Expr = pl.lit(None, dtype=pl.Int8)
    for position in reversed(range(len(values))):
        test = pl.col(column) == values[position]
        chain = pl.when(test).then(pl.lit(position, dtype=pl.Int8)).otherwise(chain)
    return chain


def _rank() -> pl.Expr:
    """The rank of a row's predikat, or of its matrix predikat when it has none."""
    pair = _code("hasil_kerja", _EKSPEKTASI) * 3 + _code("perilaku_kerja", _EKSPEKTASI)
    matrix = pair.replace_strict(_MATRIX, default=None, return_dtype=pl.Int8)
    return pl.coalesce(_code("predikat", _PREDIKATS), matrix)


def in_window(as_of: date, policy: Policy) -> pl.Expr:
    """The SKP rows of the years of :func:`year_labels` (the others are never read)."""
    return pl.col("tahun").is_in([year for _, year in year_labels(as_of, policy)])


def skp_per_person(
    kinerja: pl.LazyFrame, as_of: date, policy: Policy, key: str = "nip"
) -> pl.LazyFrame:
    """One row per ``key`` (the NIP, or its integer key) with an SKP row in the window:
    ``predikat_<t>`` for each year
    (newest first), ``jumlah_tahun_skp`` (years with a valid predikat) and
    ``_kinerja_gabungan`` (the combined level index before the sanction cap; null when
    there is no valid year)."""
    labels = year_labels(as_of, policy)
    ranks = [f"_rank_{suffix}" for suffix, _ in labels]
    # One column per year before grouping, so that the aggregation is a plain max.
    aggregated = (
        kinerja.filter(pl.col(key).is_not_null() & in_window(as_of, policy))
        .with_columns(_rank().alias("_rank"))
        .select(
            key,
            *(
                pl.when(pl.col("tahun") == year).then(pl.col("_rank")).alias(rank)
                for rank, (_, year) in zip(ranks, labels, strict=True)
            ),
        )
        .group_by(key)
        .agg(pl.col(rank).max() for rank in ranks)
    )
    return (
        aggregated.select(
            key,
            *(
                pl.col(rank).replace_strict(_PREDIKAT, default=None).alias(f"predikat_{suffix}")
                for rank, (suffix, _) in zip(ranks, labels, strict=True)
            ),
            pl.sum_horizontal(pl.col(rank).is_not_null() for rank in ranks)
            .cast(pl.Int32)
            .alias("jumlah_tahun_skp"),
            *combined_inputs(ranks, policy),
        )
        .with_columns(combined_level(policy).alias("_kinerja_gabungan"))
        .drop("_kinerja_terendah", "_kinerja_rata_rata", strict=False)
    )


def combined_inputs(ranks: list[str], policy: Policy) -> list[pl.Expr]:
    """What :func:`combined_level` reads, from the yearly predikat ranks in columns
    ``ranks`` (nulls are years without a valid predikat): ``_kinerja_terendah``, the
    lowest yearly level index (``terendah``), or ``_kinerja_rata_rata``, the mean points
    (``rata_rata``; the years are given newest first and summed oldest first, as the
    domain rule does)."""
    kinerja = policy.kinerja
    if kinerja.cara_gabung is CaraGabung.TERENDAH:
        levels = {RANK[p.value]: kinerja.level_predikat[p].indeks for p in Predikat}
        lowest = pl.min_horizontal(
            pl.col(rank).replace_strict(levels, default=None, return_dtype=pl.Int8)
            for rank in ranks
        )
        return [lowest.alias("_kinerja_terendah")]
    points = {RANK[p.value]: float(kinerja.rata_rata.poin[p]) for p in Predikat}
    values = [
        pl.col(rank).replace_strict(points, default=None, return_dtype=pl.Float64)
        for rank in reversed(ranks)
    ]
    count = pl.sum_horizontal(v.is_not_null() for v in values).cast(pl.Float64)
    mean = pl.sum_horizontal(values) / pl.when(count > 0).then(count)
    return [mean.alias("_kinerja_rata_rata")]


def combined_level(policy: Policy) -> pl.Expr:
    """The combined level index (``kinerja.cara_gabung``) of the columns of
    :func:`combined_inputs`; null without a valid year. The mean is rounded to 9 places
    first, as ``bakat.domain.skp.gabung_rata_rata`` does."""
    kinerja = policy.kinerja
    if kinerja.cara_gabung is CaraGabung.TERENDAH:
        return pl.col("_kinerja_terendah").cast(pl.Int8)
    mean = round_like_python(pl.col("_kinerja_rata_rata"), 9)
    rata = kinerja.rata_rata
    level = (
        pl.when(mean >= rata.batas_atas)
        .then(LevelKinerja.ATAS.indeks)
        .when(mean >= rata.batas_sesuai)
        .then(LevelKinerja.SESUAI.indeks)
        .otherwise(LevelKinerja.BAWAH.indeks)
    )
    return pl.when(pl.col("_kinerja_rata_rata").is_not_null()).then(level).cast(pl.Int8)


def capped_level(combined: pl.Expr, cap: pl.Expr) -> pl.Expr:
    """The combined level lowered to the sanction cap when the cap is lower (null when
    there is no combined level)."""
    return pl.when(combined.is_not_null()).then(pl.min_horizontal(combined, cap)).cast(pl.Int8)


def level_name(index: pl.Expr) -> pl.Expr:
    """The level name (``atas``/``sesuai``/``bawah``) of a level index."""
    return index.replace_strict(LEVEL, default=None, return_dtype=pl.String)
