"""Writes of the talent pages. Each is a named service with keyword-only arguments and
an explicit actor, runs in one transaction and appends its audit event in it
(architecture.md conventions 4 and 5)."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
from django.db import transaction
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.domain.jenjang import Jenjang, bup, tanggal_pensiun
from bakat.domain.policy import PRESET_BAKU, Policy, load_policy
from bakat.engine.mapping.job import MappingResult, run_mapping
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import User
from bakat.web.audit.chain import Subjek, perubahan_dari, record_event
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja
from bakat.web.personnel.sources import last_load_folder
from bakat.web.talent.kalibrasi import DitolakError, populasi
from bakat.web.talent.models import (
    KeputusanTinjauan,
    LayarPemetaan,
    Penempatan,
    PermintaanTinjauan,
    PlacementRun,
    Relasi,
    SesiKalibrasi,
    StatusSesi,
    StatusTinjauan,
)
from bakat.web.talent.recusal import is_recused
from bakat.web.talent.selectors import ANTREAN_TINJAUAN
from bakat.web.talent.sumber import DataPemetaan, baca_data

#: Columns of ``pemetaan`` kept as model fields; every other column goes to ``rincian``.
_KOLOM_TETAP = frozenset(
    {"nip", "instansi", "unit_kerja", "jenjang_jabatan", "terpetakan", "alasan"}
    | {"level_kinerja", "level_potensi", "kotak"}
)
_BATCH = 2000
#: A written reason says something (as for a request and a calibration proposal).
MINIMAL_ALASAN = 10


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON (and PostgreSQL's jsonb) has no NaN
    return value


def _baris_layar(frame: pl.DataFrame, instansi: Instansi) -> list[dict[str, Any]]:
    """The rows of a screen (``kalibrasi`` or ``keadilan``) of ``instansi``, as JSON
    objects in the engine's order (the ``instansi`` column dropped)."""
    if "instansi" in frame.columns:
        frame = frame.filter(pl.col("instansi") == instansi.kode).drop("instansi")
    return [{k: _json(v) for k, v in row.items()} for row in frame.iter_rows(named=True)]


def refresh_placements(
    *,
    actor: User | None,
    instansi: Instansi,
    folder: Path | None = None,
    as_of: date,
    policy_name: str = PRESET_BAKU,
) -> PlacementRun:
    """Map ``instansi``'s employees with the engine and store the run (older runs are
    kept). ``folder`` defaults to the stored source files of the agency's last load.
    The agency's relations (``relasi`` table, for recusal) are replaced from the same
    folder when it has one."""
    kebijakan = load_policy(policy_name)
    if folder is None:
        with last_load_folder(instansi) as sumber:
            dibaca = baca_data(sumber)
    else:
        dibaca = baca_data(folder)
    hasil = run_mapping(dibaca.data, as_of=as_of, policy=kebijakan)
    return store_placements(
        actor=actor, instansi=instansi, dibaca=dibaca, hasil=hasil, as_of=as_of, policy=kebijakan
    )


