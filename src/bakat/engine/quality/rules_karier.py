"""Career rules: appointment dates, golongan and pangkat, PPPK, retirement age
(domain.md §4.4, §4.6, §4.8, §4.9; §8 V12-V20, V27; own rules Q02, Q03)."""

from __future__ import annotations

import polars as pl

from bakat.domain.golongan import GOLONGAN_AWAL, PERIODE_KP, parse_pangkat
from bakat.domain.jenjang import Jenjang
from bakat.domain.pengangkatan import (
    TAHUN_MASA_CPNS_WAJAR,
    USIA_CPNS_MAKSIMAL,
    USIA_CPNS_MAKSIMAL_KHUSUS,
    USIA_CPNS_MINIMAL,
)
from bakat.engine.quality.kode import petakan_unik
from bakat.engine.quality.kondisi import ada, aktif, bernip, jenjang_dalam, pppk
from bakat.engine.quality.registry import Dimensi, Konteks, Tingkat, aturan

_E, _W = Tingkat.ERROR, Tingkat.WARNING
_PP99 = "PP 99/2000 tabel pangkat awal dan maksimal (domain.md §4.4 [S])"


_GOL_AWAL_TEKS = {p.value: g.value for p, g in GOLONGAN_AWAL.items()}


@aturan(
    id="V12",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="tmt_cpns",
    dasar="PP 11/2017 Pasal 23 (domain.md §4.6 [I])",
    pesan=f"Usia saat TMT CPNS {{_usia_cpns}} tahun, di luar {USIA_CPNS_MINIMAL}-"
    f"{USIA_CPNS_MAKSIMAL} tahun (kecuali formasi dengan batas usia "
    f"{USIA_CPNS_MAKSIMAL_KHUSUS} tahun); periksa tanggal lahir dan TMT CPNS.",
    message=f"Age at TMT CPNS is {{_usia_cpns}}, outside {USIA_CPNS_MINIMAL}-"
    f"{USIA_CPNS_MAKSIMAL} (except posts with an age limit of {USIA_CPNS_MAKSIMAL_KHUSUS}).",
    berlaku=lambda k: bernip() & ada("_usia_cpns"),
    perlu_kolom=("tmt_cpns", "tanggal_lahir"),
)
def usia_cpns_di_luar_batas(k: Konteks) -> pl.Expr:
    """V12: age at TMT CPNS between 18 and 35 (40 for exempt posts), PP 11/2017 Pasal 23
    [I]. The data does not say which posts are exempt, so it is a warning."""
    usia = pl.col("_usia_cpns")
    return (usia < USIA_CPNS_MINIMAL) | (usia > USIA_CPNS_MAKSIMAL)


@aturan(
    id="V13",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="tmt_pns",
    dasar="Masa percobaan CPNS 1 tahun, PP 11/2017 (domain.md §4.6, §8 [I])",
    pesan="TMT PNS ({tmt_pns}) lebih awal dari TMT CPNS ({tmt_cpns}).",
    message="TMT PNS ({tmt_pns}) is before TMT CPNS ({tmt_cpns}).",
    berlaku=lambda k: ada("tmt_pns", "tmt_cpns"),
    perlu_kolom=("tmt_pns", "tmt_cpns"),
)
def tmt_pns_sebelum_tmt_cpns(k: Konteks) -> pl.Expr:
    """V13 (error): TMT PNS is not before TMT CPNS (domain.md §8)."""
    return pl.col("tmt_pns") < pl.col("tmt_cpns")


@aturan(
    id="V13",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="tmt_pns",
    dasar="Masa percobaan CPNS 1 tahun, PP 11/2017 (domain.md §4.6, §8 [I])",
    pesan=f"TMT PNS ({{tmt_pns}}) lebih dari {TAHUN_MASA_CPNS_WAJAR} tahun sesudah TMT CPNS "
    "({tmt_cpns}); masa percobaan biasanya 1 tahun.",
    message=f"TMT PNS ({{tmt_pns}}) is more than {TAHUN_MASA_CPNS_WAJAR} years after TMT "
    "CPNS ({tmt_cpns}).",
    berlaku=lambda k: ada("tmt_pns", "tmt_cpns"),
    perlu_kolom=("tmt_pns", "tmt_cpns"),
)
def tmt_pns_terlambat(k: Konteks) -> pl.Expr:
    """V13 (warning): TMT PNS normally about 1 year after TMT CPNS; more than 2 years is a
    warning (domain.md §8 [I])."""
    return pl.col("tmt_pns") > pl.col("tmt_cpns").dt.offset_by(f"{TAHUN_MASA_CPNS_WAJAR}y")


