"""Each placement keeps the person's retirement date at the run (BUP of the jenjang,
from the birth date), so that the dashboard counts retirements per year in the database;
existing placements get theirs from the current birth date."""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

from bakat.domain.jenjang import Jenjang, bup, tanggal_pensiun


def isi_tanggal_pensiun(apps: Any, schema_editor: Any) -> None:
    penempatan = apps.get_model("talent", "Penempatan")
    rows = penempatan.objects.filter(pegawai__tanggal_lahir__isnull=False).values_list(
        "pk", "jenjang_jabatan", "pegawai__tanggal_lahir"
    )
    changed = []
    for pk, jenjang, lahir in rows.iterator(chunk_size=2000):
        if jenjang in Jenjang.__members__:
            changed.append(
                penempatan(pk=pk, tanggal_pensiun=tanggal_pensiun(lahir, bup(Jenjang(jenjang))))
            )
    penempatan.objects.bulk_update(changed, ["tanggal_pensiun"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("personnel", "0002_pegawai_daftar_index"),
        ("talent", "0002_tinjauan_tanggapan"),
    ]

    operations = [
        migrations.AddField(
            model_name="penempatan",
            name="tanggal_pensiun",
            field=models.DateField(blank=True, null=True, verbose_name="tanggal pensiun"),
        ),
        migrations.AddIndex(
            model_name="penempatan",
            index=models.Index(
                fields=["run", "tanggal_pensiun"], name="talent_pene_run_id_aeb6a2_idx"
            ),
        ),
        migrations.RunPython(isi_tanggal_pensiun, migrations.RunPython.noop),
    ]
