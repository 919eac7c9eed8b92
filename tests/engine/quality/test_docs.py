"""docs/data-quality.md lists every rule with its id, severity and dimension."""

from __future__ import annotations

import re
from pathlib import Path

from bakat.engine.quality.catalog import ATURAN

DOC = Path(__file__).resolve().parents[3] / "docs" / "data-quality.md"


def test_the_rule_table_matches_the_catalogue() -> None:
    baris = re.findall(
        r"^\| ([VQ]\d\d) \| `([a-z0-9_]+)` \| (\w+) \| (\w+) \|", DOC.read_text(), re.M
    )
    assert sorted(baris) == sorted((r.id, r.name, r.tingkat.value, r.dimensi.value) for r in ATURAN)
