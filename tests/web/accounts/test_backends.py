"""The session's user read with their grants and data versions by one query: the same
user, grants and versions as the ORM and :func:`versi_data` give, for every request."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bakat.web.accounts.access import Akses, akses_untuk, muat_pengguna
from bakat.web.accounts.backends import BakatBackend
from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.page_cache import versi_data
from tests.web.conftest import Cast

pytestmark = pytest.mark.django_db


def _catat(cast: Cast) -> None:
    with transaction.atomic():
        record_event(
            actor=cast.users["admin"],
            instansi=cast.ins_a,
            jenis="data.dimuat",
            subjek=Subjek("personnel.instansi", str(cast.ins_a.pk)),
        )


@pytest.mark.parametrize("role", ["admin", "analis", "pegawai", "nasional"])
def test_the_user_grants_and_versions_match_the_orm(cast: Cast, role: str) -> None:
    _catat(cast)
    expected = User.objects.get(pk=cast.users[role].pk)
    expected.last_login = timezone.now()
    expected.save(update_fields=["last_login"])
    with CaptureQueriesContext(connection) as queries:
        user = BakatBackend().get_user(expected.pk)
    assert len(queries) == 1
    assert user is not None
    for f in User._meta.concrete_fields:
        assert getattr(user, f.attname) == getattr(expected, f.attname), f.name
    assert user.is_active is True and timezone.is_aware(user.last_login)
    akses = akses_untuk(user)
    ulang = Akses(user_id=expected.pk, grants=akses_untuk(expected).grants)
    assert akses == ulang and akses.grants == ulang.grants
    assert versi_data(akses) == versi_data(ulang)


def test_an_inactive_or_unknown_user_has_no_session_user(cast: Cast) -> None:
    user = cast.users["admin"]
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert BakatBackend().get_user(user.pk) is None
    assert BakatBackend().get_user(10**9) is None
    assert muat_pengguna(10**9) is None


def test_a_user_without_grants_is_loaded_without_grants(cast: Cast) -> None:
    user = get_user_model().objects.create_user(username="tanpa", password="x-y-z-123456")
    loaded = BakatBackend().get_user(user.pk)
    assert loaded is not None and akses_untuk(loaded).grants == ()
    assert versi_data(akses_untuk(loaded)) == ()


def test_a_revoked_grant_takes_effect_at_the_next_request(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.users["analis"])
    assert client.get(reverse("pegawai_detail", args=[cast.p_b.pk])).status_code == 200
    Penugasan.objects.filter(user=cast.users["analis"], peran=Peran.ANALIS).delete()
    assert client.get(reverse("pegawai_detail", args=[cast.p_b.pk])).status_code in (403, 404)


def test_a_changed_password_ends_the_other_sessions(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.users["admin"])
    assert client.get(reverse("pegawai_daftar")).status_code == 200
    user = User.objects.get(pk=cast.users["admin"].pk)
    user.set_password("sandi-baru-yang-panjang")
    user.save()
    response = client.get(reverse("pegawai_daftar"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_change_during_the_request_is_seen_by_the_next(cast: Cast) -> None:
    """The versions are those at the start of a request; the next request reads anew."""
    first = BakatBackend().get_user(cast.users["admin"].pk)
    assert first is not None
    before = versi_data(akses_untuk(first))
    _catat(cast)
    assert versi_data(akses_untuk(first)) == before
    second = BakatBackend().get_user(cast.users["admin"].pk)
    assert second is not None
    assert versi_data(akses_untuk(second)) != before
