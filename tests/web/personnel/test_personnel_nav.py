"""The header of every page: navigation by right, language forms, the user's own name
and CSRF token, every value from the request or the data escaped."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.accounts.models import User
from tests.web.conftest import Cast

pytestmark = pytest.mark.django_db


def _header(html: str) -> str:
    match = re.search(r'<header class="atas">.*?</header>', html, re.S)
    assert match, "no header"
    return match.group(0)


def _client(user: User | None = None, bahasa: str = "id") -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    client.cookies["django_language"] = bahasa
    return client


def test_signed_out_header_has_no_navigation_and_no_logout() -> None:
    header = _header(_client().get(reverse("login")).content.decode())
    assert "<nav>" not in header
    assert 'class="keluar"' not in header
    assert 'value="id" aria-pressed="true">ID</button>' in header


@pytest.mark.parametrize(("role", "muat"), [("admin", True), ("pimpinan", False)])
def test_navigation_shows_the_upload_link_only_to_who_may_load(
    cast: Cast, role: str, muat: bool
) -> None:
    header = _header(_client(cast.users[role]).get(reverse("beranda")).content.decode())
    assert f'href="{reverse("pegawai_daftar")}">Pegawai</a>' in header
    assert f'href="{reverse("talenta_dasbor")}">Talenta</a>' in header
    assert (f'href="{reverse("pegawai_unggah")}"' in header) is muat


def test_header_speaks_the_chosen_language(cast: Cast) -> None:
    header = _header(_client(cast.users["admin"], "en").get(reverse("beranda")).content.decode())
    assert ">Employees</a>" in header and ">Talent</a>" in header
    assert ">Pegawai</a>" not in header
    assert '<button type="submit">Sign out</button>' in header
    assert 'value="en" aria-pressed="true">EN</button>' in header
    assert 'value="id">ID</button>' in header


def test_user_name_and_return_path_are_escaped(cast: Cast) -> None:
    user = cast.users["admin"]
    user.username = '<b>"admin"</b>'
    user.save(update_fields=["username"])
    response = _client(user).get(reverse("pegawai_daftar") + '?cari="><script>')
    header = _header(response.content.decode())
    assert "<b>" not in header and "<script>" not in header
    assert "<span>&lt;b&gt;&quot;admin&quot;&lt;/b&gt;</span>" in header
    assert 'value="/pegawai/?cari=%22%3E%3Cscript%3E"' in header


def test_the_header_forms_carry_a_working_csrf_token(cast: Cast) -> None:
    client = _client(cast.users["admin"])
    header = _header(client.get(reverse("beranda")).content.decode())
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', header)
    assert len(tokens) == 2
    # The logout form posts with the header's token (CSRF checks enforced).
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": tokens[1]})
    assert response.status_code == 302
    assert client.get(reverse("beranda")).status_code == 302
