"""The personnel app."""

from __future__ import annotations

from django.apps import AppConfig


class PersonnelConfig(AppConfig):
    name = "bakat.web.personnel"
    label = "personnel"
    default_auto_field = "django.db.models.BigAutoField"
