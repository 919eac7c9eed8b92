"""Personal API tokens: only the SHA-256 of the secret is stored (the secret is shown
once, at creation)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bakat.web.accounts.models import User


class ApiToken(models.Model):
    """A bearer token acting as its user (same roles, same scope)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nama"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    #: The first characters of the secret, to recognise a token in a list.
    prefix = models.CharField(max_length=16)
    created = models.DateTimeField(_("dibuat"))
    last_used = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    expires = models.DateTimeField(_("kedaluwarsa"), null=True, blank=True)
    revoked = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("token API")

    def __str__(self) -> str:
        return f"apitoken:{self.pk}"
