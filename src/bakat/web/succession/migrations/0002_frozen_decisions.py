"""Refuse UPDATE on endorsed slates: a decision is superseded by a new row, never edited
(the model refuses it too; the trigger also covers ``QuerySet.update`` and raw SQL)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

TABLE = "succession_keputusanslate"
MESSAGE = "endorsed slate is frozen"

CREATE = {
    "sqlite": (
        f"CREATE TRIGGER keputusanslate_no_update BEFORE UPDATE ON {TABLE} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    ),
    "postgresql": (
        "CREATE OR REPLACE FUNCTION keputusanslate_frozen() RETURNS trigger AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql;",
        f"CREATE TRIGGER keputusanslate_no_update BEFORE UPDATE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION keputusanslate_frozen();",
    ),
}
DROP = {
    "sqlite": ("DROP TRIGGER IF EXISTS keputusanslate_no_update;",),
    "postgresql": (
        f"DROP TRIGGER IF EXISTS keputusanslate_no_update ON {TABLE};",
        "DROP FUNCTION IF EXISTS keputusanslate_frozen();",
    ),
}


def _run(schema_editor: Any, sql: dict[str, tuple[str, ...]]) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in sql:
        raise RuntimeError(f"no frozen-slate trigger for database vendor {vendor!r}")
    for statement in sql[vendor]:
        schema_editor.execute(statement)


def create(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, CREATE)


def drop(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, DROP)


class Migration(migrations.Migration):
    dependencies = [("succession", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
