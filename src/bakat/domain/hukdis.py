"""Disciplinary sanctions (hukuman disiplin, hukdis) of PNS.

PP 94/2021 on PNS discipline sorts sanctions into three levels (domain.md §4.7 [S],
gempita.co):

- ringan (light): oral warning, written warning, written statement of dissatisfaction;
- sedang (medium): a 25% cut of the performance allowance for 6, 9 or 12 months;
- berat (heavy): demotion one level for 12 months, removal to a pelaksana post for
  12 months, honourable or dishonourable discharge.

SIASN ``rw-hukdis`` carries the level as ``jenisTingkatHukumanId``, a one-letter code
``R`` / ``S`` / ``B`` (public SIASN synchronisation code [S]). No numeric level id was found
in any source, so numbers are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType


class TingkatHukdis(StrEnum):
    """Level of a disciplinary sanction (PP 94/2021 [S]); ordered by severity, so
    ``RINGAN < SEDANG < BERAT`` and ``max()`` gives the heaviest."""

    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"

    @property
    def urutan(self) -> int:
        """Severity: ringan 1, sedang 2, berat 3."""
        return _URUTAN[self]

    @property
    def label_en(self) -> str:
        """English name: light, medium, heavy."""
        return _LABEL_EN[self]

    def __lt__(self, other: object) -> bool:
        if isinstance(other, TingkatHukdis):
            return self.urutan < other.urutan
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, TingkatHukdis):
            return self.urutan <= other.urutan
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, TingkatHukdis):
            return self.urutan > other.urutan
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, TingkatHukdis):
            return self.urutan >= other.urutan
        return NotImplemented


_URUTAN = {TingkatHukdis.RINGAN: 1, TingkatHukdis.SEDANG: 2, TingkatHukdis.BERAT: 3}
_LABEL_EN = {
    TingkatHukdis.RINGAN: "light",
    TingkatHukdis.SEDANG: "medium",
    TingkatHukdis.BERAT: "heavy",
}

# Accepted spellings after the filler words are removed (see ``parse_tingkat_hukdis``).
EJAAN_TINGKAT: Mapping[str, TingkatHukdis] = MappingProxyType(
    {
        "ringan": TingkatHukdis.RINGAN,
        "r": TingkatHukdis.RINGAN,
        "sedang": TingkatHukdis.SEDANG,
        "s": TingkatHukdis.SEDANG,
        "berat": TingkatHukdis.BERAT,
        "b": TingkatHukdis.BERAT,
    }
)

_PENGISI = re.compile(r"\b(hukuman|disiplin|hukdis|tingkat|jenis)\b")


def parse_tingkat_hukdis(text: str | None) -> TingkatHukdis | None:
    """Read a sanction level; ``None`` when empty or not recognised.

    Accepts "ringan", "Ringan", "SEDANG", "hukuman disiplin berat", "Hukdis Tingkat
    Ringan", and the SIASN one-letter codes R / S / B.
    """
    if text is None:
        return None
    words = _PENGISI.sub(" ", re.sub(r"[\s\-_.]+", " ", text.strip().lower()))
    return EJAAN_TINGKAT.get("".join(words.split()))


def terberat(tingkat: Iterable[TingkatHukdis]) -> TingkatHukdis | None:
    """The heaviest level among ``tingkat``; ``None`` when there is none."""
    return max(tingkat, default=None)


def mundur_tahun(tanggal: date, tahun: int) -> date:
    """``tanggal`` moved ``tahun`` calendar years back (forward when negative); 29 February
    becomes 28 February in a year that has none."""
    try:
        return tanggal.replace(year=tanggal.year - tahun)
    except ValueError:
        return tanggal.replace(year=tanggal.year - tahun, day=28)


def aktif_pada(tmt: date, tanggal_akhir: date | None, as_of: date) -> bool:
    """Whether a sanction is in force on ``as_of``: ``tmt <= as_of <= tanggal_akhir``
    (both ends inclusive; SIASN ``hukumanTanggal`` and ``akhirHukumTanggal``; data rule
    V35).

    A missing ``tanggal_akhir`` is read as "no known end": the sanction counts as in force
    from its TMT on. This errs on the side of caution for talent decisions; the data
    checks report the missing end date so that it gets fixed.
    """
    if tmt > as_of:
        return False
    return tanggal_akhir is None or as_of <= tanggal_akhir


def dalam_jendela(tmt: date, tanggal_akhir: date | None, as_of: date, tahun: int) -> bool:
    """Whether a sanction falls in the window of the last ``tahun`` years before
    ``as_of``: its period ``[tmt, tanggal_akhir]`` overlaps
    ``[as_of - tahun years, as_of]``. A sanction imposed after ``as_of`` does not count;
    one without an end date runs on (see :func:`aktif_pada`).

    This reads "a hukdis in the last 2 years" (Buleleng SIMATA, BPKP; domain.md §2.5 and
    V35 [S]) as "imposed or still running in that period".
    """
    if tmt > as_of:
        return False
    awal = mundur_tahun(as_of, tahun)
    return tanggal_akhir is None or tanggal_akhir >= awal


def maju_tahun(tanggal: date, tahun: int) -> date:
    """``tanggal`` moved ``tahun`` calendar years forward (see :func:`mundur_tahun`)."""
    return mundur_tahun(tanggal, -tahun)
