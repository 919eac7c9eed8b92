"""Settings from the environment: typed, with defaults, failing loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from bakat.web.env import (
    ConfigError,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    local_secret_key,
)


@pytest.mark.parametrize(
    ("text", "value"), [("true", True), ("YA", True), ("0", False), ("off", False)]
)
def test_env_bool_reads_the_usual_spellings(text: str, value: bool) -> None:
    assert env_bool("X", not value, environ={"X": text}) is value


@pytest.mark.parametrize(
    "call",
    [
        lambda: env_bool("X", True, environ={"X": "mungkin"}),
        lambda: env_int("X", 1, environ={"X": "dua"}),
        lambda: env_int("X", 2, minimum=2, environ={"X": "1"}),
        lambda: env_str("X", environ={}),
        lambda: database_from_url("mysql://h/db", Path("x")),
        lambda: database_from_url("postgres://h/", Path("x")),
    ],
)
def test_a_malformed_or_missing_value_raises_naming_the_variable(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError):
        call()


def test_env_list_splits_on_commas() -> None:
    assert env_list("X", environ={"X": " a, ,b "}) == ["a", "b"]


def test_no_database_url_means_sqlite_in_wal_mode(tmp_path: Path) -> None:
    db = database_from_url("", tmp_path / "b.sqlite3")
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u:p%40ss@db.local:5433/bakat", ("bakat", "u", "p@ss", "db.local", "5433")),
        ("postgresql:///bakat?host=/tmp/pg", ("bakat", "", "", "/tmp/pg", "")),
    ],
)
def test_database_url_selects_postgresql(url: str, expected: tuple[str, ...]) -> None:
    db = database_from_url(url, Path("unused"))
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == expected


def test_the_local_secret_key_is_generated_once_and_private(tmp_path: Path) -> None:
    first = local_secret_key(tmp_path)
    assert local_secret_key(tmp_path) == first
    assert len(first) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
