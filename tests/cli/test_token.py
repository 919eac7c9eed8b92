"""``bakat token create``, ``list`` and ``revoke`` (in a subprocess with its own data
folder, so the test process never loads Django)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.cli_support import bakat, env_for

_BUAT_PENGGUNA = """
from bakat.web.bootstrap import setup_django
setup_django()
from bakat.web.accounts.models import User
User.objects.create_user(username="ani", password="kata-sandi-uji-123")
"""


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("token-cli")
    result = subprocess.run(
        [sys.executable, "-c", _BUAT_PENGGUNA],
        capture_output=True,
        text=True,
        check=False,
        env=env_for(folder),
    )
    assert result.returncode == 0, result.stderr
    return folder


def _rows(web: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(web / "bakat.sqlite3") as db:
        return list(db.execute(sql))


def test_create_prints_the_secret_once_and_stores_only_its_hash(web: Path) -> None:
    result = bakat(web, "token", "create", "--user", "ani", "--name", "laporan", "--days", "30")
    assert result.returncode == 0, result.stderr
    rahasia = result.stdout.split(": ", 1)[1].split()[0]
    assert rahasia.startswith("bakat_")
    hashes = [row[0] for row in _rows(web, "SELECT token_hash FROM api_apitoken")]
    assert hashlib.sha256(rahasia.encode()).hexdigest() in hashes
    assert rahasia not in bakat(web, "token", "list", "--user", "ani").stdout


def test_revoke_marks_the_token_and_is_audited(web: Path) -> None:
    created = bakat(web, "token", "create", "--user", "ani", "--name", "cabut")
    token_id = created.stdout.split()[1]
    assert bakat(web, "token", "revoke", token_id).returncode == 0
    assert _rows(web, f"SELECT revoked IS NOT NULL FROM api_apitoken WHERE id = {token_id}") == [
        (1,)
    ]
    jenis = {row[0] for row in _rows(web, "SELECT jenis FROM audit_auditevent")}
    assert {"api.token_dibuat", "api.token_dicabut"} <= jenis
    assert "dicabut" in bakat(web, "token", "list", "--user", "ani").stdout


@pytest.mark.parametrize(
    "args",
    [
        ("create", "--user", "tidak-ada", "--name", "x"),
        ("create", "--user", "ani", "--name", "  "),
        ("revoke", "999999"),
    ],
)
def test_unusable_input_exits_2(web: Path, args: tuple[str, ...]) -> None:
    result = bakat(web, "token", *args)
    assert result.returncode == 2
    assert "Galat" in result.stderr