def store_placements(
    *,
    actor: User | None,
    instansi: Instansi,
    dibaca: DataPemetaan,
    hasil: MappingResult,
    as_of: date,
    policy: Policy,
) -> PlacementRun:
    """Store the mapping ``hasil`` of ``dibaca`` for ``instansi`` as a new run, with its
    relations and one audit event (``talenta.dipetakan``)."""
    kebijakan = policy
    pemetaan = hasil.pemetaan
    if "instansi" in pemetaan.columns:
        pemetaan = pemetaan.filter(
            pl.col("instansi").is_null() | (pl.col("instansi") == instansi.kode)
        )
    if pemetaan.height == 0:
        raise InputError("tidak ada pegawai untuk dipetakan / no employees to map")
    pool = {
        row["nip"]: row
        for row in hasil.kelompok_talenta.select(
            "nip", "masuk", "alasan_pengecualian", "tanggal_pensiun"
        ).iter_rows(named=True)
    }
    pegawai_ids: dict[str, int] = {}
    lahir: dict[str, date] = {}
    nama: dict[str, str] = {}
    for nip, pk, tanggal_lahir, nama_pegawai in Pegawai.objects.filter(
        instansi=instansi
    ).values_list("nip", "pk", "tanggal_lahir", "nama"):
        pegawai_ids[nip] = pk
        nama[nip] = nama_pegawai
        if tanggal_lahir is not None:
            lahir[nip] = tanggal_lahir
    unit_ids = dict(UnitKerja.objects.filter(instansi=instansi).values_list("kode", "pk"))
    per_kotak: Counter[str] = Counter()
    per_alasan: Counter[str] = Counter()
    rows: list[Penempatan] = []
    for row in pemetaan.iter_rows(named=True):
        kotak = row["kotak"]
        if row["terpetakan"]:
            per_kotak[str(kotak)] += 1
        else:
            per_alasan[str(row["alasan"] or "")] += 1
        anggota = pool.get(row["nip"])
        rincian = {k: _json(v) for k, v in row.items() if k not in _KOLOM_TETAP}
        if anggota is not None:
            rincian["tanggal_pensiun"] = _json(anggota["tanggal_pensiun"])
        rows.append(
            Penempatan(
                instansi=instansi,
                pegawai_id=pegawai_ids.get(row["nip"]),
                unit_id=unit_ids.get(row["unit_kerja"] or ""),
                nip=row["nip"],
                jenjang_jabatan=row["jenjang_jabatan"] or "",
                terpetakan=bool(row["terpetakan"]),
                alasan=row["alasan"] or "",
                level_kinerja=row["level_kinerja"] or "",
                level_potensi=row["level_potensi"] or "",
                kotak=int(kotak) if kotak is not None else None,
                rincian=rincian,
                dalam_kelompok=bool(anggota and anggota["masuk"]),
                alasan_pengecualian=(anggota or {}).get("alasan_pengecualian") or "",
                tanggal_pensiun=_pensiun(lahir.get(row["nip"]), row["jenjang_jabatan"]),
                nama=nama.get(row["nip"], ""),
            )
        )
    with transaction.atomic():
        run = PlacementRun.objects.create(
            instansi=instansi,
            dibuat_pada=timezone.now(),
            as_of=as_of,
            kebijakan=kebijakan.id,
            versi_kebijakan=kebijakan.versi,
            sidik_kebijakan=kebijakan.fingerprint(),
            sidik_masukan=dibaca.sidik,
            jumlah_pegawai=len(rows),
            terpetakan=sum(per_kotak.values()),
            kelompok_talenta=sum(1 for r in rows if r.dalam_kelompok),
            per_kotak=dict(sorted(per_kotak.items())),
            per_alasan=dict(sorted(per_alasan.items())),
        )
        LayarPemetaan.objects.create(
            run=run,
            kalibrasi=_baris_layar(hasil.kalibrasi, instansi),
            keadilan=_baris_layar(hasil.keadilan, instansi),
        )
        for r in rows:
            r.run = run
        Penempatan.objects.bulk_create(rows, batch_size=_BATCH)
        jumlah_relasi = _ganti_relasi(instansi, dibaca.relasi)
        record_event(
            actor=actor,
            instansi=instansi,
            jenis="talenta.dipetakan",
            subjek=Subjek("talent.placementrun", str(run.pk)),
            perubahan={
                "as_of": as_of.isoformat(),
                "kebijakan": f"{kebijakan.id} {kebijakan.versi}",
                "sidik_kebijakan": run.sidik_kebijakan,
                "sidik_masukan": run.sidik_masukan,
                "jumlah_pegawai": run.jumlah_pegawai,
                "terpetakan": run.terpetakan,
                "kelompok_talenta": run.kelompok_talenta,
                "relasi": jumlah_relasi,
            },
            alasan="pemetaan Nine Box oleh mesin / Nine Box mapping by the engine",
        )
    return run


def _pensiun(lahir: date | None, jenjang: str | None) -> date | None:
    """The retirement date at the BUP of ``jenjang`` (PP 11/2017 Pasal 239; UU 20/2023
    Pasal 55), None when the birth date or the grade is unknown."""
    if lahir is None or jenjang is None or jenjang not in Jenjang.__members__:
        return None
    return tanggal_pensiun(lahir, bup(Jenjang(jenjang)))


def _ganti_relasi(instansi: Instansi, relasi: pl.DataFrame | None) -> int | None:
    """Replace the agency's relations by the folder's (kept as they are without one)."""
    if relasi is None:
        return None
    Relasi.objects.filter(instansi=instansi).delete()
    rows = [
        Relasi(instansi=instansi, nip_a=a, nip_b=b, hubungan=str(h or ""))
        for a, b, h in relasi.iter_rows()
        if a and b
    ]
    Relasi.objects.bulk_create(rows, batch_size=_BATCH)
    return len(rows)


def catat_pembacaan(*, actor: User, pegawai: Pegawai, jenis: str = "talenta.kartu_dibaca") -> None:
    """Record that ``actor`` read ``pegawai``'s talent data (UU 27/2022: access to
    personal data is accountable)."""
    with transaction.atomic():
        record_event(
            actor=actor,
            instansi=pegawai.instansi,
            jenis=jenis,
            subjek=Subjek("personnel.pegawai", str(pegawai.pk)),
        )


