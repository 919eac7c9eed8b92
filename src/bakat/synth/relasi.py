"""Declared relationships (relasi) for conflict-of-interest checks.

- ``atasan_langsung``: each employee and the head of their unit (for a head: the head of
  the parent unit; one more level up when that post is vacant);
- ``suami_istri``: couples within the same agency, about 3% of employees [I];
- ``keluarga``: relatives (blood or marriage, 2nd-3rd degree) in the same agency, about 1%
  of employees [I] (PermenPANRB 17/2024 [S], domain.md §5.2).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.kepegawaian import Hubungan
from bakat.synth.people import Orang, peringkat

I64 = npt.NDArray[np.int64]


def _atasan(o: Orang, unit: pl.DataFrame) -> tuple[I64, I64]:
    n = o.n
    indeks = unit.select("unit_kerja", i=pl.int_range(pl.len(), dtype=pl.Int64))
    induk = (
        unit.select("induk")
        .join(indeks, left_on="induk", right_on="unit_kerja", how="left", maintain_order="left")
        .get_column("i")
        .fill_null(-1)
        .to_numpy()
    )
    kepala = np.full(unit.height, -1, dtype=np.int64)
    k = np.flatnonzero(o.kepala[:n])
    kepala[o.unit[k]] = k
    u = o.unit[:n].astype(np.int64)
    diri = np.arange(n)
    atas = np.where(kepala[u] == diri, -1, kepala[u])
    naik = induk[u]
    for _ in range(2):
        cari = (atas < 0) & (naik >= 0)
        atas[cari] = kepala[naik[cari]]
        naik = np.where(cari, induk[np.maximum(naik, 0)], naik)
    ada = atas >= 0
    return diri[ada], atas[ada]


def _pasangan(o: Orang, r: np.random.Generator, porsi: float, beda_jk: bool) -> tuple[I64, I64]:
    n = o.n
    calon = np.flatnonzero(r.random(n) < porsi * 2.2)
    if beda_jk:
        pria = calon[o.jk[calon] == 1]
        wanita = calon[o.jk[calon] == 2]
    else:
        acak = r.permutation(calon)
        pria, wanita = acak[::2], acak[1::2]
    hasil_a, hasil_b = [], []
    pria = pria[
        np.argsort(o.instansi[pria].astype(np.int64) << 32 | r.integers(0, 2**31, len(pria)))
    ]
    wanita = wanita[
        np.argsort(o.instansi[wanita].astype(np.int64) << 32 | r.integers(0, 2**31, len(wanita)))
    ]
    ip, iw = o.instansi[pria], o.instansi[wanita]
    rp = peringkat(ip)
    rw = peringkat(iw)
    kunci_p = ip.astype(np.int64) * 10_000_000 + rp
    kunci_w = iw.astype(np.int64) * 10_000_000 + rw
    sama, ia, ib = np.intersect1d(kunci_p, kunci_w, return_indices=True)
    hasil_a.append(pria[ia])
    hasil_b.append(wanita[ib])
    jumlah = min(len(sama), round(porsi * n / 2))
    a = np.concatenate(hasil_a)[:jumlah]
    b = np.concatenate(hasil_b)[:jumlah]
    return a.astype(np.int64), b.astype(np.int64)


def relasi(o: Orang, unit: pl.DataFrame, nip: pl.Series, r: np.random.Generator) -> pl.DataFrame:
    """The ``relasi`` table, keyed by the NIPs as the agency wrote them."""
    bagian = []
    for hub, (a, b) in (
        (Hubungan.ATASAN_LANGSUNG, _atasan(o, unit)),
        (Hubungan.SUAMI_ISTRI, _pasangan(o, r, 0.03, True)),
        (Hubungan.KELUARGA, _pasangan(o, r, 0.01, False)),
    ):
        bagian.append(
            pl.DataFrame(
                {
                    "nip_a": nip.gather(pl.Series(a)),
                    "nip_b": nip.gather(pl.Series(b)),
                    "hubungan": pl.repeat(hub.value, len(a), eager=True, dtype=pl.String),
                }
            )
        )
    return pl.concat(bagian)
