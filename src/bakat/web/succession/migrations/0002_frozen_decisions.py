"""Refuse UPDATE on endorsed slates: a decision is superseded by a new row, never edited
(the model refuses it too; the trigger also covers ``QuerySet.update`` and raw SQL)."""

from __future__ import annotations

from django.db import migrations

from bakat.web.db_triggers import operasi

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


class Migration(migrations.Migration):
    dependencies = [("succession", "0001_initial")]
    operations = [operasi(CREATE, DROP, "frozen-slate")]
