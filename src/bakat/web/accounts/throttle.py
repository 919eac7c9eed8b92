"""Login slowing per (account, address): never a lockout.

After ``LOGIN_FREE_FAILURES`` failed attempts for one username from one address, the
next attempt must wait ``2 ** (failures - free)`` seconds (capped at
``LOGIN_MAX_DELAY_SECONDS``) after the last failure; an attempt that comes sooner is
refused without checking the password. The real user at another address is never
slowed by an attacker, and waiting always lets one try again, so an attacker cannot
lock anyone out. A success clears the counter.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from bakat.web.accounts.models import LoginThrottle


def throttle_key(username: str, address: str) -> str:
    """The stored key: SHA-256 of the case-folded username and the address."""
    return hashlib.sha256(f"{username.casefold()}\x1f{address}".encode()).hexdigest()


def delay_for(failures: int) -> timedelta:
    """The wait after ``failures`` consecutive failures (zero while they are free)."""
    free = int(settings.LOGIN_FREE_FAILURES)
    if failures < free:
        return timedelta(0)
    seconds = min(2 ** (failures - free), int(settings.LOGIN_MAX_DELAY_SECONDS))
    return timedelta(seconds=seconds)


def seconds_to_wait(username: str, address: str, *, now: datetime) -> int:
    """Whole seconds before this pair may try again (0: it may try now)."""
    row = LoginThrottle.objects.filter(pk=throttle_key(username, address)).first()
    if row is None:
        return 0
    remaining = row.last_failure + delay_for(row.failures) - now
    return max(0, int(remaining.total_seconds() + 0.999))


def record_failure(username: str, address: str, *, now: datetime) -> None:
    """Count one failed attempt for this pair."""
    key = throttle_key(username, address)
    with transaction.atomic():
        row, _created = LoginThrottle.objects.get_or_create(
            pk=key, defaults={"failures": 0, "last_failure": now}
        )
        row.failures += 1
        row.last_failure = now
        row.save(update_fields=["failures", "last_failure"])


def record_success(username: str, address: str) -> None:
    """Clear the counter of this pair.

    Almost every success has no counter: a primary-key read first keeps those from
    taking the database's write lock (SQLite has one writer at a time)."""
    rows = LoginThrottle.objects.filter(pk=throttle_key(username, address))
    if rows.exists():
        rows.delete()
