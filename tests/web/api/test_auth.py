"""Token authentication: only an active token of an active user is accepted."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.web.api.models import ApiToken
from bakat.web.api.tokens import buat_token, cabut_token
from bakat.web.audit.models import AuditEvent
from tests.web.api.conftest import Api
from tests.web.conftest import Cast

URL = "/api/v1/penempatan/"


def _status(header: str | None) -> int:
    headers = {"Authorization": header} if header is not None else {}
    return Client().get(URL, headers=headers).status_code


def test_it_accepts_a_valid_token(api: Callable[[str], Api]) -> None:
    status, _body = api("admin").get("penempatan/")
    assert status == 200


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Bearer",
        "Bearer bakat_tidak-ada",
        "Bearer bukan-token",
        "Basic YWRtaW46a2F0YS1zYW5kaQ==",
        "Token {rahasia}",
    ],
)
def test_it_refuses_a_missing_or_unknown_token(token: dict[str, str], header: str | None) -> None:
    if header is not None:
        header = header.format(rahasia=token["admin"])
    assert _status(header) == 401


def test_it_refuses_a_revoked_token(cast: Cast) -> None:
    admin = cast.users["admin"]
    baru = buat_token(actor=admin, user=admin, name="dicabut")
    assert _status(f"Bearer {baru.rahasia}") == 200
    cabut_token(actor=admin, token=baru.token)
    assert _status(f"Bearer {baru.rahasia}") == 401


def test_it_refuses_an_expired_token(cast: Cast) -> None:
    admin = cast.users["admin"]
    now = timezone.now()
    baru = buat_token(actor=admin, user=admin, name="lama", expires=now + timedelta(hours=1))
    assert _status(f"Bearer {baru.rahasia}") == 200
    ApiToken.objects.filter(pk=baru.token.pk).update(expires=now - timedelta(seconds=1))
    assert _status(f"Bearer {baru.rahasia}") == 401


def test_it_refuses_the_token_of_a_deactivated_user(cast: Cast) -> None:
    admin = cast.users["admin"]
    baru = buat_token(actor=admin, user=admin, name="nonaktif")
    admin.is_active = False
    admin.save()
    assert _status(f"Bearer {baru.rahasia}") == 401


def test_it_stores_only_the_sha256_of_the_secret(cast: Cast) -> None:
    baru = buat_token(actor=None, user=cast.users["analis"], name="hash")
    row = ApiToken.objects.get(pk=baru.token.pk)
    assert row.token_hash == hashlib.sha256(baru.rahasia.encode()).hexdigest()
    values = ApiToken.objects.filter(pk=row.pk).values().first()
    assert values is not None
    stored = [str(v) for v in values.values()]
    assert baru.rahasia not in stored


def test_two_tokens_never_share_a_secret(cast: Cast) -> None:
    user = cast.users["analis"]
    a = buat_token(actor=None, user=user, name="a").rahasia
    b = buat_token(actor=None, user=user, name="b").rahasia
    assert a != b and len(a) > 40


def test_it_records_when_a_token_was_last_used(cast: Cast) -> None:
    baru = buat_token(actor=None, user=cast.users["admin"], name="dipakai")
    assert baru.token.last_used is None
    _status(f"Bearer {baru.rahasia}")
    baru.token.refresh_from_db()
    assert baru.token.last_used is not None


def test_creating_and_revoking_a_token_are_audited(cast: Cast) -> None:
    admin = cast.users["admin"]
    baru = buat_token(actor=admin, user=cast.users["analis"], name="audit")
    cabut_token(actor=admin, token=baru.token)
    cabut_token(actor=admin, token=baru.token)
    events = AuditEvent.objects.filter(subjek_tipe="api.apitoken", subjek_id=str(baru.token.pk))
    assert list(events.order_by("seq").values_list("jenis", "aktor_id", "instansi_id")) == [
        ("api.token_dibuat", admin.pk, cast.ins_a.pk),
        ("api.token_dicabut", admin.pk, cast.ins_a.pk),
    ]


@pytest.mark.parametrize("name", ["", "   "])
def test_it_refuses_a_token_without_a_name(cast: Cast, name: str) -> None:
    with pytest.raises(InputError):
        buat_token(actor=None, user=cast.users["admin"], name=name)


def test_it_refuses_an_expiry_in_the_past(cast: Cast) -> None:
    with pytest.raises(InputError):
        buat_token(
            actor=None,
            user=cast.users["admin"],
            name="lalu",
            expires=timezone.now() - timedelta(days=1),
        )


def test_it_throttles_a_token_beyond_its_rate(api: Callable[[str], Api], settings: object) -> None:
    settings.BAKAT_API_RATE = "3/m"  # type: ignore[attr-defined]
    client = api("admin")
    statuses = [client.get("penempatan/")[0] for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert api("analis").get("penempatan/")[0] == 200


def test_a_browser_session_is_not_a_token(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.users["admin"])
    assert client.get(URL).status_code == 401


def test_answers_are_never_cached(token: dict[str, str]) -> None:
    response = Client().get(URL, headers={"Authorization": f"Bearer {token['admin']}"})
    assert "no-store" in response["Cache-Control"]
