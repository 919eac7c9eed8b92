"""The sign-in form with login slowing (bakat.web.accounts.throttle)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext as _

from bakat.web.accounts import throttle


def alamat(request: Any) -> str:
    """The client address used in the throttle key."""
    return str(getattr(request, "META", {}).get("REMOTE_ADDR", "") or "")


class MasukForm(AuthenticationForm):
    """Django's authentication form, refusing an attempt that comes too soon after
    repeated failures for the same account and address (without checking the password)."""

    def clean(self) -> dict[str, Any]:
        username = str(self.data.get("username", ""))
        address = alamat(self.request)
        now = timezone.now()
        wait = throttle.seconds_to_wait(username, address, now=now)
        if wait > 0:
            raise forms.ValidationError(
                _("Terlalu banyak percobaan gagal. Coba lagi dalam %(detik)d detik.")
                % {"detik": wait},
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(username, address, now=now)
            raise
        throttle.record_success(username, address)
        return cleaned
