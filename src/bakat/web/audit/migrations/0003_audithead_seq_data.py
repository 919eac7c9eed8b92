"""The data version of each chain: the seq of its last event that changed data."""

from __future__ import annotations

from typing import Any

from django.db import migrations, models
from django.db.models import F


def isi(apps: Any, schema_editor: Any) -> None:
    # Existing chains: every past event counts as a change (the safe side for caches).
    apps.get_model("audit", "AuditHead").objects.update(seq_data=F("seq"))


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [
        migrations.AddField(
            model_name="audithead",
            name="seq_data",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.RunPython(isi, migrations.RunPython.noop),
    ]
