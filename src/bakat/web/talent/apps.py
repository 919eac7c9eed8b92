"""The talent app: Nine Box placements computed by the engine, the talent pages
(dashboard, grid, talent card, the employee's own view), recusal and calibration
sessions. See docs/web-talent.md."""

from __future__ import annotations

from django.apps import AppConfig


class TalentConfig(AppConfig):
    name = "bakat.web.talent"
    label = "talent"
    default_auto_field = "django.db.models.BigAutoField"
