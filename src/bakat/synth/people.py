"""The people: status, why they can or cannot be mapped, post grade, unit, sex, education.

Reasons are decided first (``config.jumlah_per_alasan``) and everything else is drawn to
fit them. Shares (docs/synthetic.md has the table and sources):
- status: CPNS are exactly the ``cpns`` reason; PPPK about 30% of the agency (HQ and
  sentra staff; Kemensos's field PPPK are outside the 3,414) [I], domain.md §6, §7.4;
- position type: JF about 63%, pelaksana 31%, struktural 6% (domain.md §7.2 [S]);
- sex: women 56% overall, PPPK more female (domain.md §7.4 [I] from §7.2/§7.3 [S]);
- education per grade, consistent with ``pendidikan_minimal`` (domain.md §4.5, §4.6).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.jenjang import Jenjang, KategoriJabatan, kategori
from bakat.domain.kepegawaian import StatusKepegawaian
from bakat.domain.pendidikan import Pendidikan
from bakat.synth.config import KonfigurasiSintesis, jumlah_per_alasan, rng
from bakat.synth.units import KEPALA_JENJANG

I8 = npt.NDArray[np.int8]
I32 = npt.NDArray[np.int32]
F32 = npt.NDArray[np.float32]
B = npt.NDArray[np.bool_]

JENJANG: tuple[Jenjang, ...] = tuple(Jenjang)
PENDIDIKAN: tuple[Pendidikan, ...] = tuple(Pendidikan)
STATUS: tuple[StatusKepegawaian, ...] = (
    StatusKepegawaian.CPNS,
    StatusKepegawaian.PNS,
    StatusKepegawaian.PPPK,
)
CPNS, PNS, PPPK = 0, 1, 2
J = {j: i for i, j in enumerate(JENJANG)}
#: Whether each grade (by index) is a functional (JF) grade.
FUNGSIONAL_J = np.array(
    [
        kategori(j)
        in (KategoriJabatan.FUNGSIONAL_KEAHLIAN, KategoriJabatan.FUNGSIONAL_KETERAMPILAN)
        for j in JENJANG
    ]
)
P = {p: i for i, p in enumerate(PENDIDIKAN)}

#: ``alasan`` codes: 0 mappable, then AlasanTidakTerpetakan in order; -1 SIASN-only people.
TERPETAKAN, TIDAK_AKTIF, ALASAN_CPNS, SKP_KURANG, TANPA_ASESMEN, KEDALUWARSA = range(6)
ALASAN_NAMA = (
    "",
    "tidak_aktif",
    "cpns",
    "skp_kurang_dari_2_tahun",
    "tanpa_asesmen",
    "asesmen_kedaluwarsa",
)
#: ``rincian``: the concrete story behind each reason (documented in docs/synthetic.md).
RINCIAN = (
    "",
    "tugas_belajar",
    "cuti_di_luar_tanggungan_negara",
    "diberhentikan_sementara",
    "cpns_formasi_terbaru",
    "pppk_baru_diangkat",
    "skp_tahun_lalu_belum_final",
    "pindahan_instansi_lain",
    "belum_pernah_asesmen",
    "asesmen_lebih_dari_3_tahun",
)
PANGSA_PPPK = 0.30


@dataclass
class Orang:
    """Struct of arrays, one entry per person: the first ``n`` are the agency's records
    (``pegawai``), the rest exist only in SIASN. Dates are day numbers (-1 = none)."""

    n: int
    p: int
    instansi: I32
    alasan: I8
    rincian: I8
    status: I8
    aktif: B
    kepala: B
    jenjang: I8
    unit: I32
    jk: I8
    pendidikan: I8
    dekat_bup: B
    kinerja_z: F32
    potensi_z: F32
    lahir: I32 = field(default_factory=lambda: np.zeros(0, np.int32))
    tmt_masuk: I32 = field(default_factory=lambda: np.zeros(0, np.int32))
    tmt_pns: I32 = field(default_factory=lambda: np.zeros(0, np.int32))
    golongan: I8 = field(default_factory=lambda: np.zeros(0, np.int8))
    tmt_golongan: I32 = field(default_factory=lambda: np.zeros(0, np.int32))
    tmt_jabatan: I32 = field(default_factory=lambda: np.zeros(0, np.int32))
    kontrak: I8 = field(default_factory=lambda: np.zeros(0, np.int8))
    lahir_tetap: B = field(default_factory=lambda: np.zeros(0, bool))

    @property
    def lokal(self) -> B:
        """Whether each person is in the agency's own records."""
        return np.arange(self.p) < self.n


