"""Golongan ruang and pangkat of PNS, and the starting and maximum rank by education.

Golongan ruang I/a .. IV/e with their pangkat names: the national rank list (PP 99/2000
as amended by PP 12/2002; domain.md §4.4 [V]). PPPK have no golongan ruang (domain.md
§4.4, §4.9; rule V20). Starting and maximum golongan by education: PP 99/2000 table
(domain.md §4.4 [S]).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from bakat.domain.pendidikan import Pendidikan


class Golongan(StrEnum):
    """Golongan ruang I/a .. IV/e in rank order (domain.md §4.4 [V]).

    Members compare by rank (``Golongan.II_D < Golongan.III_A``); ``urutan`` is 1..17.
    """

    I_A = "I/a"
    I_B = "I/b"
    I_C = "I/c"
    I_D = "I/d"
    II_A = "II/a"
    II_B = "II/b"
    II_C = "II/c"
    II_D = "II/d"
    III_A = "III/a"
    III_B = "III/b"
    III_C = "III/c"
    III_D = "III/d"
    IV_A = "IV/a"
    IV_B = "IV/b"
    IV_C = "IV/c"
    IV_D = "IV/d"
    IV_E = "IV/e"

    @property
    def urutan(self) -> int:
        """Rank order, 1 (I/a) .. 17 (IV/e)."""
        return URUTAN_GOLONGAN[self]

    @property
    def pangkat(self) -> str:
        """The pangkat name of this golongan ruang, e.g. ``"Penata Muda"`` for III/a."""
        return PANGKAT[self]

    @property
    def romawi(self) -> str:
        """The golongan part in Roman numerals: ``"III"`` for III/a."""
        return self.value.split("/")[0]

    @property
    def ruang(self) -> str:
        """The ruang letter: ``"a"`` for III/a."""
        return self.value.split("/")[1]

    def __lt__(self, other: str) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return URUTAN_GOLONGAN[self] < URUTAN_GOLONGAN[other]

    def __le__(self, other: str) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return URUTAN_GOLONGAN[self] <= URUTAN_GOLONGAN[other]

    def __gt__(self, other: str) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return URUTAN_GOLONGAN[self] > URUTAN_GOLONGAN[other]

    def __ge__(self, other: str) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return URUTAN_GOLONGAN[self] >= URUTAN_GOLONGAN[other]


URUTAN_GOLONGAN: Mapping[Golongan, int] = MappingProxyType(
    {g: i for i, g in enumerate(Golongan, start=1)}
)

# Pangkat per golongan ruang (domain.md §4.4 table [V]). "Tingkat I" is written out; the
# abbreviation "Tk. I" is accepted by ``parse_pangkat``.
PANGKAT: Mapping[Golongan, str] = MappingProxyType(
    {
        Golongan.I_A: "Juru Muda",
        Golongan.I_B: "Juru Muda Tingkat I",
        Golongan.I_C: "Juru",
        Golongan.I_D: "Juru Tingkat I",
        Golongan.II_A: "Pengatur Muda",
        Golongan.II_B: "Pengatur Muda Tingkat I",
        Golongan.II_C: "Pengatur",
        Golongan.II_D: "Pengatur Tingkat I",
        Golongan.III_A: "Penata Muda",
        Golongan.III_B: "Penata Muda Tingkat I",
        Golongan.III_C: "Penata",
        Golongan.III_D: "Penata Tingkat I",
        Golongan.IV_A: "Pembina",
        Golongan.IV_B: "Pembina Tingkat I",
        Golongan.IV_C: "Pembina Utama Muda",
        Golongan.IV_D: "Pembina Utama Madya",
        Golongan.IV_E: "Pembina Utama",
    }
)

# Starting golongan by education at entry, PP 99/2000 table (domain.md §4.4 [S]).
# SLTA and D1 share a row; S1 and D4 share a row. The table's extra rows (SLTP kejuruan
# I/c-II/d, SGPLB II/b-III/c, dokter/apoteker III/b-IV/a) have no level of their own in
# ``Pendidikan``: SLTP kejuruan reads as SLTP and SGPLB as D2 (their starting golongan
# agree), a dokter/apoteker first degree as S1.
GOLONGAN_AWAL: Mapping[Pendidikan, Golongan] = MappingProxyType(
    {
        Pendidikan.SD: Golongan.I_A,
        Pendidikan.SLTP: Golongan.I_C,
        Pendidikan.SLTA: Golongan.II_A,
        Pendidikan.D1: Golongan.II_A,
        Pendidikan.D2: Golongan.II_B,
        Pendidikan.D3: Golongan.II_C,
        Pendidikan.D4: Golongan.III_A,
        Pendidikan.S1: Golongan.III_A,
        Pendidikan.S2: Golongan.III_B,
        Pendidikan.S3: Golongan.III_C,
    }
)

# Highest golongan reachable by regular promotion (kenaikan pangkat reguler) for the
# education, PP 99/2000 table (domain.md §4.4 [S]); it binds pelaksana staff (rule V15).
GOLONGAN_MAKSIMAL: Mapping[Pendidikan, Golongan] = MappingProxyType(
    {
        Pendidikan.SD: Golongan.II_A,
        Pendidikan.SLTP: Golongan.II_C,
        Pendidikan.SLTA: Golongan.III_B,
        Pendidikan.D1: Golongan.III_B,
        Pendidikan.D2: Golongan.III_B,
        Pendidikan.D3: Golongan.III_C,
        Pendidikan.D4: Golongan.III_D,
        Pendidikan.S1: Golongan.III_D,
        Pendidikan.S2: Golongan.IV_A,
        Pendidikan.S3: Golongan.IV_B,
    }
)


def golongan_awal(p: Pendidikan) -> Golongan:
    """Starting golongan of a CPNS with education ``p`` (PP 99/2000 table [S]; rule V14)."""
    return GOLONGAN_AWAL[p]


def golongan_maksimal(p: Pendidikan) -> Golongan:
    """Highest golongan by regular promotion for education ``p`` (PP 99/2000 [S]; V15)."""
    return GOLONGAN_MAKSIMAL[p]


# Golongan written in Arabic numerals ("3A") -> Roman.
_ROMAWI_DARI_ANGKA: Mapping[str, str] = MappingProxyType(
    {"1": "I", "2": "II", "3": "III", "4": "IV"}
)

# Regular expression for the golongan spellings agencies use, applied to the upper-cased,
# trimmed text: group 1 is the golongan (Roman or Arabic), group 2 the ruang letter.
# "III/a", "3A", "III-a", "III a", "III.a", "IIIa", "3/a", "III / a". Written so that it
# also runs in engines with Rust-style regular expressions (no look-around).
POLA_GOLONGAN = r"^(IV|III|II|I|[1-4])\s*[/\-.]?\s*([A-E])$"
_POLA = re.compile(POLA_GOLONGAN)

# The golongan for each (golongan, ruang) pair matched by ``POLA_GOLONGAN``, keyed by the
# two groups joined: "IIIA" and "3A" -> III/a. Keys absent here (e.g. "IE", "IIIE") are
# not golongan ruang.
KODE_GOLONGAN: Mapping[str, Golongan] = MappingProxyType(
    {
        **{f"{g.romawi}{g.ruang.upper()}": g for g in Golongan},
        **{
            f"{angka}{g.ruang.upper()}": g
            for angka, romawi in _ROMAWI_DARI_ANGKA.items()
            for g in Golongan
            if g.romawi == romawi
        },
    }
)


def parse_golongan(text: str | None) -> Golongan | None:
    """Read a golongan ruang as agencies write it; ``None`` for anything else.

    Accepts ``III/a``, ``3A``, ``3a``, ``III-a``, ``III a``, ``III.a``, ``IIIa``, ``3/a``
    in any case with surrounding spaces (formats.md ``golongan``). Returns ``None`` for
    ranks that do not exist (``V/a``, ``III/f``, ``IV/f``, ``I/e``).
    """
    if text is None:
        return None
    match = _POLA.match(text.strip().upper())
    if match is None:
        return None
    return KODE_GOLONGAN.get(match.group(1) + match.group(2))


def _kunci_pangkat(text: str) -> str:
    key = re.sub(r"[\s.,]+", " ", text.strip().upper()).strip()
    # "Tk. I", "Tk I", "TK.I", "Tingkat 1" -> "TINGKAT I"
    key = re.sub(r"\b(?:TK|TINGKAT) ?(?:I|1)$", "TINGKAT I", key)
    return key


# Pangkat names in the key form of ``_kunci_pangkat`` -> golongan; each name is unique.
KODE_PANGKAT: Mapping[str, Golongan] = MappingProxyType(
    {_kunci_pangkat(name): g for g, name in PANGKAT.items()}
)


def parse_pangkat(text: str | None) -> Golongan | None:
    """The golongan whose pangkat name is ``text`` (``"Penata Muda Tk. I"`` -> III/b)."""
    if text is None:
        return None
    return KODE_PANGKAT.get(_kunci_pangkat(text))


def pangkat_cocok(golongan: Golongan, pangkat_text: str | None) -> bool:
    """Whether golongan and pangkat form a matching pair (rule V16; domain.md §4.4 [V]).

    Case, spacing and the abbreviation "Tk. I" for "Tingkat I" do not matter.
    """
    return parse_pangkat(pangkat_text) is golongan


def rentang_golongan_reguler(p: Pendidikan) -> tuple[Golongan, Golongan]:
    """Starting and maximum regular golongan for education ``p`` (PP 99/2000 [S])."""
    return GOLONGAN_AWAL[p], GOLONGAN_MAKSIMAL[p]


# Months in which a regular promotion in rank (kenaikan pangkat, KP) takes effect, by the
# date the period starts (domain.md §4.4 [S]; rule V17): before 2024 the 1st of April and
# October (denpasar.bkn.go.id); from 2024 the 1st of every even month (Peraturan BKN
# 4/2023, kompas.tv); from 1 October 2025 the 1st of every month (Peraturan BKN 4/2025).
# Special promotions (posthumous, for service) are exceptions the data cannot show.
PERIODE_KP: tuple[tuple[date, tuple[int, ...]], ...] = (
    (date(1, 1, 1), (4, 10)),
    (date(2024, 1, 1), (2, 4, 6, 8, 10, 12)),
    (date(2025, 10, 1), tuple(range(1, 13))),
)


def bulan_kp(pada: date) -> tuple[int, ...]:
    """The months in which a regular KP may take effect in the period of ``pada``."""
    months = PERIODE_KP[0][1]
    for mulai, bulan in PERIODE_KP:
        if pada >= mulai:
            months = bulan
    return months


def tmt_kp_sah(tmt: date) -> bool:
    """Whether ``tmt`` is a valid effective date of a regular KP (1st of a KP month)."""
    return tmt.day == 1 and tmt.month in bulan_kp(tmt)
