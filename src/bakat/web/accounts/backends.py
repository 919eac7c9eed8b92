"""The authentication backend: Django's model backend, with the user of a session read
together with their grants and data versions (:func:`~bakat.web.accounts.access.muat_pengguna`),
one query per request instead of three."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from bakat.web.accounts.access import muat_pengguna
from bakat.web.accounts.models import User


class BakatBackend(ModelBackend):
    """Sign-in and permissions as :class:`ModelBackend`; the session's user by one query."""

    def get_user(self, user_id: Any) -> User | None:
        user = muat_pengguna(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
