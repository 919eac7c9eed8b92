"""Refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on the audit table."""

from __future__ import annotations

from typing import Any

from django.db import migrations

from bakat.web.audit.triggers import statements


def _run(schema_editor: Any, *, create: bool) -> None:
    for sql in statements(schema_editor.connection.vendor, create=create):
        schema_editor.execute(sql)


def create(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, create=True)


def drop(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, create=False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
