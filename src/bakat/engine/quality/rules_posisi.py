"""Rules on the ``jabatan`` table itself: its incumbents against ``pegawai``, and its
required competency levels (own rules Q07-Q10, Q14)."""

from __future__ import annotations

import polars as pl

from bakat.domain.jenjang import KATEGORI, KategoriJabatan
from bakat.domain.kompetensi import KOMPETENSI
from bakat.engine.quality.kode import ENUM_JENJANG, kode
from bakat.engine.quality.kondisi import ada
from bakat.engine.quality.registry import Dimensi, Konteks, Tingkat, aturan

_E, _W = Tingkat.ERROR, Tingkat.WARNING
_POSISI = "Tabel jabatan (formats.md); konsistensi data jabatan IKD (domain.md §4.12 [S])"
#: Managerial grades: one post, one holder (UU 20/2023 Pasal 14 [V]).
_MANAJERIAL = [j for j, k in KATEGORI.items() if k is KategoriJabatan.MANAJERIAL]
#: Competency levels run from 1 to 5 (PermenPANRB 38/2017; domain.md §4.11 [V/S]).
LEVEL_MINIMAL, LEVEL_MAKSIMAL = 1, 5


@aturan(
    id="Q07",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="jabatan",
    kolom="nip_pemangku",
    dasar=_POSISI,
    pesan="Pemangku jabatan {jabatan_id} (NIP {nip_pemangku}) tercatat di data pegawai pada "
    "jabatan lain ({_peg_jabatan}).",
    message="The incumbent of {jabatan_id} ({nip_pemangku}) holds another position "
    "({_peg_jabatan}) in the employee records.",
    berlaku=lambda k: pl.col("_peg_ada") & pl.col("_peg_aktif"),
    perlu_kolom=("nip_pemangku",),
)
def pemangku_tercatat_di_jabatan_lain(k: Konteks) -> pl.Expr:
    """Q07: the incumbent's own record points at this position."""
    return pl.col("_peg_jabatan").is_null() | (pl.col("_peg_jabatan") != pl.col("jabatan_id"))


@aturan(
    id="Q08",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="jabatan",
    kolom="nip_pemangku",
    dasar=_POSISI,
    pesan="Pemangku jabatan {jabatan_id} (NIP {nip_pemangku}) tidak ada di data pegawai.",
    message="The incumbent of {jabatan_id} ({nip_pemangku}) is not in the employee records.",
    berlaku=lambda k: ada("_kunci_pemangku"),
)
def pemangku_tidak_dikenal(k: Konteks) -> pl.Expr:
    """Q08: an incumbent NIP is an employee of the agency."""
    return ~pl.col("_peg_ada")


@aturan(
    id="Q09",
    tingkat=_W,
    dimensi=Dimensi.KETEPATAN_WAKTU,
    tabel="jabatan",
    kolom="nip_pemangku",
    dasar=_POSISI,
    pesan="Pemangku jabatan {jabatan_id} (NIP {nip_pemangku}) sudah tidak aktif; "
    "kosongkan jabatan atau perbarui pemangkunya.",
    message="The incumbent of {jabatan_id} ({nip_pemangku}) is no longer active.",
    berlaku=lambda k: pl.col("_peg_ada"),
)
def pemangku_tidak_aktif(k: Konteks) -> pl.Expr:
    """Q09: a position's incumbent is still serving (otherwise the post is vacant)."""
    return ~pl.col("_peg_aktif")


@aturan(
    id="Q10",
    tingkat=_E,
    dimensi=Dimensi.KONSISTENSI,
    tabel="jabatan",
    kolom="nip_pemangku",
    dasar=_POSISI,
    pesan="NIP {nip_pemangku} tercatat sebagai pemangku {jumlah} jabatan.",
    message="NIP {nip_pemangku} is the incumbent of {jumlah} positions.",
    berlaku=lambda k: ada("_kunci_pemangku"),
    isian={"jumlah": lambda k: pl.len().over("_kunci_pemangku")},
)
def pemangku_di_lebih_dari_satu_jabatan(k: Konteks) -> pl.Expr:
    """Q10: one person holds one position (definitive appointments; an acting holder,
    Plt, is not recorded as incumbent)."""
    return pl.col("_pemangku_ganda")


@aturan(
    id="Q10",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="jabatan",
    kolom="jabatan_id",
    dasar=_POSISI + "; UU 20/2023 Pasal 14 [V]",
    pesan="Jabatan manajerial {jabatan_id} ({jenjang_jabatan}) dipegang {_jumlah_pemegang} "
    "pegawai aktif menurut data pegawai.",
    message="Managerial position {jabatan_id} is held by {_jumlah_pemegang} active "
    "employees according to the employee records.",
    berlaku=lambda k: kode("jenjang_jabatan", ENUM_JENJANG).is_in(
        [list(ENUM_JENJANG.categories).index(j.value) for j in _MANAJERIAL]
    ),
    perlu_kolom=("jabatan_id", "jenjang_jabatan"),
)
def jabatan_manajerial_lebih_dari_satu_pemegang(k: Konteks) -> pl.Expr:
    """Q10: a managerial post (one post, one holder) is held by at most one active
    employee."""
    return pl.col("_jumlah_pemegang") > 1


def level_di_luar_rentang() -> pl.Expr:
    """Any of the nine competency levels present and outside 1..5."""
    return pl.any_horizontal(
        ~pl.col(c).is_between(LEVEL_MINIMAL, LEVEL_MAKSIMAL) for c in KOMPETENSI
    )


def daftar_level_salah() -> pl.Expr:
    """``kompetensi=level`` for each level outside 1..5, joined by commas."""
    return pl.concat_str(
        [
            pl.when(~pl.col(c).is_between(LEVEL_MINIMAL, LEVEL_MAKSIMAL)).then(
                pl.format(f"{c}={{}}", pl.col(c))
            )
            for c in KOMPETENSI
        ],
        separator=", ",
        ignore_nulls=True,
    )


@aturan(
    id="Q14",
    tingkat=_E,
    dimensi=Dimensi.AKURASI,
    tabel="jabatan",
    kolom="integritas",
    dasar="PermenPANRB 38/2017, level kompetensi 1-5 (domain.md §4.11 [S])",
    pesan=f"Level kompetensi yang dipersyaratkan jabatan {{jabatan_id}} di luar "
    f"{LEVEL_MINIMAL}-{LEVEL_MAKSIMAL}: {{salah}}.",
    message=f"Required competency levels of {{jabatan_id}} outside {LEVEL_MINIMAL}-"
    f"{LEVEL_MAKSIMAL}: {{salah}}.",
    nilai=lambda k: daftar_level_salah(),
    isian={"salah": lambda k: daftar_level_salah()},
    perlu_kolom=(),
)
def level_kompetensi_jabatan_di_luar_rentang(k: Konteks) -> pl.Expr:
    """Q14: required competency levels run 1..5 (PermenPANRB 38/2017 [S])."""
    return level_di_luar_rentang()
