"""Names, academic titles, fields of study, places of birth, NIK areas and position titles.

Names carry no titles; titles go to ``gelar_depan`` / ``gelar_belakang`` and match the
education level (rule V30 [S]): a D3 holds an "A.Md." title, an S1 an S1 title, an S2
its S1 and S2 titles, an S3 also "Dr." in front. Everything is built column-wise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.jenjang import KategoriJabatan, kategori
from bakat.domain.pendidikan import Pendidikan
from bakat.synth import names as nm
from bakat.synth.people import JENJANG, PENDIDIKAN, Orang
from bakat.synth.units import judul_kepala

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]

_KATA: list[str] = sorted(
    {w for daftar in (*nm.DEPAN_L, *nm.DEPAN_P, *nm.BELAKANG) for w in daftar} | {"I", "Ni"}
)
_INDEKS = {w: i for i, w in enumerate(_KATA)}
KATA = pl.Series("kata", _KATA)


def _idx(daftar: tuple[tuple[str, ...], ...]) -> list[I64]:
    return [np.array([_INDEKS[w] for w in d], dtype=np.int64) for d in daftar]


_DL, _DP, _BL = _idx(nm.DEPAN_L), _idx(nm.DEPAN_P), _idx(nm.BELAKANG)
TEMPAT_PROV = np.array([int(kode[:2]) for kode, _ in nm.TEMPAT])
_TEMPAT_KODE = np.array([int(kode) for kode, _ in nm.TEMPAT], dtype=np.int64)
TEMPAT_NAMA = pl.Series([t.removeprefix("Kota ") for _, t in nm.TEMPAT])


@dataclass
class Nama:
    """Word indices into :data:`KATA` (-1 = no word) and the naming style."""

    gaya: I64
    w: list[I64]


def pilih_tempat(r: np.random.Generator, provinsi: I64) -> I64:
    """An index into ``names.TEMPAT`` in each province (anywhere when it has none)."""
    urut = np.argsort(TEMPAT_PROV, kind="stable")
    prov_urut = TEMPAT_PROV[urut]
    lo = np.searchsorted(prov_urut, provinsi, side="left")
    hi = np.searchsorted(prov_urut, provinsi, side="right")
    ada = hi > lo
    pilih = lo + (r.random(len(provinsi)) * np.maximum(hi - lo, 1)).astype(np.int64)
    acak = r.integers(0, len(urut), len(provinsi))
    return np.where(ada, urut[np.minimum(pilih, len(urut) - 1)], acak)


def tempat_lahir(r: np.random.Generator, prov_unit: I64) -> I64:
    """Place of birth: 60% in the province of the work unit, else anywhere [I]."""
    sama = r.random(len(prov_unit)) < 0.6
    lokal = pilih_tempat(r, prov_unit)
    return np.where(sama, lokal, r.integers(0, len(nm.TEMPAT), len(prov_unit)))


def wilayah_nik(r: np.random.Generator, prov_unit: I64, lahir_idx: I64) -> I64:
    """Six-digit area code of the NIK: domicile near the unit (70%) or the birthplace."""
    dekat = r.random(len(prov_unit)) < 0.7
    kab = np.where(dekat, _TEMPAT_KODE[pilih_tempat(r, prov_unit)], _TEMPAT_KODE[lahir_idx])
    return kab * 100 + r.integers(1, 31, len(prov_unit))


def pilih_nama(r: np.random.Generator, jk: npt.NDArray[np.int8], prov_lahir: I64) -> Nama:
    """Name words by the birth province's naming style and sex."""
    n = len(jk)
    gaya = np.full(n, nm.MELAYU, dtype=np.int64)
    u = r.random(n)
    for kode, opsi in nm.GAYA_PROVINSI.items():
        m = prov_lahir == int(kode)
        batas = np.cumsum([w for _, w in opsi])
        pilihan = np.array([g for g, _ in opsi])
        gaya[m] = pilihan[np.minimum(np.searchsorted(batas, u[m]), len(pilihan) - 1)]
    w = [np.full(n, -1, dtype=np.int64) for _ in range(4)]
    jumlah = r.random(n)
    for g in range(5):
        for sex, depan in ((1, _DL[g]), (2, _DP[g])):
            m = (gaya == g) & (jk == sex)
            c = int(m.sum())
            if not c:
                continue
            w[1][m] = depan[r.integers(0, len(depan), c)]
            w[3][m] = _BL[g][r.integers(0, len(_BL[g]), c)]
            tiga = jumlah[m] < {nm.JAWA: 0.25, nm.MELAYU: 0.3, nm.BATAK: 0.15}.get(g, 0.2)
            kedua = depan[r.integers(0, len(depan), c)]
            w[2][m] = np.where(tiga & (kedua != w[1][m]), kedua, -1)
            if g == nm.JAWA:
                w[3][m] = np.where(jumlah[m] > 0.85, -1, w[3][m])
            if g == nm.BALI:
                w[0][m] = _INDEKS["I"] if sex == 1 else _INDEKS["Ni"]
    return Nama(gaya, w)


def teks_nama(nama: Nama) -> pl.Series:
    """The names as text (Title Case, single spaces)."""
    cols = [
        pl.when(pl.lit(pl.Series(w)) >= 0).then(
            pl.lit(KATA).gather(pl.lit(pl.Series(np.maximum(w, 0))))
        )
        for w in nama.w
    ]
    return pl.select(pl.concat_str(cols, separator=" ", ignore_nulls=True)).to_series()


