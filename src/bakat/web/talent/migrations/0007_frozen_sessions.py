"""Freeze a closed calibration session in the database: its row is no longer updated,
and no proposal or member is added to it or changed (the services refuse these too; the
triggers also cover ``QuerySet.update`` and raw SQL). Rows are not deleted by the
application; deletion is left to the database's own maintenance (a test flush)."""

from __future__ import annotations

from django.db import migrations

from bakat.web.db_triggers import operasi

SESI = "talent_sesikalibrasi"
USULAN = "talent_usulanpindah"
ANGGOTA = "talent_sesikalibrasi_anggota"
MESSAGE = "closed calibration session is frozen"
_TUTUP = "'ditutup'"


def _sesi_tutup(kolom: str) -> str:
    return f"(SELECT status FROM {SESI} WHERE id = {kolom}) = {_TUTUP}"


CREATE = {
    "sqlite": (
        f"CREATE TRIGGER sesikalibrasi_frozen BEFORE UPDATE ON {SESI} "
        f"WHEN OLD.status = {_TUTUP} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
        f"CREATE TRIGGER usulanpindah_frozen_insert BEFORE INSERT ON {USULAN} "
        f"WHEN {_sesi_tutup('NEW.sesi_id')} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
        f"CREATE TRIGGER usulanpindah_frozen_update BEFORE UPDATE ON {USULAN} "
        f"WHEN {_sesi_tutup('OLD.sesi_id')} OR {_sesi_tutup('NEW.sesi_id')} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
        f"CREATE TRIGGER anggota_frozen_insert BEFORE INSERT ON {ANGGOTA} "
        f"WHEN {_sesi_tutup('NEW.sesikalibrasi_id')} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    ),
    "postgresql": (
        "CREATE OR REPLACE FUNCTION sesikalibrasi_frozen() RETURNS trigger AS $$ "
        f"BEGIN IF OLD.status = {_TUTUP} THEN RAISE EXCEPTION '{MESSAGE}'; END IF; "
        "RETURN NEW; END; $$ LANGUAGE plpgsql;",
        f"CREATE TRIGGER sesikalibrasi_frozen BEFORE UPDATE ON {SESI} "
        "FOR EACH ROW EXECUTE FUNCTION sesikalibrasi_frozen();",
        "CREATE OR REPLACE FUNCTION usulanpindah_frozen() RETURNS trigger AS $$ "
        f"BEGIN IF {_sesi_tutup('NEW.sesi_id')} OR (TG_OP = 'UPDATE' AND "
        f"{_sesi_tutup('OLD.sesi_id')}) THEN RAISE EXCEPTION '{MESSAGE}'; END IF; "
        "RETURN NEW; END; $$ LANGUAGE plpgsql;",
        f"CREATE TRIGGER usulanpindah_frozen BEFORE INSERT OR UPDATE ON {USULAN} "
        "FOR EACH ROW EXECUTE FUNCTION usulanpindah_frozen();",
        "CREATE OR REPLACE FUNCTION anggota_frozen() RETURNS trigger AS $$ "
        f"BEGIN IF {_sesi_tutup('NEW.sesikalibrasi_id')} THEN RAISE EXCEPTION '{MESSAGE}'; "
        "END IF; RETURN NEW; END; $$ LANGUAGE plpgsql;",
        f"CREATE TRIGGER anggota_frozen BEFORE INSERT ON {ANGGOTA} "
        "FOR EACH ROW EXECUTE FUNCTION anggota_frozen();",
    ),
}
DROP = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS sesikalibrasi_frozen;",
        "DROP TRIGGER IF EXISTS usulanpindah_frozen_insert;",
        "DROP TRIGGER IF EXISTS usulanpindah_frozen_update;",
        "DROP TRIGGER IF EXISTS anggota_frozen_insert;",
    ),
    "postgresql": (
        f"DROP TRIGGER IF EXISTS sesikalibrasi_frozen ON {SESI};",
        "DROP FUNCTION IF EXISTS sesikalibrasi_frozen();",
        f"DROP TRIGGER IF EXISTS usulanpindah_frozen ON {USULAN};",
        "DROP FUNCTION IF EXISTS usulanpindah_frozen();",
        f"DROP TRIGGER IF EXISTS anggota_frozen ON {ANGGOTA};",
        "DROP FUNCTION IF EXISTS anggota_frozen();",
    ),
}


class Migration(migrations.Migration):
    dependencies = [("talent", "0006_layar_pemetaan")]
    operations = [operasi(CREATE, DROP, "frozen-session")]
