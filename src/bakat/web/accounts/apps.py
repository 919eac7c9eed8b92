"""Accounts: users, role assignments scoped to the unit tree, login slowing."""

from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bakat.web.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bakat.web.i18n import compile_catalogues

        compile_catalogues()
