"""Identity rules: the NIP / NI PPPK structure and its agreement with the record,
duplicates, and titles written inside the name (domain.md §4.1-§4.3, §8 V01-V11, V40)."""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.identitas import PESAN, KodeMasalah
from bakat.domain.nip import (
    KODE_JENIS_KELAMIN,
    NIP_PANJANG,
    TAHUN_LAHIR_PALING_AWAL,
    TAHUN_PPPK_PALING_AWAL,
    USIA_PENGANGKATAN_MINIMAL,
)
from bakat.domain.wilayah import KODE_PROVINSI
from bakat.engine.quality.kode import (
    ENUM_JENIS_KELAMIN,
    bersih,
    cocok_jika,
    lookup,
    notasi_ilmiah,
)
from bakat.engine.quality.kondisi import ada, bernip, pppk
from bakat.engine.quality.registry import Dimensi, Konteks, Tingkat, aturan

_E, _W, _I = Tingkat.ERROR, Tingkat.WARNING, Tingkat.INFO
_PERKA = "Perka BKN 22/2007 dan 43/2007 (domain.md §4.1 [V])"
_DUKCAPIL = "UU 23/2006 Pasal 13; dukcapil.klaten.go.id (domain.md §4.3 [V])"

_ANGKA_DESIMAL = r"^\d+[.,]0+$"
# NIPs of people appointed before 2008 were converted from the old 9-digit NIP (Perka BKN
# 22/2007), where V03 is only a warning (domain.md §8).
_NIP_BARU_SEJAK = date(2008, 1, 1)
_PROVINSI = [int(kode) for kode in KODE_PROVINSI]
_KODE_JK = [int(kode) for kode in KODE_JENIS_KELAMIN.values()]
_KODE_PEREMPUAN = list(ENUM_JENIS_KELAMIN.categories).index("P")


def pesan_domain(kode: KodeMasalah, nama: str, **rincian: object) -> str:
    """The Indonesian message of ``bakat.domain.identitas`` with ``{}`` where the value
    goes (filled by ``pl.format``)."""
    return PESAN[kode][0].format(nama=nama, nilai="{}", **rincian)


def alasan_format(teks: pl.Expr, nama: str, panjang: int) -> pl.Expr:
    """Why a cleaned identifier in ``kolom`` is not ``panjang`` digits, in the words of
    ``bakat.domain.identitas`` (scientific notation, decimal, foreign characters,
    length). ``teks``: the cleaned identifier."""
    asing = (
        teks.str.extract_all(r"[^0-9]")
        .list.unique(maintain_order=True)
        .list.eval(pl.format("'{}'", pl.element()))
        .list.join(" ")
    )
    panjang_salah = PESAN[KodeMasalah.PANJANG_SALAH][0].format(
        nama=nama, nilai="", harus=panjang, panjang="{}"
    )
    return (
        pl.when(teks.str.contains(notasi_ilmiah()))
        .then(pl.format(pesan_domain(KodeMasalah.NOTASI_ILMIAH, nama), teks))
        .when(teks.str.contains(_ANGKA_DESIMAL))
        .then(pl.format(pesan_domain(KodeMasalah.ANGKA_DESIMAL, nama), teks))
        .when(teks.str.contains(r"[^0-9]"))
        .then(pl.format(pesan_domain(KodeMasalah.BUKAN_DIGIT, nama), asing))
        .otherwise(pl.format(panjang_salah, teks.str.len_chars()))
    )


@aturan(
    id="V01",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="nip",
    dasar=_PERKA,
    pesan="{alasan}",
    message="The NIP ({nip}) is not exactly 18 digits.",
    berlaku=lambda k: pl.col("_kunci").is_not_null(),
    isian={"alasan": lambda k: alasan_format(bersih("nip"), "NIP", NIP_PANJANG)},
)
def nip_bukan_18_digit(k: Konteks) -> pl.Expr:
    """V01: the NIP (or NI PPPK) is exactly 18 digits (Perka BKN 22/2007 [V]); a value a
    spreadsheet turned into ``1.98E+17`` is reported with its own explanation."""
    return ~pl.col("_nip_18")


@aturan(
    id="V02",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="nip",
    dasar=_PERKA,
    pesan=f"Tanggal lahir dalam NIP ({{_nip_lahir}}) bukan tanggal yang sah "
    f"(tahun {TAHUN_LAHIR_PALING_AWAL} sampai tanggal acuan).",
    message="The birth date in the NIP ({_nip_lahir}) is not a valid date.",
    berlaku=lambda k: pl.col("_nip_18"),
)
def nip_tanggal_lahir_tidak_valid(k: Konteks) -> pl.Expr:
    """V02: NIP positions 1-8 are a real birth date ``YYYYMMDD`` (Perka BKN 22/2007 [V])."""
    return ~pl.col("_nip_lahir_sah")