@aturan(
    id="Q02",
    tingkat=_W,
    dimensi=Dimensi.KETEPATAN_WAKTU,
    tabel="pegawai",
    kolom="status_kepegawaian",
    dasar="Masa percobaan CPNS 1 tahun, PP 11/2017 (domain.md §4.6 [I])",
    pesan=f"Masih berstatus CPNS lebih dari {TAHUN_MASA_CPNS_WAJAR} tahun sejak TMT CPNS "
    "({tmt_cpns}); perbarui status dan TMT PNS.",
    message=f"Still CPNS more than {TAHUN_MASA_CPNS_WAJAR} years after TMT CPNS ({{tmt_cpns}}).",
    berlaku=lambda k: pl.col("_cpns") & aktif() & ada("tmt_cpns"),
    perlu_kolom=("status_kepegawaian", "tmt_cpns"),
)
def cpns_lebih_dari_2_tahun(k: Konteks) -> pl.Expr:
    """Q02: a CPNS serves a 1-year probation (domain.md §4.6 [I]); still CPNS after 2 years
    means the record was not updated."""
    return pl.col("tmt_cpns").dt.offset_by(f"{TAHUN_MASA_CPNS_WAJAR}y") < pl.lit(k.as_of)


@aturan(
    id="Q03",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="status_kepegawaian",
    dasar="UU 20/2023; PP 11/2017 (domain.md §4.6 [I])",
    pesan="Berstatus CPNS tetapi sudah memiliki TMT PNS ({tmt_pns}); perbarui status.",
    message="Recorded as CPNS but has a TMT PNS ({tmt_pns}).",
    berlaku=lambda k: pl.col("_cpns") & ada("tmt_pns"),
    perlu_kolom=("status_kepegawaian", "tmt_pns"),
)
def cpns_sudah_ber_tmt_pns(k: Konteks) -> pl.Expr:
    """Q03: a CPNS whose TMT PNS has passed is a PNS: status and date disagree."""
    return pl.col("tmt_pns") <= pl.lit(k.as_of)


@aturan(
    id="V14",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="golongan_awal",
    dasar=_PP99,
    pesan="Golongan awal ({golongan_awal}) lebih tinggi dari golongan awal untuk pendidikan "
    "{pendidikan}.",
    message="The starting golongan ({golongan_awal}) is above the one for education {pendidikan}.",
    berlaku=lambda k: bernip() & ada("_gol_awal", "pendidikan"),
    perlu_kolom=("golongan_awal", "pendidikan"),
)
def golongan_awal_melebihi_pendidikan(k: Konteks) -> pl.Expr:
    """V14: the starting golongan follows the entry education (PP 99/2000 [S]). Education
    may have risen since entry, so only a start above today's education is reported."""
    return pl.col("_gol_awal") > pl.col("_gol_awal_pend")


@aturan(
    id="V15",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="golongan",
    dasar=_PP99,
    pesan="Golongan ({golongan}) lebih rendah dari golongan awal ({golongan_awal}).",
    message="The golongan ({golongan}) is below the starting golongan ({golongan_awal}).",
    berlaku=lambda k: ada("_gol", "_gol_awal"),
    perlu_kolom=("golongan", "golongan_awal"),
)
def golongan_di_bawah_golongan_awal(k: Konteks) -> pl.Expr:
    """V15 (error): the current golongan is not below the starting one (PP 99/2000 [S])."""
    return pl.col("_gol") < pl.col("_gol_awal")


@aturan(
    id="V15",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="golongan",
    dasar=_PP99,
    pesan="Golongan ({golongan}) lebih rendah dari golongan awal untuk pendidikan {pendidikan} "
    "({awal}); periksa golongan atau penyesuaian ijazah.",
    message="The golongan ({golongan}) is below the starting golongan for education "
    "{pendidikan} ({awal}).",
    berlaku=lambda k: bernip() & pl.col("golongan_awal").is_null() & ada("_gol", "_gol_awal_pend"),
    isian={
        "awal": lambda k: (
            pl.col("pendidikan")
            .cast(pl.String)
            .replace_strict(_GOL_AWAL_TEKS, default=None, return_dtype=pl.String)
        )
    },
    perlu_kolom=("golongan", "pendidikan"),
)
def golongan_di_bawah_golongan_awal_pendidikan(k: Konteks) -> pl.Expr:
    """V15 (warning) when the starting golongan is not recorded: the current golongan is
    not below the start for the recorded education (PP 99/2000 [S]). A warning because
    education may have risen after entry without a rank adjustment (penyesuaian ijazah)."""
    return pl.col("_gol") < pl.col("_gol_awal_pend")


