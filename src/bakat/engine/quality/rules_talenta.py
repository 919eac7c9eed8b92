"""Talent-data rules: SKP predicates and coverage, competency development, sanctions
(domain.md §3.1, §4.7, §4.10; §8 V31, V33-V35)."""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.policy import tahun_kinerja
from bakat.domain.skp import Ekspektasi, Predikat, predikat_matriks
from bakat.engine.quality.kode import kode
from bakat.engine.quality.kondisi import ada, aktif, mulai_bertugas_sebelum
from bakat.engine.quality.registry import Dimensi, Konteks, Tingkat, aturan
from bakat.engine.quality.rujukan import tahun_jp

_E, _W, _I = Tingkat.ERROR, Tingkat.WARNING, Tingkat.INFO

ENUM_EKSPEKTASI = pl.Enum([e.value for e in Ekspektasi])
ENUM_PREDIKAT = pl.Enum([p.value for p in Predikat])
_EKSPEKTASI = list(ENUM_EKSPEKTASI.categories)
_PREDIKAT = list(ENUM_PREDIKAT.categories)
#: Code of the matrix predikat for each pair code ``3 * hasil kerja + perilaku kerja``.
MATRIKS = {
    3 * _EKSPEKTASI.index(hk.value) + _EKSPEKTASI.index(pk.value): _PREDIKAT.index(
        predikat_matriks(hk, pk).value
    )
    for hk in Ekspektasi
    for pk in Ekspektasi
}


@aturan(
    id="V31",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="kinerja",
    kolom="predikat",
    dasar="PermenPANRB 6/2022, matriks predikat kinerja (domain.md §3.1 [S])",
    pesan="Predikat {tahun} ({predikat}) tidak sesuai matriks: hasil kerja {hasil_kerja} dan "
    "perilaku kerja {perilaku_kerja} menghasilkan {seharusnya}.",
    message="The {tahun} predikat ({predikat}) does not follow the matrix: {hasil_kerja} and "
    "{perilaku_kerja} give {seharusnya}.",
    berlaku=lambda k: ada("hasil_kerja", "perilaku_kerja", "predikat"),
    isian={
        "seharusnya": lambda k: _matriks().replace_strict(
            dict(enumerate(_PREDIKAT)), default=None, return_dtype=pl.String
        )
    },
    perlu_kolom=("predikat", "hasil_kerja", "perilaku_kerja"),
)
def predikat_tidak_sesuai_matriks(k: Konteks) -> pl.Expr:
    """V31: the predikat equals matrix(hasil kerja, perilaku kerja) (PermenPANRB 6/2022;
    ``bakat.domain.skp.predikat_matriks``)."""
    return kode("predikat", ENUM_PREDIKAT) != _matriks()


def _matriks() -> pl.Expr:
    """The code of the predikat the matrix gives for the row's ratings."""
    pasangan = kode("hasil_kerja", ENUM_EKSPEKTASI) * 3 + kode("perilaku_kerja", ENUM_EKSPEKTASI)
    return pasangan.replace_strict(MATRIKS, default=None, return_dtype=pl.Int16)


def _awal_jendela(k: Konteks) -> date:
    return date(tahun_kinerja(k.as_of, k.policy)[0], 1, 1)


@aturan(
    id="V33",
    tingkat=_W,
    dimensi=Dimensi.KETEPATAN_WAKTU,
    tabel="pegawai",
    kolom="nip",
    dasar="Buleleng SIMATA; syarat pemetaan talenta (domain.md §2.5, §8 V33 [S])",
    pesan="SKP belum lengkap: {_skp_tahun} dari {jumlah} tahun ({tahun}); pegawai tidak "
    "dapat dipetakan sebelum SKP dilengkapi.",
    message="SKP incomplete: {_skp_tahun} of {jumlah} years ({tahun}); the employee cannot "
    "be mapped until it is complete.",
    berlaku=lambda k: (
        aktif() & (pl.col("_pns") | pl.col("_pppk")) & mulai_bertugas_sebelum(_awal_jendela(k))
    ),
    isian={
        "jumlah": lambda k: pl.lit(len(tahun_kinerja(k.as_of, k.policy))),
        "tahun": lambda k: pl.lit(", ".join(map(str, tahun_kinerja(k.as_of, k.policy)))),
    },
    perlu_tabel=("kinerja",),
    perlu_kolom=("status_kepegawaian",),
)
def skp_tidak_lengkap(k: Konteks) -> pl.Expr:
    """V33: an active PNS or PPPK in service for the whole SKP window has a valid
    predikat for each window year (``policy.kinerja``: the 2 calendar years before the
    as-of year); otherwise the record is "not mappable" rather than defaulted."""
    return ~pl.col("_skp_cukup")


@aturan(
    id="V34",
    tingkat=_W,
    dimensi=Dimensi.KELENGKAPAN,
    tabel="pegawai",
    kolom="nip",
    dasar="PP 11/2017 Pasal 203 jo. PP 17/2020, 20 JP per tahun (domain.md §4.10 [S])",
    pesan="Pengembangan kompetensi {tahun} baru {_jp} JP, di bawah {batas} JP per tahun.",
    message="Competency development in {tahun} is {_jp} JP, below {batas} JP a year.",
    berlaku=lambda k: aktif() & ada("status_kepegawaian") & _setahun_penuh(k),
    isian={
        "tahun": lambda k: pl.lit(tahun_jp(k.as_of)),
        "batas": lambda k: pl.lit(f"{k.policy.pengembangan.jp_per_tahun:g}"),
    },
    perlu_tabel=("diklat",),
    perlu_kolom=("status_kepegawaian",),
    indeks=False,
)
def jp_kurang_dari_batas(k: Konteks) -> pl.Expr:
    """V34: at least 20 JP of competency development in the last full calendar year
    (``policy.pengembangan.jp_per_tahun``); a flag about the person, not a data defect,
    so it does not count in the data-quality index. The unit share reaching it is
    reported separately (target ``policy.pengembangan.target_unit_persen``)."""
    return ~pl.col("_jp_cukup")


def _setahun_penuh(k: Konteks) -> pl.Expr:
    return mulai_bertugas_sebelum(date(tahun_jp(k.as_of), 1, 1))


@aturan(
    id="V35",
    tingkat=_I,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="nip",
    dasar="PP 94/2021; Buleleng, BPKP (domain.md §4.7, §8 V35 [S])",
    pesan="Sedang menjalani hukuman disiplin {_hukdis_tingkat} (TMT {_hukdis_tmt} sampai "
    "{_hukdis_akhir}); tidak dapat masuk kelompok rencana suksesi.",
    message="Serving a {_hukdis_tingkat} disciplinary sanction (TMT {_hukdis_tmt} to "
    "{_hukdis_akhir}); excluded from the succession pool.",
    berlaku=lambda k: aktif(),
    perlu_tabel=("hukdis",),
    perlu_kolom=(),
    indeks=False,
)
def hukdis_aktif(k: Konteks) -> pl.Expr:
    """V35: a sanction in force on the as-of date (``bakat.domain.hukdis.aktif_pada``)
    excludes the person from the succession pool: a notice, not a data defect."""
    return pl.col("_hukdis_aktif")
