"""The unit tree (``unit_kerja`` and its ``induk``) for the calibration screen.

A unit counts everyone in it and in its sub-units (``termasuk_subunit``): each unit's
counts are added to every ancestor's (:mod:`~bakat.engine.mapping.calibration`). The
national tree has some 350,000 units; the walk up the tree runs on integer unit numbers
(NumPy gathers), and the roll-up groups by them, not by the unit texts.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.engine.mapping.coverage import BOX_COLUMNS

_I = npt.NDArray[np.int64]
#: Deepest walk up the tree (a cycle stops at the unit itself, or here).
MAX_DEPTH = 64
#: Number of a unit text (work column).
_ID = "_nomor_unit"


def _first_of_each(units: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    return (
        units.select(columns)
        .filter(pl.col("unit_kerja").is_not_null())
        .unique("unit_kerja", keep="first", maintain_order=True)
    )


def _numbered(texts: pl.Series) -> pl.DataFrame:
    """The distinct non-null ``texts`` in order of first appearance, numbered from 0."""
    distinct = texts.drop_nulls().unique(maintain_order=True).alias("unit_kerja")
    return distinct.to_frame().with_columns(pl.int_range(pl.len(), dtype=pl.Int64).alias(_ID))


def _number_of(texts: pl.Series, numbers: pl.DataFrame) -> pl.Series:
    """The number of each text of ``texts`` in ``numbers`` (null when it has none)."""
    found = (
        texts.alias("unit_kerja")
        .to_frame()
        .join(numbers, on="unit_kerja", how="left", maintain_order="left")
    )
    return found.get_column(_ID)


def _ancestor_numbers(parent: _I) -> tuple[_I, _I, bool]:
    """Every ``(unit, ancestor)`` pair of the units ``0 .. len(parent) - 1`` whose parents
    are ``parent`` (-1: none; a number from ``len(parent)`` up: a parent outside the
    tree, kept as an ancestor but not walked through), each unit its own ancestor too.
    The walk stops at the unit itself (a cycle) or after :data:`MAX_DEPTH` steps; the
    flag tells whether some walk went that far (it may then have gone round a cycle
    that does not pass through its unit and listed a pair twice; else no pair is)."""
    size = len(parent)
    unit = np.arange(size, dtype=np.int64)
    ancestor = parent
    units, ancestors_ = [unit], [unit]
    for _ in range(MAX_DEPTH):
        kept = (ancestor >= 0) & (ancestor != unit)
        unit, ancestor = unit[kept], ancestor[kept]
        if unit.size == 0:
            break
        units.append(unit)
        ancestors_.append(ancestor)
        inside = ancestor < size
        unit, ancestor = unit[inside], parent[ancestor[inside]]
    return np.concatenate(units), np.concatenate(ancestors_), unit.size > 0


def _pairs(tree: pl.DataFrame, extra: pl.Series | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The numbered texts (the tree's units first, in its order, then parents outside
    it, then ``extra``) and the distinct ``(unit, leluhur)`` pairs of numbers."""
    texts = [tree.get_column("unit_kerja"), tree.get_column("induk")]
    numbers = _numbered(pl.concat([*texts, *([] if extra is None else [extra])]))
    parent = _number_of(tree.get_column("induk"), numbers).fill_null(-1).to_numpy()
    unit, ancestor, deep = _ancestor_numbers(parent.astype(np.int64))
    pairs = pl.DataFrame({"unit": unit, "leluhur": ancestor})
    return numbers, pairs.unique(maintain_order=True) if deep else pairs


def ancestors(units: pl.DataFrame) -> pl.DataFrame:
    """Every ``(unit, ancestor)`` pair of the unit tree (``unit_kerja``, ``induk``), each
    unit its own ancestor too. A cycle in the tree stops at the unit itself."""
    numbers, pairs = _pairs(_first_of_each(units, ["unit_kerja", "induk"]))
    text = numbers.get_column("unit_kerja")
    return pairs.select(
        text.gather(pairs.get_column("unit")).alias("unit"),
        text.gather(pairs.get_column("leluhur")).alias("leluhur"),
    )


def subtree_counts(counts: pl.DataFrame, units: pl.DataFrame | None) -> pl.DataFrame:
    """``counts`` per unit including its sub-units (``units``: the unit tree), or as they
    are when there is no tree; sorted by agency and unit, with ``termasuk_subunit``."""
    if units is None or "induk" not in units.columns or units.height == 0:
        rolled = counts.with_columns(pl.lit(False).alias("termasuk_subunit"))
    else:
        tree = _first_of_each(units, ["unit_kerja", "induk", "unit_kerja_nama"])
        numbers, pairs = _pairs(tree, counts.get_column("unit_kerja"))
        own = _number_of(counts.get_column("unit_kerja"), numbers).alias(_ID)
        # A unit's name in the table: that of its first row (the tree's units come first).
        listed = tree.get_column("unit_kerja_nama")
        text = numbers.get_column("unit_kerja")
        # Agency and unit as one integer (a null of either a number of its own).
        agencies = _numbered(counts.get_column("instansi"))
        agency = _number_of(counts.get_column("instansi"), agencies)
        width = numbers.height + 1
        grouped = (
            counts.with_columns(own, agency.fill_null(agencies.height).alias("_instansi"))
            .join(pairs, left_on=_ID, right_on="unit", how="left")
            .with_columns(pl.coalesce("leluhur", _ID).alias("_unit"))
            .with_columns(
                (pl.col("_instansi") * width + pl.col("_unit").fill_null(numbers.height)).alias(
                    "_kelompok"
                )
            )
            .group_by("_kelompok")
            .agg(
                pl.col("instansi").first(),
                pl.col("_unit").first(),
                # The unit's own row (one per agency) names it.
                pl.when(pl.col(_ID) == pl.col("_unit")).then(pl.col("unit_kerja_nama")).max(),
                *(pl.col(c).sum() for c in BOX_COLUMNS),
            )
        )
        number = grouped.get_column("_unit")
        inside = pl.when(number < listed.len()).then(number)
        from_table = grouped.select(inside).to_series().alias("_baris_tabel")
        rolled = grouped.with_columns(
            text.gather(number).alias("unit_kerja"),
            pl.coalesce(pl.col("unit_kerja_nama"), listed.gather(from_table)).alias(
                "unit_kerja_nama"
            ),
            pl.lit(True).alias("termasuk_subunit"),
        )
    return rolled.select(
        "instansi", "unit_kerja", "unit_kerja_nama", "termasuk_subunit", *BOX_COLUMNS
    ).sort("instansi", "unit_kerja", nulls_last=True)
