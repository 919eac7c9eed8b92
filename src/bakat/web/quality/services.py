"""Correction requests, four-eyes: request -> decide (another person) -> apply.

Each step is a service with keyword-only arguments and an explicit actor, runs inside
``transaction.atomic`` and writes its audit event in the same transaction. The scope
checks here repeat the views' on purpose: a service is also called from the CLI.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.web.accounts.access import AJUKAN_KOREKSI, PUTUSKAN_KOREKSI, akses_untuk
from bakat.web.accounts.models import User
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.personnel.models import Pegawai
from bakat.web.quality.fields import baca_nilai, sebagai_teks
from bakat.web.quality.models import Koreksi, StatusKoreksi


def _subjek(koreksi: Koreksi) -> Subjek:
    return Subjek("quality.koreksi", str(koreksi.pk))


def request_correction(
    *,
    actor: User,
    pegawai: Pegawai,
    kolom: str,
    nilai_baru: str,
    alasan: str,
    now: datetime | None = None,
) -> Koreksi:
    """Ask for ``kolom`` of ``pegawai`` to become ``nilai_baru`` (with a reason)."""
    if not akses_untuk(actor).mencakup(AJUKAN_KOREKSI, pegawai):
        raise PermissionDenied
    if not alasan.strip():
        raise InputError("alasan wajib diisi / a reason is required", column="alasan")
    baru = sebagai_teks(baca_nilai(kolom, nilai_baru))
    lama = sebagai_teks(getattr(pegawai, kolom))
    if baru == lama:
        raise InputError("nilai baru sama dengan nilai lama / nothing changes", column=kolom)
    with transaction.atomic():
        koreksi = Koreksi.objects.create(
            instansi=pegawai.instansi,
            pegawai=pegawai,
            kolom=kolom,
            nilai_lama=lama,
            nilai_baru=baru,
            alasan=alasan.strip(),
            diajukan_oleh=actor,
            diajukan_pada=now or timezone.now(),
        )
        record_event(
            actor=actor,
            instansi=pegawai.instansi,
            jenis="koreksi.diajukan",
            subjek=_subjek(koreksi),
            perubahan={"pegawai": pegawai.nip, kolom: [lama, baru]},
            alasan=koreksi.alasan,
            waktu=koreksi.diajukan_pada,
        )
    return koreksi


def _decide(actor: User, koreksi: Koreksi) -> Koreksi:
    locked = (
        Koreksi.objects.select_for_update(of=("self",))
        .select_related("pegawai__unit")
        .get(pk=koreksi.pk)
    )
    if locked.status != StatusKoreksi.DIAJUKAN:
        raise InputError("permintaan ini sudah diputuskan / already decided", column="status")
    if locked.diajukan_oleh_id == actor.pk:
        raise PermissionDenied("empat mata: pemohon tidak boleh memutuskan / four-eyes")
    if not akses_untuk(actor).mencakup(PUTUSKAN_KOREKSI, locked.pegawai):
        raise PermissionDenied
    return locked


def approve_correction(
    *, actor: User, koreksi: Koreksi, catatan: str = "", now: datetime | None = None
) -> Koreksi:
    """A second person approves; the change is then applied in the same transaction."""
    with transaction.atomic():
        locked = _decide(actor, koreksi)
        locked.diputuskan_oleh = actor
        locked.diputuskan_pada = now or timezone.now()
        locked.catatan_keputusan = catatan.strip()
        record_event(
            actor=actor,
            instansi=locked.instansi,
            jenis="koreksi.disetujui",
            subjek=_subjek(locked),
            perubahan={
                "status": [StatusKoreksi.DIAJUKAN.value, StatusKoreksi.DITERAPKAN.value],
                "terlambat": locked.terlambat(now=locked.diputuskan_pada),
            },
            alasan=locked.catatan_keputusan,
            waktu=locked.diputuskan_pada,
        )
        apply_correction(actor=actor, koreksi=locked)
    return locked


def reject_correction(
    *, actor: User, koreksi: Koreksi, catatan: str, now: datetime | None = None
) -> Koreksi:
    """A second person rejects, with a reason."""
    if not catatan.strip():
        raise InputError("alasan penolakan wajib diisi / a reason is required", column="catatan")
    with transaction.atomic():
        locked = _decide(actor, koreksi)
        locked.status = StatusKoreksi.DITOLAK
        locked.diputuskan_oleh = actor
        locked.diputuskan_pada = now or timezone.now()
        locked.catatan_keputusan = catatan.strip()
        locked.save()
        record_event(
            actor=actor,
            instansi=locked.instansi,
            jenis="koreksi.ditolak",
            subjek=_subjek(locked),
            perubahan={
                "status": [StatusKoreksi.DIAJUKAN.value, StatusKoreksi.DITOLAK.value],
                "terlambat": locked.terlambat(now=locked.diputuskan_pada),
            },
            alasan=locked.catatan_keputusan,
            waktu=locked.diputuskan_pada,
        )
    return locked


def apply_correction(*, actor: User, koreksi: Koreksi) -> Pegawai:
    """Write an approved correction into the employee record (audited, old -> new).

    Refused when the record changed since the request (the stored old value no longer
    matches): the request must then be made again against the current value.
    """
    with transaction.atomic():
        pegawai = (
            Pegawai.objects.select_for_update(of=("self",))
            .select_related("instansi")
            .get(pk=koreksi.pegawai_id)
        )
        lama = sebagai_teks(getattr(pegawai, koreksi.kolom))
        if lama != koreksi.nilai_lama:
            raise InputError(
                "data telah berubah sejak permintaan diajukan / the record changed since",
                column=koreksi.kolom,
            )
        setattr(pegawai, koreksi.kolom, baca_nilai(koreksi.kolom, koreksi.nilai_baru))
        pegawai.save(update_fields=[koreksi.kolom])
        koreksi.status = StatusKoreksi.DITERAPKAN
        koreksi.save()
        record_event(
            actor=actor,
            instansi=pegawai.instansi,
            jenis="pegawai.dikoreksi",
            subjek=Subjek("personnel.pegawai", pegawai.nip),
            perubahan={koreksi.kolom: [lama, koreksi.nilai_baru], "koreksi": koreksi.pk},
            alasan=koreksi.alasan,
            waktu=koreksi.diputuskan_pada,
        )
    return pegawai
