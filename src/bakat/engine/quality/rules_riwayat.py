"""Rules on the history tables (kinerja, asesmen, diklat, hukdis) and on ``relasi``:
records of unknown employees, values out of range, sanction dates (own rules Q12-Q18)."""

from __future__ import annotations

import polars as pl

from bakat.engine.quality.kondisi import ada
from bakat.engine.quality.registry import Dimensi, Konteks, Rule, Tingkat, aturan, daftarkan
from bakat.engine.quality.rules_posisi import (
    LEVEL_MAKSIMAL,
    LEVEL_MINIMAL,
    daftar_level_salah,
    level_di_luar_rentang,
)

_E, _W = Tingkat.ERROR, Tingkat.WARNING
_RUJUKAN = "Integritas rujukan antartabel (formats.md); konsistensi IKD (domain.md §4.12 [S])"
#: Assessment scores are percentages (formats.md ``asesmen``).
SKOR_MINIMAL, SKOR_MAKSIMAL = 0.0, 100.0

_NAMA_TABEL = {
    "kinerja": "kinerja (SKP)",
    "asesmen": "asesmen",
    "diklat": "diklat",
    "hukdis": "hukuman disiplin",
}


def _nip_tidak_dikenal(tabel: str) -> Rule:
    """Q12 for ``tabel``: its rows belong to employees in ``pegawai``."""
    nama = f"{tabel}_nip_tidak_dikenal"
    label = _NAMA_TABEL[tabel]

    def violated(k: Konteks) -> pl.Expr:
        return ~pl.col("_peg_ada")

    violated.__name__ = nama
    violated.__doc__ = f"Q12: each row of {tabel} belongs to an employee in pegawai."
    return daftarkan(
        Rule(
            id="Q12",
            name=nama,
            tingkat=_W,
            dimensi=Dimensi.KONSISTENSI,
            tabel=tabel,
            kolom="nip",
            dasar=_RUJUKAN,
            pesan=f"Data {label} untuk NIP {{nip}} yang tidak ada di data pegawai.",
            message=f"A {tabel} record for NIP {{nip}}, which is not in the employee records.",
            violated=violated,
            berlaku=lambda k: ada("_kunci"),
            perlu_kolom=("nip",),
        )
    )


NIP_TIDAK_DIKENAL = tuple(_nip_tidak_dikenal(t) for t in _NAMA_TABEL)


@aturan(
    id="Q12",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="relasi",
    kolom="nip_a",
    dasar=_RUJUKAN,
    pesan="Relasi {nip_a} - {nip_b} ({hubungan}) menyebut NIP yang tidak ada di data "
    "pegawai: {tidak_ada}.",
    message="The relationship {nip_a} - {nip_b} names NIPs not in the employee records: "
    "{tidak_ada}.",
    nilai=lambda k: _tidak_ada(),
    isian={"tidak_ada": lambda k: _tidak_ada()},
    perlu_kolom=("nip_a", "nip_b"),
)
def relasi_nip_tidak_dikenal(k: Konteks) -> pl.Expr:
    """Q12: both sides of a declared relationship are employees (needed for recusal,
    PermenPANRB 17/2024; domain.md §5.2)."""
    return (ada("_kunci_a") & ~pl.col("_a_ada")) | (ada("_kunci_b") & ~pl.col("_b_ada"))


def _tidak_ada() -> pl.Expr:
    return pl.concat_str(
        [
            pl.when(~pl.col("_a_ada")).then(pl.col("nip_a")),
            pl.when(~pl.col("_b_ada")).then(pl.col("nip_b")),
        ],
        separator=", ",
        ignore_nulls=True,
    )


@aturan(
    id="Q17",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="relasi",
    kolom="nip_b",
    dasar="Relasi antarpegawai (formats.md; domain.md §5.2)",
    pesan="Relasi ({hubungan}) menghubungkan NIP {nip_a} dengan dirinya sendiri.",
    message="The relationship ({hubungan}) links NIP {nip_a} to itself.",
    berlaku=lambda k: ada("_kunci_a", "_kunci_b"),
    perlu_kolom=("nip_a", "nip_b"),
)
def relasi_dengan_diri_sendiri(k: Konteks) -> pl.Expr:
    """Q17: a relationship links two different people."""
    return pl.col("_kunci_a") == pl.col("_kunci_b")


