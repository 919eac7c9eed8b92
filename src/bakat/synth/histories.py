"""Yearly performance (kinerja) and disciplinary sanctions (hukdis), keyed by the NIP as
the agency wrote it.

Kinerja: one row per SKP year from ``as_of.year - 4`` to ``as_of.year - 1`` in which the
person served from before 1 July [I]. From 2022 each row carries the hasil kerja and
perilaku kerja ratings and the predikat of the PermenPANRB 6/2022 matrix
(``bakat.domain.skp.predikat_matriks``; domain.md §3.1 [S]); 2021 rows are PP 30/2019
predicates without the ratings (domain.md §3.3). Ratings follow a person-level latent
performance, so about 15% Sangat Baik, 78% Baik and the rest below (domain.md §3.2 caps).
The reasons why someone is not mappable are built in here: no row for a year, or a row
whose predikat is still empty.

Hukdis: about 2.5% of staff, the three PP 94/2021 levels (domain.md §4.7 [S]) with their
durations; some are still running at the reference date.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.hukdis import TingkatHukdis
from bakat.domain.skp import Ekspektasi, Predikat, predikat_matriks
from bakat.synth import kalender as k
from bakat.synth.people import CPNS, TIDAK_AKTIF, Orang

I64 = npt.NDArray[np.int64]

EKSPEKTASI: tuple[Ekspektasi, ...] = (Ekspektasi.DI_ATAS, Ekspektasi.SESUAI, Ekspektasi.DI_BAWAH)
PREDIKAT: tuple[Predikat, ...] = tuple(Predikat)
#: predikat index for (hasil kerja index, perilaku kerja index), from the domain matrix.
MATRIKS = np.array(
    [[PREDIKAT.index(predikat_matriks(h, p)) for p in EKSPEKTASI] for h in EKSPEKTASI]
)
TAHUN_MATRIKS = 2022  # PermenPANRB 6/2022 applies from the 2022 appraisal year.


def _ekspektasi(skor: npt.NDArray[np.float64]) -> I64:
    return np.where(skor > 0.55, 0, np.where(skor < -1.7, 2, 1)).astype(np.int64)


def kinerja(
    o: Orang, nip: pl.Series, as_of: date, r: np.random.Generator, laju_v31: float
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The ``kinerja`` table and its injected V31 errors (kesalahan rows)."""
    tahun = np.arange(as_of.year - 4, as_of.year)
    n = o.n
    batas = np.array([k.hari(date(int(t), 7, 1)) for t in tahun])
    ada = (o.tmt_masuk[:n, None] < batas[None, :]) & (o.status[:n, None] != CPNS)
    rinc = o.rincian[:n]
    ada[rinc == 7, :-1] = False  # moved in last year: earlier SKP stay with the old agency
    cuti = (o.alasan[:n] == TIDAK_AKTIF) & (rinc != 3) & (r.random(n) < 0.6)
    ada[cuti, -1] = False  # on study or unpaid leave since last year
    orang, kolom = np.nonzero(ada)
    t = tahun[kolom]
    m = len(orang)
    z = o.kinerja_z[orang].astype(np.float64)
    hk = _ekspektasi(0.8 * z + 0.6 * r.normal(0, 1, m))
    pk = _ekspektasi(0.6 * z + 0.8 * r.normal(0, 1, m))
    pred = MATRIKS[hk, pk]
    lama = t < TAHUN_MATRIKS
    s = 0.8 * z + 0.6 * r.normal(0, 1, m)
    pred_lama = np.searchsorted(-np.array([0.95, -1.6, -2.1, -2.5]), -s, side="left")
    pred = np.where(lama, pred_lama, pred)
    kosong = (rinc[orang] == 6) & (t == tahun[-1])  # last year's SKP not finalised yet
    # V31: a predikat that does not follow the matrix (stays a valid predikat).
    calon = np.flatnonzero(~lama & ~kosong)
    jumlah = min(len(calon), round(laju_v31 * len(calon)))
    salah = np.sort(r.choice(calon, jumlah, replace=False)) if jumlah else np.zeros(0, np.int64)
    benar = pred[salah].copy()
    pred[salah] = (pred[salah] + r.integers(1, len(PREDIKAT), jumlah)) % len(PREDIKAT)
    # Text columns by gathering from the value lists; the extra last slot is null.
    teks_p = pl.Series([*(p.value for p in PREDIKAT), None], dtype=pl.String)
    teks_e = pl.Series([*(e.value for e in EKSPEKTASI), None], dtype=pl.String)
    tanpa_rating = lama | kosong
    tabel = pl.DataFrame(
        {
            "nip": nip.gather(pl.Series(orang)),
            "tahun": pl.Series(t.astype(np.int32)),
            "predikat": teks_p.gather(pl.Series(np.where(kosong, len(PREDIKAT), pred))),
            "hasil_kerja": teks_e.gather(pl.Series(np.where(tanpa_rating, 3, hk))),
            "perilaku_kerja": teks_e.gather(pl.Series(np.where(tanpa_rating, 3, pk))),
        }
    )
    galat = pl.DataFrame(
        {
            "nip": nip.gather(pl.Series(orang[salah])),
            "tabel": pl.repeat("kinerja", jumlah, eager=True),
            "aturan": pl.repeat("V31", jumlah, eager=True),
            "kolom": pl.repeat("predikat", jumlah, eager=True),
            "nilai_benar": teks_p.gather(pl.Series(benar)),
            "nilai_salah": teks_p.gather(pl.Series(pred[salah])),
            "keterangan": "tahun " + pl.Series(t[salah]).cast(pl.String),
        }
    )
    return tabel, galat