def peringkat(terurut: npt.NDArray[np.int64] | I32) -> npt.NDArray[np.int64]:
    """0, 1, 2, ... within each run of equal values of a sorted array."""
    a = np.asarray(terurut)
    if not len(a):
        return np.zeros(0, dtype=np.int64)
    batas = np.flatnonzero(np.concatenate([[True], a[1:] != a[:-1]]))
    awal = np.repeat(batas, np.diff(np.concatenate([batas, [len(a)]])))
    return np.arange(len(a), dtype=np.int64) - awal


def _pilih(r: np.random.Generator, n: int, opsi: dict[int, float]) -> I8:
    kunci = np.array(list(opsi), dtype=np.int8)
    w = np.array(list(opsi.values()), dtype=np.float64)
    return kunci[r.choice(len(kunci), size=n, p=w / w.sum())]


def _jenjang_bukan_kepala(r: np.random.Generator, status: I8) -> I8:
    out = np.zeros(len(status), dtype=np.int8)
    tabel: dict[int, dict[int, float]] = {
        CPNS: {J[Jenjang.AHLI_PERTAMA]: 60, J[Jenjang.TERAMPIL]: 15, J[Jenjang.PELAKSANA]: 25},
        PPPK: {
            J[Jenjang.AHLI_PERTAMA]: 40,
            J[Jenjang.AHLI_MUDA]: 10,
            J[Jenjang.TERAMPIL]: 15,
            J[Jenjang.MAHIR]: 5,
            J[Jenjang.PELAKSANA]: 30,
        },
        PNS: {
            J[Jenjang.AHLI_UTAMA]: 1.5,
            J[Jenjang.AHLI_MADYA]: 16,
            J[Jenjang.AHLI_MUDA]: 19,
            J[Jenjang.AHLI_PERTAMA]: 16.5,
            J[Jenjang.PENYELIA]: 4.5,
            J[Jenjang.MAHIR]: 6,
            J[Jenjang.TERAMPIL]: 6,
            J[Jenjang.PEMULA]: 0.5,
            J[Jenjang.PELAKSANA]: 30,
        },
    }
    for s, opsi in tabel.items():
        m = status == s
        out[m] = _pilih(r, int(m.sum()), opsi)
    return out


# Education by grade (shares in percent) [I], within pendidikan_minimal (domain.md §4.5).
_PEND_JENJANG: dict[Jenjang, dict[Pendidikan, float]] = {
    Jenjang.JPT_UTAMA: {Pendidikan.S2: 60, Pendidikan.S3: 30, Pendidikan.S1: 10},
    Jenjang.JPT_MADYA: {Pendidikan.S2: 60, Pendidikan.S3: 30, Pendidikan.S1: 10},
    Jenjang.JPT_PRATAMA: {Pendidikan.S2: 68, Pendidikan.S3: 17, Pendidikan.S1: 15},
    Jenjang.ADMINISTRATOR: {
        Pendidikan.S2: 55,
        Pendidikan.S1: 40,
        Pendidikan.S3: 3,
        Pendidikan.D4: 2,
    },
    Jenjang.PENGAWAS: {Pendidikan.S1: 60, Pendidikan.S2: 30, Pendidikan.D4: 5, Pendidikan.D3: 5},
    Jenjang.AHLI_UTAMA: {Pendidikan.S2: 60, Pendidikan.S3: 30, Pendidikan.S1: 10},
    Jenjang.AHLI_MADYA: {Pendidikan.S1: 50, Pendidikan.S2: 42, Pendidikan.S3: 4, Pendidikan.D4: 4},
    Jenjang.AHLI_MUDA: {Pendidikan.S1: 62, Pendidikan.S2: 26, Pendidikan.D4: 10, Pendidikan.S3: 2},
    Jenjang.AHLI_PERTAMA: {Pendidikan.S1: 72, Pendidikan.D4: 15, Pendidikan.S2: 13},
    Jenjang.PENYELIA: {Pendidikan.D3: 60, Pendidikan.SLTA: 35, Pendidikan.D2: 5},
    Jenjang.MAHIR: {Pendidikan.D3: 60, Pendidikan.SLTA: 32, Pendidikan.D1: 4, Pendidikan.D2: 4},
    Jenjang.TERAMPIL: {Pendidikan.D3: 55, Pendidikan.SLTA: 35, Pendidikan.D2: 5, Pendidikan.D1: 5},
    Jenjang.PEMULA: {Pendidikan.SLTA: 90, Pendidikan.D1: 10},
    Jenjang.PELAKSANA: {
        Pendidikan.SLTA: 44,
        Pendidikan.S1: 28,
        Pendidikan.D3: 16,
        Pendidikan.SLTP: 4,
        Pendidikan.SD: 2,
        Pendidikan.D1: 2,
        Pendidikan.D2: 1,
        Pendidikan.S2: 3,
    },
}


