"""Django's management commands for bakat: ``python -m bakat.web.manage COMMAND``."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run a Django management command with bakat's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakat.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
