"""Vectorised dates: days since 1970-01-01 as ``int32`` arrays, and the valid months of a
promotion (kenaikan pangkat, KP).

KP effective dates: :data:`bakat.domain.golongan.PERIODE_KP` (rule V17).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.golongan import PERIODE_KP

Hari = npt.NDArray[np.int32]
_EPOCH = date(1970, 1, 1)


def hari(d: date) -> int:
    """Days since 1970-01-01 of ``d``."""
    return (d - _EPOCH).days


def tanggal(h: int) -> date:
    """The date ``h`` days after 1970-01-01."""
    return date.fromordinal(_EPOCH.toordinal() + int(h))


def ymd(h: npt.ArrayLike) -> tuple[Hari, Hari, Hari]:
    """Year, month and day arrays of day numbers (proleptic Gregorian, integer maths)."""
    z = np.asarray(h, dtype=np.int64) + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = np.where(mp < 10, mp + 3, mp - 9)
    y = yoe + era * 400 + (m <= 2)
    return y.astype(np.int32), m.astype(np.int32), d.astype(np.int32)


_PANJANG_BULAN = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def dari_ymd(tahun: npt.ArrayLike, bulan: npt.ArrayLike, hari_ke: npt.ArrayLike = 1) -> Hari:
    """Day numbers of year/month/day arrays (the day is clipped to the month's length)."""
    y = np.asarray(tahun, dtype=np.int64)
    m = np.asarray(bulan, dtype=np.int64)
    kabisat = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    panjang = _PANJANG_BULAN[m - 1] + ((m == 2) & kabisat)
    d = np.minimum(np.asarray(hari_ke, dtype=np.int64), panjang)
    y = y - (m <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * np.where(m > 2, m - 3, m + 9) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    hasil: Hari = (era * 146097 + doe - 719468).astype(np.int32)
    return hasil


def tambah_bulan(h: npt.ArrayLike, bulan: npt.ArrayLike) -> Hari:
    """Shift dates by whole months, keeping the day where the month allows."""
    t, b, d = ymd(h)
    total = t.astype(np.int64) * 12 + (b - 1) + np.asarray(bulan, dtype=np.int64)
    return dari_ymd(total // 12, total % 12 + 1, d)


def tambah_tahun(h: npt.ArrayLike, tahun: npt.ArrayLike) -> Hari:
    """Shift dates by whole years (29 February becomes 28 February where needed)."""
    return tambah_bulan(h, np.asarray(tahun, dtype=np.int64) * 12)


# PERIODE_KP as arrays: period start days, and a (period, month 1-12) table of valid months.
_MULAI_KP = np.array([(mulai - _EPOCH).days for mulai, _ in PERIODE_KP], dtype=np.int64)
_BULAN_KP = np.zeros((len(PERIODE_KP), 13), dtype=bool)
for _i, (_, _bulan) in enumerate(PERIODE_KP):
    _BULAN_KP[_i, list(_bulan)] = True


def awal_bulan_kp(h: npt.ArrayLike) -> Hari:
    """The latest valid KP date (1st of a valid month) on or before each date.

    The months of each period are :data:`bakat.domain.golongan.PERIODE_KP`; a valid month
    is never more than a year back, so thirteen candidate months suffice.
    """
    t, b, _ = ymd(h)
    bulan_ke = t.astype(np.int64) * 12 + (b - 1)
    hasil = np.zeros(bulan_ke.shape[0], dtype=np.int32)
    ketemu = np.zeros(bulan_ke.shape[0], dtype=bool)
    for mundur in range(13):
        calon_ke = bulan_ke - mundur
        calon_bulan = calon_ke % 12 + 1
        calon = dari_ymd(calon_ke // 12, calon_bulan)
        periode = np.searchsorted(_MULAI_KP, calon, side="right") - 1
        ambil = _BULAN_KP[periode, calon_bulan] & ~ketemu
        hasil = np.where(ambil, calon, hasil)
        ketemu |= ambil
    return hasil


def bulan_kp_sah(h: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """Whether each date is the 1st of a valid KP month for its time."""
    sah: npt.NDArray[np.bool_] = np.asarray(awal_bulan_kp(h)) == np.asarray(h, dtype=np.int32)
    return sah


def seragam(rng: np.random.Generator, lo: npt.ArrayLike, hi: npt.ArrayLike) -> Hari:
    """A uniform day in ``[lo, hi]`` (inclusive) for each pair."""
    lo_a = np.asarray(lo, dtype=np.int64)
    hi_a = np.asarray(hi, dtype=np.int64)
    rentang = np.maximum(hi_a - lo_a, 0) + 1
    hasil: Hari = (lo_a + (rng.random(lo_a.shape[0]) * rentang).astype(np.int64)).astype(np.int32)
    return hasil


def seri_tanggal(h: npt.ArrayLike, ada: npt.ArrayLike | None = None) -> pl.Series:
    """A Polars ``Date`` series; positions where ``ada`` is false are null."""
    s = pl.Series(np.asarray(h, dtype=np.int32)).cast(pl.Date)
    if ada is None:
        return s
    mask = pl.Series(np.asarray(ada, dtype=bool))
    return s.zip_with(mask, pl.Series([None], dtype=pl.Date).extend_constant(None, len(s) - 1))


def umur_tahun(lahir: npt.ArrayLike, pada: npt.ArrayLike) -> Hari:
    """Age in whole years on each date."""
    tl, bl, dl = ymd(lahir)
    tp, bp, dp = ymd(pada)
    belum = (bp < bl) | ((bp == bl) & (dp < dl))
    hasil: Hari = (tp - tl - belum.astype(np.int32)).astype(np.int32)
    return hasil


def tanggal_pensiun(lahir: npt.ArrayLike, bup: npt.ArrayLike) -> Hari:
    """TMT pensiun: the 1st of the month after reaching BUP (vectorised form of
    :func:`bakat.domain.jenjang.tanggal_pensiun`, PP 11/2017 Pasal 239 [S]; rule V27)."""
    t, b, _ = ymd(lahir)
    total = (t.astype(np.int64) + np.asarray(bup, dtype=np.int64)) * 12 + b  # next month
    return dari_ymd(total // 12, total % 12 + 1)