@dataclass
class Gelar:
    """Field of study and titles as text columns."""

    jurusan: pl.Series
    depan: pl.Series
    belakang: pl.Series


_TABEL_JURUSAN = [(p, j, g) for p, daftar in nm.JURUSAN.items() for j, g in daftar]
_JUR = pl.Series([j for _, j, _ in _TABEL_JURUSAN])
_GEL = pl.Series([g or None for _, _, g in _TABEL_JURUSAN], dtype=pl.String)


def pilih_gelar(r: np.random.Generator, pendidikan: npt.NDArray[np.int8]) -> Gelar:
    """Field of study and titles consistent with the education level (rule V30 [S])."""
    n = len(pendidikan)
    idx = np.full(n, -1, dtype=np.int64)
    idx_s1 = np.full(n, -1, dtype=np.int64)
    baris = np.arange(len(_TABEL_JURUSAN))
    asal = np.array([p for p, _, _ in _TABEL_JURUSAN])
    s1 = baris[asal == "S1"]
    for i, p in enumerate(PENDIDIKAN):
        m = pendidikan == i
        pilihan = baris[asal == p.value]
        if not m.any() or not len(pilihan):
            continue
        idx[m] = pilihan[r.integers(0, len(pilihan), int(m.sum()))]
        if p.value in ("S2", "S3"):
            idx_s1[m] = s1[r.integers(0, len(s1), int(m.sum()))]

    def ambil(seri: pl.Series, i: I64) -> pl.Expr:
        return pl.when(pl.lit(pl.Series(i)) >= 0).then(
            pl.lit(seri).gather(pl.lit(pl.Series(np.maximum(i, 0))))
        )

    s3 = pl.Series(pendidikan == PENDIDIKAN.index(Pendidikan.S3))
    out = pl.select(
        jurusan=ambil(_JUR, idx),
        gelar_depan=pl.when(pl.lit(s3)).then(pl.lit("Dr.")),
        gelar_belakang=pl.concat_str(
            [ambil(_GEL, idx_s1), ambil(_GEL, idx)], separator=", ", ignore_nulls=True
        ),
    ).with_columns(pl.col("gelar_belakang").replace("", None))
    return Gelar(out["jurusan"], out["gelar_depan"], out["gelar_belakang"])


_JF_NAMA = pl.Series([f[0] for f in nm.JF])
_PELAKSANA = pl.Series(nm.PELAKSANA)


_JENIS_UNIT = tuple(nm.JF_UNIT)
_KAT = (
    KategoriJabatan.MANAJERIAL,
    KategoriJabatan.FUNGSIONAL_KEAHLIAN,
    KategoriJabatan.FUNGSIONAL_KETERAMPILAN,
    KategoriJabatan.PELAKSANA,
)
_KAT_J = np.array([_KAT.index(kategori(j)) for j in JENJANG], dtype=np.int64)
_GRADE = pl.Series([nm.GRADE_LABEL.get(j.value, "") for j in JENJANG])


@dataclass
class Judul:
    """Position titles as indices into a small vocabulary: the head title of every unit,
    then "<JF> <grade>" for every family and grade, then the pelaksana titles."""

    kosakata: pl.Series
    indeks: I64

    @property
    def teks(self) -> pl.Series:
        """One title per person."""
        return self.kosakata.gather(pl.Series(self.indeks))

    def untuk(self, orang: I64) -> pl.Series:
        """The titles of some persons."""
        return self.kosakata.gather(pl.Series(self.indeks[orang]))


def judul_jabatan(r: np.random.Generator, o: Orang, unit: pl.DataFrame) -> Judul:
    """Position title: the head's title for struktural posts, "<JF> <grade>" for JF,
    a pelaksana title otherwise."""
    kode_unit = unit["jenis"].replace_strict({j: i for i, j in enumerate(_JENIS_UNIT)})
    jenis = kode_unit.cast(pl.Int64).to_numpy()[o.unit]
    kat = _KAT_J[o.jenjang]
    famili = np.zeros(o.p, dtype=np.int64)
    for ju, opsi in enumerate(nm.JF_UNIT.values()):
        for kk, kolom in ((1, 1), (2, 2)):
            m = (jenis == ju) & (kat == kk)
            boleh = [(f, w) for f, w in opsi if nm.JF[f][kolom]] or [(0, 1.0)]
            f_arr = np.array([f for f, _ in boleh])
            w_arr = np.array([w for _, w in boleh], dtype=np.float64)
            famili[m] = f_arr[r.choice(len(f_arr), int(m.sum()), p=w_arr / w_arr.sum())]
    pel = r.integers(0, len(nm.PELAKSANA), o.p)
    kepala_judul = unit.select(judul_kepala(pl.col("unit_kerja_nama"))).to_series()
    jf = pl.Series(
        [f"{f[0]} {nm.GRADE_LABEL.get(j.value, '')}".strip() for f in nm.JF for j in JENJANG]
    )
    kosakata = pl.concat([kepala_judul, jf, _PELAKSANA])
    awal_jf = unit.height
    awal_pel = awal_jf + len(jf)
    indeks = np.where(
        o.kepala,
        o.unit,
        np.where(kat == 3, awal_pel + pel, awal_jf + famili * len(JENJANG) + o.jenjang),
    ).astype(np.int64)
    return Judul(kosakata, indeks)
