"""The development activities an IDP row may name, and which gap or box leads to each.

Two lists of the policy feed the plan (docs/policy.md ``[pengembangan]``):

- ``katalog``: the activities with their kind (``klasikal``, ``nonklasikal``,
  ``pendidikan``) and the JP they credit (domain.md §2.9 [S]; JP [I]);
- ``perlakuan_kotak``: the per-box treatment (domain.md §2.4 [S]), action codes of
  ``bakat.domain.ninebox.TINDAKAN``. Only the development actions among them become IDP
  rows; :data:`NON_DEVELOPMENT` (promotion, retention, the KRS, awards, placement,
  handling under the rules) belong to succession, ``retensi.csv`` and ``pemetaan``.

An action of a box that is not in the catalogue (``bimbingan_kinerja``,
``konseling_kinerja``, ``perluasan_jabatan``, ``pengembangan_kompetensi``) keeps its
``TINDAKAN`` name and has no kind; it credits no JP, except ``pengembangan_kompetensi``,
which is the yearly requirement itself (``pengembangan.jp_per_tahun``, PP 11/2017 Pasal
203 [S]).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from bakat.domain.ninebox import TINDAKAN
from bakat.domain.policy import Policy

#: Per-box actions that are not development activities (listed elsewhere).
NON_DEVELOPMENT = frozenset(
    {
        "promosi",
        "retensi",
        "krs_nasional",
        "krs_instansi",
        "penghargaan",
        "penempatan_sesuai",
        "tindak_sesuai_ketentuan",
    }
)
#: The generic per-box action whose suggested JP is the yearly requirement.
GENERIC_DEVELOPMENT = "pengembangan_kompetensi"


@dataclass(frozen=True)
class Activity:
    """One activity of the plan: its code, names, kind, suggested JP and order."""

    kode: str
    nama: str
    nama_en: str
    jenis: str | None
    jp: float | None
    urutan: int
    #: Boxes whose treatment names it.
    kotak: tuple[int, ...]
    #: Whether it answers an education below the post's minimum.
    pendidikan: bool


def activities(policy: Policy) -> tuple[Activity, ...]:
    """Every activity a plan may name: the catalogue in the order of the loaded policy
    (by code), then the development actions of ``perlakuan_kotak`` that are not in it,
    in ``TINDAKAN`` order. ``urutan`` numbers them from 1."""
    dev = policy.pengembangan
    boxes: dict[str, list[int]] = {}
    for nomor in sorted(dev.perlakuan_kotak):
        for kode in dev.perlakuan_kotak[nomor]:
            if kode not in NON_DEVELOPMENT:
                boxes.setdefault(kode, []).append(nomor)
    result: list[Activity] = []
    for kode, item in dev.katalog.items():
        result.append(
            Activity(
                kode,
                item.nama,
                item.nama_en,
                item.jenis.value,
                float(item.jp),
                len(result) + 1,
                tuple(boxes.get(kode, ())),
                kode in dev.kegiatan_pendidikan_kurang,
            )
        )
    for kode in TINDAKAN:
        if kode in boxes and kode not in dev.katalog:
            jp = float(dev.jp_per_tahun) if kode == GENERIC_DEVELOPMENT else None
            tindakan = TINDAKAN[kode]
            result.append(
                Activity(
                    kode,
                    tindakan.teks,
                    tindakan.teks_en,
                    None,
                    jp,
                    len(result) + 1,
                    tuple(boxes[kode]),
                    False,
                )
            )
    return tuple(result)


def in_band(gap: pl.Expr, kode: str, policy: Policy) -> pl.Expr:
    """Whether a gap of ``gap`` levels leads to activity ``kode``: the band of
    ``pengembangan.celah`` with the largest ``minimal <= gap`` lists it (docs/policy.md).
    False for a null gap or a gap below the first band."""
    bands = policy.pengembangan.celah
    tests: list[pl.Expr] = []
    for i, band in enumerate(bands):
        if kode not in band.kegiatan:
            continue
        test = gap >= band.minimal
        if i + 1 < len(bands):
            test = test & (gap < bands[i + 1].minimal)
        tests.append(test)
    if not tests:
        return pl.lit(False)
    return pl.any_horizontal(tests).fill_null(False)
