"""Bulk writes of one load (called only by ``services.load_data``, inside its
transaction): units, employees and positions upserted by key; results replaced."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import polars as pl

from bakat.engine.quality import CheckResult
from bakat.engine.reconcile.job import HasilRekonsiliasi
from bakat.web.personnel.models import Instansi, Jabatan, Muatan, Pegawai, UnitKerja
from bakat.web.quality.models import Disparitas, IndeksKualitas, Temuan

BATCH = 2000
#: Text and date columns of ``pegawai`` stored as they are (docs/formats.md).
KOLOM_TEKS = (
    "nik", "nama", "gelar_depan", "gelar_belakang", "jenis_kelamin", "tempat_lahir",
    "status_kepegawaian", "golongan", "jenjang_jabatan", "jabatan", "jabatan_id",
    "unit_kerja", "unit_kerja_nama", "pendidikan", "jurusan",
)  # fmt: skip
KOLOM_TANGGAL = ("tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_golongan", "tmt_jabatan")


def _teks(value: Any) -> str:
    return "" if value is None else str(value)


def upsert_units(instansi: Instansi, units: pl.DataFrame) -> dict[str, UnitKerja]:
    """Create or rename the units, link parents, recompute the materialised paths."""
    existing = {u.kode: u for u in UnitKerja.objects.filter(instansi=instansi)}
    new = []
    changed = []
    for row in units.iter_rows(named=True):
        kode = str(row["unit_kerja"])
        nama = _teks(row["unit_kerja_nama"]) or kode
        unit = existing.get(kode)
        if unit is None:
            new.append(UnitKerja(instansi=instansi, kode=kode, nama=nama, path=""))
        elif unit.nama != nama:
            unit.nama = nama
            changed.append(unit)
    UnitKerja.objects.bulk_create(new, batch_size=BATCH)
    UnitKerja.objects.bulk_update(changed, ["nama"], batch_size=BATCH)
    by_kode = {u.kode: u for u in UnitKerja.objects.filter(instansi=instansi)}
    parents = {str(r["unit_kerja"]): r["induk"] for r in units.iter_rows(named=True)}
    for kode, unit in by_kode.items():
        induk = by_kode.get(parents.get(kode) or "") if kode in parents else unit.induk
        unit.induk = induk if induk is not None and induk.pk != unit.pk else None
    paths: dict[int, str] = {}

    def path_of(unit: UnitKerja, seen: frozenset[int] = frozenset()) -> str:
        if unit.pk in paths:
            return paths[unit.pk]
        parent = unit.induk
        prefix = "/" if parent is None or parent.pk in seen else path_of(parent, seen | {unit.pk})
        paths[unit.pk] = f"{prefix}{unit.pk}/"
        return paths[unit.pk]

    for unit in by_kode.values():
        unit.path = path_of(unit)
    UnitKerja.objects.bulk_update(list(by_kode.values()), ["induk", "path"], batch_size=BATCH)
    return by_kode


def _fields(row: Mapping[str, Any], units: Mapping[str, UnitKerja]) -> dict[str, Any]:
    fields: dict[str, Any] = {k: _teks(row.get(k)) for k in KOLOM_TEKS}
    for k in KOLOM_TANGGAL:
        value = row.get(k)
        fields[k] = value if isinstance(value, date) else None
    fields["status_aktif"] = row.get("status_aktif") is not False
    fields["unit"] = units.get(fields["unit_kerja"])
    return fields


def upsert_pegawai(
    instansi: Instansi, frame: pl.DataFrame, units: Mapping[str, UnitKerja]
) -> tuple[int, int]:
    """Create new employees and update changed ones (by NIP); (created, updated)."""
    existing = {p.nip: p for p in Pegawai.objects.filter(instansi=instansi)}
    new: list[Pegawai] = []
    changed: list[Pegawai] = []
    names = [*KOLOM_TEKS, *KOLOM_TANGGAL, "status_aktif", "unit"]
    for row in frame.iter_rows(named=True):
        nip = _teks(row.get("nip")).strip()
        if not nip:
            continue  # a finding of the check (nip kosong), not a record
        fields = _fields(row, units)
        pegawai = existing.get(nip)
        if pegawai is None:
            new.append(Pegawai(instansi=instansi, nip=nip, **fields))
            continue
        if any(getattr(pegawai, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(pegawai, k, v)
            changed.append(pegawai)
    Pegawai.objects.bulk_create(new, batch_size=BATCH)
    Pegawai.objects.bulk_update(changed, names, batch_size=BATCH)
    return len(new), len(changed)


def upsert_jabatan(instansi: Instansi, frame: pl.DataFrame, units: Mapping[str, UnitKerja]) -> None:
    """Create or update the positions (by ``jabatan_id``)."""
    existing = {j.jabatan_id: j for j in Jabatan.objects.filter(instansi=instansi)}
    new: list[Jabatan] = []
    changed: list[Jabatan] = []
    for row in frame.iter_rows(named=True):
        key = _teks(row.get("jabatan_id")).strip()
        if not key:
            continue
        fields = {
            "nama": _teks(row.get("nama")),
            "jenjang_jabatan": _teks(row.get("jenjang_jabatan")),
            "kritikal": bool(row.get("kritikal")),
            "nip_pemangku": _teks(row.get("nip_pemangku")),
            "unit": units.get(_teks(row.get("unit_kerja"))),
        }
        jabatan = existing.get(key)
        if jabatan is None:
            new.append(Jabatan(instansi=instansi, jabatan_id=key, **fields))
        else:
            for k, v in fields.items():
                setattr(jabatan, k, v)
            changed.append(jabatan)
    Jabatan.objects.bulk_create(new, batch_size=BATCH)
    Jabatan.objects.bulk_update(
        changed, ["nama", "jenjang_jabatan", "kritikal", "nip_pemangku", "unit"], batch_size=BATCH
    )


def simpan_hasil(
    instansi: Instansi,
    muatan: Muatan,
    check: CheckResult,
    rekonsiliasi: HasilRekonsiliasi | None,
    units: Mapping[str, UnitKerja],
) -> tuple[int, int]:
    """Replace the agency's findings, disparities and index with this run's."""
    Temuan.objects.filter(instansi=instansi).delete()
    Disparitas.objects.filter(instansi=instansi).delete()
    IndeksKualitas.objects.filter(instansi=instansi).delete()
    pegawai = dict(Pegawai.objects.filter(instansi=instansi).values_list("nip", "id"))
    unit_of = dict(Pegawai.objects.filter(instansi=instansi).values_list("nip", "unit_id"))
    temuan = [
        Temuan(
            instansi=instansi,
            muatan=muatan,
            pegawai_id=pegawai.get(_teks(r.get("nip"))),
            unit=units.get(_teks(r.get("unit_kerja"))),
            nip=_teks(r.get("nip")),
            tabel=_teks(r.get("tabel")),
            aturan=_teks(r.get("aturan")),
            nama_aturan=_teks(r.get("nama_aturan")),
            tingkat=_teks(r.get("tingkat")),
            kolom=_teks(r.get("kolom")),
            nilai=_teks(r.get("nilai")),
            pesan=_teks(r.get("pesan")),
        )
        for r in check.temuan.iter_rows(named=True)
    ]
    Temuan.objects.bulk_create(temuan, batch_size=BATCH)
    disparitas: list[Disparitas] = []
    if rekonsiliasi is not None:
        for r in rekonsiliasi.rekonsiliasi.iter_rows(named=True):
            nip = _teks(r.get("nip"))
            unit = units.get(_teks(r.get("unit_kerja")))
            disparitas.append(
                Disparitas(
                    instansi=instansi,
                    muatan=muatan,
                    pegawai_id=pegawai.get(nip),
                    unit_id=unit.pk if unit is not None else unit_of.get(nip),
                    nip=nip,
                    nip_siasn=_teks(r.get("nip_siasn")),
                    status=_teks(r.get("status")),
                    kolom=_teks(r.get("kolom")),
                    nilai_lokal=_teks(r.get("nilai_lokal")),
                    nilai_siasn=_teks(r.get("nilai_siasn")),
                    pihak=_teks(r.get("pihak")),
                )
            )
        Disparitas.objects.bulk_create(disparitas, batch_size=BATCH)
    indeks = []
    for r in check.indeks_kualitas.iter_rows(named=True):
        unit = units.get(_teks(r.get("unit_kerja")))
        if r.get("cakupan") != "semua" and unit is None:
            continue
        indeks.append(
            IndeksKualitas(
                instansi=instansi,
                muatan=muatan,
                unit=unit if r.get("cakupan") != "semua" else None,
                jumlah_pegawai=int(r.get("jumlah_pegawai") or 0),
                kelengkapan=r.get("kelengkapan"),
                akurasi=r.get("akurasi"),
                konsistensi=r.get("konsistensi"),
                ketepatan_waktu=r.get("ketepatan_waktu"),
                indeks=r.get("indeks"),
            )
        )
    IndeksKualitas.objects.bulk_create(indeks, batch_size=BATCH)
    return len(temuan), len(disparitas)
