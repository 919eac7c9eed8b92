"""Disciplinary sanctions (hukdis) per person, for the three rules that read them.

PP 94/2021 sorts sanctions into ringan, sedang and berat (domain.md §4.7 [S]). The mapping
reads them three times, each with its own window of the policy:

- the performance cap: sanctions with ``dalam_jendela(tmt, tanggal_akhir, A,
  kinerja.hukdis.jendela_tahun)`` lower the level to ``kinerja.hukdis.batas_level``
  (BPKP conditions [S], domain.md §2.5, V35);
- the integrity sub-score: the heaviest sanction with ``dalam_jendela(...,
  potensi.komposit.integritas.jendela_tahun)`` (Kepka BKN 411/2025 [S], domain.md §2.6);
- the talent-pool exclusions: a sanction in force on A (``aktif_pada``), or one of the
  levels ``talenta.hukdis.tingkat`` with ``dalam_jendela(..., talenta.hukdis.jendela_tahun)``
  (Buleleng SIMATA, V35 [S]).

The window tests are those of :mod:`bakat.domain.hukdis` written as expressions: a
sanction counts when ``tmt <= A`` and it has no end date or ends on or after
``A - N years``; it is in force when ``tmt <= A`` and it has no end date or ends on or after
A. A row without ``tmt`` cannot be placed in time and is not counted; a row whose level
is not recognised counts for "in force" (which does not depend on the level) but for no
level-based rule. The data checks report both.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.hukdis import TingkatHukdis, mundur_tahun
from bakat.domain.policy import Policy

#: Severity of each level (ringan 1, sedang 2, berat 3).
URUTAN = {t.value: t.urutan for t in TingkatHukdis}
#: Level of each severity.
TINGKAT = {t.urutan: t.value for t in TingkatHukdis}

#: Columns of :func:`per_person`, besides ``nip``.
COLUMNS = (
    "_batas_kinerja",
    "hukdis_kinerja",
    "hukdis_integritas",
    "_hukdis_aktif",
    "_hukdis_talenta",
)


def in_window(as_of: date, years: int) -> pl.Expr:
    """``bakat.domain.hukdis.dalam_jendela(tmt, tanggal_akhir, as_of, years)``."""
    start = mundur_tahun(as_of, years)
    return (pl.col("tmt") <= as_of) & (
        pl.col("tanggal_akhir").is_null() | (pl.col("tanggal_akhir") >= start)
    )


def in_force(as_of: date) -> pl.Expr:
    """``bakat.domain.hukdis.aktif_pada(tmt, tanggal_akhir, as_of)``."""
    return (pl.col("tmt") <= as_of) & (
        pl.col("tanggal_akhir").is_null() | (pl.col("tanggal_akhir") >= as_of)
    )


def _level_name(severity: pl.Expr) -> pl.Expr:
    return severity.replace_strict(TINGKAT, default=None, return_dtype=pl.String)


def per_person(hukdis: pl.LazyFrame, as_of: date, policy: Policy, key: str = "nip") -> pl.LazyFrame:
    """One row per ``key`` (the NIP, or its integer key) with a sanction:
    ``_batas_kinerja`` (the lowest performance cap, as a level index 0-2, null when none
    applies), ``hukdis_kinerja`` and ``hukdis_integritas`` (the heaviest level in each
    window), ``_hukdis_aktif`` (a sanction in force on A) and ``_hukdis_talenta`` (the
    heaviest level of ``talenta.hukdis.tingkat`` in its window)."""
    caps = {t.value: policy.kinerja.hukdis.batas_level[t].indeks for t in TingkatHukdis}
    pool_levels = [t.value for t in policy.talenta.hukdis.tingkat]
    severity = pl.col("tingkat").replace_strict(URUTAN, default=None, return_dtype=pl.Int8)
    cap = pl.col("tingkat").replace_strict(caps, default=None, return_dtype=pl.Int8)
    kinerja_window = in_window(as_of, policy.kinerja.hukdis.jendela_tahun)
    integrity_window = in_window(as_of, policy.potensi.komposit.integritas.jendela_tahun)
    pool_window = in_window(as_of, policy.talenta.hukdis.jendela_tahun) & pl.col("tingkat").is_in(
        pool_levels
    )
    # The windowed columns are made before grouping, so that the aggregations are plain.
    return (
        hukdis.filter(pl.col(key).is_not_null() & pl.col("tmt").is_not_null())
        .select(
            key,
            pl.when(kinerja_window).then(cap).alias("_batas_kinerja"),
            pl.when(kinerja_window).then(severity).alias("_urutan_kinerja"),
            pl.when(integrity_window).then(severity).alias("_urutan_integritas"),
            in_force(as_of).alias("_hukdis_aktif"),
            pl.when(pool_window).then(severity).alias("_urutan_talenta"),
        )
        .group_by(key)
        .agg(
            pl.col("_batas_kinerja").min(),
            pl.col("_urutan_kinerja").max(),
            pl.col("_urutan_integritas").max(),
            pl.col("_hukdis_aktif").any(),
            pl.col("_urutan_talenta").max(),
        )
        .select(
            key,
            "_batas_kinerja",
            _level_name(pl.col("_urutan_kinerja")).alias("hukdis_kinerja"),
            _level_name(pl.col("_urutan_integritas")).alias("hukdis_integritas"),
            "_hukdis_aktif",
            _level_name(pl.col("_urutan_talenta")).alias("_hukdis_talenta"),
        )
    )
