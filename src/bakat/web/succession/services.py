"""Writes of the succession pages: storing an engine run, endorsing a slate.

Every write is a named service with keyword-only arguments and an explicit actor,
inside ``transaction.atomic``, writing its audit event in the same transaction
(architecture.md convention 4). Every number comes from the engine; every decision is a
human's, recorded with a reason (issue 7).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import polars as pl
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.domain.policy import PRESET_BAKU, load_policy
from bakat.engine.development.job import run_development
from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.job import run_mapping
from bakat.engine.succession.job import run_succession
from bakat.io.mapping_input import read_mapping_data
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import Peran, User
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.development.storage import store_development
from bakat.web.personnel.models import Instansi
from bakat.web.personnel.sources import folder_digests, input_digest
from bakat.web.succession.models import (
    JabatanTarget,
    Kandidat,
    KeputusanSlate,
    Pengecualian,
    SuccessionRun,
)
from bakat.web.succession.rows import Lookups, json_row, of_agency
from bakat.web.talent.recusal import nip_terkait

#: Who may refresh the stored run of an agency.
JALANKAN_SUKSESI = frozenset({Peran.ADMIN})
#: Who may endorse a slate (the talent committee of the agency).
TETAPKAN_SLATE = frozenset({Peran.KOMITE})

_SUBSKOR = (
    "nilai_kesesuaian_kompetensi",
    "nilai_kotak",
    "nilai_kinerja",
    "nilai_potensi",
    "nilai_pengalaman",
    "kesesuaian_kompetensi",
    "celah_kompetensi",
    "pengalaman_tahun",
    "jenjang_jabatan",
    "unit_kerja",
)
_TARGET_FIELDS = (
    "nama",
    "unit_kerja",
    "jenjang_jabatan",
    "kritikal",
    "nip_pemangku",
    "tanggal_pensiun_pemangku",
    "alasan_target",
    "tanggal_lowong",
    "jumlah_kandidat",
    "jumlah_suksesor",
    "berisiko",
)
_BATCH = 2000


#: Set in ``JabatanTarget.kekuatan``: no successor in the policy's best readiness band.
TANPA_SUKSESOR_SIAP = "tanpa_suksesor_siap"


def _store_targets(
    run: SuccessionRun, kekuatan: pl.DataFrame, lookups: Lookups, pita_terbaik: str
) -> None:
    targets = []
    for row in of_agency(kekuatan, run.instansi).iter_rows(named=True):
        values = {k: row.get(k) for k in _TARGET_FIELDS}
        tanpa_siap = not int(row.get(f"jumlah_{pita_terbaik}") or 0)
        targets.append(
            JabatanTarget(
                run=run,
                instansi=run.instansi,
                unit_id=lookups.unit(row.get("unit_kerja")),
                jabatan_id=str(row["jabatan_id"]),
                nama=str(values["nama"] or ""),
                unit_kerja=str(values["unit_kerja"] or ""),
                jenjang_jabatan=str(values["jenjang_jabatan"] or ""),
                kritikal=bool(values["kritikal"]),
                nip_pemangku=str(values["nip_pemangku"] or ""),
                tanggal_pensiun_pemangku=values["tanggal_pensiun_pemangku"],
                alasan_target=str(values["alasan_target"] or ""),
                tanggal_lowong=values["tanggal_lowong"],
                jumlah_kandidat=int(values["jumlah_kandidat"] or 0),
                jumlah_suksesor=int(values["jumlah_suksesor"] or 0),
                berisiko=bool(values["berisiko"]),
                kekuatan={
                    **json_row(row, drop=("jabatan_id", *_TARGET_FIELDS)),
                    TANPA_SUKSESOR_SIAP: tanpa_siap,
                },
            )
        )
    JabatanTarget.objects.bulk_create(targets, batch_size=_BATCH)


def _store_lists(
    run: SuccessionRun, suksesi: pl.DataFrame, pengecualian: pl.DataFrame, lookups: Lookups
) -> None:
    ids = dict(JabatanTarget.objects.filter(run=run).values_list("jabatan_id", "pk"))
    kandidat = [
        Kandidat(
            target_id=ids[row["jabatan_id"]],
            pegawai_id=lookups.orang(row["nip"]),
            nip=str(row["nip"]),
            peringkat=int(row["peringkat"]),
            skor=float(row["skor"]),
            kesiapan=str(row.get("kesiapan") or ""),
            kotak=row.get("kotak"),
            subskor={k: json_row(row).get(k) for k in _SUBSKOR},
        )
        for row in of_agency(suksesi, run.instansi).iter_rows(named=True)
        if row["jabatan_id"] in ids
    ]
    Kandidat.objects.bulk_create(kandidat, batch_size=_BATCH)
    keluar = [
        Pengecualian(
            target_id=ids[row["jabatan_id"]],
            pegawai_id=lookups.orang(row["nip"]),
            nip=str(row["nip"]),
            alasan=str(row.get("alasan") or ""),
            keterangan=str(row.get("keterangan") or ""),
            skor=row.get("skor"),
            kotak=row.get("kotak"),
        )
        for row in of_agency(pengecualian, run.instansi).iter_rows(named=True)
        if row["jabatan_id"] in ids
    ]
    Pengecualian.objects.bulk_create(keluar, batch_size=_BATCH)


def refresh_succession(
    *,
    actor: User | None,
    instansi: Instansi,
    folder: Path,
    as_of: date,
    policy_name: str = PRESET_BAKU,
    now: datetime | None = None,
    mapped: tuple[MappingData, pl.DataFrame] | None = None,
) -> SuccessionRun:
    """Run mapping, succession and development on ``folder`` and store the results of
    ``instansi`` in bulk with one audit event (``suksesi.dihitung``). ``actor`` None is
    the command line; a user must be an HR admin of the agency. ``mapped``: the folder
    already read and its ``pemetaan`` under the same policy and date (read and mapped
    here when None)."""
    if actor is not None and instansi.pk not in akses_untuk(actor).instansi_ids(JALANKAN_SUKSESI):
        raise PermissionDenied
    policy = load_policy(policy_name)
    if mapped is None:
        data = read_mapping_data(folder)
        pemetaan = run_mapping(data, as_of=as_of, policy=policy).pemetaan
    else:
        data, pemetaan = mapped
    hasil = run_succession(data, pemetaan, as_of, policy)
    pengembangan = run_development(data, pemetaan, hasil.suksesi, as_of, policy)
    berkas = folder_digests(folder)
    lookups = Lookups(instansi)
    with transaction.atomic():
        run = SuccessionRun.objects.create(
            instansi=instansi,
            dijalankan_pada=now or timezone.now(),
            dijalankan_oleh=actor,
            as_of=as_of,
            kebijakan=policy.id,
            versi_kebijakan=policy.versi,
            sidik_kebijakan=policy.fingerprint(),
            sidik_masukan=input_digest(berkas),
            berkas=berkas,
            ringkasan={
                "suksesi": {k: int(v) for k, v in vars(hasil.ringkasan).items()},
                "pengembangan": {k: json_row({k: v})[k] for k, v in pengembangan.ringkasan.items()},
            },
            catatan=[*hasil.catatan, *pengembangan.catatan],
        )
        _store_targets(run, hasil.kekuatan, lookups, next(iter(policy.suksesi.kesiapan)))
        _store_lists(run, hasil.suksesi, hasil.pengecualian, lookups)
        jumlah = store_development(run, pengembangan.files, lookups)
        record_event(
            actor=actor,
            instansi=instansi,
            jenis="suksesi.dihitung",
            subjek=Subjek("succession.successionrun", str(run.pk)),
            perubahan={
                "as_of": as_of.isoformat(),
                "kebijakan": f"{policy.id} {policy.versi}",
                "sidik_kebijakan": run.sidik_kebijakan,
                "sidik_masukan": run.sidik_masukan,
                "target": JabatanTarget.objects.filter(run=run).count(),
                "pengembangan": jumlah,
            },
            alasan=f"hitung suksesi {folder.name}",
            waktu=run.dijalankan_pada,
        )
    return run


def latest_decision(target: JabatanTarget) -> KeputusanSlate | None:
    """The decision in force for the post of ``target`` (any run), if any."""
    return (
        KeputusanSlate.objects.filter(
            instansi_id=target.instansi_id, jabatan_id=target.jabatan_id, digantikan__isnull=True
        )
        .order_by("-diputuskan_pada", "-pk")
        .first()
    )


def recused_from(actor: User, target: JabatanTarget) -> list[str]:
    """The NIPs of the post's candidates (named or excluded) ``actor`` is related to."""
    people = [
        *(k.pegawai for k in target.kandidat.select_related("pegawai") if k.pegawai),
        *(p.pegawai for p in target.pengecualian.select_related("pegawai") if p.pegawai),
    ]
    # Each agency's list of related people is read once (a few queries), not per person.
    terkait = {i: nip_terkait(actor, i) for i in {p.instansi_id for p in people}}
    return sorted({p.nip for p in people if p.nip in terkait[p.instansi_id]})