def pilih_pendidikan(r: np.random.Generator, jenjang: I8) -> I8:
    """Education for each grade (shares of ``_PEND_JENJANG``)."""
    out = np.zeros(len(jenjang), dtype=np.int8)
    for j, opsi in _PEND_JENJANG.items():
        m = jenjang == J[j]
        if m.any():
            out[m] = _pilih(r, int(m.sum()), {P[p]: w for p, w in opsi.items()})
    return out


def buat_orang(config: KonfigurasiSintesis, instansi: pl.DataFrame, unit: pl.DataFrame) -> Orang:
    """Draw everyone's status, reason, post, unit, sex and education."""
    r = rng(config, 1)
    n = config.pegawai
    ekstra = round(n * config.galat.hanya_siasn)
    p = n + ekstra
    ukuran = instansi["ukuran"].to_numpy().astype(np.int64)
    inst = np.repeat(np.arange(len(ukuran), dtype=np.int32), ukuran)
    inst = r.permutation(inst)
    if ekstra:
        inst = np.concatenate([inst, r.choice(inst, ekstra).astype(np.int32)])

    alasan = np.full(p, -1, dtype=np.int8)
    alasan[:n] = TERPETAKAN
    urut = r.permutation(n)
    mulai = 0
    for kode, jumlah in enumerate(jumlah_per_alasan(n).values(), start=1):
        alasan[urut[mulai : mulai + jumlah]] = kode
        mulai += jumlah

    status = np.full(p, PNS, dtype=np.int8)
    rincian = np.zeros(p, dtype=np.int8)
    u = r.random(p)
    m = alasan == TIDAK_AKTIF
    rincian[m] = np.where(u[m] < 0.6, 1, np.where(u[m] < 0.85, 2, 3))
    m = alasan == ALASAN_CPNS
    status[m], rincian[m] = CPNS, 4
    m = alasan == SKP_KURANG
    rincian[m] = np.where(u[m] < 0.78, 5, np.where(u[m] < 0.89, 6, 7))
    status[m & (rincian == 5)] = PPPK
    rincian[alasan == TANPA_ASESMEN] = 8
    rincian[alasan == KEDALUWARSA] = 9
    bisa_pppk = (alasan == TERPETAKAN) | (alasan == TANPA_ASESMEN)
    sisa = PANGSA_PPPK * n - int((status[:n] == PPPK).sum())
    p_lama = max(0.0, sisa / max(1, int(bisa_pppk.sum())))
    status[bisa_pppk & (r.random(p) < p_lama)] = PPPK
    ext = alasan == -1
    status[ext & (r.random(p) < 0.15)] = PPPK
    aktif = alasan != TIDAK_AKTIF

    jenjang = _jenjang_bukan_kepala(r, status)
    unit_idx = unit_staf(r, inst, unit)
    kepala = np.zeros(p, dtype=bool)
    bisa_kepala = (status == PNS) & np.isin(alasan, [TERPETAKAN, TANPA_ASESMEN, KEDALUWARSA])
    orang_k, unit_k = _isi_kepala(r, inst, bisa_kepala, unit, len(ukuran))
    kepala[orang_k] = True
    unit_idx[orang_k] = unit_k
    tingkat = unit["tingkat"].to_numpy()
    for t, j in KEPALA_JENJANG.items():
        jenjang[orang_k[tingkat[unit_k] == t]] = J[j]

    pr = np.where(status == PPPK, 0.62, np.where(status == CPNS, 0.55, 0.53))
    pr = np.where(kepala, 0.35, pr)
    jk = np.where(r.random(p) < pr, 2, 1).astype(np.int8)
    pendidikan = pilih_pendidikan(r, jenjang)
    senior = kepala | np.isin(jenjang, [J[Jenjang.AHLI_MADYA], J[Jenjang.AHLI_UTAMA]])
    dekat_bup = senior & (r.random(p) < 0.25)
    kinerja_z = r.normal(0, 1, p).astype(np.float32)
    potensi_z = (0.35 * kinerja_z + 0.94 * r.normal(0, 1, p)).astype(np.float32)
    return Orang(
        n=n,
        p=p,
        instansi=inst,
        alasan=alasan,
        rincian=rincian,
        status=status,
        aktif=aktif,
        kepala=kepala,
        jenjang=jenjang,
        unit=unit_idx,
        jk=jk,
        pendidikan=pendidikan,
        dekat_bup=dekat_bup,
        kinerja_z=kinerja_z,
        potensi_z=potensi_z,
    )


