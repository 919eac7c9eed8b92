"""Services of the committee's calibration (talent review) sessions.

Flow 3 of the architecture guide: a committee member moves a person on the grid only
with a written reason; the service checks recusal (``recusal.is_recused``: a member
related to the person, or their direct superior, can neither see nor act on the case),
stores the proposal beside the computed placement (never replacing it) and audits it.
An approver (HR admin of the agency) closes the session, which freezes it with the
policy version and the input digest of the placement run it reviewed (UU 27/2022
Pasal 10: every decision is a human's, recorded with a reason).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.domain.ninebox import level_dari_kotak
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import Peran, User
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.personnel.models import Pegawai, UnitKerja
from bakat.web.talent.models import (
    Penempatan,
    PlacementRun,
    SesiKalibrasi,
    StatusSesi,
    UsulanPindah,
)
from bakat.web.talent.recusal import is_recused, nip_pengguna

#: A proposal's reason must say something.
MINIMAL_ALASAN = 10


class DitolakError(InputError):
    """The action is not allowed for this user or in this state."""


def _admin(user: User, instansi_id: int) -> bool:
    return instansi_id in akses_untuk(user).instansi_ids({Peran.ADMIN})


def populasi(sesi: SesiKalibrasi) -> QuerySet[Penempatan]:
    """The placements the session reviews: its run, its unit and everything below."""
    return Penempatan.objects.filter(run=sesi.run, unit__path__startswith=sesi.unit.path)


def buka_sesi(*, actor: User, unit: UnitKerja, nama: str, anggota: Iterable[User]) -> SesiKalibrasi:
    """Open a session over ``unit``'s subtree on the agency's latest placement run."""
    if not _admin(actor, unit.instansi_id):
        raise DitolakError("hanya admin SDM instansi yang membuka sesi / only the HR admin")
    run = PlacementRun.objects.filter(instansi_id=unit.instansi_id).first()
    if run is None:
        raise InputError("belum ada pemetaan talenta / no placement run yet")
    members = list(anggota)
    komite = [u for u in members if unit.instansi_id in akses_untuk(u).instansi_ids({Peran.KOMITE})]
    if not komite or len(komite) != len(members):
        raise InputError("anggota harus komite talenta instansi / members must be committee")
    # Recusal starts from a member's own employee record: without one, no conflict of
    # interest could be found, so such a member cannot sit.
    tanpa_data = sorted(u.get_username() for u in komite if not nip_pengguna(u, unit.instansi_id))
    if tanpa_data:
        raise InputError(
            "anggota tanpa data pegawai di instansi ini, konflik kepentingannya tidak dapat "
            f"diperiksa: {', '.join(tanpa_data)} / members without an employee record here "
            "(their conflicts of interest cannot be checked)"
        )
    with transaction.atomic():
        sesi = SesiKalibrasi.objects.create(
            instansi_id=unit.instansi_id,
            run=run,
            unit=unit,
            nama=nama.strip() or unit.nama,
            dibuka_oleh=actor,
            dibuka_pada=timezone.now(),
        )
        sesi.anggota.set(komite)
        record_event(
            actor=actor,
            instansi=unit.instansi,
            jenis="kalibrasi.dibuka",
            subjek=Subjek("talent.sesikalibrasi", str(sesi.pk)),
            perubahan={
                "unit": unit.kode,
                "run": run.pk,
                "anggota": sorted(u.get_username() for u in komite),
            },
        )
    return sesi


def usulkan_pindah(
    *, actor: User, sesi: SesiKalibrasi, pegawai: Pegawai, kotak: int, alasan: str
) -> UsulanPindah:
    """A member proposes to move ``pegawai`` to box ``kotak`` with a written reason."""
    alasan = alasan.strip()
    if len(alasan) < MINIMAL_ALASAN:
        raise InputError("alasan tertulis wajib diisi / a written reason is required")
    kinerja, potensi = level_dari_kotak(kotak)
    with transaction.atomic():
        sesi = SesiKalibrasi.objects.select_for_update().get(pk=sesi.pk)
        if sesi.status != StatusSesi.DIBUKA:
            raise DitolakError("sesi sudah ditutup / the session is closed")
        if not sesi.anggota.filter(pk=actor.pk).exists():
            raise DitolakError("bukan anggota sesi / not a member of the session")
        if is_recused(actor, pegawai):
            raise DitolakError("anggota terkait dengan pegawai ini / member is recused")
        penempatan = populasi(sesi).filter(pegawai=pegawai).first()
        if penempatan is None or not penempatan.terpetakan:
            raise InputError("pegawai tidak dalam populasi sesi / not in the session")
        if penempatan.kotak == kotak:
            raise InputError("kotak usulan sama dengan kotak hasil / same box as computed")
        usulan = UsulanPindah.objects.create(
            sesi=sesi,
            penempatan=penempatan,
            pegawai=pegawai,
            pengusul=actor,
            kotak_asal=penempatan.kotak,
            level_kinerja=kinerja.value,
            level_potensi=potensi.value,
            kotak=kotak,
            alasan=alasan,
            diusulkan_pada=timezone.now(),
        )
        record_event(
            actor=actor,
            instansi=sesi.instansi,
            jenis="kalibrasi.pindah_diusulkan",
            subjek=Subjek("talent.usulanpindah", str(usulan.pk)),
            perubahan={"pegawai": pegawai.nip, "kotak": [penempatan.kotak, kotak]},
            alasan=alasan,
        )
    return usulan


def tutup_sesi(*, actor: User, sesi: SesiKalibrasi) -> SesiKalibrasi:
    """An approver closes the session: frozen with the run's policy and input digest."""
    if not _admin(actor, sesi.instansi_id):
        raise DitolakError("hanya admin SDM instansi yang menutup sesi / only the HR admin")
    with transaction.atomic():
        sesi = SesiKalibrasi.objects.select_for_update().select_related("run").get(pk=sesi.pk)
        if sesi.status != StatusSesi.DIBUKA:
            raise DitolakError("sesi sudah ditutup / the session is closed")
        sesi.status = StatusSesi.DITUTUP
        sesi.ditutup_oleh = actor
        sesi.ditutup_pada = timezone.now()
        sesi.versi_kebijakan = (
            f"{sesi.run.kebijakan} {sesi.run.versi_kebijakan} {sesi.run.sidik_kebijakan}"
        )
        sesi.sidik_masukan = sesi.run.sidik_masukan
        sesi.save()
        record_event(
            actor=actor,
            instansi=sesi.instansi,
            jenis="kalibrasi.ditutup",
            subjek=Subjek("talent.sesikalibrasi", str(sesi.pk)),
            perubahan={
                "kebijakan": sesi.versi_kebijakan,
                "sidik_masukan": sesi.sidik_masukan,
                "usulan": sesi.usulan.count(),
            },
        )
    return sesi
