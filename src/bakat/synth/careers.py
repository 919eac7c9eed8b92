"""Dates and ranks: birth, TMT CPNS/PNS (or PPPK appointment), golongan and its TMT,
TMT jabatan, drawn together so that every clean record satisfies the rules of domain.md §8.

Drawn jointly by vectorised rejection (no loop per person): a person's draw is repeated
until it meets every constraint:
- age at TMT CPNS from the entry age of the education level up to 35 (PP 11/2017 Pasal 23
  [I]; rule V12); TMT CPNS on the 1st of a valid KP month, so that an unpromoted PNS's
  TMT golongan (= TMT CPNS) is valid too (rule V17);
- TMT PNS 12-18 months after TMT CPNS (1-year probation [I]; rule V13);
- retirement (``tanggal_pensiun``, 1st of the month after BUP) after the reference date
  (PP 11/2017 Pasal 239 [S]; rule V27);
- golongan at least the starting golongan of the education, within the grade's range,
  for pelaksana at most the education's maximum (PP 99/2000, PP 13/2002, JF ranges;
  rules V14, V15, V22, V23), and at most one step per two years of service [I];
- TMT jabatan after TMT CPNS (rule V28); JPT pratama appointed at 56 at most, JPT madya
  and utama at 58 (PP 11/2017 Pasal 107 [S]; rule V24).
The age mix has a large 51-60 group so retirements are coming (domain.md §7.3, §7.4).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt

from bakat.domain.golongan import golongan_awal, golongan_maksimal
from bakat.domain.jenjang import Jenjang, bup, rentang_golongan
from bakat.domain.nip import TAHUN_PPPK_PALING_AWAL
from bakat.synth import kalender as k
from bakat.synth.people import (
    CPNS,
    JENJANG,
    KEDALUWARSA,
    PENDIDIKAN,
    PNS,
    PPPK,
    Orang,
    pilih_pendidikan,
)

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]

BUP_J = np.array([bup(j) for j in JENJANG], dtype=np.int64)
AWAL_P = np.array([golongan_awal(p).urutan for p in PENDIDIKAN], dtype=np.int64)
MAKS_P = np.array([golongan_maksimal(p).urutan for p in PENDIDIKAN], dtype=np.int64)
_RENTANG = [rentang_golongan(j) for j in JENJANG]
LO_J = np.array([r[0].urutan if r else 1 for r in _RENTANG], dtype=np.int64)
HI_J = np.array([r[1].urutan if r else 17 for r in _RENTANG], dtype=np.int64)
PELAKSANA_J = np.array([j is Jenjang.PELAKSANA for j in JENJANG])
#: Entry age by education [I]: the usual age at graduation.
USIA_MASUK = np.array([18, 18, 18, 19, 20, 21, 22, 22, 24, 28], dtype=np.int64)
USIA_MASUK_MAKS = 35
#: Years of service a grade usually needs [I] (PP 11/2017 Pasal 54, 107 experience rules).
_MASA = {
    Jenjang.JPT_UTAMA: 25,
    Jenjang.JPT_MADYA: 20,
    Jenjang.JPT_PRATAMA: 15,
    Jenjang.ADMINISTRATOR: 10,
    Jenjang.PENGAWAS: 6,
    Jenjang.AHLI_UTAMA: 20,
    Jenjang.AHLI_MADYA: 12,
    Jenjang.AHLI_MUDA: 4,
    Jenjang.PENYELIA: 10,
    Jenjang.MAHIR: 4,
}
MASA_J = np.array([_MASA.get(j, 0) for j in JENJANG], dtype=np.int64)
#: Latest age at appointment to the grade (PP 11/2017 Pasal 107 [S]); 99 = no limit.
USIA_LANTIK_J = np.array(
    [
        56
        if j is Jenjang.JPT_PRATAMA
        else 58
        if j in (Jenjang.JPT_MADYA, Jenjang.JPT_UTAMA)
        else 99
        for j in JENJANG
    ]
)
#: Age at the reference date (years): bin edges and weights for PNS, then PPPK [I].
UMUR_PNS = (
    np.array([20, 25, 30, 35, 40, 45, 50, 55, 60, 66]),
    np.array([1, 6, 10, 12, 14, 17, 18, 17, 3]),
)
UMUR_PPPK = (
    np.array([21, 25, 30, 35, 40, 45, 50, 55, 58]),
    np.array([3, 14, 22, 22, 17, 12, 7, 3]),
)

_TAHUN = 365.25


def _umur(r: np.random.Generator, n: int, tabel: tuple[I64, I64]) -> I64:
    """Ages in days drawn from the age histogram ``tabel`` (bin edges in years, weights)."""
    tepi, w = tabel
    b = r.choice(len(w), size=n, p=w / w.sum())
    hasil: I64 = ((tepi[b] + r.random(n) * (tepi[b + 1] - tepi[b])) * _TAHUN).astype(np.int64)
    return hasil


def _pensiun_dekat(r: np.random.Generator, as_of: int, bup_n: I64) -> I64:
    """Birth dates whose retirement falls 1-24 months after the reference date."""
    bulan_ini = k.dari_ymd(*k.ymd(np.full(len(bup_n), as_of))[:2])
    pensiun = k.tambah_bulan(bulan_ini, r.integers(1, 25, len(bup_n)))
    t, b, _ = k.ymd(k.tambah_bulan(pensiun, -1))
    return k.dari_ymd(t - bup_n, b, r.integers(1, 29, len(bup_n))).astype(np.int64)


def tarik_karier(
    o: Orang,
    idx: I64,
    as_of: date,
    r: np.random.Generator,
    kembar_tmt: I64 | None = None,
) -> I64:
    """Draw dates and golongan for persons ``idx`` in place.

    ``kembar_tmt`` (same length as ``idx``, sorted ``idx``) holds, for people whose birth
    date is fixed, the six middle NIP digits of their look-alike: the new TMT CPNS
    (``YYYYMM``) must differ from them in at least two digits, so that the two NIPs are
    never one typo apart (hard negatives for matching). With ``kembar_tmt`` the people
    who still fail after all tries are returned instead of raising; otherwise the result
    is empty.
    """
    acuan = k.hari(as_of)
    thn = as_of.year
    batas_skp = k.hari(date(thn - 2, 6, 1))
    # Per-grade limits that do not depend on the person.
    hi_masa_j = k.tambah_tahun(np.full(len(JENJANG), acuan), -MASA_J).astype(np.int64)
    todo = np.asarray(idx, dtype=np.int64)
    jauh = None if kembar_tmt is None else np.asarray(kembar_tmt, dtype=np.int64)
    for _ in range(200):
        if len(todo) == 0:
            return todo
        ok = _coba(o, todo, acuan, thn, batas_skp, hi_masa_j, r, idx, jauh)
        todo = todo[~ok]
        # acuan person who failed may have an education that cannot fit the grade: redraw it.
        ganti = r.random(len(todo)) < 0.3
        if ganti.any():
            o.pendidikan[todo[ganti]] = pilih_pendidikan(r, o.jenjang[todo[ganti]])
    if kembar_tmt is not None:
        return todo
    raise RuntimeError(f"{len(todo)} orang tidak mendapat riwayat karier yang konsisten")


def _lahir(o: Orang, todo: I64, acuan: int, r: np.random.Generator, bup_n: I64) -> I64:
    st = o.status[todo]
    n = len(todo)
    lahir = np.empty(n, dtype=np.int64)
    pk = st == PPPK
    lahir[pk] = acuan - _umur(r, int(pk.sum()), UMUR_PPPK)
    lahir[~pk] = acuan - _umur(r, int((~pk).sum()), UMUR_PNS)
    dekat = o.dekat_bup[todo]
    if dekat.any():
        lahir[dekat] = _pensiun_dekat(r, acuan, bup_n[dekat])
    tetap = o.lahir_tetap[todo]
    lahir[tetap] = o.lahir[todo][tetap]
    return lahir


def _coba(
    o: Orang,
    todo: I64,
    acuan: int,
    thn: int,
    batas_skp: int,
    hi_masa_j: I64,
    r: np.random.Generator,
    idx: I64,
    jauh: I64 | None,
) -> B:
    """One draw for ``todo``; stores the accepted ones and returns which were accepted."""
    n = len(todo)
    st = o.status[todo]
    j = o.jenjang[todo].astype(np.int64)
    pd = o.pendidikan[todo].astype(np.int64)
    bup_n = BUP_J[j]
    masuk_min = USIA_MASUK[pd]
    tetap = o.lahir_tetap[todo]
    lahir = _lahir(o, todo, acuan, r, bup_n)
    ly, lm, ld = k.ymd(lahir)
    # Entry (TMT CPNS, or the PPPK appointment).
    lo = k.dari_ymd(ly + masuk_min, lm, ld).astype(np.int64)
    hi = np.minimum.reduce(
        [
            k.dari_ymd(ly + USIA_MASUK_MAKS, lm, ld).astype(np.int64),
            np.where(o.alasan[todo] == KEDALUWARSA, acuan - 3 * 365 - 120, batas_skp),
            hi_masa_j[j],
        ]
    )
    tmt = k.awal_bulan_kp(k.seragam(r, lo, hi)).astype(np.int64)
    ok = (hi >= lo) & (tmt >= k.dari_ymd(ly + 18, lm, ld))
    c = st == CPNS
    if c.any():  # appointed 3 to 9 months ago; birth from the entry age
        tmt_c = k.awal_bulan_kp(
            k.seragam(r, np.full(c.sum(), acuan - 270), np.full(c.sum(), acuan - 90))
        )
        umur = masuk_min[c] + (USIA_MASUK_MAKS - masuk_min[c]) * r.random(c.sum()) ** 1.7
        tmt[c] = tmt_c
        lahir[c] = np.where(tetap[c], lahir[c], tmt_c - (umur * _TAHUN).astype(np.int64))
        ok[c] = True
        ly, lm, ld = k.ymd(lahir)
    pk = st == PPPK
    if pk.any():  # recent cohorts (the first PPPK: domain nip.TAHUN_PPPK_PALING_AWAL)
        baru = o.rincian[todo][pk] == 5
        tahun_ini = (r.random(pk.sum()) < 0.25) & (k.hari(date(thn, 1, 1)) <= acuan - 60)
        lo_baru = np.where(tahun_ini, k.hari(date(thn, 1, 1)), k.hari(date(thn - 1, 1, 1)))
        hi_baru = np.where(tahun_ini, acuan - 60, min(k.hari(date(thn - 1, 12, 1)), acuan - 30))
        awal_pppk = k.hari(date(max(TAHUN_PPPK_PALING_AWAL + 2, thn - 4), 1, 1))
        t_p = k.seragam(r, np.where(baru, lo_baru, awal_pppk), np.where(baru, hi_baru, batas_skp))
        tmt[pk] = k.dari_ymd(*k.ymd(t_p)[:2])
        umur_masuk = (tmt[pk] - lahir[pk]) / _TAHUN
        ok[pk] = (umur_masuk >= 20) & (umur_masuk <= bup_n[pk] - 2)
    ty, tm, _ = k.ymd(tmt)
    if tetap.any() and jauh is not None:
        sel = np.searchsorted(idx, todo)
        ok &= ~tetap | (_beda_digit(ty.astype(np.int64) * 100 + tm, jauh[sel]) >= 2)
    bulan_pensiun = (ly.astype(np.int64) + bup_n) * 12 + lm  # 1st of the month after BUP
    ok &= k.dari_ymd(bulan_pensiun // 12, bulan_pensiun % 12 + 1) > acuan + 31
    # Golongan range (CPNS and PNS).
    s = AWAL_P[pd]
    masa = np.maximum(acuan - tmt, 0) / _TAHUN
    hi_j = np.where(PELAKSANA_J[j], np.minimum(HI_J[j], MAKS_P[pd]), HI_J[j])
    lo_g = np.maximum(s, LO_J[j])
    hi_g = np.minimum(hi_j, s + np.where(st == CPNS, 0, np.floor(masa / 2)).astype(np.int64))
    ok &= (st == PPPK) | (lo_g <= hi_g)
    # TMT PNS 12-18 months after TMT CPNS, on the 1st; TMT jabatan window.
    bulan_pns = ty.astype(np.int64) * 12 + (tm - 1) + 12 + r.integers(0, 7, n)
    tmt_pns = k.dari_ymd(bulan_pns // 12, bulan_pns % 12 + 1).astype(np.int64)
    kep = o.kepala[todo]
    mundur = np.where(kep, 6, np.where(PELAKSANA_J[j], 10, 8))
    lo_jab = np.maximum(np.where(kep, tmt_pns, tmt), acuan - (mundur * _TAHUN).astype(np.int64))
    hi_jab = np.minimum(acuan - 30, k.dari_ymd(ly + USIA_LANTIK_J[j], lm, ld))
    ok &= (st != PNS) | (lo_jab <= hi_jab)
    # Store the accepted draws.
    good = todo[ok]
    sto = st[ok]
    o.lahir[good] = lahir[ok]
    o.tmt_masuk[good] = tmt[ok]
    lama = tmt[ok] < k.hari(date(thn - 4, 1, 1))
    o.kontrak[good] = np.where(sto == PPPK, np.where(lama, 2, 1), 0)
    o.tmt_pns[good] = np.where(sto == PNS, tmt_pns[ok], -1)
    tipikal = s + np.floor(masa / 4).astype(np.int64) + (~PELAKSANA_J[j]).astype(np.int64)
    gol = np.clip(tipikal + r.integers(-1, 2, n), lo_g, np.maximum(lo_g, hi_g))
    o.golongan[good] = np.where(sto == PPPK, 0, gol[ok])
    naik = k.awal_bulan_kp(k.seragam(r, np.maximum(tmt_pns, acuan - 4 * 365), acuan - 30))
    tmt_gol = np.where(gol == s, tmt, naik)
    o.tmt_golongan[good] = np.where(sto == PPPK, -1, tmt_gol[ok])
    jab = k.seragam(r, lo_jab, np.maximum(lo_jab, hi_jab))
    o.tmt_jabatan[good] = np.where(sto == PNS, jab[ok], tmt[ok])
    diterima: B = ok
    return diterima


def _beda_digit(a: I64, b: I64, digit: int = 6) -> I64:
    """How many of the last ``digit`` decimal digits differ between ``a`` and ``b``."""
    beda = np.zeros(len(a), dtype=np.int64)
    for i in range(digit):
        beda += (a // 10**i) % 10 != (b // 10**i) % 10
    return beda


def siapkan(o: Orang) -> None:
    """Allocate the career arrays of ``o``."""
    o.lahir = np.zeros(o.p, np.int32)
    o.tmt_masuk = np.zeros(o.p, np.int32)
    o.tmt_pns = np.full(o.p, -1, np.int32)
    o.golongan = np.zeros(o.p, np.int8)
    o.tmt_golongan = np.full(o.p, -1, np.int32)
    o.tmt_jabatan = np.zeros(o.p, np.int32)
    o.kontrak = np.zeros(o.p, np.int8)
    o.lahir_tetap = np.zeros(o.p, bool)
