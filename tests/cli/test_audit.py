"""``bakat audit verify`` and ``bakat audit checkpoint``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.web.cli_support import bakat, small_agency


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit-cli")
    data = small_agency(root / "data")
    result = bakat(root / "web", "load", data, "--as-of", "2025-10-17")
    assert result.returncode == 0, result.stderr
    return root / "web"


def test_verify_reports_an_intact_trail(loaded: Path) -> None:
    result = bakat(loaded, "audit", "verify")
    assert result.returncode == 0, result.stderr
    assert "utuh" in result.stdout


def test_checkpoint_writes_every_chain_head(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "titik.json"
    assert bakat(loaded, "audit", "checkpoint", "--out", out).returncode == 0
    heads = json.loads(out.read_text(encoding="utf-8"))
    # The load, the mapping and the succession: three events in the agency's chain.
    assert heads["KEMENSOS"]["seq"] == 3
    assert bakat(loaded, "audit", "verify", "--checkpoint", out).returncode == 0


def test_a_malformed_checkpoint_exits_2(loaded: Path, tmp_path: Path) -> None:
    bad = tmp_path / "rusak.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert bakat(loaded, "audit", "verify", "--checkpoint", bad).returncode == 2


def test_verify_exits_1_naming_the_tampered_event(tmp_path: Path) -> None:
    data = small_agency(tmp_path / "data")
    web = tmp_path / "web"
    assert bakat(web, "load", data, "--as-of", "2025-10-17").returncode == 0
    with sqlite3.connect(web / "bakat.sqlite3") as db:
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("UPDATE audit_auditevent SET alasan = 'lain' WHERE seq = 1")
    result = bakat(web, "audit", "verify")
    assert result.returncode == 1
    assert "KEMENSOS" in result.stderr and "urutan 1" in result.stderr
