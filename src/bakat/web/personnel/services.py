"""``load_data``: a data folder into the database, in one transaction, one audit event.

The folder is read, checked and reconciled first (``loading.baca_folder``): a malformed
file is refused with the reader's message (file, row, column) before anything is
written. The source files are copied into the content-addressed store, then employees,
units and positions are upserted by key, the previous results of the agency are replaced
by this run's findings, disparities and index, and one ``data.dimuat`` event records the
stored files' digests and the counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.domain.policy import PRESET_BAKU, load_policy
from bakat.web.accounts.models import User
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.personnel.loading import Bacaan, baca_folder
from bakat.web.personnel.models import Instansi, Muatan
from bakat.web.personnel.store import simpan
from bakat.web.personnel.writes import simpan_hasil, upsert_jabatan, upsert_pegawai, upsert_units


@dataclass(frozen=True)
class HasilMuat:
    """What one load did."""

    muatan_id: int
    instansi: str
    pegawai_baru: int
    pegawai_diubah: int
    temuan: int
    disparitas: int
    berkas: dict[str, str]


def _instansi(bacaan: Bacaan, kode: str | None, nama: str | None) -> tuple[str, str]:
    if kode:
        return kode, nama or kode
    column = bacaan.pegawai.get_column("instansi") if "instansi" in bacaan.pegawai.columns else None
    values = sorted(set(column.drop_nulls().to_list())) if column is not None else []
    if len(values) > 1:
        raise InputError(
            "satu muatan hanya untuk satu instansi: berkas berisi "
            f"{len(values)} instansi / one agency per load",
            file=str(bacaan.tabel["pegawai"].path),
            column="instansi",
        )
    if values:
        return str(values[0]), nama or str(values[0])
    roots = bacaan.units.filter(pl.col("induk").is_null())
    if roots.height == 1:
        row = roots.row(0, named=True)
        return str(row["unit_kerja"]), nama or str(row["unit_kerja_nama"] or row["unit_kerja"])
    return "INSTANSI", nama or "Instansi"


def load_data(
    *,
    actor: User | None,
    folder: Path,
    as_of: date,
    instansi_kode: str | None = None,
    instansi_nama: str | None = None,
    policy: str = PRESET_BAKU,
) -> HasilMuat:
    """Load ``folder`` for one agency (see the module docstring)."""
    kebijakan = load_policy(policy)
    bacaan = baca_folder(folder, as_of=as_of, policy=kebijakan)
    kode, nama = _instansi(bacaan, instansi_kode, instansi_nama)
    store = Path(settings.BAKAT_FILE_STORE)
    tersimpan = [simpan(path, store) for path in bacaan.berkas]
    berkas = {t.nama_asli: t.sha256 for t in tersimpan}
    with transaction.atomic():
        instansi, _created = Instansi.objects.get_or_create(kode=kode, defaults={"nama": nama})
        units = upsert_units(instansi, bacaan.units)
        baru, diubah = upsert_pegawai(instansi, bacaan.pegawai, units)
        if bacaan.jabatan is not None:
            upsert_jabatan(instansi, bacaan.jabatan, units)
        muatan = Muatan.objects.create(
            instansi=instansi, dimuat_pada=timezone.now(), as_of=as_of, berkas=berkas
        )
        jumlah_temuan, jumlah_disparitas = simpan_hasil(
            instansi, muatan, bacaan.check, bacaan.rekonsiliasi, units
        )
        perubahan: dict[str, Any] = {
            "berkas": berkas,
            "as_of": as_of.isoformat(),
            "kebijakan": f"{kebijakan.id} {kebijakan.versi}",
            "pegawai_baru": baru,
            "pegawai_diubah": diubah,
            "temuan": jumlah_temuan,
            "disparitas": jumlah_disparitas,
        }
        record_event(
            actor=actor,
            instansi=instansi,
            jenis="data.dimuat",
            subjek=Subjek("personnel.muatan", str(muatan.pk)),
            perubahan=perubahan,
            alasan=f"muat {folder.name}",
        )
    # Fresh planner statistics after a bulk load (SQLite keeps none until asked): an
    # analyst's scoped employee count drops from ~10 ms to ~1.5 ms at 30,000 employees.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return HasilMuat(
        muatan_id=muatan.pk,
        instansi=kode,
        pegawai_baru=baru,
        pegawai_diubah=diubah,
        temuan=jumlah_temuan,
        disparitas=jumlah_disparitas,
        berkas=berkas,
    )
