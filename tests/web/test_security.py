"""Security headers, CSP, no-store on personal pages, CSRF, sessions, Argon2id."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings
from django.urls import reverse

from tests.web.conftest import PASSWORD, Cast


def _signed_in(cast: Cast, role: str = "admin") -> Client:
    client = Client()
    client.force_login(cast.users[role])
    return client


def test_personal_pages_are_never_cached(cast: Cast) -> None:
    response = _signed_in(cast).get(reverse("pegawai_detail", args=[cast.p_a.pk]))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("header", "fragment"),
    [
        ("Content-Security-Policy", "default-src 'self'"),
        ("Content-Security-Policy", "frame-ancestors 'none'"),
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("Permissions-Policy", "camera=()"),
    ],
)
def test_every_page_carries_the_security_headers(cast: Cast, header: str, fragment: str) -> None:
    assert fragment in Client().get(reverse("login"))[header]


def test_a_post_without_csrf_token_is_refused(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "admin", "password": PASSWORD})
    assert response.status_code == 403


def test_sessions_expire() -> None:
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_COOKIE_HTTPONLY


def test_signing_out_ends_the_session_everywhere(cast: Cast) -> None:
    """The session is read through the shared cache: a copy of the cookie (another tab,
    another worker, a thief) is signed out too."""
    client = _signed_in(cast)
    copy = Client()
    copy.cookies = client.cookies.__class__(client.cookies)
    assert copy.get(reverse("pegawai_daftar")).status_code == 200
    client.post(reverse("logout"))
    response = copy.get(reverse("pegawai_daftar"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@override_settings(PASSWORD_HASHERS=["bakat.web.accounts.hashers.BakatArgon2Hasher"])
def test_passwords_are_hashed_with_argon2id_at_the_minimum_cost() -> None:
    encoded = make_password("sandi-yang-panjang")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def _deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in env.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "-m", "bakat.web.manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_deploy_check_is_clean_under_production_settings(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "BAKAT_ENV": "production",
        "BAKAT_SECRET_KEY": "k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789",
        "BAKAT_ALLOWED_HOSTS": "bakat.example.go.id",
        "BAKAT_DATA_DIR": str(tmp_path),
    }
    result = _deploy_check(env)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_without_a_secret_key_fails_loudly(tmp_path: Path) -> None:
    env = {**os.environ, "BAKAT_ENV": "production", "BAKAT_DATA_DIR": str(tmp_path)}
    env.pop("BAKAT_SECRET_KEY", None)
    result = _deploy_check(env)
    assert result.returncode != 0
    assert "BAKAT_SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("url", "json"),
    [
        ("/kualitas/?aturan=V01%00", False),
        ("/pegawai/?q=%00", False),
        ("/api/v1/penempatan/%00/", True),
        ("/api/v1/kualitas/temuan/?aturan=%00", True),
    ],
)
def test_a_nul_character_in_the_request_is_refused_before_any_query(
    cast: Cast, url: str, json: bool
) -> None:
    client = Client()
    client.force_login(cast.users["admin"])
    response = client.get(url)
    assert response.status_code == 400
    assert (response.headers["Content-Type"] == "application/json") is json
