"""Starting Django for the commands that need the database (imported only inside
those commands' functions, so that file-only commands never load Django)."""

from __future__ import annotations

import os


def setup_django(*, migrate: bool = True) -> None:
    """Configure Django with bakat's settings and bring the schema up to date."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakat.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    if migrate:
        call_command("migrate", verbosity=0, interactive=False)