@aturan(
    id="V15",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="golongan",
    dasar=_PP99,
    pesan="Golongan pelaksana ({golongan}) melebihi golongan maksimal untuk pendidikan "
    "{pendidikan}; periksa golongan atau riwayat pendidikan.",
    message="The golongan of a pelaksana ({golongan}) is above the maximum for education "
    "{pendidikan}.",
    berlaku=lambda k: bernip() & jenjang_dalam(Jenjang.PELAKSANA) & ada("_gol", "_gol_maks_pend"),
    perlu_kolom=("golongan", "pendidikan", "jenjang_jabatan"),
)
def golongan_melebihi_batas_pendidikan(k: Konteks) -> pl.Expr:
    """V15 (warning): a pelaksana's golongan is at most the regular maximum for their
    education (PP 99/2000 [S]); staff who rose through further study or a JF are the
    reason it is a warning."""
    return pl.col("_gol") > pl.col("_gol_maks_pend")


@aturan(
    id="V16",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="pangkat",
    dasar="Daftar pangkat PNS, PP 99/2000 jo. PP 12/2002 (domain.md §4.4 [V])",
    pesan="Pangkat ({pangkat}) tidak sesuai dengan golongan {golongan}.",
    message="The pangkat ({pangkat}) does not match golongan {golongan}.",
    berlaku=lambda k: ada("pangkat", "golongan"),
    perlu_kolom=("pangkat", "golongan"),
)
def pangkat_tidak_sesuai_golongan(k: Konteks) -> pl.Expr:
    """V16: golongan and pangkat form a matching pair (domain.md §4.4 [V]); spelling
    ("Tk. I") does not matter (``bakat.domain.golongan.parse_pangkat``)."""
    dari_pangkat = petakan_unik(
        "pangkat", lambda teks: None if (g := parse_pangkat(teks)) is None else g.urutan, pl.Int16()
    )
    return dari_pangkat.is_null() | (dari_pangkat != pl.col("_gol"))


def _promosi() -> pl.Expr:
    """A tmt_golongan that is a promotion, not the starting golongan (TMT CPNS)."""
    return (
        pl.col("_pns")
        & ada("tmt_golongan")
        & (pl.col("tmt_cpns").is_null() | (pl.col("tmt_golongan") != pl.col("tmt_cpns")))
    )


@aturan(
    id="V17",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="tmt_golongan",
    dasar="Peraturan BKN 4/2023 dan 4/2025 (domain.md §4.4 [S])",
    pesan="TMT golongan ({tmt_golongan}) bukan tanggal 1.",
    message="TMT golongan ({tmt_golongan}) is not the 1st of a month.",
    berlaku=lambda k: ada("tmt_golongan"),
)
def tmt_golongan_bukan_tanggal_1(k: Konteks) -> pl.Expr:
    """V17: a TMT golongan falls on the 1st of a month (domain.md §4.4 [S])."""
    return pl.col("tmt_golongan").dt.day() != 1


@aturan(
    id="V17",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="tmt_golongan",
    dasar="Peraturan BKN 4/2023 dan 4/2025 (domain.md §4.4 [S])",
    pesan="TMT golongan ({tmt_golongan}) di luar bulan kenaikan pangkat yang berlaku pada "
    "tanggal itu (sebelum 2024: April/Oktober; 2024-September 2025: bulan genap), kecuali "
    "kenaikan pangkat istimewa.",
    message="TMT golongan ({tmt_golongan}) is outside the promotion months of its date.",
    berlaku=lambda k: _promosi(),
    perlu_kolom=("tmt_golongan", "status_kepegawaian"),
)
def tmt_golongan_di_luar_bulan_kp(k: Konteks) -> pl.Expr:
    """V17: a regular promotion takes effect in a KP month of its date: before 2024 April
    and October; 2024 to September 2025 even months (Peraturan BKN 4/2023); from
    October 2025 any month (Peraturan BKN 4/2025) [S]. Special promotions are the
    reason it is a warning. The starting golongan (TMT = TMT CPNS) is not a promotion."""
    tmt = pl.col("tmt_golongan")
    bulan = tmt.dt.month()
    # The periods of bakat.domain.golongan.PERIODE_KP, latest first.
    hasil: pl.Expr = pl.lit(False)
    for mulai, bulan_kp in PERIODE_KP:
        hasil = pl.when(tmt >= pl.lit(mulai)).then(~bulan.is_in(list(bulan_kp))).otherwise(hasil)
    return hasil


@aturan(
    id="V18",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="tmt_golongan",
    dasar="domain.md §8 V18 [I]",
    pesan="TMT golongan ({tmt_golongan}) lebih awal dari TMT CPNS ({tmt_cpns}).",
    message="TMT golongan ({tmt_golongan}) is before TMT CPNS ({tmt_cpns}).",
    berlaku=lambda k: ada("tmt_golongan", "tmt_cpns"),
    perlu_kolom=("tmt_golongan", "tmt_cpns"),
)
def tmt_golongan_sebelum_tmt_cpns(k: Konteks) -> pl.Expr:
    """V18: TMT golongan is not before TMT CPNS (domain.md §8 [I])."""
    return pl.col("tmt_golongan") < pl.col("tmt_cpns")


