"""Calibration screen (kalibrasi): does a unit's box distribution stand out from its agency?

A signal for the talent committee, not a verdict. A unit whose people land in the top
boxes far more (or less) often than in the rest of its agency may rate more leniently
(or strictly), or may simply be different; the committee looks, and decides. The
anti-nepotism guidance asks for disparity checks across units (domain.md §5.2 [I]).

**Units.** Without a unit tree each ``unit_kerja`` of ``pegawai`` is one unit. With the
optional ``unit_kerja`` table and its ``induk`` (parent) column, a unit counts everyone in
it and in its sub-units (``termasuk_subunit``), so a Biro is tested as a whole even when
each of its Subbagian is too small; the agency's root unit is the reference itself
(``status = acuan``).

**Test.** For every unit, the 2 x k table "this unit / the rest of its agency" by box is
tested for homogeneity with Pearson's chi-square test (k - 1 degrees of freedom). Boxes
nobody in the agency is in are left out. So that the chi-square approximation holds,
boxes whose expected count (in the smaller row) is below ``min_expected`` are pooled
into one column, rarest box first, until every expected count reaches it
(``kotak_digabung`` lists them); with fewer than two columns left there is no test.
``p_terkoreksi`` corrects the p-values of every unit tested in the run for multiple
comparisons (Benjamini-Hochberg or Holm, :class:`ScreeningSettings`). The effect size
is Cramér's V, ``sqrt(chi2 / n)`` for two rows, read with Cohen's bands (0.1 small,
0.3 medium, 0.5 large).

**No verdict** (``status = tidak_cukup_data``): fewer than ``min_unit`` mapped people in
the unit (``catatan = unit_kecil``), or too few columns after pooling
(``harapan_kecil``).

The counts are a lazy aggregate (:func:`box_counts`); the statistics run on that small
table with NumPy and SciPy, vectorised over the units (:func:`calibration_table`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl
from scipy import stats

from bakat.domain.ninebox import SEMUA_KOTAK
from bakat.domain.policy import Policy
from bakat.engine.mapping.coverage import BOX_COLUMNS
from bakat.engine.mapping.settings import Correction, ScreeningSettings
from bakat.engine.mapping.tree import ancestors, subtree_counts

__all__ = [
    "adjust",
    "ancestors",
    "box_counts",
    "calibration_table",
    "pooled_boxes",
    "subtree_counts",
]

_F = npt.NDArray[np.float64]
_B = npt.NDArray[np.bool_]
#: Cohen's bands for Cramér's V with one degree of freedom on the smaller side.
EFFECT_BANDS = ((0.5, "besar"), (0.3, "sedang"), (0.1, "kecil"), (0.0, "dapat_diabaikan"))


def box_counts(units: pl.LazyFrame) -> pl.LazyFrame:
    """Mapped people per unit (within its agency) and box, from the unit summary
    (:func:`~bakat.engine.mapping.coverage.unit_summary`): ``instansi``, ``unit_kerja``,
    ``unit_kerja_nama``, ``kotak_1`` .. ``kotak_9``."""
    return units.filter(pl.col("terpetakan") > 0).select(
        "instansi", "unit_kerja", "unit_kerja_nama", *BOX_COLUMNS
    )


def adjust(p_values: _F, correction: Correction) -> _F:
    """p-values corrected for multiple comparisons (NaN entries are not tests)."""
    result = np.full_like(p_values, np.nan)
    tested = ~np.isnan(p_values)
    if not tested.any():
        return result
    p = p_values[tested]
    if correction is Correction.BH:
        result[tested] = stats.false_discovery_control(p, method="bh")
        return result
    order = np.argsort(p, kind="stable")
    m = p.size
    stepped = np.maximum.accumulate((m - np.arange(m)) * p[order])
    held = np.empty_like(p)
    held[order] = np.minimum(stepped, 1.0)
    result[tested] = held
    return result


def pooled_boxes(agency: _F, smaller_row: _F, min_expected: float) -> _B:
    """Which boxes each unit's test pools: the rarest boxes of the agency, until the
    expected counts of the smaller row (``smaller_row * share``) of every column left,
    and of the pooled column, reach ``min_expected``. Boxes empty in the agency are
    always "pooled" (they add nothing)."""
    total = agency.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(total > 0, agency / total, 0.0)
    order = np.argsort(share, axis=1, kind="stable")
    rank = np.argsort(order, axis=1, kind="stable")
    expected = np.take_along_axis(share, order, axis=1) * smaller_row[:, None]
    small = (expected < min_expected).sum(axis=1)
    cumulative = np.concatenate([np.zeros((len(share), 1)), np.cumsum(expected, axis=1)], axis=1)
    pooled_sum = np.take_along_axis(cumulative, small[:, None], axis=1)[:, 0]
    short = (pooled_sum > 0) & (pooled_sum < min_expected) & (small < share.shape[1])
    count = small + short.astype(np.int64)
    result: _B = rank < count[:, None]
    return result


def _effect(v: _F) -> pl.Series:
    labels = np.full(v.shape, "", dtype=object)
    for bound, label in reversed(EFFECT_BANDS):
        labels = np.where(v >= bound, label, labels)
    return pl.Series("besaran_efek", labels.astype(str), dtype=pl.String).replace("", None)


def _chi_square(observed: _F, rest: _F) -> tuple[_F, _F, _F]:
    """Pearson's statistic, the number of non-empty columns and n of 2 x k tables."""
    n_unit = observed.sum(axis=1, keepdims=True)
    n_rest = rest.sum(axis=1, keepdims=True)
    column = observed + rest
    total = n_unit + n_rest
    with np.errstate(divide="ignore", invalid="ignore"):
        e_unit = n_unit * column / total
        e_rest = n_rest * column / total
        terms = (observed - e_unit) ** 2 / e_unit + (rest - e_rest) ** 2 / e_rest
    chi2 = np.where(column > 0, terms, 0.0).sum(axis=1)
    return chi2, (column > 0).sum(axis=1).astype(np.float64), total[:, 0]