_JENIS_HUKDIS: dict[TingkatHukdis, tuple[tuple[str, int], ...]] = {
    TingkatHukdis.RINGAN: (
        ("Teguran lisan", 6),
        ("Teguran tertulis", 6),
        ("Pernyataan tidak puas secara tertulis", 6),
    ),
    TingkatHukdis.SEDANG: (
        ("Pemotongan tunjangan kinerja 25% selama 6 bulan", 6),
        ("Pemotongan tunjangan kinerja 25% selama 9 bulan", 9),
        ("Pemotongan tunjangan kinerja 25% selama 12 bulan", 12),
    ),
    TingkatHukdis.BERAT: (
        ("Penurunan jabatan setingkat lebih rendah selama 12 bulan", 12),
        ("Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", 12),
    ),
}


def hukdis(o: Orang, nip: pl.Series, as_of: date, r: np.random.Generator) -> pl.DataFrame:
    """The ``hukdis`` table: levels 55/30/15% [I]; ringan counted for 6 months [I]."""
    acuan = k.hari(as_of)
    calon = np.flatnonzero((o.status[: o.n] != CPNS) & (o.tmt_masuk[: o.n] < acuan - 200))
    jumlah = round(0.025 * o.n)
    if jumlah == 0 or not len(calon):
        return pl.DataFrame(
            schema={"nip": pl.String, "tingkat": pl.String, "jenis": pl.String,
                    "tmt": pl.Date, "tanggal_akhir": pl.Date}
        )  # fmt: skip
    orang = np.sort(r.choice(calon, min(jumlah, len(calon)), replace=False))
    m = len(orang)
    tingkat = r.choice(3, m, p=[0.55, 0.30, 0.15])
    tingkat[: min(3, m)] = np.arange(min(3, m))
    lo = np.maximum(o.tmt_masuk[orang].astype(np.int64) + 180, acuan - 5 * 365)
    tmt = k.seragam(r, lo, np.maximum(lo, acuan - 10))
    aktif = np.zeros(m, dtype=bool)
    aktif[: min(3, m)] = True  # one running sanction of each level
    tmt = np.where(aktif, np.maximum(lo, acuan - r.integers(10, 150, m)), tmt)
    level = list(TingkatHukdis)
    jenis = np.empty(m, dtype=object)
    bulan = np.zeros(m, dtype=np.int64)
    for i, lv in enumerate(level):
        mm = tingkat == i
        opsi = _JENIS_HUKDIS[lv]
        pick = r.integers(0, len(opsi), int(mm.sum()))
        jenis[mm] = np.array([x[0] for x in opsi], dtype=object)[pick]
        bulan[mm] = np.array([x[1] for x in opsi])[pick]
    akhir = k.tambah_bulan(tmt, bulan) - 1
    return pl.DataFrame(
        {
            "nip": nip.gather(pl.Series(orang)),
            "tingkat": pl.Series([lv.value for lv in level]).gather(pl.Series(tingkat)),
            "jenis": pl.Series(jenis, dtype=pl.String),
            "tmt": k.seri_tanggal(tmt),
            "tanggal_akhir": k.seri_tanggal(akhir),
        }
    )
