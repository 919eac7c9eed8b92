"""An index for the worklist's severity filter: the findings of one agency and severity
in page order (``aturan``, ``nip``), which also answers the count per severity from the
index alone. Plain SQL that both SQLite and PostgreSQL accept."""

from __future__ import annotations

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql=(
                "CREATE INDEX IF NOT EXISTS quality_temuan_tingkat_urutan "
                "ON quality_temuan (instansi_id, tingkat, aturan, nip)"
            ),
            reverse_sql="DROP INDEX IF EXISTS quality_temuan_tingkat_urutan",
        )
    ]
