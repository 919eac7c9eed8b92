"""Every data-quality rule, in the order they are documented and summarised.

Importing the rule modules registers their rules; :data:`ATURAN` lists them sorted by
id (domain.md §8 numbers first, then the project's own ``Q`` rules), each id's rules in
the order they are defined.
"""

from __future__ import annotations

from bakat.engine.quality import (  # noqa: F401  (imported to register their rules)
    rules_identitas,
    rules_jabatan,
    rules_karier,
    rules_kelengkapan,
    rules_nik,
    rules_pembaca,
    rules_posisi,
    rules_riwayat,
    rules_talenta,
)
from bakat.engine.quality.registry import Rule, terdaftar


def _urutan(rule: Rule) -> tuple[int, int]:
    return (0 if rule.id.startswith("V") else 1, int(rule.id[1:]))


#: Every rule, sorted (see the module docstring).
ATURAN: tuple[Rule, ...] = tuple(sorted(terdaftar(), key=_urutan))


def cari(name: str) -> Rule:
    """The rule called ``name`` (KeyError when there is none)."""
    for rule in ATURAN:
        if rule.name == name:
            return rule
    raise KeyError(name)