def ajukan_tinjauan(*, actor: User, pegawai: Pegawai, alasan: str) -> PermintaanTinjauan:
    """The employee asks the talent committee to review their placement (UU 27/2022
    Pasal 10: the right to object to a decision based on automated processing)."""
    alasan = alasan.strip()
    if len(alasan) < MINIMAL_ALASAN:
        raise InputError("alasan wajib diisi (minimal 10 karakter) / a reason is required")
    penempatan = (
        Penempatan.objects.filter(pegawai=pegawai).order_by("-run__dibuat_pada", "-run_id").first()
    )
    with transaction.atomic():
        permintaan = PermintaanTinjauan.objects.create(
            instansi=pegawai.instansi,
            pegawai=pegawai,
            penempatan=penempatan,
            pemohon=actor,
            alasan=alasan,
            diajukan_pada=timezone.now(),
        )
        record_event(
            actor=actor,
            instansi=pegawai.instansi,
            jenis="talenta.tinjauan_diajukan",
            subjek=Subjek("talent.permintaantinjauan", str(permintaan.pk)),
            perubahan={
                "pegawai": pegawai.nip,
                "penempatan": penempatan.pk if penempatan else None,
                "kotak": penempatan.kotak if penempatan else None,
            },
            alasan=alasan,
        )
    return permintaan


def tanggapi_tinjauan(
    *,
    actor: User,
    permintaan: PermintaanTinjauan,
    keputusan: str,
    tanggapan: str,
    sesi: SesiKalibrasi | None = None,
) -> PermintaanTinjauan:
    """The talent committee (or the HR admin) of the person's agency answers a review
    request once, with an outcome and a written reason (UU 27/2022 Pasal 10: every
    decision about a person is a human's, recorded with a reason). A member related to
    the person is refused (``recusal``; anti-nepotism guidance, domain.md §5.2).

    ``keputusan``: ``tetap`` (the placement stands), ``dibawa_ke_kalibrasi`` (the case
    goes to a calibration session; ``sesi``, when given, must be open and cover the
    person in its run and unit subtree) or ``dikoreksi_data`` (the data were wrong and a
    correction was raised; only recorded here). The computed placement never changes.
    """
    try:
        hasil = KeputusanTinjauan(keputusan)
    except ValueError:
        raise InputError("keputusan tidak dikenal / unknown outcome") from None
    tanggapan = tanggapan.strip()
    if len(tanggapan) < MINIMAL_ALASAN:
        raise InputError(
            "tanggapan tertulis wajib diisi (minimal 10 karakter) / a written reason is required"
        )
    pegawai = permintaan.pegawai
    if not akses_untuk(actor).mencakup(ANTREAN_TINJAUAN, pegawai):
        raise DitolakError("hanya komite talenta instansi / only the agency's talent committee")
    if is_recused(actor, pegawai):
        raise DitolakError("anggota terkait dengan pegawai ini / member is recused")
    if sesi is not None:
        if hasil is not KeputusanTinjauan.DIBAWA_KE_KALIBRASI:
            raise InputError("sesi hanya untuk keputusan kalibrasi / a session needs that outcome")
        if (
            sesi.instansi_id != permintaan.instansi_id
            or sesi.status != StatusSesi.DIBUKA
            or not populasi(sesi).filter(pegawai=pegawai).exists()
        ):
            raise InputError(
                "sesi harus dibuka dan mencakup pegawai ini / the session must be open and cover"
                " the person"
            )
    with transaction.atomic():
        permintaan = PermintaanTinjauan.objects.select_for_update().get(pk=permintaan.pk)
        if permintaan.status != StatusTinjauan.DIAJUKAN:
            raise DitolakError("permintaan sudah ditanggapi / the request was already answered")
        sebelum = {"status": StatusTinjauan.DIAJUKAN.value, "keputusan": None, "sesi": None}
        permintaan.status = StatusTinjauan.DITANGGAPI
        permintaan.keputusan = hasil.value
        permintaan.tanggapan = tanggapan
        permintaan.ditanggapi_oleh = actor
        permintaan.ditanggapi_pada = timezone.now()
        permintaan.sesi = sesi
        permintaan.save(
            update_fields=[
                "status",
                "keputusan",
                "tanggapan",
                "ditanggapi_oleh",
                "ditanggapi_pada",
                "sesi",
            ]
        )
        sesudah = {
            "status": StatusTinjauan.DITANGGAPI.value,
            "keputusan": hasil.value,
            "sesi": sesi.pk if sesi is not None else None,
        }
        record_event(
            actor=actor,
            instansi=permintaan.instansi,
            jenis="talenta.tinjauan_ditanggapi",
            subjek=Subjek("talent.permintaantinjauan", str(permintaan.pk)),
            perubahan={"pegawai": pegawai.nip, **perubahan_dari(sebelum, sesudah)},
            alasan=tanggapan,
            waktu=permintaan.ditanggapi_pada,
        )
    return permintaan


def catat_unduhan(*, actor: User, pegawai: Pegawai) -> None:
    """Record that the employee downloaded their own record."""
    catat_pembacaan(actor=actor, pegawai=pegawai, jenis="talenta.rekam_diunduh")
