"""Creating, revoking and checking API tokens (each change audited).

A token is ``bakat_`` followed by 32 random bytes (URL-safe base64); the database keeps
only its SHA-256, so a leaked database does not leak usable tokens (UU 27/2022 Pasal 35:
the controller protects personal data against unauthorised access).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.web.accounts.models import Penugasan, User
from bakat.web.api.models import ApiToken
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.personnel.models import Instansi

AWALAN = "bakat_"
#: ``last_used`` is written at most once per this interval (not on every request).
INTERVAL_PAKAI = timedelta(minutes=1)


@dataclass(frozen=True)
class TokenBaru:
    token: ApiToken
    #: The secret, to be shown once; it cannot be recovered later.
    rahasia: str


def sidik(rahasia: str) -> str:
    """The stored SHA-256 (hex) of a token secret."""
    return hashlib.sha256(rahasia.encode()).hexdigest()


def _instansi(user: User) -> Instansi | None:
    """The agency whose audit chain records events about ``user``'s tokens."""
    row = Penugasan.objects.filter(user=user, instansi__isnull=False).order_by("pk").first()
    return row.instansi if row is not None else None


def buat_token(
    *,
    actor: User | None,
    user: User,
    name: str,
    expires: datetime | None = None,
    now: datetime | None = None,
) -> TokenBaru:
    """Create a token for ``user`` (audited); the secret is returned once."""
    name = name.strip()
    if not name:
        raise InputError("nama token wajib diisi / a token name is required")
    now = now or timezone.now()
    if expires is not None and expires <= now:
        raise InputError("tanggal kedaluwarsa harus di masa depan / expiry must be in the future")
    rahasia = AWALAN + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name[:100],
            token_hash=sidik(rahasia),
            prefix=rahasia[: len(AWALAN) + 4],
            created=now,
            expires=expires,
        )
        record_event(
            actor=actor,
            instansi=_instansi(user),
            jenis="api.token_dibuat",
            subjek=Subjek("api.apitoken", str(token.pk)),
            perubahan={
                "user": [None, user.username],
                "nama": [None, token.name],
                "kedaluwarsa": [None, expires.isoformat() if expires else None],
            },
        )
    return TokenBaru(token, rahasia)


def cabut_token(*, actor: User | None, token: ApiToken, now: datetime | None = None) -> None:
    """Revoke ``token`` (audited); revoking twice changes nothing."""
    if token.revoked is not None:
        return
    token.revoked = now or timezone.now()
    with transaction.atomic():
        token.save(update_fields=["revoked"])
        record_event(
            actor=actor,
            instansi=_instansi(token.user),
            jenis="api.token_dicabut",
            subjek=Subjek("api.apitoken", str(token.pk)),
        )


def token_berlaku(rahasia: str, now: datetime | None = None) -> ApiToken | None:
    """The active token with this secret (None when unknown, revoked, expired, or its
    user is inactive); records when it was last used."""
    if not rahasia.startswith(AWALAN) or len(rahasia) > 100:
        return None
    now = now or timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=sidik(rahasia), revoked__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.expires is not None and token.expires <= now:
        return None
    if token.last_used is None or now - token.last_used >= INTERVAL_PAKAI:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token
