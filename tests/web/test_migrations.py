"""The migrations match the models (a model change without its migration fails here)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


def test_no_model_change_lacks_a_migration(db: None) -> None:
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:  # makemigrations --check exits 1 when one is missing
        pytest.fail(f"missing migration: {out.getvalue()} ({exc})")