@aturan(
    id="V02",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="tanggal_lahir",
    dasar=_PERKA,
    pesan="Tanggal lahir dalam NIP ({nip_lahir}) tidak sama dengan tanggal lahir "
    "({tanggal_lahir}).",
    message="The birth date in the NIP ({nip_lahir}) differs from the birth date "
    "({tanggal_lahir}).",
    berlaku=lambda k: pl.col("_nip_lahir_sah") & ada("tanggal_lahir"),
    isian={"nip_lahir": lambda k: pl.col("_nip_lahir").cast(pl.String).str.to_date("%Y%m%d")},
    perlu_kolom=("nip", "tanggal_lahir"),
)
def nip_tanggal_lahir_tidak_cocok(k: Konteks) -> pl.Expr:
    """V02: NIP positions 1-8 equal the recorded birth date (Perka BKN 22/2007 [V])."""
    return pl.col("_nip_lahir") != pl.col("_lahir")


def _tmt_cpns_tidak_cocok() -> pl.Expr:
    tmt = pl.col("tmt_cpns")
    return (pl.col("_nip_tmt_tahun") != tmt.dt.year()) | (
        pl.col("_nip_tmt_bulan") != tmt.dt.month()
    )


def _berlaku_v03(baru: bool) -> pl.Expr:
    sejak = pl.col("tmt_cpns") >= pl.lit(_NIP_BARU_SEJAK)
    return bernip() & pl.col("_nip_18") & ada("tmt_cpns") & (sejak if baru else ~sejak)


_ISIAN_TMT = {
    "nip_tmt": lambda k: pl.format(
        "{}-{}", pl.col("_nip_tmt_tahun"), pl.col("_nip_tmt_bulan").cast(pl.String).str.zfill(2)
    ),
    "tmt_bulan": lambda k: pl.col("tmt_cpns").dt.strftime("%Y-%m"),
}


@aturan(
    id="V03",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="tmt_cpns",
    dasar=_PERKA,
    pesan="TMT CPNS dalam NIP ({nip_tmt}) tidak sama dengan bulan TMT CPNS ({tmt_bulan}).",
    message="The TMT CPNS in the NIP ({nip_tmt}) differs from the TMT CPNS month ({tmt_bulan}).",
    berlaku=lambda k: _berlaku_v03(baru=True),
    isian=_ISIAN_TMT,
    perlu_kolom=("nip", "tmt_cpns"),
)
def nip_tmt_cpns_tidak_cocok(k: Konteks) -> pl.Expr:
    """V03: for CPNS/PNS (not PPPK), NIP positions 9-14 equal the year and month of TMT CPNS
    (Perka BKN 22/2007 [V]). An error for NIPs issued from 2008 on."""
    return _tmt_cpns_tidak_cocok()


@aturan(
    id="V03",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="tmt_cpns",
    dasar=_PERKA + "; NIP konversi sebelum 2008",
    pesan="TMT CPNS dalam NIP konversi ({nip_tmt}) tidak sama dengan bulan TMT CPNS ({tmt_bulan}).",
    message="The TMT CPNS in the converted NIP ({nip_tmt}) differs from the TMT CPNS month "
    "({tmt_bulan}).",
    berlaku=lambda k: _berlaku_v03(baru=False),
    isian=_ISIAN_TMT,
    perlu_kolom=("nip", "tmt_cpns"),
)
def nip_konversi_tmt_cpns_tidak_cocok(k: Konteks) -> pl.Expr:
    """V03 for NIPs converted from the old 9-digit NIP (TMT CPNS before 2008): a warning
    (domain.md §8)."""
    return _tmt_cpns_tidak_cocok()


@aturan(
    id="V04",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="nip",
    dasar=_PERKA,
    pesan="Digit jenis kelamin dalam NIP ({_nip_jk}) harus 1 (laki-laki) atau 2 (perempuan).",
    message="The sex digit in the NIP ({_nip_jk}) must be 1 (male) or 2 (female).",
    berlaku=lambda k: pl.col("_nip_18"),
)
def nip_kode_jenis_kelamin_tidak_valid(k: Konteks) -> pl.Expr:
    """V04: NIP position 15 is 1 or 2 (Perka BKN 22/2007 [V])."""
    return ~pl.col("_nip_jk").is_in(_KODE_JK)


@aturan(
    id="V04",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="jenis_kelamin",
    dasar=_PERKA,
    pesan="Digit jenis kelamin dalam NIP ({_nip_jk}) tidak sesuai dengan jenis kelamin "
    "({jenis_kelamin}); 1 = laki-laki, 2 = perempuan.",
    message="The sex digit in the NIP ({_nip_jk}) disagrees with the recorded sex "
    "({jenis_kelamin}).",
    berlaku=lambda k: pl.col("_nip_jk").is_in(_KODE_JK) & ada("_jk"),
    perlu_kolom=("nip", "jenis_kelamin"),
)
def nip_jenis_kelamin_tidak_cocok(k: Konteks) -> pl.Expr:
    """V04: NIP position 15 matches the recorded sex, 1 male, 2 female (Perka BKN
    22/2007 [V])."""
    seharusnya = lookup(
        pl.col("_jk"),
        ENUM_JENIS_KELAMIN,
        {jk.value: int(kode) for jk, kode in KODE_JENIS_KELAMIN.items()},
        pl.Int32(),
    )
    return pl.col("_nip_jk") != seharusnya


