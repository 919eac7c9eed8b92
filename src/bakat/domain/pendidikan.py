"""Education levels (tingkat pendidikan) of ASN employees.

The ten levels of formats.md ``pendidikan``. Their order follows the national education
system (UU 20/2003 Sisdiknas) and the entry rows of the PP 99/2000 starting-rank table
(domain.md §4.4 [S]). D4 (Diploma IV, "sarjana terapan") and S1 share a level: the
regulations treat them alike ("S1/D4": PP 99/2000 table [S]; PP 11/2017 Pasal 107 [S]).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class Pendidikan(StrEnum):
    """Highest completed education (formats.md ``pendidikan``); value == name."""

    SD = "SD"
    SLTP = "SLTP"
    SLTA = "SLTA"
    D1 = "D1"
    D2 = "D2"
    D3 = "D3"
    D4 = "D4"
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"


# Order of the levels, 1 = lowest. D4 and S1 share level 7 (PP 99/2000 table, domain.md
# §4.4 [S]), so "at least S1/D4" is ``TINGKAT_PENDIDIKAN[p] >= TINGKAT_PENDIDIKAN[S1]``.
TINGKAT_PENDIDIKAN: Mapping[Pendidikan, int] = MappingProxyType(
    {
        Pendidikan.SD: 1,
        Pendidikan.SLTP: 2,
        Pendidikan.SLTA: 3,
        Pendidikan.D1: 4,
        Pendidikan.D2: 5,
        Pendidikan.D3: 6,
        Pendidikan.D4: 7,
        Pendidikan.S1: 7,
        Pendidikan.S2: 8,
        Pendidikan.S3: 9,
    }
)


def tingkat(p: Pendidikan) -> int:
    """The order of an education level (1 = SD .. 9 = S3; D4 and S1 are both 7)."""
    return TINGKAT_PENDIDIKAN[p]


def memenuhi_pendidikan(p: Pendidikan, minimal: Pendidikan) -> bool:
    """Whether education ``p`` meets a minimum ``minimal`` (so D4 meets "S1/D4")."""
    return TINGKAT_PENDIDIKAN[p] >= TINGKAT_PENDIDIKAN[minimal]


_ANGKA = {"I": 1, "II": 2, "III": 3, "IV": 4, "SATU": 1, "DUA": 2, "TIGA": 3, "EMPAT": 4}

# Spellings agencies and SIASN use, in the key form of ``_key`` (upper case, no spaces,
# dots or hyphens). Diploma and strata numbers are read by ``_POLA_JENJANG`` below.
EJAAN_PENDIDIKAN: Mapping[str, Pendidikan] = MappingProxyType(
    {
        "SD": Pendidikan.SD,
        "MI": Pendidikan.SD,
        "SR": Pendidikan.SD,
        "SEKOLAHDASAR": Pendidikan.SD,
        "SEKOLAHRAKYAT": Pendidikan.SD,
        "MADRASAHIBTIDAIYAH": Pendidikan.SD,
        "SLTP": Pendidikan.SLTP,
        "SMP": Pendidikan.SLTP,
        "MTS": Pendidikan.SLTP,
        "SMPLB": Pendidikan.SLTP,
        "SLTPKEJURUAN": Pendidikan.SLTP,
        "SEKOLAHMENENGAHPERTAMA": Pendidikan.SLTP,
        "SEKOLAHLANJUTANTINGKATPERTAMA": Pendidikan.SLTP,
        "MADRASAHTSANAWIYAH": Pendidikan.SLTP,
        "SLTA": Pendidikan.SLTA,
        "SMA": Pendidikan.SLTA,
        "SMU": Pendidikan.SLTA,
        "SMK": Pendidikan.SLTA,
        "SMALB": Pendidikan.SLTA,
        "MA": Pendidikan.SLTA,
        "MAK": Pendidikan.SLTA,
        "STM": Pendidikan.SLTA,
        "SMEA": Pendidikan.SLTA,
        "SPG": Pendidikan.SLTA,
        "SPK": Pendidikan.SLTA,
        "SLTAKEJURUAN": Pendidikan.SLTA,
        "SEKOLAHMENENGAHATAS": Pendidikan.SLTA,
        "SEKOLAHMENENGAHKEJURUAN": Pendidikan.SLTA,
        "SEKOLAHLANJUTANTINGKATATAS": Pendidikan.SLTA,
        "MADRASAHALIYAH": Pendidikan.SLTA,
        "SARJANATERAPAN": Pendidikan.D4,
        "SARJANA": Pendidikan.S1,
        "MAGISTER": Pendidikan.S2,
        "MASTER": Pendidikan.S2,
        "PASCASARJANA": Pendidikan.S2,
        "DOKTOR": Pendidikan.S3,
        "DOKTORAL": Pendidikan.S3,
    }
)

# D1..D4 / DI..DIV / Diploma I..IV / Diploma 1..4; S1..S3 / Strata I..III / Strata 1..3.
_POLA_JENJANG = re.compile(r"^(D|DIPLOMA|S|STRATA)(IV|III|II|I|[1-4]|SATU|DUA|TIGA|EMPAT)$")


def _key(text: str) -> str:
    key = text.strip().upper()
    # "SMA/Sederajat", "SLTA sederajat", "SMA (sederajat)"
    key = re.sub(r"[\s/(]*SEDERAJAT\)?$", "", key)
    return re.sub(r"[\s.\-_]+", "", key)


def parse_pendidikan(text: str | None) -> Pendidikan | None:
    """Read an education level as agencies write it; ``None`` when not recognised.

    Accepts the canonical names and common spellings: SMA/SMU/SMK/MA -> SLTA,
    SMP/MTs -> SLTP, DIII/D-III/D.III/Diploma III -> D3, Sarjana/S-1/Strata 1 -> S1,
    Sarjana Terapan -> D4, Magister -> S2, Doktor -> S3, in any case, with "sederajat"
    ("or equivalent") ignored. Professional degrees (dokter, apoteker, spesialis) are
    not levels of their own here and give ``None``.
    """
    if text is None:
        return None
    if "/" in text.strip().rstrip("/"):
        # SIASN writes both names of a level: "S-1/Sarjana", "S-3/Doktor", "SLTA/SMA".
        # Accept them when every recognised part names the same level.
        found_parts = {_parse_satu(part) for part in text.split("/") if part.strip()}
        found_parts.discard(None)
        if len(found_parts) == 1:
            return found_parts.pop()
    return _parse_satu(text)


def _parse_satu(text: str) -> Pendidikan | None:
    key = _key(text)
    found = EJAAN_PENDIDIKAN.get(key)
    if found is not None:
        return found
    match = _POLA_JENJANG.match(key)
    if match is None:
        return None
    kind, number = match.groups()
    level = int(number) if number.isdigit() else _ANGKA[number]
    if kind in ("D", "DIPLOMA"):
        return Pendidikan(f"D{level}")
    return Pendidikan(f"S{level}") if level <= 3 else None
