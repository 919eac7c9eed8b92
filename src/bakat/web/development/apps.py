"""The development app: the stored development files of a succession run (IDP, 20 JP
compliance, rotation, retention, retirement forecast) and the ``/pengembangan/`` pages."""

from __future__ import annotations

from django.apps import AppConfig


class DevelopmentConfig(AppConfig):
    name = "bakat.web.development"
    label = "development"
    default_auto_field = "django.db.models.BigAutoField"