@aturan(
    id="V05",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="nip",
    dasar=_PERKA,
    pesan=pesan_domain(KodeMasalah.NOMOR_URUT_NOL, "NIP").replace("{}", "{urut}"),
    message="The serial number in the NIP ({urut}) must start at 1.",
    berlaku=lambda k: pl.col("_nip_18"),
    isian={"urut": lambda k: pl.col("_nip_urut").cast(pl.String).str.zfill(3)},
)
def nip_nomor_urut_nol(k: Konteks) -> pl.Expr:
    """V05: NIP positions 16-18 are not ``000`` (the serial starts at 001; Perka BKN
    22/2007 [V])."""
    return pl.col("_nip_urut") == 0


@aturan(
    id="V06",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="nip",
    dasar="Kepka BKN 87/2021, jenis kesalahan data ganda (domain.md §4.12, §8 [S])",
    pesan="NIP {nip_bersih} tercatat pada {jumlah} data pegawai (data ganda); sisakan satu.",
    message="The NIP {nip_bersih} is on {jumlah} employee records (duplicate).",
    berlaku=lambda k: pl.col("_kunci").is_not_null(),
    isian={"nip_bersih": lambda k: bersih("nip"), "jumlah": lambda k: pl.len().over("_kunci")},
)
def nip_ganda(k: Konteks) -> pl.Expr:
    """V06: a NIP is unique after normalisation (spaces, a leading apostrophe); a duplicate
    is a PDM "data ganda" case (Kepka BKN 87/2021 [S])."""
    return pl.col("_nip_ganda")


@aturan(
    id="V07",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="nip_lama",
    dasar="Konversi NIP lama 9 digit, Perka BKN 22/2007 (domain.md §4.1 [V])",
    pesan="NIP lama ({nip_lama}) harus 9 digit angka.",
    message="The old NIP ({nip_lama}) must be 9 digits.",
    berlaku=lambda k: ada("nip_lama"),
)
def nip_lama_bukan_9_digit(k: Konteks) -> pl.Expr:
    """V07: the old NIP (before 2008), if present, is 9 digits (domain.md §4.1 [V])."""
    lama = pl.col("nip_lama").str.replace_all(r"\s", "").str.strip_prefix("'")
    return ~lama.str.contains(r"^\d{9}$")


@aturan(
    id="V08",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="nip",
    dasar="foppsirokanhulu 2024 (domain.md §4.2 [S]); PPPK pertama 2019 [I]",
    pesan=f"Tahun pengangkatan dalam NI PPPK ({{_nip_tmt_tahun}}) tidak wajar: harus antara "
    f"{TAHUN_PPPK_PALING_AWAL} dan tahun acuan, dan sesudah pegawai berusia "
    f"{USIA_PENGANGKATAN_MINIMAL} tahun.",
    message="The appointment year in the NI PPPK ({_nip_tmt_tahun}) is implausible.",
    berlaku=lambda k: pppk() & pl.col("_nip_18"),
    perlu_kolom=("nip", "status_kepegawaian"),
)
def ni_pppk_tahun_pengangkatan_tidak_wajar(k: Konteks) -> pl.Expr:
    """V08: a PPPK's NI PPPK has the NI PPPK structure: positions 9-12 are the year first
    appointed, from 2019 (first PPPK) up to the as-of year, and not before age 14
    (``bakat.domain.nip.parse_ni_pppk``). The PNS TMT CPNS check does not apply."""
    tahun = pl.col("_nip_tmt_tahun")
    lahir = pl.col("_nip_lahir") // 10000
    return (
        (tahun < TAHUN_PPPK_PALING_AWAL)
        | (tahun > k.as_of.year)
        | (tahun < lahir + USIA_PENGANGKATAN_MINIMAL)
    )


# Academic titles written inside the name: "Budi, S.Sos.", "Dr. Ani", "Ir. Budi" ...
_GELAR_DI_NAMA = (
    r",\s*(?:[A-Z][A-Za-z]{0,5}\.)+|^(?:Prof|Dr|Drs|Dra|Ir|dr|drg|drh|Ns|apt)\.?\s"
    r"|\s(?:S|M|A)\.[A-Z][A-Za-z]*\.?(?:\s|,|$)"
)


@aturan(
    id="V40",
    tingkat=_I,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="nama",
    dasar="IKD konsistensi (domain.md §4.12, §8 V40 [S])",
    pesan="Nama ({nama}) memuat gelar; pindahkan gelar ke kolom gelar_depan/gelar_belakang.",
    message="The name ({nama}) contains academic titles; move them to the title columns.",
    berlaku=lambda k: ada("nama"),
)
def gelar_tertulis_di_nama(k: Konteks) -> pl.Expr:
    """V40: titles belong in ``gelar_depan``/``gelar_belakang``, not in ``nama`` (name
    normalisation before duplicate detection; domain.md §8 [S])."""
    return cocok_jika("nama", _GELAR_DI_NAMA, (".", ","))