@aturan(
    id="Q13",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="asesmen",
    kolom="skor_potensi",
    dasar="Skor asesmen 0-100 (formats.md asesmen; domain.md §2.6)",
    pesan=f"Skor asesmen {{tanggal}} di luar {SKOR_MINIMAL:g}-{SKOR_MAKSIMAL:g}: "
    "kompetensi {skor_kompetensi}, potensi {skor_potensi}.",
    message=f"Assessment scores of {{tanggal}} outside {SKOR_MINIMAL:g}-{SKOR_MAKSIMAL:g}: "
    "competency {skor_kompetensi}, potential {skor_potensi}.",
    nilai=lambda k: pl.format("{}; {}", pl.col("skor_kompetensi"), pl.col("skor_potensi")),
    perlu_kolom=("skor_kompetensi", "skor_potensi"),
)
def skor_asesmen_di_luar_rentang(k: Konteks) -> pl.Expr:
    """Q13: competency (job-person match) and potential scores are 0..100."""
    return ~pl.col("skor_kompetensi").is_between(SKOR_MINIMAL, SKOR_MAKSIMAL) | ~pl.col(
        "skor_potensi"
    ).is_between(SKOR_MINIMAL, SKOR_MAKSIMAL)


@aturan(
    id="Q14",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="asesmen",
    kolom="integritas",
    dasar="PermenPANRB 38/2017, level kompetensi 1-5 (domain.md §4.11 [S])",
    pesan=f"Level kompetensi hasil asesmen {{tanggal}} di luar {LEVEL_MINIMAL}-"
    f"{LEVEL_MAKSIMAL}: {{salah}}.",
    message=f"Assessed competency levels of {{tanggal}} outside {LEVEL_MINIMAL}-"
    f"{LEVEL_MAKSIMAL}: {{salah}}.",
    nilai=lambda k: daftar_level_salah(),
    isian={"salah": lambda k: daftar_level_salah()},
    perlu_kolom=(),
)
def level_kompetensi_asesmen_di_luar_rentang(k: Konteks) -> pl.Expr:
    """Q14: assessed competency levels run 1..5 (PermenPANRB 38/2017 [S])."""
    return level_di_luar_rentang()


@aturan(
    id="Q15",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="hukdis",
    kolom="tanggal_akhir",
    dasar="SIASN rw-hukdis hukumanTanggal, akhirHukumTanggal (domain.md §4.7 [S])",
    pesan="Tanggal akhir hukuman ({tanggal_akhir}) lebih awal dari TMT hukuman ({tmt}).",
    message="The sanction's end ({tanggal_akhir}) is before its TMT ({tmt}).",
    berlaku=lambda k: ada("tmt", "tanggal_akhir"),
    perlu_kolom=("tmt", "tanggal_akhir"),
)
def hukdis_berakhir_sebelum_tmt(k: Konteks) -> pl.Expr:
    """Q15: a sanction ends on or after its TMT."""
    return pl.col("tanggal_akhir") < pl.col("tmt")


@aturan(
    id="Q16",
    tingkat=_W,
    dimensi=Dimensi.KELENGKAPAN,
    tabel="hukdis",
    kolom="tanggal_akhir",
    dasar="PP 94/2021 masa hukuman (domain.md §4.7 [S]); bakat.domain.hukdis.aktif_pada",
    pesan="Hukuman disiplin {tingkat} TMT {tmt} tanpa tanggal akhir; dianggap masih berlaku "
    "sampai tanggal akhir diisi.",
    message="The {tingkat} sanction of {tmt} has no end date; it counts as in force until "
    "one is recorded.",
    berlaku=lambda k: ada("tmt"),
    perlu_kolom=("tmt",),
)
def hukdis_tanpa_tanggal_akhir(k: Konteks) -> pl.Expr:
    """Q16: a sanction records when it ends (PP 94/2021 sanctions run 6-12 months); a
    missing end keeps it in force for talent decisions, so it must be filled."""
    return pl.col("tanggal_akhir").is_null()


@aturan(
    id="Q18",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="diklat",
    kolom="jp",
    dasar="JP pengembangan kompetensi (domain.md §4.10 [S])",
    pesan="Jumlah JP diklat {nama} ({jp}) harus lebih dari 0.",
    message="The training {nama} has {jp} JP; it must be more than 0.",
    berlaku=lambda k: ada("jp"),
)
def jp_diklat_tidak_positif(k: Konteks) -> pl.Expr:
    """Q18: a training record has a positive number of hours (JP)."""
    return pl.col("jp") <= 0
