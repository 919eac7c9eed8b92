"""The true personnel record of everyone, as a frame with the canonical columns of
formats.md (``pegawai``/``siasn``) plus the optional ``golongan_awal`` and ``pangkat``
(rules V14, V16) and, for several agencies, ``instansi`` (the agency id; names are in
the ``instansi`` table).

``_i`` is the person index (internal; dropped before writing).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from bakat.domain.golongan import PANGKAT, Golongan, golongan_awal
from bakat.synth import kalender as k
from bakat.synth.biodata import Gelar
from bakat.synth.people import JENJANG, PENDIDIKAN, PNS, PPPK, STATUS, Orang

KOLOM_PEGAWAI: tuple[str, ...] = (
    "nip",
    "nik",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "jenis_kelamin",
    "tempat_lahir",
    "tanggal_lahir",
    "status_kepegawaian",
    "tmt_cpns",
    "tmt_pns",
    "golongan",
    "golongan_awal",
    "pangkat",
    "tmt_golongan",
    "jenjang_jabatan",
    "jabatan",
    "jabatan_id",
    "tmt_jabatan",
    "unit_kerja",
    "unit_kerja_nama",
    "pendidikan",
    "jurusan",
    "status_aktif",
)
GOLONGAN: tuple[Golongan, ...] = tuple(Golongan)
#: golongan text by rank order 1..17 (index 0 = none).
GOLONGAN_TEKS = pl.Series([None, *(g.value for g in GOLONGAN)], dtype=pl.String)
PANGKAT_TEKS = pl.Series([None, *(PANGKAT[g] for g in GOLONGAN)], dtype=pl.String)
_AWAL = np.array([golongan_awal(p).urutan for p in PENDIDIKAN], dtype=np.int64)


def golongan_teks(urutan: pl.Series) -> pl.Series:
    """golongan text ("III/a") for rank orders (0 = null)."""
    return GOLONGAN_TEKS.gather(urutan)


def bingkai(
    o: Orang,
    *,
    nip: pl.Series,
    nik: pl.Series,
    nama: pl.Series,
    gelar: Gelar,
    tempat: pl.Series,
    jabatan: pl.Series,
    jabatan_id: pl.Series,
    unit: pl.DataFrame,
    instansi: pl.DataFrame | None,
) -> pl.DataFrame:
    """Everyone's true record (``o.p`` rows; ``jabatan_id`` covers the first ``o.n``)."""
    p = o.p
    st = o.status
    ber_nip = st != PPPK
    awal = np.where(ber_nip, _AWAL[o.pendidikan], 0)
    u = pl.Series(o.unit)
    kolom: dict[str, pl.Series] = {
        "nip": nip,
        "nik": nik,
        "nama": nama,
        "gelar_depan": gelar.depan,
        "gelar_belakang": gelar.belakang,
        "jenis_kelamin": pl.Series(np.where(o.jk == 2, "P", "L")),
        "tempat_lahir": tempat,
        "tanggal_lahir": k.seri_tanggal(o.lahir),
        "status_kepegawaian": pl.Series([s.value for s in STATUS]).gather(pl.Series(st)),
        "tmt_cpns": k.seri_tanggal(o.tmt_masuk, ber_nip),
        "tmt_pns": k.seri_tanggal(o.tmt_pns, st == PNS),
        "golongan": golongan_teks(pl.Series(o.golongan.astype(np.int64))),
        "golongan_awal": golongan_teks(pl.Series(awal)),
        "pangkat": PANGKAT_TEKS.gather(pl.Series(o.golongan.astype(np.int64))),
        "tmt_golongan": k.seri_tanggal(o.tmt_golongan, ber_nip),
        "jenjang_jabatan": pl.Series([j.value for j in JENJANG]).gather(pl.Series(o.jenjang)),
        "jabatan": jabatan,
        "jabatan_id": jabatan_id.extend_constant(None, p - o.n),
        "tmt_jabatan": k.seri_tanggal(o.tmt_jabatan),
        "unit_kerja": unit["unit_kerja"].gather(u),
        "unit_kerja_nama": unit["unit_kerja_nama"].gather(u),
        "pendidikan": pl.Series([x.value for x in PENDIDIKAN]).gather(pl.Series(o.pendidikan)),
        "jurusan": gelar.jurusan,
        "status_aktif": pl.Series(o.aktif),
    }
    df = pl.DataFrame({n: s.alias(n) for n, s in kolom.items()})
    if instansi is not None:
        inst = pl.Series(o.instansi)
        df = df.with_columns(instansi=instansi["instansi"].gather(inst))
    return df.with_columns(_i=pl.int_range(p, dtype=pl.Int64))
