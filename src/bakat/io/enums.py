"""The parser of each enumerated kind, and the booleans.

Enumerated values are normalised by the ``bakat.domain`` parsers (the one place where
spellings are decided); this module only says which parser reads which kind. Booleans are
syntax, not a regulation, and are read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from types import MappingProxyType

from bakat.domain.golongan import parse_golongan
from bakat.domain.hukdis import parse_tingkat_hukdis
from bakat.domain.jenjang import parse_jenjang
from bakat.domain.kepegawaian import (
    parse_hubungan,
    parse_jenis_kelamin,
    parse_status_kepegawaian,
)
from bakat.domain.pendidikan import parse_pendidikan
from bakat.domain.skp import parse_ekspektasi, parse_predikat
from bakat.io.tables import Kind

Parser = Callable[[str | None], StrEnum | None]

PARSERS: Mapping[Kind, Parser] = MappingProxyType(
    {
        Kind.JENIS_KELAMIN: parse_jenis_kelamin,
        Kind.GOLONGAN: parse_golongan,
        Kind.PENDIDIKAN: parse_pendidikan,
        Kind.STATUS_KEPEGAWAIAN: parse_status_kepegawaian,
        Kind.JENJANG: parse_jenjang,
        Kind.PREDIKAT: parse_predikat,
        Kind.EKSPEKTASI: parse_ekspektasi,
        Kind.TINGKAT_HUKDIS: parse_tingkat_hukdis,
        Kind.HUBUNGAN: parse_hubungan,
    }
)

#: Accepted boolean spellings, compared lower-cased with spaces, dashes and underscores
#: removed. "aktif"/"tidak aktif" also read the SIASN ``kedudukanPnsNama`` value "Aktif".
BOOLEANS: Mapping[str, bool] = MappingProxyType(
    {
        "true": True,
        "false": False,
        "ya": True,
        "tidak": False,
        "yes": True,
        "no": False,
        "y": True,
        "n": False,
        "1": True,
        "0": False,
        "benar": True,
        "salah": False,
        "aktif": True,
        "tidakaktif": False,
        "nonaktif": False,
    }
)


def parse_bool(text: str | None) -> bool | None:
    """Read a boolean cell; ``None`` when not one of :data:`BOOLEANS`."""
    if text is None:
        return None
    return BOOLEANS.get(re.sub(r"[\s\-_]+", "", text.strip().lower()))


def canonical(kind: Kind, text: str | None) -> str | None:
    """The canonical text of ``text`` for enumerated ``kind`` (None when not recognised)."""
    found = PARSERS[kind](text)
    return None if found is None else str(found.value)
