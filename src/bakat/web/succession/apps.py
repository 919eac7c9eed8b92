"""The succession app: its models and pages arrive with the talent part of the web
application; the app is registered now so that migrations keep one order."""

from __future__ import annotations

from django.apps import AppConfig


class SuccessionConfig(AppConfig):
    name = "bakat.web.succession"
    label = "succession"
    default_auto_field = "django.db.models.BigAutoField"
