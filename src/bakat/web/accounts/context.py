"""Template context: the signed-in user's roles, for the navigation."""

from __future__ import annotations

from django.http import HttpRequest

from bakat.web.accounts.access import akses_untuk


def peran(request: HttpRequest) -> dict[str, object]:
    """``akses``: what the signed-in user may do (None when signed out)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"akses": None}
    return {"akses": akses_untuk(user)}
