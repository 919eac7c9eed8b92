"""Generate a synthetic agency (or nation) into a folder, with its ground truth.

``generate(out, config)`` writes every table of formats.md plus ``unit_kerja`` and the
``ground_truth/`` folder, deterministically for a seed. The folder is built beside the
target under a temporary name and renamed into place at the end; an existing non-empty
target is refused unless ``force`` (then it is replaced only after success).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from bakat.domain.errors import InputError
from bakat.io.writers import atomic_output, write_csv
from bakat.synth import kalender as k
from bakat.synth.biodata import (
    TEMPAT_NAMA,
    TEMPAT_PROV,
    judul_jabatan,
    pilih_gelar,
    pilih_nama,
    teks_nama,
    tempat_lahir,
    wilayah_nik,
)
from bakat.synth.careers import siapkan, tarik_karier
from bakat.synth.config import BATAS_XLSX, Format, KonfigurasiSintesis, rng
from bakat.synth.disparitas import Rencana, rencanakan, salah_ketik, siapkan_kembar
from bakat.synth.galat import suntik
from bakat.synth.groundtruth import menurut, pemetaan, ringkas
from bakat.synth.histories import hukdis, kinerja
from bakat.synth.identifiers import nik_angka, nip_angka, periksa_contoh
from bakat.synth.jabatan import buat_jabatan, isi_nip_pemangku
from bakat.synth.kompetensi import asesmen, diklat
from bakat.synth.national import daftar_instansi, semua_unit
from bakat.synth.people import PPPK, Orang, buat_orang
from bakat.synth.records import bingkai
from bakat.synth.relasi import relasi
from bakat.synth.siasn import bandingkan, buat_siasn
from bakat.synth.siasn_format import tampilan, tulis_xlsx, untuk_berkas

#: The steps, in order, as reported to a progress display.
LANGKAH: tuple[str, ...] = (
    "Unit kerja dan instansi",
    "Pegawai, karier, identitas",
    "Galat rekaman (pegawai)",
    "SIASN dan disparitas",
    "Kinerja",
    "Asesmen",
    "Diklat",
    "Hukdis, jabatan, relasi",
    "Kebenaran dasar (ground truth)",
)

Lapor = Callable[[str], None]


@dataclass(frozen=True)
class Hasil:
    """What was written: the folder and the summary (also in ``ringkasan.json``)."""

    folder: Path
    ringkasan: dict[str, Any]


def generate(
    out: Path,
    config: KonfigurasiSintesis,
    *,
    force: bool = False,
    lapor: Lapor | None = None,
) -> Hasil:
    """Write the synthetic data folder ``out`` for ``config`` (see module docstring)."""
    config.periksa()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError("tujuan bukan folder", file=str(out))
    if out.exists() and any(out.iterdir()) and not force:
        raise InputError(
            "folder tujuan tidak kosong; pakai --force untuk menimpanya "
            "/ the target folder is not empty; use --force to replace it",
            file=str(out),
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    sementara = out.parent / f".{out.name}.sementara-{os.getpid()}"
    if sementara.exists():
        shutil.rmtree(sementara)
    sementara.mkdir()
    try:
        ringkasan = _bangun(config, sementara, lapor or (lambda _: None))
        if out.exists():
            lama = out.parent / f".{out.name}.lama-{os.getpid()}"
            out.rename(lama)
            sementara.rename(out)
            shutil.rmtree(lama)
        else:
            sementara.rename(out)
    except BaseException:
        shutil.rmtree(sementara, ignore_errors=True)
        raise
    return Hasil(out, ringkasan)


def _tulis(df: pl.DataFrame, folder: Path, nama: str, fmt: Format) -> int:
    if fmt is Format.PARQUET:
        # Snappy without column statistics: about twice as fast as the default for the
        # national tables, and read by every Parquet reader.
        with atomic_output(folder / f"{nama}.parquet") as sementara:
            df.write_parquet(sementara, compression="snappy", statistics=False)
    else:
        write_csv(df, folder / f"{nama}.csv")
    return df.height


def _karier(o: Orang, config: KonfigurasiSintesis) -> Rencana:
    siapkan(o)
    rencana = rencanakan(o, config.galat, rng(config, 2))
    kembar = np.flatnonzero(rencana.kembar >= 0)
    lain = np.flatnonzero(rencana.kembar < 0)
    tarik_karier(o, lain, config.as_of, rng(config, 3))
    if len(kembar):
        siapkan_kembar(o, rencana)
        asal = rencana.kembar[kembar]
        t, b, _ = k.ymd(o.tmt_masuk[asal])
        tengah = np.where(o.status[asal] == PPPK, t * 100 + o.kontrak[asal], t * 100 + b)
        gagal = tarik_karier(o, kembar, config.as_of, rng(config, 4), tengah.astype(np.int64))
        if len(gagal):  # no consistent look-alike career: an ordinary SIASN-only person
            rencana.kembar[gagal] = -1
            rencana.kembar_penuh[gagal] = False
            o.lahir_tetap[gagal] = False
            tarik_karier(o, gagal, config.as_of, rng(config, 4))
    return rencana


def _bangun(config: KonfigurasiSintesis, folder: Path, lapor: Lapor) -> dict[str, Any]:
    fmt = config.format_tabel
    banyak = config.instansi > 1
    baris: dict[str, int] = {}
    lapor(LANGKAH[0])
    r0 = rng(config, 0)
    instansi = daftar_instansi(config.instansi, config.pegawai, r0)
    unit = semua_unit(instansi, r0)
    lapor(LANGKAH[1])
    o = buat_orang(config, instansi, unit)
    rencana = _karier(o, config)
    r = rng(config, 5)
    prov_unit = unit["provinsi"].cast(pl.Int64).to_numpy()[o.unit]
    tempat_idx = tempat_lahir(r, prov_unit)
    wilayah = wilayah_nik(r, prov_unit, tempat_idx)
    nip_int = nip_angka(o)
    nik_int = nik_angka(o, wilayah)
    periksa_contoh(o, nip_int, nik_int, wilayah)
    nama = pilih_nama(r, o.jk, TEMPAT_PROV[tempat_idx])
    kembar = np.flatnonzero(rencana.kembar >= 0)
    penuh = kembar[rencana.kembar_penuh[kembar]]
    for w in nama.w[:2]:
        w[penuh] = w[rencana.kembar[penuh]]
    gelar = pilih_gelar(r, o.pendidikan)
    judul = judul_jabatan(r, o, unit)
    jab = buat_jabatan(o, unit, judul, rng(config, 6), banyak)
    jabatan_id = jab.id_pegawai
    tabel_jabatan = jab.tabel
    del jab
    kanon = bingkai(
        o,
        nip=pl.Series(nip_int).cast(pl.String),
        nik=pl.Series(nik_int).cast(pl.String).str.zfill(16),
        nama=teks_nama(nama),
        gelar=gelar,
        tempat=TEMPAT_NAMA.gather(pl.Series(tempat_idx)),
        jabatan=judul.teks,
        jabatan_id=jabatan_id,
        unit=unit,
        instansi=instansi if banyak else None,
    )
    del nama, gelar, judul, jabatan_id, nip_int, nik_int, wilayah, tempat_idx, prov_unit
    lapor(LANGKAH[2])
    pegawai = kanon.head(o.n)
    typo_rows = np.flatnonzero(rencana.nip_lokal_salah[: o.n])
    typo, ok = salah_ketik(pegawai["nip"].gather(pl.Series(typo_rows)), r, kanon["nip"], True)
    nip_kol = pegawai["nip"].clone().scatter(typo_rows[ok], typo.filter(pl.Series(ok)))
    pegawai = pegawai.with_columns(nip_kol.alias("nip"))
    pegawai, kesalahan = suntik(pegawai, o, rencana, config.galat, config.as_of, rng(config, 7))
    nip = pegawai["nip"]
    baris["pegawai"] = _tulis(pegawai.drop("_i"), folder, "pegawai", fmt)
    baris["jabatan"] = _tulis(isi_nip_pemangku(tabel_jabatan, nip), folder, "jabatan", fmt)
    del tabel_jabatan
    pegawai_menurut = menurut(pegawai)
    lapor(LANGKAH[3])
    siasn = buat_siasn(kanon, nip, o, rencana, unit, config.as_of, rng(config, 8))
    del kanon
    disparitas, pencocokan = bandingkan(pegawai, siasn)
    lokal = pegawai.select("_i", "nama", "golongan")
    del pegawai
    tampil, beda_format = tampilan(siasn, lokal, config.galat, rng(config, 9))
    del lokal
    nip_siasn_kembar = siasn.filter(pl.col("_i").is_in(pl.Series(kembar).implode()))
    bukan_pasangan = pl.DataFrame(
        {
            "nip": nip.gather(pl.Series(rencana.kembar[kembar])),
            "nip_siasn": nip_siasn_kembar.sort("_i")["nip"],
            "kemiripan": pl.Series(
                np.where(
                    rencana.kembar_penuh[kembar],
                    "tanggal_lahir, jenis_kelamin, nama_depan",
                    "tanggal_lahir",
                )
            ),
        }
    )
    del siasn
    xlsx = fmt is Format.CSV and tampil.height <= BATAS_XLSX
    berkas = untuk_berkas(tampil, xlsx)
    if xlsx:
        tulis_xlsx(berkas, folder / "siasn.xlsx")
        baris["siasn"] = berkas.height
    else:
        baris["siasn"] = _tulis(berkas, folder, "siasn", fmt)
    del berkas, tampil
    lapor(LANGKAH[4])
    tabel_kinerja, v31 = kinerja(o, nip, config.as_of, rng(config, 10), config.galat.v31_predikat)
    baris["kinerja"] = _tulis(tabel_kinerja, folder, "kinerja", fmt)
    del tabel_kinerja
    lapor(LANGKAH[5])
    tabel_asesmen = asesmen(o, nip, config.as_of, rng(config, 11))
    baris["asesmen"] = _tulis(tabel_asesmen, folder, "asesmen", fmt)
    del tabel_asesmen
    lapor(LANGKAH[6])
    tabel_diklat, v34 = diklat(o, nip, config.as_of, rng(config, 12))
    baris["diklat"] = _tulis(tabel_diklat, folder, "diklat", fmt)
    del tabel_diklat
    lapor(LANGKAH[7])
    baris["hukdis"] = _tulis(hukdis(o, nip, config.as_of, rng(config, 13)), folder, "hukdis", fmt)
    baris["relasi"] = _tulis(relasi(o, unit, nip, rng(config, 14)), folder, "relasi", fmt)
    tabel_unit = unit.select(
        "unit_kerja",
        "unit_kerja_nama",
        "induk",
        "tingkat",
        "provinsi",
        "provinsi_nama",
        *(["instansi"] if banyak else []),
        "ilustrasi",
    )
    baris["unit_kerja"] = _tulis(tabel_unit, folder, "unit_kerja", fmt)
    if banyak:
        baris["instansi"] = _tulis(instansi, folder, "instansi", fmt)
    lapor(LANGKAH[8])
    gt = folder / "ground_truth"
    gt.mkdir()
    tabel_pemetaan = pemetaan(o, nip)
    write_csv(tabel_pemetaan, gt / "pemetaan.csv")
    semua_galat = pl.concat(
        [
            kesalahan,
            v31.with_columns(jenis=pl.lit("disuntikkan")),
            v34.with_columns(jenis=pl.lit("alami")),
        ],
        how="vertical",
    )
    write_csv(semua_galat, gt / "kesalahan.csv")
    write_csv(disparitas, gt / "disparitas.csv")
    write_csv(pencocokan, gt / "pencocokan.csv")
    write_csv(bukan_pasangan, gt / "bukan_pasangan.csv")
    write_csv(beda_format, gt / "beda_format.csv")
    ringkasan = ringkas(
        config,
        pegawai_menurut=pegawai_menurut,
        pemetaan=tabel_pemetaan,
        kesalahan=semua_galat,
        disparitas=disparitas,
        beda_format=beda_format,
        bukan_pasangan=bukan_pasangan,
        baris=baris,
        format_tabel="xlsx" if xlsx else fmt.value,
    )
    with atomic_output(gt / "ringkasan.json") as sementara:
        sementara.write_text(
            json.dumps(ringkasan, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
    return ringkasan
