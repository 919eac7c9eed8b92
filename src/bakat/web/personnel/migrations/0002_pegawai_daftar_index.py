"""An index for the employee list: an agency's records in list order (``nama``, ``nip``)
with their unit, so that a page of a unit-scoped list is found in the index alone
(the unit-subtree filter needs ``unit_id``; the rows are then read by primary key).
Plain SQL that both SQLite and PostgreSQL accept."""

from __future__ import annotations

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("personnel", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql=(
                "CREATE INDEX IF NOT EXISTS personnel_pegawai_daftar_unit "
                "ON personnel_pegawai (instansi_id, nama, nip, unit_id)"
            ),
            reverse_sql="DROP INDEX IF EXISTS personnel_pegawai_daftar_unit",
        )
    ]
