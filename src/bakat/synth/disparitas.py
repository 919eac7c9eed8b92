"""Disparities between the agency's records (``pegawai``) and the national registry
(``siasn``), and their ground truth.

SIASN starts from the true record; then, at the rates of :class:`TingkatGalat`:
- field differences on the SIASN side (``beda_*``): a misspelt name, a birth date a few
  days off, another NIK digit, a golongan one step up (a promotion the agency has not
  recorded) or down, the previous position or the old pelaksana nomenclature, the
  previous unit, a lower education (a degree not yet updated: the IKD "gelar not
  updated" anomaly, domain.md §4.12 [S]), TMT dates off by some months;
- one-digit NIP typos on either side (local typos touch only the serial, so no §8 rule
  fires on the local record);
- records only in ``pegawai`` (e.g. transferred in, still under the old agency in SIASN)
  and only in ``siasn`` (e.g. transferred out or retired, still listed);
- hard negatives: SIASN-only people who share the birth date (half of them also the sex
  and the first name) of an unmatched local record, with a NIP that differs in at least
  two digits.
The ground truth (``disparitas``) is the field-by-field comparison of the two true
frames, so record errors in ``pegawai`` that show against SIASN are in it too; ``pihak``
is ``bkn`` for nama, nip and tanggal_lahir (only BKN may correct them, domain.md §4.1
[S]) and ``instansi`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.synth.config import TingkatGalat
from bakat.synth.people import CPNS, PNS, Orang

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]

#: Columns compared between pegawai and siasn (canonical names).
KOLOM_BANDING: tuple[str, ...] = (
    "nik",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "jenis_kelamin",
    "tempat_lahir",
    "tanggal_lahir",
    "status_kepegawaian",
    "tmt_cpns",
    "tmt_pns",
    "golongan",
    "pangkat",
    "tmt_golongan",
    "jenjang_jabatan",
    "jabatan",
    "tmt_jabatan",
    "unit_kerja",
    "unit_kerja_nama",
    "pendidikan",
)
PIHAK_BKN = frozenset({"nama", "nip", "tanggal_lahir"})
JENIS_BEDA = (
    "nama",
    "tanggal_lahir",
    "nik",
    "golongan",
    "jabatan",
    "unit_kerja",
    "pendidikan",
    "tmt",
)


@dataclass
class Rencana:
    """Who gets which disparity (boolean masks over all persons)."""

    hanya_lokal: B
    nip_lokal_salah: B
    nip_siasn_salah: B
    beda: dict[str, B]
    kembar: I64  # for each SIASN-only person: index of the local look-alike, else -1
    kembar_penuh: B  # the look-alike also shares sex and first name

    @property
    def khusus(self) -> B:
        """Persons kept apart from record errors (their NIP pairing must stay simple)."""
        return self.hanya_lokal | self.nip_lokal_salah | self.nip_siasn_salah


def rencanakan(o: Orang, galat: TingkatGalat, r: np.random.Generator) -> Rencana:
    """Choose the people of every disparity kind (disjoint sets)."""
    n, p = o.n, o.p
    urut = r.permutation(n)
    dipakai = np.zeros(p, dtype=bool)

    def ambil(laju: float, syarat: B | None = None) -> B:
        ok = ~dipakai[urut] if syarat is None else (~dipakai[urut] & syarat[urut])
        calon = urut[ok][: round(laju * n)]
        m = np.zeros(p, dtype=bool)
        m[calon] = True
        dipakai[calon] = True
        return m

    hanya_lokal = ambil(galat.hanya_lokal)
    nip_lokal = ambil(galat.nip_salah_lokal)
    nip_siasn = ambil(galat.nip_salah_siasn)
    st = o.status
    bisa_gol = (st == PNS) & (o.golongan > 1) & (o.golongan < 17)
    beda = {
        "nama": ambil(galat.beda_nama),
        "tanggal_lahir": ambil(galat.beda_tanggal_lahir),
        "nik": ambil(galat.beda_nik),
        "golongan": ambil(galat.beda_golongan, bisa_gol),
        "jabatan": ambil(galat.beda_jabatan, ~o.kepala),
        "unit_kerja": ambil(galat.beda_unit_kerja, ~o.kepala),
        "pendidikan": ambil(galat.beda_pendidikan, o.pendidikan >= 5),
        "tmt": ambil(galat.beda_tmt, st != CPNS),
    }
    ekstra = np.arange(n, p)
    calon = np.flatnonzero((hanya_lokal | nip_lokal) & (st == PNS) & ~o.kepala)
    jumlah = min(len(calon), round(galat.kembar * len(ekstra)))
    kembar = np.full(p, -1, dtype=np.int64)
    if jumlah:
        kembar[ekstra[:jumlah]] = r.choice(calon, jumlah, replace=len(calon) < jumlah)
    penuh = (kembar >= 0) & (r.random(p) < 0.5)
    return Rencana(hanya_lokal, nip_lokal, nip_siasn, beda, kembar, penuh)


def siapkan_kembar(o: Orang, rencana: Rencana) -> I64:
    """Copy the look-alike's birth date, sex, grade and education into each SIASN-only
    twin (a PNS); returns the twins' indices (sorted)."""
    kembar = np.flatnonzero(rencana.kembar >= 0)
    asal = rencana.kembar[kembar]
    o.lahir[kembar] = o.lahir[asal]
    o.lahir_tetap[kembar] = True
    o.status[kembar] = PNS
    o.instansi[kembar] = o.instansi[asal]
    o.unit[kembar] = o.unit[asal]
    penuh = rencana.kembar_penuh[kembar]
    o.jk[kembar] = np.where(penuh, o.jk[asal], o.jk[kembar])
    o.pendidikan[kembar] = o.pendidikan[asal]
    o.jenjang[kembar] = o.jenjang[asal]
    o.dekat_bup[kembar] = False
    return kembar


def salah_ketik(
    nip: pl.Series, r: np.random.Generator, semua: pl.Series, hanya_urut: bool
) -> tuple[pl.Series, B]:
    """A one-digit typo of each (all-digit) NIP that is a new number (``hanya_urut``: in
    the serial, never 000). Returns the typos and whether each one could be made."""
    terpakai = np.sort(semua.cast(pl.Int64, strict=False).drop_nulls().to_numpy())
    angka = nip.cast(pl.Int64).to_numpy()
    hasil = angka.copy()
    ok = np.zeros(len(nip), dtype=bool)
    for _ in range(6):
        sisa = np.flatnonzero(~ok)
        if not len(sisa):
            break
        pos = r.integers(15 if hanya_urut else 0, 18, len(sisa))  # 0 = first digit
        bobot = 10 ** (17 - pos)
        lama = (angka[sisa] // bobot) % 10
        baru = angka[sisa] + ((lama + r.integers(1, 10, len(sisa))) % 10 - lama) * bobot
        tempat = np.minimum(np.searchsorted(terpakai, baru), len(terpakai) - 1)
        bagus = (terpakai[tempat] != baru) & (baru >= 10**17)
        unik, hitung = np.unique(baru, return_counts=True)
        bagus &= hitung[np.searchsorted(unik, baru)] == 1
        bagus &= ~np.isin(baru, hasil[ok])
        if hanya_urut:
            bagus &= baru % 1000 != 0
        hasil[sisa[bagus]] = baru[bagus]
        ok[sisa[bagus]] = True
    return pl.Series(hasil).cast(pl.String), ok
