"""The candidate score, explainable part by part (docs/policy.md ``[suksesi]``).

With ``c(x) = min(max(x, 0), 1)`` and ``w`` the points of ``suksesi.bobot`` (they add up
to 100), the score of candidate ``p`` for a post is the sum, rounded half to even to
``potensi.desimal`` places, of

- ``kesesuaian_kompetensi``: ``w × mean c(level / required)`` over the competencies with
  a required level and a recorded level (the post's nine columns, else
  ``jenjang.level_kompetensi_standar`` of the post's grade for all nine; PermenPANRB
  38/2017 levels, domain.md §4.11 [I]); without any such pair, ``w × c(skor_kompetensi /
  100)`` of the assessment used (the job-person match, domain.md §4.11 [S]);
- ``kotak``: ``w × (kotak − 1) / 8``;
- ``kinerja``: ``w × indeks / 2`` (bawah 0, sesuai 1, atas 2);
- ``potensi``: ``w × c(skor_potensi / 100)`` of the active potential method;
- ``pengalaman``: ``w × c(years in post / suksesi.pengalaman_tahun_penuh)``.

Only the first part depends on the post; the other four are the candidate's
:attr:`Candidates.base`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.kompetensi import KOMPETENSI
from bakat.domain.ninebox import LevelKinerja
from bakat.domain.policy import Policy

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Bits of the exclusion codes of :data:`bakat.engine.succession.rules.ALASAN`, in order.
BIT_KOTAK, BIT_HUKDIS_AKTIF, BIT_HUKDIS_JENDELA = 1, 2, 4
BIT_BUP, BIT_PENDIDIKAN, BIT_GOLONGAN, BIT_PEMANGKU = 8, 16, 32, 64

_KINERJA = {level.value: level.indeks for level in LevelKinerja}
#: A retirement date far in the future, for a person without one (never excluded).
NO_RETIREMENT = np.iinfo(np.int64).max


def _float(frame: pl.DataFrame, column: str, fill: float = np.nan) -> FloatArray:
    return frame.get_column(column).cast(pl.Float64).fill_null(fill).to_numpy()


def _int(frame: pl.DataFrame, column: str, fill: int) -> IntArray:
    return frame.get_column(column).cast(pl.Int64).fill_null(fill).to_numpy()


def day_numbers(series: pl.Series, fill: int) -> IntArray:
    """Dates as days since 1970-01-01 (``fill`` for null)."""
    return series.cast(pl.Date).cast(pl.Int64).fill_null(fill).to_numpy()


@dataclass(frozen=True)
class Candidates:
    """The collected candidate frame as arrays, in its row order."""

    kotak: IntArray
    base: FloatArray
    levels: FloatArray
    skor_kompetensi: FloatArray
    tingkat_pendidikan: IntArray
    urutan_golongan: IntArray
    pppk: BoolArray
    pensiun: IntArray
    bits: IntArray
    order_key: IntArray

    @classmethod
    def from_frame(cls, frame: pl.DataFrame, policy: Policy) -> Candidates:
        """Arrays of ``frame`` (see :func:`bakat.engine.succession.frames.candidates`)."""
        suksesi, bobot = policy.suksesi, policy.suksesi.bobot
        kotak = _int(frame, "kotak", 0)
        kinerja = (
            frame.get_column("level_kinerja")
            .replace_strict(_KINERJA, default=None, return_dtype=pl.Float64)
            .fill_null(0.0)
            .to_numpy()
        )
        potensi = np.clip(np.nan_to_num(_float(frame, "skor_potensi")) / 100.0, 0.0, 1.0)
        pengalaman = np.clip(
            _float(frame, "pengalaman_tahun", 0.0) / suksesi.pengalaman_tahun_penuh, 0.0, 1.0
        )
        parts = {
            "kotak": bobot.kotak * (np.clip(kotak, 1, 9) - 1) / 8.0,
            "kinerja": bobot.kinerja * kinerja / 2.0,
            "potensi": bobot.potensi * potensi,
            "pengalaman": bobot.pengalaman * pengalaman,
        }
        talenta = policy.talenta.hukdis
        bits = np.where(np.isin(kotak, list(suksesi.kotak_kandidat)), 0, BIT_KOTAK)
        if talenta.kecualikan_aktif:
            bits |= np.where(frame.get_column("hukdis_aktif").to_numpy(), BIT_HUKDIS_AKTIF, 0)
        bits |= np.where(frame.get_column("hukdis_jendela").to_numpy(), BIT_HUKDIS_JENDELA, 0)
        levels = np.column_stack([_float(frame, k) for k in KOMPETENSI])
        return cls(
            kotak=kotak,
            base=parts["kotak"] + parts["kinerja"] + parts["potensi"] + parts["pengalaman"],
            levels=levels,
            skor_kompetensi=_float(frame, "skor_kompetensi"),
            tingkat_pendidikan=_int(frame, "tingkat_pendidikan", -1),
            urutan_golongan=_int(frame, "urutan_golongan", -1),
            pppk=frame.get_column("pppk").to_numpy(),
            pensiun=day_numbers(frame.get_column("tanggal_pensiun"), NO_RETIREMENT),
            bits=bits.astype(np.int64),
            order_key=frame.get_column("_urutan_nip").to_numpy(),
        )


def competency_fit(
    levels: FloatArray, skor_kompetensi: FloatArray, required: FloatArray
) -> FloatArray:
    """Fraction 0-1 of competency fit of each row of ``levels`` for the ``required``
    levels (NaN = no requirement / no record), else ``c(skor_kompetensi / 100)``."""
    used = ~np.isnan(required)
    if not used.any():
        fallback: FloatArray = np.clip(np.nan_to_num(skor_kompetensi) / 100.0, 0.0, 1.0)
        return fallback
    actual = levels[:, used]
    ratio = np.clip(actual / required[used], 0.0, 1.0)
    counted = ~np.isnan(actual)
    count = counted.sum(axis=1)
    total = np.where(counted, ratio, 0.0).sum(axis=1)
    fallback = np.clip(np.nan_to_num(skor_kompetensi) / 100.0, 0.0, 1.0)
    fit: FloatArray = np.where(count > 0, total / np.maximum(count, 1), fallback)
    return fit


def profile_bits(
    cand: Candidates,
    index: IntArray,
    pendidikan_minimal: int,
    golongan_minimal: int,
    policy: Policy,
) -> IntArray:
    """Exclusion bits of candidates ``index`` for a post with these minimums (-1 = none):
    the candidate's own bits plus education and golongan (PPPK have no golongan)."""
    suksesi = policy.suksesi
    bits = cand.bits[index].copy()
    if suksesi.cek_pendidikan_minimal and pendidikan_minimal >= 0:
        bits |= np.where(cand.tingkat_pendidikan[index] < pendidikan_minimal, BIT_PENDIDIKAN, 0)
    if suksesi.cek_golongan_minimal and golongan_minimal >= 0:
        lowest = golongan_minimal - suksesi.selisih_golongan
        golongan = cand.urutan_golongan[index]
        below = ((golongan < lowest) | (golongan < 0)) & ~cand.pppk[index]
        bits |= np.where(below, BIT_GOLONGAN, 0)
    return bits


def round_half_even(values: FloatArray, decimals: int) -> FloatArray:
    """``values`` rounded half to even to ``decimals`` places (NumPy ``round``)."""
    rounded: FloatArray = np.round(values, decimals)
    return rounded
