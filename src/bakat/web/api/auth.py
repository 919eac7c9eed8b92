"""Bearer-token authentication and per-token throttling of the API.

The request's user becomes the token's user, so every selector applies that user's
roles and scope (bakat.web.accounts.access) exactly as in the HTML pages.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from bakat.web.api.models import ApiToken
from bakat.web.api.tokens import token_berlaku

#: Requests per token (or per address before authentication); ``BAKAT_API_RATE``.
RATE_BAWAAN = "600/m"


class TokenAuth(HttpBearer):
    """``Authorization: Bearer bakat_...``; 401 when missing, unknown, revoked or expired."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_berlaku(token.strip())
        if found is None:
            return None
        request.user = found.user
        return found


class TokenThrottle(AuthRateThrottle):
    """A sliding window per token; the rate is read from the settings on each request
    (``BAKAT_API_RATE``, e.g. ``600/m``), so an operator can change it without code."""

    scope = "bakat_api"

    def __init__(self) -> None:
        super().__init__(RATE_BAWAAN)

    def allow_request(self, request: HttpRequest) -> bool:
        rate = str(getattr(settings, "BAKAT_API_RATE", RATE_BAWAAN))
        if rate != self.rate:
            self.rate = rate
            self.num_requests, self.duration = self.parse_rate(rate)
        allowed: Any = super().allow_request(request)
        return bool(allowed)