@aturan(
    id="V20",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="golongan",
    dasar="UU 20/2023; PPPK tidak memiliki golongan ruang (domain.md §4.4, §4.9 [S])",
    pesan="PPPK tercatat dengan golongan ruang PNS ({golongan}); PPPK memakai golongan "
    "PPPK I-XVII.",
    message="A PPPK is recorded with a PNS golongan ruang ({golongan}).",
    berlaku=lambda k: pppk(),
    perlu_kolom=("golongan", "status_kepegawaian"),
)
def pppk_bergolongan_ruang(k: Konteks) -> pl.Expr:
    """V20: PPPK have no golongan ruang I/a-IV/e (UU 20/2023; domain.md §4.9 [S])."""
    return pl.col("_gol").is_not_null()


@aturan(
    id="V20",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="tmt_pensiun",
    dasar="PPPK tidak memperoleh pensiun (domain.md §4.8, §4.9 [S])",
    pesan="PPPK tercatat dengan TMT pensiun ({tmt_pensiun}); PPPK tidak memperoleh pensiun.",
    message="A PPPK is recorded with a TMT pensiun ({tmt_pensiun}).",
    berlaku=lambda k: pppk(),
    perlu_kolom=("tmt_pensiun", "status_kepegawaian"),
)
def pppk_bertmt_pensiun(k: Konteks) -> pl.Expr:
    """V20: PPPK records carry no pension fields (domain.md §4.9 [S])."""
    return pl.col("tmt_pensiun").is_not_null()


@aturan(
    id="V27",
    tingkat=_E,
    dimensi=Dimensi.KETEPATAN_WAKTU,
    tabel="pegawai",
    kolom="tanggal_lahir",
    dasar="PP 11/2017 Pasal 239 (domain.md §4.8 [S]); PPPK: perjanjian kerja berakhir pada "
    "batas usia jabatan, PP 49/2018 (radarkaur.bacakoran.co 2024 [S])",
    pesan="Masih aktif padahal telah mencapai batas usia pensiun (BUP) {_bup} tahun untuk "
    "jenjang {jenjang_jabatan} sejak {tanggal_pensiun}; periksa tanggal lahir atau status.",
    message="Still active although the retirement age (BUP) {_bup} for {jenjang_jabatan} "
    "was reached on {tanggal_pensiun}.",
    berlaku=lambda k: aktif() & ada("_bulan_pensiun"),
    isian={"tanggal_pensiun": lambda k: tanggal_pensiun()},
    perlu_kolom=("tanggal_lahir", "jenjang_jabatan"),
)
def aktif_melewati_bup(k: Konteks) -> pl.Expr:
    """V27: an active employee is below the BUP of their post (58/60/65, PP 11/2017 Pasal
    239 [S]); retirement takes effect on the 1st of the month after reaching it [I]. A
    PPPK's contract does not run past the age limit of the post either,
    so PPPK are checked too (PP 49/2018 [S])."""
    return pl.col("_bulan_pensiun") <= k.as_of.year * 12 + k.as_of.month - 1


@aturan(
    id="V27",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="tmt_pensiun",
    dasar="PP 11/2017 Pasal 239 (domain.md §4.8 [S]); TMT tanggal 1 bulan berikutnya [I]",
    pesan="TMT pensiun ({tmt_pensiun}) tidak sesuai dengan BUP {_bup} tahun untuk jenjang "
    "{jenjang_jabatan} ({tanggal_pensiun}).",
    message="TMT pensiun ({tmt_pensiun}) does not match BUP {_bup} ({tanggal_pensiun}).",
    berlaku=lambda k: ~pppk() & ada("tmt_pensiun", "_bulan_pensiun"),
    isian={"tanggal_pensiun": lambda k: tanggal_pensiun()},
    perlu_kolom=("tmt_pensiun", "tanggal_lahir", "jenjang_jabatan"),
)
def tmt_pensiun_tidak_sesuai_bup(k: Konteks) -> pl.Expr:
    """V27: ``tmt_pensiun`` is the 1st of the month after reaching the BUP of the post."""
    tmt = pl.col("tmt_pensiun")
    bulan = tmt.dt.year().cast(pl.Int32) * 12 + tmt.dt.month().cast(pl.Int32) - 1
    return (bulan != pl.col("_bulan_pensiun")) | (tmt.dt.day() != 1)


def tanggal_pensiun() -> pl.Expr:
    """The retirement date from ``_bulan_pensiun`` (months since year 0, 0-based)."""
    bulan = pl.col("_bulan_pensiun")
    return pl.date(bulan // 12, bulan % 12 + 1, 1)
