"""docs/formats.md is the contract agencies script against: it must list what the
readers accept."""

from __future__ import annotations

from pathlib import Path

import pytest

from bakat.io import layouts
from bakat.io.tables import TABLES

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
SHARED = ROOT.parent / "shared" / "docs" / "formats.md"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_accepted_spelling_is_documented(name: str) -> None:
    for per_column in (layouts.aliases(name), layouts.fallbacks(name)):
        for column, spellings in per_column.items():
            for spelling in spellings:
                assert f"`{spelling}`" in DOC, (name, column, spelling)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_required_columns_and_keys_are_documented(name: str) -> None:
    contract = TABLES[name]
    required = ", ".join(f"`{c}`" for c in contract.required)
    key = ", ".join(f"`{c}`" for c in contract.key) or "-"
    assert f"| `{name}` | {required} | {key} |" in DOC


@pytest.mark.skipif(not SHARED.exists(), reason="the shared contract is not beside the project")
def test_the_project_document_starts_with_the_shared_contract_unchanged() -> None:
    assert DOC.startswith(SHARED.read_text(encoding="utf-8"))
