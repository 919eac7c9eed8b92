"""Age and service limits at appointment: CPNS entry age, probation, JPT appointment age.

- CPNS entry age: 18 to 35 when applying, up to 40 for some posts (PP 11/2017 Pasal 23;
  domain.md §4.6 [I]; rule V12).
- Probation: a CPNS serves 1 year, so TMT PNS is normally about 1 year after TMT CPNS;
  more than 2 years (TMT PNS that late, or still CPNS) is worth a look (domain.md §4.6
  [I]; rules V13, Q02).
- Highest age at appointment to a JPT post: pratama 56, utama 58 (PP 11/2017 Pasal 107
  as amended by PP 17/2020; domain.md §4.6 [S]), madya 58 (same pattern, [I]); rule V24.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from bakat.domain.jenjang import Jenjang

#: Regular CPNS entry age (PP 11/2017 Pasal 23; domain.md §4.6 [I]).
USIA_CPNS_MINIMAL = 18
USIA_CPNS_MAKSIMAL = 35
#: The upper entry age of the posts exempt from 35 (PP 11/2017 Pasal 23; domain.md §4.6 [I]).
USIA_CPNS_MAKSIMAL_KHUSUS = 40
#: CPNS probation in years (domain.md §4.6 [I]).
MASA_PERCOBAAN_TAHUN = 1
#: Years after TMT CPNS beyond which TMT PNS, or still being CPNS, is unusual (domain.md
#: §4.6 [I]; §8 V13).
TAHUN_MASA_CPNS_WAJAR = 2

#: Highest age at appointment per JPT grade (PP 11/2017 Pasal 107 [S]; madya [I]).
USIA_PENGANGKATAN_JPT: Mapping[Jenjang, int] = MappingProxyType(
    {Jenjang.JPT_PRATAMA: 56, Jenjang.JPT_MADYA: 58, Jenjang.JPT_UTAMA: 58}
)


def usia_cpns_wajar(usia: int) -> bool:
    """Whether ``usia`` (whole years at TMT CPNS) is within the regular entry ages
    (PP 11/2017 Pasal 23 [I]); an exempt post may go up to
    :data:`USIA_CPNS_MAKSIMAL_KHUSUS`, which the data does not tell."""
    return USIA_CPNS_MINIMAL <= usia <= USIA_CPNS_MAKSIMAL


def usia_pengangkatan_jpt_maksimal(jenjang: Jenjang) -> int | None:
    """The highest age at appointment to ``jenjang`` (PP 11/2017 Pasal 107 [S]); ``None``
    for a grade that is not JPT (no such limit)."""
    return USIA_PENGANGKATAN_JPT.get(jenjang)


def masa_cpns_wajar(tahun: float) -> bool:
    """Whether ``tahun`` years between TMT CPNS and TMT PNS (or as of now, for a CPNS)
    is within the usual span (1-year probation; domain.md §4.6 [I])."""
    return tahun <= TAHUN_MASA_CPNS_WAJAR
