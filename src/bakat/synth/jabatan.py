"""Positions (jabatan): every head post of the unit tree, one post per other employee,
and some vacant functional posts (formasi kosong).

- ``kritikal``: every JPT and JF ahli utama post, 40% of administrator posts and 10% of
  JF ahli madya posts [I] (critical posts: PMK 38/2025 and Peraturan KPK 2/2024, domain.md
  §2.1 and §2.8 [V]; which posts are critical is the agency's choice).
- required competency levels: the grade's standard level (domain.md §4.11 [I]); critical
  posts ask one level more for integrity, results orientation and decision making.
- ``pendidikan_minimal`` and ``golongan_minimal``: ``bakat.domain.jenjang``.
- vacant head posts are those the people step left unfilled (about 7%); vacant JF posts
  are 3% of JF posts [I]; the home post of an employee on leave has no incumbent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.jenjang import (
    Jenjang,
    level_kompetensi_standar,
    pendidikan_minimal,
    rentang_golongan,
)
from bakat.domain.kompetensi import KOMPETENSI
from bakat.synth.biodata import Judul
from bakat.synth.people import FUNGSIONAL_J, JENJANG, J, Orang, peringkat
from bakat.synth.units import KEPALA_JENJANG

I64 = npt.NDArray[np.int64]

_STANDAR = np.array([level_kompetensi_standar(j) for j in JENJANG], dtype=np.int64)
_PEND_MIN = pl.Series([(p.value if (p := pendidikan_minimal(j)) else None) for j in JENJANG])
_GOL_MIN = pl.Series([(r[0].value if (r := rentang_golongan(j)) else None) for j in JENJANG])
_JENJANG_TEKS = pl.Series([j.value for j in JENJANG])
_KUNCI = ("integritas", "orientasi_hasil", "pengambilan_keputusan")


@dataclass
class Jabatan:
    """The positions table and the position id of each agency employee."""

    tabel: pl.DataFrame
    id_pegawai: pl.Series


def buat_jabatan(
    o: Orang,
    unit: pl.DataFrame,
    judul: Judul,
    r: np.random.Generator,
    dengan_instansi: bool,
) -> Jabatan:
    """Build the positions; ``judul`` holds each person's position title."""
    n = o.n
    tingkat = unit["tingkat"].to_numpy().astype(np.int64)
    u_inst = pl.Series(unit["instansi"]).rle_id().to_numpy()
    pos = np.flatnonzero(tingkat >= 1)
    terisi = np.zeros(unit.height, dtype=bool)
    pemangku = np.full(unit.height, -1, dtype=np.int64)
    kepala = np.flatnonzero(o.kepala[:n])
    terisi[o.unit[kepala]] = True
    pemangku[o.unit[kepala]] = kepala
    kepala_jenjang = np.full(5, J[Jenjang.PELAKSANA], dtype=np.int64)
    for t, j in KEPALA_JENJANG.items():
        kepala_jenjang[t] = J[j]
    staf = np.flatnonzero(~o.kepala[:n])
    jf = staf[FUNGSIONAL_J[o.jenjang[staf]]]
    kosong_jf = np.sort(r.choice(jf, round(0.03 * len(jf)), replace=False)) if len(jf) else jf
    # Rows: head posts, staff posts, vacant JF posts.
    unit_baris = np.concatenate([pos, o.unit[staf], o.unit[kosong_jf]]).astype(np.int64)
    jenjang = np.concatenate(
        [kepala_jenjang[tingkat[pos]], o.jenjang[staf], o.jenjang[kosong_jf]]
    ).astype(np.int64)
    orang = np.concatenate([pemangku[pos], staf, np.full(len(kosong_jf), -1)])
    nama_idx = np.concatenate([pos, judul.indeks[staf], judul.indeks[kosong_jf]])
    jenis_baris = np.concatenate(
        [np.zeros(len(pos)), np.ones(len(staf)), np.full(len(kosong_jf), 2)]
    )
    urut = np.argsort(unit_baris * 4 + jenis_baris.astype(np.int64), kind="stable")
    unit_baris, jenjang, orang = unit_baris[urut], jenjang[urut], orang[urut]
    nama = judul.kosakata.gather(pl.Series(nama_idx[urut]))
    inst = u_inst[unit_baris]
    ke = peringkat(inst) + 1
    inst_id = unit["instansi"].gather(pl.Series(unit_baris))
    jid = pl.select(
        pl.concat_str(
            [pl.lit(inst_id), pl.lit("-J"), pl.lit(pl.Series(ke)).cast(pl.String).str.zfill(7)]
        )
    ).to_series()
    u = r.random(len(jenjang))
    kritikal = (
        np.isin(jenjang, [J[Jenjang.JPT_UTAMA], J[Jenjang.JPT_MADYA], J[Jenjang.JPT_PRATAMA]])
        | (jenjang == J[Jenjang.AHLI_UTAMA])
        | ((jenjang == J[Jenjang.ADMINISTRATOR]) & (u < 0.4))
        | ((jenjang == J[Jenjang.AHLI_MADYA]) & (u < 0.1))
    )
    std = _STANDAR[jenjang]
    kolom: dict[str, pl.Series] = {
        "jabatan_id": jid,
        "nama": nama,
        "jenjang_jabatan": _JENJANG_TEKS.gather(pl.Series(jenjang)),
        "unit_kerja": unit["unit_kerja"].gather(pl.Series(unit_baris)),
        "kritikal": pl.Series(kritikal),
        # Replaced by the NIP when writing. An employee on leave (study leave, unpaid leave,
        # suspension) keeps the post as their home post, but it has no serving incumbent.
        "nip_pemangku": pl.Series(np.where(orang >= 0, np.where(o.aktif[orang], orang, -1), -1)),
    }
    for nama_k in KOMPETENSI:
        naik = kritikal & (nama_k in _KUNCI)
        kolom[nama_k] = pl.Series(np.minimum(std + naik, 5).astype(np.int8))
    kolom["pendidikan_minimal"] = _PEND_MIN.gather(pl.Series(jenjang))
    kolom["golongan_minimal"] = _GOL_MIN.gather(pl.Series(jenjang))
    if dengan_instansi:
        kolom["instansi"] = inst_id
    tabel = pl.DataFrame(kolom)
    id_orang = np.full(n, -1, dtype=np.int64)
    ada = orang >= 0
    id_orang[orang[ada]] = np.flatnonzero(ada)
    return Jabatan(tabel, jid.gather(pl.Series(id_orang)))


def isi_nip_pemangku(tabel: pl.DataFrame, nip: pl.Series) -> pl.DataFrame:
    """Replace the incumbent's person index by the NIP as the agency wrote it."""
    idx = tabel["nip_pemangku"]
    return tabel.with_columns(nip_pemangku=pl.when(idx >= 0).then(nip.gather(idx.clip(0))))