def endorse_slate(
    *,
    actor: User,
    target: JabatanTarget,
    urutan: Sequence[str],
    alasan: str = "",
    now: datetime | None = None,
) -> KeputusanSlate:
    """A committee member endorses the ordered successors of ``target``.

    The slate is chosen among the engine's named successors (the regulated eligibility
    rules already hold for them); any departure from the computed ranking, and any
    decision superseding an earlier one, needs a written reason. A member related to a
    candidate is recused (UU 27/2022 Pasal 10; domain.md §5.2). The decision is frozen.
    """
    if target.instansi_id not in akses_untuk(actor).instansi_ids(TETAPKAN_SLATE):
        raise PermissionDenied
    if recused_from(actor, target):
        raise PermissionDenied("anggota komite terkait kandidat / recused")
    nips = [n.strip() for n in urutan if n.strip()]
    dihitung = list(target.kandidat.order_by("peringkat").values_list("nip", flat=True))
    if not nips:
        raise InputError("pilih minimal satu suksesor / choose a successor", column="urutan")
    if len(set(nips)) != len(nips) or not set(nips) <= set(dihitung):
        raise InputError(
            "suksesor harus dari daftar kandidat, tanpa pengulangan / unknown or repeated",
            column="urutan",
        )
    menyimpang = nips != dihitung
    with transaction.atomic():
        locked = JabatanTarget.objects.select_for_update().select_related("run").get(pk=target.pk)
        terbaru = SuccessionRun.objects.filter(instansi_id=locked.instansi_id).latest()
        if terbaru.pk != locked.run_id:
            raise InputError("hasil suksesi ini sudah digantikan / a newer run exists")
        sebelumnya = latest_decision(locked)
        if (menyimpang or sebelumnya is not None) and not alasan.strip():
            raise InputError(
                "alasan wajib diisi bila menyimpang dari peringkat atau menggantikan "
                "keputusan / a reason is required",
                column="alasan",
            )
        keputusan = KeputusanSlate.objects.create(
            instansi_id=locked.instansi_id,
            run=locked.run,
            target=locked,
            jabatan_id=locked.jabatan_id,
            urutan=nips,
            menyimpang=menyimpang,
            alasan=alasan.strip(),
            kebijakan=locked.run.kebijakan,
            versi_kebijakan=locked.run.versi_kebijakan,
            diputuskan_oleh=actor,
            diputuskan_pada=now or timezone.now(),
            menggantikan=sebelumnya,
        )
        record_event(
            actor=actor,
            instansi=locked.instansi,
            jenis="suksesi.slate_ditetapkan",
            subjek=Subjek("succession.keputusanslate", str(keputusan.pk)),
            perubahan={
                "jabatan_id": locked.jabatan_id,
                "urutan": nips,
                "peringkat_dihitung": dihitung,
                "menyimpang": menyimpang,
                "run": locked.run_id,
                "kebijakan": f"{keputusan.kebijakan} {keputusan.versi_kebijakan}",
                "menggantikan": sebelumnya.pk if sebelumnya else None,
            },
            alasan=keputusan.alasan,
            waktu=keputusan.diputuskan_pada,
        )
    return keputusan
