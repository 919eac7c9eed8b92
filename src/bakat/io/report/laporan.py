"""The report model of a result folder: every section whose files are present, in the
order a head of HR reads them, and a note for each section that is left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl

from bakat.io.report.bagian_kualitas import bagian_jp, bagian_kualitas
from bakat.io.report.bagian_rekonsiliasi import bagian_rekonsiliasi
from bakat.io.report.bagian_sinyal import bagian_sinyal
from bakat.io.report.bagian_suksesi import bagian_proyeksi, bagian_suksesi
from bakat.io.report.bagian_talenta import bagian_cakupan, bagian_kotak
from bakat.io.report.model import Bagian, Fakta, Laporan
from bakat.io.report.sumber import FolderHasil

JUDUL = "Laporan manajemen talenta"

#: Each section, the files it reads (any one suffices) and what to say when all are absent.
BAGIAN: tuple[tuple[Callable[[FolderHasil], Bagian | None], str, str], ...] = (
    (bagian_cakupan, "cakupan.csv", "cakupan pemetaan (langkah map)"),
    (bagian_kotak, "pemetaan.csv", "Nine Box (langkah map)"),
    (bagian_suksesi, "kekuatan_suksesi.csv, suksesi.csv", "suksesi (langkah succession)"),
    (bagian_proyeksi, "proyeksi.csv", "proyeksi pensiun (langkah succession)"),
    (bagian_kualitas, "indeks_kualitas.csv", "kualitas data (langkah check)"),
    (bagian_jp, "kepatuhan_jp.csv atau capaian_jp.csv", "capaian 20 JP"),
    (bagian_rekonsiliasi, "ringkasan_rekonsiliasi.csv", "rekonsiliasi (langkah reconcile)"),
    (bagian_sinyal, "kalibrasi.csv, keadilan.csv", "kalibrasi dan keadilan (langkah map)"),
)

#: Facts repeated at the top of the report, by label, in this order.
SOROTAN = (
    "Terpetakan",
    "Masuk kelompok talenta",
    "Jabatan target tanpa suksesor siap",
    "Pensiun dalam 5 tahun",
    "Indeks kualitas data",
    "Persentase mencapai 20 JP",
    "Baris perbedaan",
    "Usulan koreksi ke BKN",
    "Unit perlu ditelaah",
)


def _tanggal_acuan(folder: FolderHasil) -> str | None:
    """The as-of date the results were computed for (``pemetaan.csv``), or None."""
    pemetaan = folder.folder / "pemetaan.csv"
    if not pemetaan.is_file():
        return None
    lazy = pl.scan_csv(pemetaan, infer_schema=False)
    if "tanggal_acuan" not in lazy.collect_schema().names():
        return None
    nilai = lazy.select(pl.col("tanggal_acuan").drop_nulls().first()).collect()
    return None if nilai.height == 0 else nilai.item()


def susun_laporan(result_dir: Path) -> Laporan:
    """Read ``result_dir`` into the report model (InputError when it is not a folder or a
    file is unreadable)."""
    folder = FolderHasil(result_dir)
    bagian: list[Bagian] = []
    tidak_ada: list[str] = []
    for buat, berkas, nama in BAGIAN:
        hasil = buat(folder)
        if hasil is None:
            tidak_ada.append(
                f"Bagian {nama} tidak disertakan: {berkas} tidak ada / section left out"
            )
        else:
            bagian.append(hasil)
    semua_fakta: dict[str, Fakta] = {}
    for fakta in (f for b in bagian for f in b.fakta):
        semua_fakta.setdefault(fakta.label, fakta)
    sorotan: tuple[Fakta, ...] = tuple(semua_fakta[s] for s in SOROTAN if s in semua_fakta)
    return Laporan(
        judul=JUDUL,
        tanggal_acuan=_tanggal_acuan(folder),
        kebijakan=folder.baca_kebijakan(),
        sorotan=sorotan,
        bagian=tuple(bagian),
        tidak_ada=tuple(tidak_ada),
    )