def calibration_table(
    counts: pl.DataFrame,
    units: pl.DataFrame | None,
    policy: Policy,
    settings: ScreeningSettings,
) -> pl.DataFrame:
    """The calibration screen of every unit: ``counts`` are the direct counts of
    :func:`box_counts`, ``units`` the optional unit tree (see :func:`subtree_counts`)."""
    totals = counts.group_by("instansi").agg(
        pl.col(c).sum().alias(f"_agency_{c}") for c in BOX_COLUMNS
    )
    rolled = subtree_counts(counts, units).join(totals, on="instansi", how="left", nulls_equal=True)
    counts = rolled.drop(f"_agency_{c}" for c in BOX_COLUMNS)
    observed = counts.select(BOX_COLUMNS).to_numpy().astype(np.float64).reshape(-1, 9)
    agency = (
        rolled.select(f"_agency_{c}" for c in BOX_COLUMNS)
        .to_numpy()
        .astype(np.float64)
        .reshape(-1, 9)
    )
    rest = agency - observed
    n_unit = observed.sum(axis=1)
    n_rest = rest.sum(axis=1)
    pooled = pooled_boxes(agency, np.minimum(n_unit, n_rest), settings.min_expected)
    keep = ~pooled
    table_unit = np.concatenate(
        [np.where(keep, observed, 0.0), np.where(pooled, observed, 0.0).sum(axis=1)[:, None]],
        axis=1,
    )
    table_rest = np.concatenate(
        [np.where(keep, rest, 0.0), np.where(pooled, rest, 0.0).sum(axis=1)[:, None]], axis=1
    )
    chi2, columns, total = _chi_square(table_unit, table_rest)
    whole = n_rest == 0
    few = n_unit < settings.min_unit
    sparse = columns < 2
    note = np.where(
        whole,
        "seluruh_instansi",
        np.where(few, "unit_kecil", np.where(sparse, "harapan_kecil", "")),
    )
    tested = note == ""
    degrees = np.where(tested, columns - 1, 1.0)
    p_value = np.where(tested, stats.chi2.sf(np.where(tested, chi2, 0.0), degrees), np.nan)
    p_adjusted = adjust(p_value, settings.correction)
    with np.errstate(divide="ignore", invalid="ignore"):
        cramer = np.where(tested, np.sqrt(chi2 / total), np.nan)
        talent = [SEMUA_KOTAK.index(n) for n in policy.talenta.kotak]
        talent_unit = 100.0 * observed[:, talent].sum(axis=1) / n_unit
        talent_rest = 100.0 * rest[:, talent].sum(axis=1) / n_rest
    flagged = tested & (p_adjusted < settings.alpha)
    status = np.where(
        whole,
        "acuan",
        np.where(
            ~tested, "tidak_cukup_data", np.where(flagged, "perlu_ditelaah", "tidak_ada_sinyal")
        ),
    )
    shown = pooled & (agency > 0) & tested[:, None]
    merged = pl.DataFrame(
        {str(n): shown[:, i] for i, n in enumerate(SEMUA_KOTAK)},
        schema=dict.fromkeys((str(n) for n in SEMUA_KOTAK), pl.Boolean),
    ).select(
        pl.concat_str(
            [pl.when(pl.col(str(n))).then(pl.lit(str(n))) for n in SEMUA_KOTAK],
            separator=";",
            ignore_nulls=True,
        ).alias("kotak_digabung")
    )

    def column(name: str, values: npt.NDArray[np.float64] | npt.NDArray[np.int64]) -> pl.Series:
        if values.dtype.kind == "f":
            return pl.Series(name, values, dtype=pl.Float64).fill_nan(None)
        return pl.Series(name, values, dtype=pl.Int64)

    return counts.select(
        "instansi", "unit_kerja", "unit_kerja_nama", "termasuk_subunit"
    ).with_columns(
        column("terpetakan", n_unit.astype(np.int64)),
        *(counts.get_column(c) for c in BOX_COLUMNS),
        column("persen_talenta_unit", talent_unit),
        column("persen_talenta_acuan", talent_rest),
        merged.get_column("kotak_digabung").replace("", None),
        column("chi_kuadrat", np.where(tested, chi2, np.nan)),
        pl.Series(
            "derajat_bebas", np.where(tested, columns - 1, 0).astype(np.int64), dtype=pl.Int64
        ).replace(0, None),
        column("p_nilai", p_value),
        column("p_terkoreksi", p_adjusted),
        column("cramer_v", cramer),
        _effect(cramer),
        pl.Series("status", status.astype(str), dtype=pl.String),
        pl.Series("catatan", note.astype(str), dtype=pl.String).replace("", None),
    )
