"""Source layouts: how each kind of source spells the canonical columns.

Each layout is a module with two mappings, ``ALIASES`` and ``FALLBACKS``
(table -> canonical column -> header spellings). A header in ``FALLBACKS`` is used only
when no header of ``ALIASES`` (or the canonical name itself) gives that column in the
same file. All layouts are accepted at once, so a file may mix canonical and SIASN
names. A new source is added by writing a sibling module and listing it in ``LAYOUTS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType, ModuleType

from bakat.io.layouts import kanonik, siasn

LAYOUTS: Mapping[str, ModuleType] = MappingProxyType({"kanonik": kanonik, "siasn": siasn})


def aliases(table: str) -> dict[str, tuple[str, ...]]:
    """Every layout's header spellings for ``table``: canonical column -> spellings."""
    return _merge(table, "ALIASES")


def fallbacks(table: str) -> dict[str, tuple[str, ...]]:
    """Spellings used only when no other header gives the column."""
    return _merge(table, "FALLBACKS")


def _merge(table: str, attribute: str) -> dict[str, tuple[str, ...]]:
    merged: dict[str, tuple[str, ...]] = {}
    for layout in LAYOUTS.values():
        per_table: Mapping[str, Mapping[str, tuple[str, ...]]] = getattr(layout, attribute)
        for column, spellings in per_table.get(table, {}).items():
            merged[column] = merged.get(column, ()) + tuple(spellings)
    return merged
