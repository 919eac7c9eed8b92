"""Position grades (jenjang jabatan): category, order, BUP, rank range, career ladder.

The 14 grades of formats.md ``jenjang_jabatan``. Managerial posts (JPT utama, madya,
pratama; administrator; pengawas) and non-managerial posts (JF keahlian, JF keterampilan,
pelaksana) follow UU 20/2023 Pasal 14 and 18 [V] (domain.md §4.5).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from bakat.domain.golongan import Golongan
from bakat.domain.pendidikan import Pendidikan


class Jenjang(StrEnum):
    """Position grade (formats.md ``jenjang_jabatan``); value == name."""

    JPT_UTAMA = "JPT_UTAMA"
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    PELAKSANA = "PELAKSANA"
    AHLI_UTAMA = "AHLI_UTAMA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_PERTAMA = "AHLI_PERTAMA"
    PENYELIA = "PENYELIA"
    MAHIR = "MAHIR"
    TERAMPIL = "TERAMPIL"
    PEMULA = "PEMULA"


class KategoriJabatan(StrEnum):
    """Position category (UU 20/2023 Pasal 14, 18 [V]; domain.md §4.5)."""

    MANAJERIAL = "MANAJERIAL"
    FUNGSIONAL_KEAHLIAN = "FUNGSIONAL_KEAHLIAN"
    FUNGSIONAL_KETERAMPILAN = "FUNGSIONAL_KETERAMPILAN"
    PELAKSANA = "PELAKSANA"


_J = Jenjang

KATEGORI: Mapping[Jenjang, KategoriJabatan] = MappingProxyType(
    {
        _J.JPT_UTAMA: KategoriJabatan.MANAJERIAL,
        _J.JPT_MADYA: KategoriJabatan.MANAJERIAL,
        _J.JPT_PRATAMA: KategoriJabatan.MANAJERIAL,
        _J.ADMINISTRATOR: KategoriJabatan.MANAJERIAL,
        _J.PENGAWAS: KategoriJabatan.MANAJERIAL,
        _J.PELAKSANA: KategoriJabatan.PELAKSANA,
        _J.AHLI_UTAMA: KategoriJabatan.FUNGSIONAL_KEAHLIAN,
        _J.AHLI_MADYA: KategoriJabatan.FUNGSIONAL_KEAHLIAN,
        _J.AHLI_MUDA: KategoriJabatan.FUNGSIONAL_KEAHLIAN,
        _J.AHLI_PERTAMA: KategoriJabatan.FUNGSIONAL_KEAHLIAN,
        _J.PENYELIA: KategoriJabatan.FUNGSIONAL_KETERAMPILAN,
        _J.MAHIR: KategoriJabatan.FUNGSIONAL_KETERAMPILAN,
        _J.TERAMPIL: KategoriJabatan.FUNGSIONAL_KETERAMPILAN,
        _J.PEMULA: KategoriJabatan.FUNGSIONAL_KETERAMPILAN,
    }
)

# Order within the category, 1 = lowest grade (domain.md §4.5 [V/S]).
URUTAN_JENJANG: Mapping[Jenjang, int] = MappingProxyType(
    {
        _J.PENGAWAS: 1,
        _J.ADMINISTRATOR: 2,
        _J.JPT_PRATAMA: 3,
        _J.JPT_MADYA: 4,
        _J.JPT_UTAMA: 5,
        _J.AHLI_PERTAMA: 1,
        _J.AHLI_MUDA: 2,
        _J.AHLI_MADYA: 3,
        _J.AHLI_UTAMA: 4,
        _J.PEMULA: 1,
        _J.TERAMPIL: 2,
        _J.MAHIR: 3,
        _J.PENYELIA: 4,
        _J.PELAKSANA: 1,
    }
)

# Batas Usia Pensiun, PP 11/2017 Pasal 239 (domain.md §4.8 [S]): 58 for administrator,
# pengawas, pelaksana, JF ahli pertama/muda and JF keterampilan; 60 for JPT and JF ahli
# madya; 65 for JF ahli utama. JFs with their own law (teachers, lecturers) are not modelled.
BUP: Mapping[Jenjang, int] = MappingProxyType(
    {
        _J.JPT_UTAMA: 60,
        _J.JPT_MADYA: 60,
        _J.JPT_PRATAMA: 60,
        _J.ADMINISTRATOR: 58,
        _J.PENGAWAS: 58,
        _J.PELAKSANA: 58,
        _J.AHLI_UTAMA: 65,
        _J.AHLI_MADYA: 60,
        _J.AHLI_MUDA: 58,
        _J.AHLI_PERTAMA: 58,
        _J.PENYELIA: 58,
        _J.MAHIR: 58,
        _J.TERAMPIL: 58,
        _J.PEMULA: 58,
    }
)

_G = Golongan

# Lowest and highest golongan for the grade (rules V22, V23).
# JF grades: Keppres 87/1999 Pasal 5-6 / PermenPANRB 1/2023 (domain.md §4.5 [S]).
# Managerial grades: the eselon equivalents (UU 5/2014 Pasal 131 [I]) with the pangkat
# range of PP 13/2002 (domain.md §4.5 [S]), each eselon's a and b rows merged:
# JPT utama and madya ~ eselon I (Ia IV/d-IV/e, Ib IV/c-IV/e), JPT pratama ~ eselon II
# (IV/b-IV/d), administrator ~ eselon III (III/d-IV/b), pengawas ~ eselon IV (III/b-III/d).
# Pelaksana: None. Their ceiling depends on education (PP 99/2000; rule V15), see
# ``bakat.domain.golongan.rentang_golongan_reguler``; a fixed range would report the
# same fact twice.
RENTANG_GOLONGAN: Mapping[Jenjang, tuple[Golongan, Golongan] | None] = MappingProxyType(
    {
        _J.JPT_UTAMA: (_G.IV_C, _G.IV_E),
        _J.JPT_MADYA: (_G.IV_C, _G.IV_E),
        _J.JPT_PRATAMA: (_G.IV_B, _G.IV_D),
        _J.ADMINISTRATOR: (_G.III_D, _G.IV_B),
        _J.PENGAWAS: (_G.III_B, _G.III_D),
        _J.PELAKSANA: None,
        _J.AHLI_UTAMA: (_G.IV_D, _G.IV_E),
        _J.AHLI_MADYA: (_G.IV_A, _G.IV_C),
        _J.AHLI_MUDA: (_G.III_C, _G.III_D),
        _J.AHLI_PERTAMA: (_G.III_A, _G.III_B),
        _J.PENYELIA: (_G.III_C, _G.III_D),
        _J.MAHIR: (_G.III_A, _G.III_B),
        _J.TERAMPIL: (_G.II_B, _G.II_D),
        _J.PEMULA: (_G.II_A, _G.II_A),
    }
)

# The "one step below" career ladder for succession (domain.md §2.8, §4.6): the grades
# whose holders are the natural candidates for a post of the key grade.
# - JPT utama <- JPT madya, JF ahli utama: PP 11/2017 Pasal 107 as amended [S].
# - JPT madya <- JPT pratama, JF ahli utama: same pattern [I].
# - JPT pratama <- administrator, JF ahli madya: PP 11/2017 Pasal 107 [S].
# - Administrator <- pengawas "or an equivalent JF": PP 11/2017 Pasal 54 [S]; the
#   equivalent JF is ahli muda, following the equalisation of posts in the bureaucratic
#   simplification (PermenPANRB 17/2021: administrator ~ ahli madya, pengawas ~ ahli muda,
#   eselon V ~ ahli pertama) [I].
# - Pengawas <- pelaksana "or an equivalent JF" (Pasal 54 [S]): ahli pertama (the eselon V
#   equivalent) and penyelia (the top keterampilan grade, III/c-III/d, inside the pengawas
#   range) [I].
# - JF grades: the next lower grade of the same category (PermenPANRB 1/2023 [S]).
JENJANG_DI_BAWAH: Mapping[Jenjang, frozenset[Jenjang]] = MappingProxyType(
    {
        _J.JPT_UTAMA: frozenset({_J.JPT_MADYA, _J.AHLI_UTAMA}),
        _J.JPT_MADYA: frozenset({_J.JPT_PRATAMA, _J.AHLI_UTAMA}),
        _J.JPT_PRATAMA: frozenset({_J.ADMINISTRATOR, _J.AHLI_MADYA}),
        _J.ADMINISTRATOR: frozenset({_J.PENGAWAS, _J.AHLI_MUDA}),
        _J.PENGAWAS: frozenset({_J.PELAKSANA, _J.AHLI_PERTAMA, _J.PENYELIA}),
        _J.PELAKSANA: frozenset(),
        _J.AHLI_UTAMA: frozenset({_J.AHLI_MADYA}),
        _J.AHLI_MADYA: frozenset({_J.AHLI_MUDA}),
        _J.AHLI_MUDA: frozenset({_J.AHLI_PERTAMA}),
        _J.AHLI_PERTAMA: frozenset(),
        _J.PENYELIA: frozenset({_J.MAHIR}),
        _J.MAHIR: frozenset({_J.TERAMPIL}),
        _J.TERAMPIL: frozenset({_J.PEMULA}),
        _J.PEMULA: frozenset(),
    }
)

# Minimum education for the grade (rules V24-V26, V37). S1 stands for "S1/D4": compare
# with ``bakat.domain.pendidikan.memenuhi_pendidikan`` (D4 and S1 share a level).
# - JPT: S1/D4, PP 11/2017 Pasal 107 [S]. Administrator: S1/D4, Pasal 54 [S].
# - Pengawas: D3, Pasal 54 [S].
# - JF keahlian: S1/D4 [I] (domain.md §4.5); JF keterampilan: SLTA for every grade, since
#   Keppres 87/1999 Pasal 6 sets the keterampilan range "at least SMU/SMK, at most D3" [S]
#   and no source found sets D3 for mahir or penyelia; each JF's own regulation may ask
#   more.
# - Pelaksana: None (no minimum beyond the entry requirement of the post).
PENDIDIKAN_MINIMAL: Mapping[Jenjang, Pendidikan | None] = MappingProxyType(
    {
        _J.JPT_UTAMA: Pendidikan.S1,
        _J.JPT_MADYA: Pendidikan.S1,
        _J.JPT_PRATAMA: Pendidikan.S1,
        _J.ADMINISTRATOR: Pendidikan.S1,
        _J.PENGAWAS: Pendidikan.D3,
        _J.PELAKSANA: None,
        _J.AHLI_UTAMA: Pendidikan.S1,
        _J.AHLI_MADYA: Pendidikan.S1,
        _J.AHLI_MUDA: Pendidikan.S1,
        _J.AHLI_PERTAMA: Pendidikan.S1,
        _J.PENYELIA: Pendidikan.SLTA,
        _J.MAHIR: Pendidikan.SLTA,
        _J.TERAMPIL: Pendidikan.SLTA,
        _J.PEMULA: Pendidikan.SLTA,
    }
)

# Standard managerial competency level 1..5 per grade (PermenPANRB 38/2017 levels; the
# per-grade defaults of domain.md §4.11 are [I]). Keterampilan grades are not in that
# table: they take the level of the keahlian or managerial grade with the same pangkat
# range [I]: pemula and terampil (II/a-II/d) 1, mahir (III/a-III/b, like ahli pertama) 1,
# penyelia (III/c-III/d, like ahli muda) 2.
LEVEL_KOMPETENSI_STANDAR: Mapping[Jenjang, int] = MappingProxyType(
    {
        _J.JPT_UTAMA: 5,
        _J.JPT_MADYA: 5,
        _J.JPT_PRATAMA: 4,
        _J.ADMINISTRATOR: 3,
        _J.PENGAWAS: 2,
        _J.PELAKSANA: 1,
        _J.AHLI_UTAMA: 4,
        _J.AHLI_MADYA: 3,
        _J.AHLI_MUDA: 2,
        _J.AHLI_PERTAMA: 1,
        _J.PENYELIA: 2,
        _J.MAHIR: 1,
        _J.TERAMPIL: 1,
        _J.PEMULA: 1,
    }
)


def kategori(j: Jenjang) -> KategoriJabatan:
    """The category of grade ``j`` (UU 20/2023 Pasal 14, 18 [V])."""
    return KATEGORI[j]


def urutan(j: Jenjang) -> int:
    """The order of ``j`` within its category, 1 = lowest (domain.md §4.5)."""
    return URUTAN_JENJANG[j]


def bup(j: Jenjang) -> int:
    """Retirement age (Batas Usia Pensiun) for grade ``j``: 58, 60 or 65.

    PP 11/2017 Pasal 239 (domain.md §4.8 [S]); rule V27.
    """
    return BUP[j]


def rentang_golongan(j: Jenjang) -> tuple[Golongan, Golongan] | None:
    """Lowest and highest golongan for ``j``; ``None`` for pelaksana (see RENTANG_GOLONGAN).

    JF: PermenPANRB 1/2023 via taro_simpeg (domain.md §4.5 [S]); managerial: PP 13/2002
    eselon ranges with the eselon equivalents of UU 5/2014 Pasal 131 [S]/[I]; V22, V23.
    """
    return RENTANG_GOLONGAN[j]


def jenjang_di_bawah(target: Jenjang) -> frozenset[Jenjang]:
    """The grades one step below ``target`` whose holders may succeed to it.

    Succession ladder of domain.md §2.8 and §4.6 (PP 11/2017 Pasal 54, 107 [S]; JF
    equivalences [I]); see ``JENJANG_DI_BAWAH`` for the basis of each step.
    """
    return JENJANG_DI_BAWAH[target]


def pendidikan_minimal(j: Jenjang) -> Pendidikan | None:
    """Minimum education for ``j`` (PP 11/2017 Pasal 54, 107 [S]; JF [I]); rules V24-V26.

    ``Pendidikan.S1`` means "S1/D4": compare with ``memenuhi_pendidikan``.
    """
    return PENDIDIKAN_MINIMAL[j]


def level_kompetensi_standar(j: Jenjang) -> int:
    """Default required managerial competency level 1..5 (domain.md §4.11 [I])."""
    return LEVEL_KOMPETENSI_STANDAR[j]


def _ulang_tahun(tanggal_lahir: date, tahun: int) -> date:
    # A 29 February birthday falls on 28 February in a common year.
    if tanggal_lahir.month == 2 and tanggal_lahir.day == 29:
        try:
            return date(tahun, 2, 29)
        except ValueError:
            return date(tahun, 2, 28)
    return tanggal_lahir.replace(year=tahun)


def usia(tanggal_lahir: date, pada: date) -> int:
    """Age in whole years on date ``pada``.

    A person born on 29 February turns a year older on 28 February in a common year.
    """
    years = pada.year - tanggal_lahir.year
    if pada < _ulang_tahun(tanggal_lahir, pada.year):
        years -= 1
    return years


def tanggal_pensiun(tanggal_lahir: date, bup: int) -> date:
    """Retirement date (TMT pensiun): the 1st of the month after reaching ``bup``.

    PP 11/2017 Pasal 239 (BUP) [S]; the "1st of the following month" TMT rule is [I]
    (domain.md §4.8); rule V27. Someone born 15 March 1966 with BUP 58 retires on
    1 April 2024; someone born 1 March 1966 also on 1 April 2024.
    """
    year = tanggal_lahir.year + bup
    month = tanggal_lahir.month + 1
    if month == 13:
        return date(year + 1, 1, 1)
    return date(year, month, 1)


def tanggal_pensiun_jenjang(tanggal_lahir: date, j: Jenjang) -> date:
    """Retirement date for someone born ``tanggal_lahir`` holding grade ``j``."""
    return tanggal_pensiun(tanggal_lahir, BUP[j])


_LABEL_JENJANG: Mapping[str, Jenjang] = MappingProxyType(
    {
        "JABATAN PIMPINAN TINGGI UTAMA": _J.JPT_UTAMA,
        "JABATAN PIMPINAN TINGGI MADYA": _J.JPT_MADYA,
        "JABATAN PIMPINAN TINGGI PRATAMA": _J.JPT_PRATAMA,
        "JFU": _J.PELAKSANA,
        "FUNGSIONAL UMUM": _J.PELAKSANA,
        "JABATAN FUNGSIONAL UMUM": _J.PELAKSANA,
    }
)


def parse_jenjang(text: str | None) -> Jenjang | None:
    """Read a grade: the canonical names in any case and spacing (``jpt pratama``,
    ``Ahli-Muda``), with an optional "JF"/"Fungsional"/"Jabatan Fungsional" prefix, the
    long JPT names, and ``JFU``/``Fungsional Umum`` for pelaksana. ``None`` otherwise.
    """
    if text is None:
        return None
    key = re.sub(r"[\s\-_.]+", " ", text.strip().upper()).strip()
    if key in _LABEL_JENJANG:
        return _LABEL_JENJANG[key]
    key = re.sub(r"^(?:JABATAN FUNGSIONAL|FUNGSIONAL|JF) ", "", key)
    try:
        return Jenjang(key.replace(" ", "_"))
    except ValueError:
        return None
