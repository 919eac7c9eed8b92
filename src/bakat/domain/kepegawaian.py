"""Employment status, sex and declared relationships of ASN employees.

Sources: UU 20/2023 (ASN consists of PNS and PPPK; a CPNS is a PNS candidate on
probation), formats.md (the ``status_kepegawaian``, ``jenis_kelamin`` and ``relasi``
columns), Perka BKN 22/2007 (sex digit of the NIP: 1 male, 2 female) [V].
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class StatusKepegawaian(StrEnum):
    """Employment status (UU 20/2023 Pasal 6-7 [V]; formats.md ``status_kepegawaian``).

    CPNS: candidate civil servant during the probation year (PP 11/2017 Pasal 34 [I]);
    PNS: civil servant; PPPK: government employee under a work contract.
    """

    CPNS = "CPNS"
    PNS = "PNS"
    PPPK = "PPPK"


class JenisKelamin(StrEnum):
    """Sex as recorded in the personnel file: ``L`` (laki-laki) or ``P`` (perempuan)."""

    L = "L"
    P = "P"


class Hubungan(StrEnum):
    """Declared relationship between two employees (formats.md ``relasi.hubungan``).

    Used for conflict-of-interest recusal (PermenPANRB 17/2024; PP 11/2017 Pasal 114 [S],
    domain.md §5.2).
    """

    SUAMI_ISTRI = "suami_istri"
    KELUARGA = "keluarga"
    ATASAN_LANGSUNG = "atasan_langsung"
    LAINNYA = "lainnya"


def normalise_label(text: str) -> str:
    """Upper-case ``text`` and collapse spaces, hyphens, underscores and dots to one space.

    The common key form used by the lookup tables of this package.
    """
    return re.sub(r"[\s\-_.]+", " ", text.strip().upper()).strip()


# Every accepted spelling of sex, in ``normalise_label`` form (formats.md: L/P, M/F, 1/2,
# Laki-laki/Perempuan; also Pria/Wanita). "1"/"2" follow the NIP sex digit (Perka BKN
# 22/2007 [V]).
EJAAN_JENIS_KELAMIN: Mapping[str, JenisKelamin] = MappingProxyType(
    {
        "L": JenisKelamin.L,
        "LK": JenisKelamin.L,
        "M": JenisKelamin.L,
        "1": JenisKelamin.L,
        "LAKI LAKI": JenisKelamin.L,
        "LAKI": JenisKelamin.L,
        "LELAKI": JenisKelamin.L,
        "PRIA": JenisKelamin.L,
        "MALE": JenisKelamin.L,
        "P": JenisKelamin.P,
        "PR": JenisKelamin.P,
        "F": JenisKelamin.P,
        "W": JenisKelamin.P,
        "2": JenisKelamin.P,
        "PEREMPUAN": JenisKelamin.P,
        "WANITA": JenisKelamin.P,
        "FEMALE": JenisKelamin.P,
    }
)


def parse_jenis_kelamin(text: str | None) -> JenisKelamin | None:
    """Read the sex as agencies write it; ``None`` for anything not recognised.

    Accepts L/P, M/F, 1/2 (the NIP digit), Laki-laki/Perempuan, Pria/Wanita and
    Male/Female in any case, with surrounding spaces (formats.md ``jenis_kelamin``).
    """
    if text is None:
        return None
    return EJAAN_JENIS_KELAMIN.get(normalise_label(text))


def parse_status_kepegawaian(text: str | None) -> StatusKepegawaian | None:
    """Read ``CPNS``/``PNS``/``PPPK`` in any case and spacing (``P3K`` is PPPK)."""
    if text is None:
        return None
    key = normalise_label(text).replace(" ", "")
    if key == "P3K":
        return StatusKepegawaian.PPPK
    try:
        return StatusKepegawaian(key)
    except ValueError:
        return None


def parse_hubungan(text: str | None) -> Hubungan | None:
    """Read a ``relasi.hubungan`` value (``suami_istri``, ``Suami-Istri``, ``keluarga`` ...)."""
    if text is None:
        return None
    key = normalise_label(text).replace(" ", "_").lower()
    if key == "suami_isteri":
        key = Hubungan.SUAMI_ISTRI.value
    try:
        return Hubungan(key)
    except ValueError:
        return None
