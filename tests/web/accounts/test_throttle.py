"""Login slowing per (account, address): waits grow after repeated failures, never a
lockout; another address is not slowed; a success clears the counter."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bakat.web.accounts import throttle
from tests.web.conftest import PASSWORD, Cast


def _login(password: str, address: str = "10.0.0.1") -> Client:
    client = Client(REMOTE_ADDR=address)
    client.post(reverse("login"), {"username": "admin", "password": password})
    return client


def _signed_in(client: Client) -> bool:
    return client.get(reverse("beranda")).status_code == 200


@pytest.mark.parametrize(
    ("failures", "seconds"), [(0, 0), (2, 0), (3, 1), (4, 2), (7, 16), (40, 300)]
)
def test_the_wait_doubles_after_the_free_failures_up_to_the_cap(
    db: None, failures: int, seconds: int
) -> None:
    assert throttle.delay_for(failures) == timedelta(seconds=seconds)


def test_repeated_failures_slow_down_even_the_right_password(cast: Cast) -> None:
    for _ in range(3):
        _login("salah")
    assert not _signed_in(_login(PASSWORD))


def test_another_address_is_not_slowed(cast: Cast) -> None:
    for _ in range(5):
        _login("salah")
    assert _signed_in(_login(PASSWORD, address="10.0.0.2"))


def test_after_the_wait_the_user_can_sign_in_and_the_counter_clears(cast: Cast) -> None:
    for _ in range(4):
        _login("salah")
    key = throttle.throttle_key("admin", "10.0.0.1")
    row = throttle.LoginThrottle.objects.get(pk=key)
    row.last_failure = timezone.now() - timedelta(minutes=10)
    row.save()
    assert _signed_in(_login(PASSWORD))
    assert not throttle.LoginThrottle.objects.filter(pk=key).exists()


def test_neither_username_nor_address_is_stored_in_clear(cast: Cast) -> None:
    _login("salah")
    (row,) = throttle.LoginThrottle.objects.all()
    assert "admin" not in row.key and "10.0.0.1" not in row.key
