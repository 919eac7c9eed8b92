"""Typed readers of settings from the environment that fail loudly.

Every setting of the web application comes from an environment variable read through
one of these helpers. A value that cannot be parsed raises :class:`ConfigError` naming
the variable and what was expected, at start-up, rather than surfacing later as odd
behaviour. The embedded defaults (SQLite under the data folder, a generated secret key
for local use) need no configuration at all.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from bakat.domain.errors import InputError

_TRUE = frozenset({"1", "true", "yes", "on", "ya"})
_FALSE = frozenset({"0", "false", "no", "off", "tidak"})


class ConfigError(InputError):
    """A setting from the environment is missing or malformed (the command line reports
    it as bad input: one message, exit status 2)."""


def env_str(
    name: str, default: str | None = None, *, environ: Mapping[str, str] | None = None
) -> str:
    """The variable as text; ``default`` when unset; ConfigError when unset without one."""
    value = (os.environ if environ is None else environ).get(name)
    if value is None or value.strip() == "":
        if default is None:
            raise ConfigError(f"variabel lingkungan {name} wajib diisi / {name} must be set")
        return default
    return value.strip()


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    """``true/false`` (also 1/0, yes/no, on/off, ya/tidak); ConfigError otherwise."""
    text = env_str(name, "true" if default else "false", environ=environ).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ConfigError(f"{name} harus true atau false, bukan {text!r} / {name} must be a boolean")


def env_int(
    name: str, default: int, *, minimum: int | None = None, environ: Mapping[str, str] | None = None
) -> int:
    """An integer, at least ``minimum`` when given; ConfigError otherwise."""
    text = env_str(name, str(default), environ=environ)
    try:
        value = int(text)
    except ValueError:
        raise ConfigError(
            f"{name} harus bilangan bulat, bukan {text!r} / must be an integer"
        ) from None
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name} minimal {minimum}, bukan {value} / {name} must be >= {minimum}")
    return value


def env_list(
    name: str, default: tuple[str, ...] = (), *, environ: Mapping[str, str] | None = None
) -> list[str]:
    """A comma-separated list (items trimmed, empty items dropped)."""
    text = (
        env_str(name, ",".join(default), environ=environ)
        if default
        else ((os.environ if environ is None else environ).get(name, ""))
    )
    return [item.strip() for item in text.split(",") if item.strip()]


def database_from_url(url: str | None, sqlite_path: Path) -> dict[str, Any]:
    """The ``DATABASES['default']`` entry: SQLite in WAL mode at ``sqlite_path`` when
    ``url`` is empty, PostgreSQL (psycopg 3) for ``postgres://`` / ``postgresql://``.

    A PostgreSQL URL may name a Unix socket folder with ``?host=/path`` or an empty host.
    Any other scheme is a ConfigError.
    """
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(sqlite_path),
            "OPTIONS": {
                # WAL lets readers proceed while one writer commits; IMMEDIATE takes the
                # write lock at BEGIN so that two writers never both read the audit head.
                # Each worker process keeps its connection (CONN_MAX_AGE), so these run
                # once per process, not once per request; the busy timeout (``timeout``,
                # seconds) makes a writer wait for the lock instead of failing.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            "CONN_MAX_AGE": 600,
        }
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ConfigError(
            f"DATABASE_URL harus postgres:// atau postgresql://, bukan {parts.scheme!r} / "
            "DATABASE_URL must be a PostgreSQL URL"
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ConfigError("DATABASE_URL tidak menyebut nama basis data / names no database")
    host = query.pop("host", None) or (unquote(parts.hostname) if parts.hostname else "")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": host,
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": query,
    }


def local_secret_key(folder: Path) -> str:
    """The secret key kept in ``folder/secret_key`` (mode 0600), generated on first use.

    For local and demo use only: production reads ``BAKAT_SECRET_KEY``. The file lives in
    the data folder, never in the repository.
    """
    path = folder / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``BAKAT_DATA_DIR``, else ``$XDG_DATA_HOME/bakat`` (``~/.local/share/bakat``)."""
    env = os.environ if environ is None else environ
    explicit = env.get("BAKAT_DATA_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser().resolve()
    base = env.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return Path(base) / "bakat"
