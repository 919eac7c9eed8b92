"""The employee's own record as one JSON document (UU 27/2022 Pasal 7 and 8: the data
subject may obtain a copy of their personal data): the personnel record, every stored
placement with its policy and input digest, their review requests, the calibration
proposals about them (without the proposer's name), and what the latest succession run
holds about them: IDP, rotation and retention rows, and their succession nominations."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.forms.models import model_to_dict

from bakat.web.personnel.models import Pegawai
from bakat.web.talent.models import Penempatan, PermintaanTinjauan, UsulanPindah
from bakat.web.talent.selectors import rencana_pegawai


def _teks(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def rekam_pegawai(pegawai: Pegawai) -> dict[str, Any]:
    data = {k: _teks(v) for k, v in model_to_dict(pegawai).items() if k not in {"id"}}
    data["instansi"] = pegawai.instansi.kode
    data["unit"] = pegawai.unit.kode if pegawai.unit else None
    penempatan = [
        {
            "tanggal_acuan": p.run.as_of.isoformat(),
            "kebijakan": p.run.kebijakan,
            "versi_kebijakan": p.run.versi_kebijakan,
            "sidik_kebijakan": p.run.sidik_kebijakan,
            "sidik_masukan": p.run.sidik_masukan,
            "terpetakan": p.terpetakan,
            "alasan": p.alasan,
            "level_kinerja": p.level_kinerja,
            "level_potensi": p.level_potensi,
            "kotak": p.kotak,
            "masuk_kelompok_talenta": p.dalam_kelompok,
            "alasan_pengecualian": p.alasan_pengecualian,
            "rincian": p.rincian,
        }
        for p in Penempatan.objects.filter(pegawai=pegawai)
        .select_related("run")
        .order_by("run__dibuat_pada", "run_id")
    ]
    tinjauan = [
        {
            "diajukan_pada": t.diajukan_pada.isoformat(),
            "alasan": t.alasan,
            "status": t.status,
            "keputusan": t.keputusan,
            "tanggapan": t.tanggapan,
            "ditanggapi_pada": t.ditanggapi_pada.isoformat() if t.ditanggapi_pada else None,
        }
        for t in PermintaanTinjauan.objects.filter(pegawai=pegawai).order_by("diajukan_pada")
    ]
    usulan = [
        {
            "sesi": u.sesi.nama,
            "diusulkan_pada": u.diusulkan_pada.isoformat(),
            "kotak_asal": u.kotak_asal,
            "kotak_usulan": u.kotak,
            "alasan": u.alasan,
            "status_sesi": u.sesi.status,
        }
        for u in UsulanPindah.objects.filter(pegawai=pegawai)
        .select_related("sesi")
        .order_by("diusulkan_pada", "pk")
    ]
    rencana = rencana_pegawai(pegawai)
    return {
        "pegawai": data,
        "penempatan": penempatan,
        "permintaan_tinjauan": tinjauan,
        "usulan_kalibrasi": usulan,
        "rencana_pengembangan": rencana.idp,
        "kandidat_rotasi": rencana.rotasi,
        "daftar_pantau_retensi": rencana.retensi,
        "nominasi_suksesi": rencana.nominasi,
    }
