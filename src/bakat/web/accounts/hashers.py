"""Argon2id password hashing with costs from the settings (t=2, m=19 MiB, p=1 at least,
the OWASP password-storage minimum; raise them through the environment)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher


class BakatArgon2Hasher(Argon2PasswordHasher):
    """Django's Argon2id hasher with our cost parameters.

    Stored hashes carry their own parameters, so raising a cost upgrades each password
    at its next sign-in (Django's ``must_update``) without breaking older hashes.
    """

    algorithm = "argon2"

    def __init__(self) -> None:
        self.time_cost = int(settings.ARGON2_TIME_COST)
        self.memory_cost = int(settings.ARGON2_MEMORY_COST_KIB)
        self.parallelism = int(settings.ARGON2_PARALLELISM)