def unit_staf(r: np.random.Generator, inst: I32, unit: pl.DataFrame) -> I32:
    """A unit for each person, drawn by unit weight within their agency."""
    bobot = unit["bobot"].to_numpy()
    u_inst = pl.Series(unit["instansi"]).rle_id().to_numpy()
    kum = np.cumsum(bobot)
    awal = np.concatenate([[0.0], kum])
    batas = np.searchsorted(u_inst, np.arange(u_inst.max() + 2))
    lo = awal[batas[inst]]
    hi = awal[batas[inst + 1]]
    titik = lo + r.random(len(inst)) * (hi - lo)
    idx = np.searchsorted(kum, titik, side="right")
    hasil: I32 = np.minimum(idx, batas[inst + 1] - 1).astype(np.int32)
    return hasil


def _isi_kepala(
    r: np.random.Generator, inst: I32, bisa: B, unit: pl.DataFrame, k: int
) -> tuple[I32, I32]:
    """Fill head posts: per agency ``min(93% of posts, 6.5% of staff, eligible)`` of them,
    chosen at random; returns (person index, unit index) pairs."""
    tingkat = unit["tingkat"].to_numpy()
    u_inst = pl.Series(unit["instansi"]).rle_id().to_numpy()
    pos = np.flatnonzero(tingkat >= 1)
    pos_inst = u_inst[pos]
    jumlah_pos = np.bincount(pos_inst, minlength=k)
    staf = np.bincount(inst, minlength=k)
    calon = np.bincount(inst[bisa], minlength=k)
    isi = np.minimum.reduce([np.round(0.93 * jumlah_pos), np.floor(0.065 * staf), calon]).astype(
        np.int64
    )
    pos_urut = pos[np.argsort(pos_inst.astype(np.int64) << 32 | r.integers(0, 2**31, len(pos)))]
    p_inst = u_inst[pos_urut]
    rank_pos = peringkat(p_inst)
    pos_ok = pos_urut[rank_pos < isi[p_inst]]
    orang = np.flatnonzero(bisa)
    kunci = inst[orang].astype(np.int64) << 32 | r.integers(0, 2**31, len(orang))
    orang_urut = orang[np.argsort(kunci)]
    o_inst = inst[orang_urut]
    rank_o = peringkat(o_inst)
    orang_ok = orang_urut[rank_o < isi[o_inst]]
    # Both lists are sorted by agency and hold ``isi`` entries per agency: pair them.
    return orang_ok.astype(np.int32), pos_ok.astype(np.int32)
