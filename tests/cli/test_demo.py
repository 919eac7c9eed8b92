"""``bakat demo --no-serve``: a fresh database with the demo agency and its accounts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.web.cli_support import bakat


@pytest.mark.slow
def test_it_builds_the_demo_database_with_the_six_accounts(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = bakat(tmp_path, "demo", "--folder", folder, "--no-serve", "--port", "8123")
    assert result.returncode == 0, result.stderr
    assert "3414 pegawai" in result.stdout
    assert "2.757 dari 3.414 pegawai terpetakan" in result.stdout
    assert result.stdout.rstrip().endswith("Ready: http://127.0.0.1:8123")
    with sqlite3.connect(folder / "bakat.sqlite3") as db:
        users = {name for (name,) in db.execute("SELECT username FROM accounts_user")}
        assert users == {"admin", "analis", "komite", "pimpinan", "pegawai", "auditor"}
        assert db.execute("SELECT count(*) FROM personnel_pegawai").fetchone() == (3414,)
        # The committee member is also an employee related to a pool member: recused.
        roles = db.execute(
            "SELECT p.peran FROM accounts_penugasan p JOIN accounts_user u ON u.id = p.user_id"
            " WHERE u.username = 'komite' ORDER BY p.peran"
        ).fetchall()
        assert roles == [("komite_talenta",), ("pegawai",)]
    assert "recused" in result.stdout
    placements = [line for line in result.stdout.splitlines() if "jabatan target" in line]
    assert placements, "the succession summary is printed"
