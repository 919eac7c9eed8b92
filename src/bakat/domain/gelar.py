"""The education level an academic title implies (data-quality rule V30).

Indonesian academic and vocational titles (Permenristekdikti 59/2018 on the naming of
titles [I]; usage in SIASN and agency data): ``A.P.`` (ahli pratama) D1, ``A.Ma.`` (ahli
muda) D2, ``A.Md.*`` (ahli madya) D3, ``S.Tr.*``/``S.ST.`` (sarjana terapan) D4,
``S.*`` sarjana S1, ``M.*`` magister S2 (also MM, MBA, MPA, MPH, LL.M, and medical
specialists ``Sp.*``), ``Ph.D``/``Dr.`` doktor S3. In front of the name: ``Prof.`` and
``Dr.`` (doktor) S3; ``dr.`` (physician), ``drg.``, ``drh.``, ``Drs.``/``Dra.`` (old
sarjana), ``Ir.`` (engineer), ``Ns.``, ``apt.`` S1. Note ``Dr.`` (doktor) and ``dr.``
(dokter) differ by case only.

A title only says the education is *at least* that level, so V30 reports a title above
the recorded education (the IKD anomaly "gelar not updated", domain.md §4.12 [S]; §8 V30).
Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bakat.domain.pendidikan import TINGKAT_PENDIDIKAN, Pendidikan

_BELAKANG: tuple[tuple[re.Pattern[str], Pendidikan], ...] = tuple(
    (re.compile(pola), p)
    for pola, p in (
        (r"^(?:Ph\.?D|D\.?Sc|Ed\.?D|Dr\.?(?:rer|phil)\b)", Pendidikan.S3),
        (r"^(?:M\.|MM\.?$|MBA\.?$|MPA\.?$|MPH\.?$|MSc\.?$|MA\.?$|LL\.?M|Sp\.)", Pendidikan.S2),
        (r"^(?:S\.Tr\b|S\.ST\b|S\.Tr\.)", Pendidikan.D4),
        (r"^(?:S\.|SE\.?$|SH\.?$|SKom\.?$|SPd\.?$|SSos\.?$|Lc\.?$)", Pendidikan.S1),
        (r"^A\.?\s?Md\b", Pendidikan.D3),
        (r"^A\.?\s?Ma\.?$", Pendidikan.D2),
        (r"^A\.?\s?P\.?$", Pendidikan.D1),
    )
)
_DEPAN: tuple[tuple[re.Pattern[str], Pendidikan], ...] = tuple(
    (re.compile(pola), p)
    for pola, p in (
        (r"^(?:Prof|Dr)\.?$", Pendidikan.S3),
        (r"^(?:dr|drg|drh|Drs|Dra|Ir|Ns|apt)\.?$", Pendidikan.S1),
    )
)


def _token(text: str, pemisah: str) -> Iterable[str]:
    return (t.strip() for t in re.split(pemisah, text) if t.strip())


def pendidikan_dari_gelar(gelar_depan: str | None, gelar_belakang: str | None) -> Pendidikan | None:
    """The highest education level the titles imply; ``None`` when no title is known.

    ``gelar_belakang`` is split at commas (``"S.Sos., M.Si."``); ``gelar_depan`` at commas
    and spaces (``"Prof. Dr."``).
    """
    found: list[Pendidikan] = []
    for token in _token(gelar_belakang or "", r","):
        for pola, p in _BELAKANG:
            if pola.search(token):
                found.append(p)
                break
    for token in _token(gelar_depan or "", r"[,\s]+"):
        for pola, p in _DEPAN:
            if pola.search(token):
                found.append(p)
                break
    if not found:
        return None
    return max(found, key=lambda p: TINGKAT_PENDIDIKAN[p])
