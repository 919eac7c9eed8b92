"""Assessment-centre results (asesmen) and competency development (diklat).

Asesmen: a person is mappable only with an assessment dated within the last 3 years
(assessment validity of the nasional-2025 policy). The mappable have one there (30% also
an older one); ``asesmen_kedaluwarsa`` people only older ones; ``tanpa_asesmen`` none;
the other unmappable groups a realistic mix. The nine competency levels (PermenPANRB
38/2017, levels 1-5; domain.md §4.11) scatter around the grade's standard level
(``level_kompetensi_standar``), shifted up or down with the person's job-person match
(domain.md §4.11 JPM [S]). ``skor_kompetensi`` (the JPM reported by the assessment
centre) is roughly normal, mean 76 and sd 9, clipped to 40-100; ``skor_potensi`` mean 62
and sd 22 (about 63 and 18 after clipping); both follow a person-level latent potential
(weight 0.8) [I]. The values are calibrated so that the Kepka BKN 411 composite of the
nasional-2025 policy puts the demo agency in a centre-heavy nine-box (docs/synthetic.md).

Diklat: the two complete calendar years before the reference date; 86% of person-years
reach the 20 JP a year (PP 11/2017 Pasal 203 [S]; the ≥80% agency target, domain.md
§4.10), the others fall short (rule V34, a natural finding listed in the ground truth).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.jenjang import level_kompetensi_standar
from bakat.domain.kompetensi import KOMPETENSI
from bakat.synth import kalender as k
from bakat.synth.names import DIKLAT
from bakat.synth.people import (
    JENJANG,
    KEDALUWARSA,
    PPPK,
    SKP_KURANG,
    TERPETAKAN,
    TIDAK_AKTIF,
    Orang,
    peringkat,
)

I64 = npt.NDArray[np.int64]

STANDAR = np.array([level_kompetensi_standar(j) for j in JENJANG], dtype=np.int64)
JP_MINIMAL = 20
#: Job-person match: mean and spread before clipping [I] (calibration in docs/synthetic.md).
JPM_RERATA, JPM_SIMPANGAN = 76.0, 9.0
#: Potential score: lower and wider than the JPM so that the Kepka BKN 411 composite
#: (cut-offs 80/60) spreads over the three potential levels [I].
POTENSI_RERATA, POTENSI_SIMPANGAN = 62.0, 22.0
#: Weight of the person-level latent potential in both scores (the rest is noise).
BOBOT_LATEN = 0.8
SKOR_MIN, SKOR_MAKS = 40.0, 100.0


def _skor(
    laten: npt.NDArray[np.float64], rerata: float, simpangan: float, r: np.random.Generator
) -> npt.NDArray[np.float64]:
    """A score from the latent potential plus noise, clipped to 40-100 [I]."""
    galat = (1 - BOBOT_LATEN**2) ** 0.5 * r.normal(0, 1, len(laten))
    skor: npt.NDArray[np.float64] = np.clip(
        rerata + simpangan * (BOBOT_LATEN * laten + galat), SKOR_MIN, SKOR_MAKS
    )
    return skor


def asesmen(o: Orang, nip: pl.Series, as_of: date, r: np.random.Generator) -> pl.DataFrame:
    """The ``asesmen`` table."""
    acuan = k.hari(as_of)
    n = o.n
    batas = k.hari(date(as_of.year - 3, as_of.month, min(as_of.day, 28)))
    al = o.alasan[:n]
    u = r.random(n)
    valid = (al == TERPETAKAN) | ((al == TIDAK_AKTIF) & (u < 0.5))
    valid |= (al == SKP_KURANG) & (u < np.where(o.status[:n] == PPPK, 0.4, 0.8))
    lama = (al == KEDALUWARSA) | ((al == TIDAK_AKTIF) & (u >= 0.5) & (u < 0.7))
    lama |= (al == TERPETAKAN) & (r.random(n) < 0.3)
    lama_kedua = (al == KEDALUWARSA) & (r.random(n) < 0.35)
    masuk = o.tmt_masuk[:n].astype(np.int64)
    lo_v = np.maximum(masuk, batas + 30)
    lo_l = np.maximum(masuk, acuan - 9 * 365)
    hi_l = np.full(n, batas - 30, dtype=np.int64)
    lama &= lo_l <= hi_l
    lama_kedua &= hi_l - lo_l > 400
    assert not ((al == KEDALUWARSA) & ~lama).any(), "asesmen kedaluwarsa tanpa tanggal lama"
    bagian = []
    for pilih, lo, hi in (
        (valid, lo_v, np.full(n, acuan - 7)),
        (lama, lo_l + np.where(lama_kedua, 200, 0), hi_l),
        (lama_kedua, lo_l, lo_l + 100),
    ):
        idx = np.flatnonzero(pilih)
        bagian.append((idx, k.seragam(r, lo[idx], hi[idx])))
    orang = np.concatenate([b[0] for b in bagian])
    tanggal = np.concatenate([b[1] for b in bagian])
    urut = np.argsort(
        orang.astype(np.int64) << 20 | (tanggal.astype(np.int64) + 100_000), kind="stable"
    )
    orang, tanggal = orang[urut], tanggal[urut]
    m = len(orang)
    pot = o.potensi_z[orang].astype(np.float64)
    std = STANDAR[o.jenjang[orang]]
    jpm = _skor(pot, JPM_RERATA, JPM_SIMPANGAN, r)
    z = (jpm - JPM_RERATA) / JPM_SIMPANGAN
    level = np.clip(std[:, None] + np.round(0.5 * z[:, None] + r.normal(-0.2, 0.7, (m, 9))), 1, 5)
    potensi = _skor(pot, POTENSI_RERATA, POTENSI_SIMPANGAN, r)
    kolom: dict[str, pl.Series] = {
        "nip": nip.gather(pl.Series(orang)),
        "tanggal": k.seri_tanggal(tanggal),
        "skor_kompetensi": pl.Series(np.round(jpm, 2)),
        "skor_potensi": pl.Series(np.round(potensi, 2)),
    }
    for i, nama in enumerate(KOMPETENSI):
        kolom[nama] = pl.Series(level[:, i].astype(np.int8))
    return pl.DataFrame(kolom)


_NAMA_DIKLAT = pl.Series([d[0] for d in DIKLAT])
_LO = np.array([d[1] for d in DIKLAT])
_HI = np.array([d[2] for d in DIKLAT])
_KECIL = np.flatnonzero(_HI <= 8)
_TAMBAHAN = np.flatnonzero(_HI >= 40)


def diklat(
    o: Orang, nip: pl.Series, as_of: date, r: np.random.Generator
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The ``diklat`` table and the person-years under 20 JP (rule V34, natural)."""
    n = o.n
    tahun = np.array([as_of.year - 2, as_of.year - 1])
    awal = np.array([k.hari(date(int(t), 1, 1)) for t in tahun])
    ada = o.tmt_masuk[:n, None] < awal[None, :]
    orang, kol = np.nonzero(ada)
    t = tahun[kol]
    m = len(orang)
    tidak_pernah = r.random(n) < 0.05
    capai = (r.random(m) < 0.905) & ~tidak_pernah[orang]
    banyak = np.where(
        capai,
        r.choice(5, m, p=[0.2, 0.35, 0.25, 0.12, 0.08]) + 1,
        r.choice(3, m, p=[0.35, 0.4, 0.25]),
    )
    baris = np.repeat(np.arange(m), banyak)
    katalog = np.where(
        capai[baris],
        r.integers(0, len(DIKLAT), len(baris)),
        _KECIL[r.integers(0, len(_KECIL), len(baris))],
    )
    jp = _LO[katalog] + (r.random(len(baris)) * (_HI[katalog] - _LO[katalog] + 1)).astype(np.int64)
    total = np.bincount(baris, weights=jp, minlength=m).astype(np.int64)
    kurang = np.flatnonzero(capai & (total < JP_MINIMAL))
    tambah_jp = JP_MINIMAL - total[kurang] + r.integers(0, 9, len(kurang))
    tambah_kat = _TAMBAHAN[r.integers(0, len(_TAMBAHAN), len(kurang))]
    baris = np.concatenate([baris, kurang])
    katalog = np.concatenate([katalog, tambah_kat])
    jp = np.concatenate([jp, tambah_jp])
    urut = np.argsort(baris, kind="stable")
    baris, katalog, jp = baris[urut], katalog[urut], jp[urut]
    ke = peringkat(baris)
    jumlah = np.bincount(baris, minlength=m)[baris]
    hari_ke = ((ke + r.random(len(baris)) * 0.8) / jumlah * 365).astype(np.int64)
    tanggal = awal[kol[baris]] + np.minimum(hari_ke, 364)
    tabel = pl.DataFrame(
        {
            "nip": nip.gather(pl.Series(orang[baris])),
            "tanggal": k.seri_tanggal(tanggal),
            "nama": _NAMA_DIKLAT.gather(pl.Series(katalog)),
            "jp": pl.Series(jp.astype(np.int32)),
        }
    )
    total = np.bincount(baris, weights=jp, minlength=m).astype(np.int64)
    bawah = np.flatnonzero(total < JP_MINIMAL)
    galat = pl.DataFrame(
        {
            "nip": nip.gather(pl.Series(orang[bawah])),
            "tabel": pl.repeat("diklat", len(bawah), eager=True),
            "aturan": pl.repeat("V34", len(bawah), eager=True),
            "kolom": pl.repeat("jp", len(bawah), eager=True),
            "nilai_benar": pl.repeat(str(JP_MINIMAL), len(bawah), eager=True),
            "nilai_salah": pl.Series(total[bawah]).cast(pl.String),
            "keterangan": "tahun " + pl.Series(t[bawah]).cast(pl.String),
        }
    )
    return tabel, galat
