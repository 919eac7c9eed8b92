import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("talent", "0005_penempatan_nama"),
    ]

    operations = [
        migrations.CreateModel(
            name="LayarPemetaan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kalibrasi",
                    models.JSONField(default=list, verbose_name="statistik kalibrasi"),
                ),
                ("keadilan", models.JSONField(default=list, verbose_name="skrining keadilan")),
                (
                    "run",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="layar",
                        to="talent.placementrun",
                    ),
                ),
            ],
            options={
                "verbose_name": "layar pemetaan",
                "verbose_name_plural": "layar pemetaan",
            },
        ),
    ]
