"""SKP performance ratings: the predikat kinerja matrix and its spellings.

PermenPANRB 6/2022 on ASN performance management rates work results (hasil kerja, HK) and
work behaviour (perilaku kerja, PK) each as di atas / sesuai / di bawah ekspektasi and
derives the individual predikat from the pair (domain.md §3.1 [S]: at least five
independent implementations, consistent with the PermenPANRB 6/2022 slide deck).

Older records use the PP 30/2019 and PP 46/2011 predicate names. They are read by name
(Cukup -> Butuh Perbaikan, Buruk -> Sangat Kurang): a design choice recorded in
domain.md §3.3 [I], not a regulation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from types import MappingProxyType

from bakat.domain.ninebox import LevelKinerja


class Predikat(StrEnum):
    """Individual performance predicate (PermenPANRB 6/2022 [S]), best first."""

    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang"
    SANGAT_KURANG = "Sangat Kurang"


class Ekspektasi(StrEnum):
    """Rating of hasil kerja or perilaku kerja against expectation (PermenPANRB 6/2022 [S])."""

    DI_ATAS = "di atas ekspektasi"
    SESUAI = "sesuai ekspektasi"
    DI_BAWAH = "di bawah ekspektasi"


_E = Ekspektasi
_P = Predikat
# Keys: (hasil kerja, perilaku kerja). domain.md §3.1 table.
_MATRIKS: Mapping[tuple[Ekspektasi, Ekspektasi], Predikat] = MappingProxyType(
    {
        (_E.DI_ATAS, _E.DI_ATAS): _P.SANGAT_BAIK,
        (_E.DI_ATAS, _E.SESUAI): _P.BAIK,
        (_E.DI_ATAS, _E.DI_BAWAH): _P.KURANG,
        (_E.SESUAI, _E.DI_ATAS): _P.BAIK,
        (_E.SESUAI, _E.SESUAI): _P.BAIK,
        (_E.SESUAI, _E.DI_BAWAH): _P.KURANG,
        (_E.DI_BAWAH, _E.DI_ATAS): _P.BUTUH_PERBAIKAN,
        (_E.DI_BAWAH, _E.SESUAI): _P.BUTUH_PERBAIKAN,
        (_E.DI_BAWAH, _E.DI_BAWAH): _P.SANGAT_KURANG,
    }
)


def predikat_matriks(hasil_kerja: Ekspektasi, perilaku_kerja: Ekspektasi) -> Predikat:
    """The predikat of a hasil kerja and perilaku kerja rating (PermenPANRB 6/2022 matrix,
    domain.md §3.1 [S]; data rule V31)."""
    return _MATRIKS[(hasil_kerja, perilaku_kerja)]


def _key(text: str) -> str:
    """Lower case, with spaces, hyphens, underscores, dots and slashes removed."""
    return re.sub(r"[\s\-_./]+", "", text.strip().lower())


# Spellings seen in data, in ``_key`` form. "Kurang/Misconduct" is how the lampiran
# writes the Kurang cell (domain.md §3.1). "Cukup" (PP 30/2019, PP 46/2011) and "Buruk"
# (PP 46/2011) are legacy names mapped by name (domain.md §3.3 [I], a design choice).
EJAAN_PREDIKAT: Mapping[str, Predikat] = MappingProxyType(
    {
        "sangatbaik": Predikat.SANGAT_BAIK,
        "baik": Predikat.BAIK,
        "butuhperbaikan": Predikat.BUTUH_PERBAIKAN,
        "perluperbaikan": Predikat.BUTUH_PERBAIKAN,
        "cukup": Predikat.BUTUH_PERBAIKAN,
        "kurang": Predikat.KURANG,
        "kurangmisconduct": Predikat.KURANG,
        "misconduct": Predikat.KURANG,
        "sangatkurang": Predikat.SANGAT_KURANG,
        "buruk": Predikat.SANGAT_KURANG,
    }
)

_EJAAN_EKSPEKTASI: Mapping[str, Ekspektasi] = MappingProxyType(
    {"atas": Ekspektasi.DI_ATAS, "sesuai": Ekspektasi.SESUAI, "bawah": Ekspektasi.DI_BAWAH}
)


def parse_predikat(text: str | None) -> Predikat | None:
    """Read a predikat as agencies write it; ``None`` when empty or not recognised.

    Case, spaces, hyphens and underscores do not matter ("SANGAT BAIK", "sangat_baik",
    "Sangat  Baik"); "Kurang/Misconduct" and "Misconduct" are Kurang; the legacy names
    Cukup and Buruk become Butuh Perbaikan and Sangat Kurang (domain.md §3.3 [I]).
    """
    if text is None:
        return None
    return EJAAN_PREDIKAT.get(_key(text))


def parse_ekspektasi(text: str | None) -> Ekspektasi | None:
    """Read a hasil kerja / perilaku kerja rating; ``None`` when empty or not recognised.

    Accepts "di atas ekspektasi", "diatas ekspektasi", "Di Atas", "atas", "DI_BAWAH",
    "sesuai" and the like, in any case.
    """
    if text is None:
        return None
    key = _key(text)
    key = key.removesuffix("ekspektasi")
    key = key.removeprefix("di")
    return _EJAAN_EKSPEKTASI.get(key)


#: Default predikat -> performance axis level (domain.md §2.5 [S]: Sistem9Box import,
#: public code, BPKP): Sangat Baik -> atas, Baik -> sesuai, the rest -> bawah.
#: The policy's ``kinerja.level_predikat`` starts from this table.
LEVEL_PREDIKAT_BAKU: Mapping[Predikat, LevelKinerja] = MappingProxyType(
    {
        Predikat.SANGAT_BAIK: LevelKinerja.ATAS,
        Predikat.BAIK: LevelKinerja.SESUAI,
        Predikat.BUTUH_PERBAIKAN: LevelKinerja.BAWAH,
        Predikat.KURANG: LevelKinerja.BAWAH,
        Predikat.SANGAT_KURANG: LevelKinerja.BAWAH,
    }
)

#: Default points per predikat for averaging years (domain.md §3.5 [I]: Sangat Baik 5 ..
#: Sangat Kurang 1). The policy's ``kinerja.rata_rata.poin`` starts from this table.
POIN_PREDIKAT_BAKU: Mapping[Predikat, int] = MappingProxyType(
    {p: 5 - i for i, p in enumerate(Predikat)}
)


def gabung_terendah(levels: Iterable[LevelKinerja]) -> LevelKinerja:
    """The lowest of several yearly levels (policy ``kinerja.cara_gabung = "terendah"``,
    domain.md §3.5 [I]). ``ValueError`` when there is none."""
    pilihan = list(levels)
    if not pilihan:
        raise ValueError("tidak ada level kinerja untuk digabung / no level to combine")
    return min(pilihan, key=lambda level: level.indeks)


def gabung_rata_rata(
    predikat: Sequence[Predikat],
    poin: Mapping[Predikat, float],
    batas_atas: float,
    batas_sesuai: float,
) -> LevelKinerja:
    """The level of the mean points of several yearly predicates (policy
    ``kinerja.cara_gabung = "rata_rata"``, domain.md §3.5 [I]): mean ``>= batas_atas`` is
    atas, ``>= batas_sesuai`` sesuai, otherwise bawah. ``ValueError`` when empty."""
    if not predikat:
        raise ValueError("tidak ada predikat untuk digabung / no predikat to combine")
    # Rounded so that 4.5 stays 4.5 whatever the float representation of the points.
    rata = round(sum(poin[p] for p in predikat) / len(predikat), 9)
    if rata >= batas_atas:
        return LevelKinerja.ATAS
    if rata >= batas_sesuai:
        return LevelKinerja.SESUAI
    return LevelKinerja.BAWAH
