"""The succession app: stored succession runs (target posts, ranked candidates,
exclusions), the committee's slate decisions, and the ``/suksesi/`` pages."""

from __future__ import annotations

from django.apps import AppConfig


class SuccessionConfig(AppConfig):
    name = "bakat.web.succession"
    label = "succession"
    default_auto_field = "django.db.models.BigAutoField"
