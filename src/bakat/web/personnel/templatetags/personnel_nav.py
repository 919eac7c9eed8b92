"""Template filters of the personnel pages: which links the navigation shows."""

from __future__ import annotations

from django import template

from bakat.web.accounts.access import Akses
from bakat.web.personnel.views_upload import MUAT_DATA

register = template.Library()


@register.filter
def boleh_muat(akses: object) -> bool:
    """Whether the user may load data (the upload page); False without ``akses``."""
    return isinstance(akses, Akses) and akses.punya(MUAT_DATA)
