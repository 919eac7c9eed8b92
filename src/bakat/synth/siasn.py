"""The registry's view of the same people (``siasn``), with the planned disparities, and the
ground truth of every difference (see :mod:`bakat.synth.disparitas`)."""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.jenjang import Jenjang
from bakat.synth import kalender as k
from bakat.synth.disparitas import KOLOM_BANDING, PIHAK_BKN, Rencana, salah_ketik
from bakat.synth.names import GRADE_LABEL, PELAKSANA_LAMA
from bakat.synth.people import JENJANG, PENDIDIKAN, PNS, PPPK, J, Orang, unit_staf
from bakat.synth.records import GOLONGAN_TEKS, PANGKAT_TEKS

I64 = npt.NDArray[np.int64]

_TURUN_JENJANG = {
    Jenjang.AHLI_UTAMA: Jenjang.AHLI_MADYA,
    Jenjang.AHLI_MADYA: Jenjang.AHLI_MUDA,
    Jenjang.AHLI_MUDA: Jenjang.AHLI_PERTAMA,
    Jenjang.PENYELIA: Jenjang.MAHIR,
    Jenjang.MAHIR: Jenjang.TERAMPIL,
    Jenjang.TERAMPIL: Jenjang.PEMULA,
}
_TURUN_PEND = {5: 2, 6: 5, 7: 5, 8: 7, 9: 8}  # D3->SLTA, D4/S1->D3, S2->S1, S3->S2


class _Tunda:
    """Edits of SIASN columns, applied at once (the rows of different kinds are disjoint,
    so every kind reads the true values)."""

    def __init__(self, df: pl.DataFrame) -> None:
        self.df = df
        self.daftar: dict[str, list[tuple[I64, pl.Series]]] = {}

    def __call__(self, df: pl.DataFrame, kolom: str, baris: I64, nilai: pl.Series) -> pl.DataFrame:
        if len(baris):
            self.daftar.setdefault(kolom, []).append(
                (np.asarray(baris), nilai.cast(self.df[kolom].dtype))
            )
        return df

    def terapkan(self, simpan: I64) -> pl.DataFrame:
        """The edited columns, keeping the rows ``simpan``; built one column at a time so
        that at most one extra copy of a column exists at once."""
        kolom_baru: dict[str, pl.Series] = {}
        baris = pl.Series(simpan)
        for kolom in self.df.columns:
            s = self.df[kolom]
            isi = self.daftar.get(kolom)
            if isi:
                rows = np.concatenate([x[0] for x in isi])
                s = s.clone().scatter(rows, pl.concat([x[1] for x in isi]))
            kolom_baru[kolom] = s.gather(baris)
        return pl.DataFrame(kolom_baru)


def _hari(s: pl.Series) -> I64:
    return s.cast(pl.Int32).to_numpy().astype(np.int64)


def _ejaan_nama(nama: pl.Series, r: np.random.Generator) -> pl.Series:
    u = pl.Series(r.random(len(nama)))
    hapus = pl.Series(r.random(len(nama)) < 0.6)
    df = pl.DataFrame({"s": nama, "u": u, "h": hapus})
    pos = (pl.col("u") * (pl.col("s").str.len_chars() - 2)).floor().cast(pl.Int64) + 1
    df = df.with_columns(p=pos)
    df = df.with_columns(
        p=pl.when(pl.col("s").str.slice(pl.col("p"), 1) == " ")
        .then(pl.col("p") + 1)
        .otherwise(pl.col("p"))
    )
    kiri = pl.col("s").str.slice(0, pl.col("p"))
    return df.select(
        pl.when(pl.col("h"))
        .then(pl.concat_str([kiri, pl.col("s").str.slice(pl.col("p") + 1)]))
        .otherwise(pl.concat_str([kiri, pl.col("s").str.slice(pl.col("p"))]))
    ).to_series()


def buat_siasn(
    kanon: pl.DataFrame,
    nip_lokal: pl.Series,
    o: Orang,
    rencana: Rencana,
    unit: pl.DataFrame,
    as_of: date,
    r: np.random.Generator,
) -> pl.DataFrame:
    """SIASN (canonical columns and ``_i``) from the true records ``kanon``;
    ``nip_lokal`` are the NIPs as the agency wrote them (a typo must not hit one)."""
    acuan = k.hari(as_of)
    # Rows are persons (kanon row i is person i); SIASN keeps everyone not local-only.
    df = kanon
    simpan = np.flatnonzero(~rencana.hanya_lokal)
    _ubah = _Tunda(df)

    def baris(jenis: str) -> I64:
        return np.flatnonzero(rencana.beda[jenis] & ~rencana.hanya_lokal)

    b = baris("nama")
    df = _ubah(df, "nama", b, _ejaan_nama(df["nama"].gather(pl.Series(b)), r))
    b = baris("tanggal_lahir")
    geser = r.integers(1, 4, len(b)) * np.where(r.random(len(b)) < 0.5, -1, 1)
    df = _ubah(df, "tanggal_lahir", b, k.seri_tanggal(_hari(df["tanggal_lahir"].gather(b)) + geser))
    b = baris("nik")
    nik = df["nik"].gather(pl.Series(b))
    akhir = (nik.str.slice(15, 1).cast(pl.Int64).to_numpy() + r.integers(1, 10, len(b))) % 10
    df = _ubah(df, "nik", b, nik.str.slice(0, 15) + pl.Series(akhir).cast(pl.String))
    # golongan: a step up (promotion recorded by BKN first) or down (agency ahead).
    b = baris("golongan")
    g = o.golongan[b].astype(np.int64)
    naik = r.random(len(b)) < 0.6
    g2 = np.where(naik, g + 1, g - 1)
    tg_lokal = _hari(df["tmt_golongan"].gather(b))
    tg = np.where(
        naik,
        k.awal_bulan_kp(np.maximum(tg_lokal + 60, acuan - r.integers(0, 150, len(b)))),
        k.awal_bulan_kp(tg_lokal - 4 * 365),
    )
    df = _ubah(df, "golongan", b, GOLONGAN_TEKS.gather(pl.Series(g2)))
    df = _ubah(df, "pangkat", b, PANGKAT_TEKS.gather(pl.Series(g2)))
    df = _ubah(df, "tmt_golongan", b, k.seri_tanggal(np.minimum(tg, acuan)))
    df = _jabatan_lama(df, baris("jabatan"), o, r, _ubah)
    # unit: the previous placement, another unit of the same agency.
    b = baris("unit_kerja")
    baru = unit_staf(r, o.instansi[b], unit)
    b, baru = b[baru != o.unit[b]], baru[baru != o.unit[b]]
    df = _ubah(df, "unit_kerja", b, unit["unit_kerja"].gather(pl.Series(baru)))
    df = _ubah(df, "unit_kerja_nama", b, unit["unit_kerja_nama"].gather(pl.Series(baru)))
    b = baris("pendidikan")
    turun = np.array([_TURUN_PEND.get(i, i) for i in range(len(PENDIDIKAN))])[o.pendidikan[b]]
    df = _ubah(
        df, "pendidikan", b, pl.Series([p.value for p in PENDIDIKAN]).gather(pl.Series(turun))
    )
    df = _tmt(df, baris("tmt"), o, acuan, r, _ubah)
    # One-digit NIP typos on the SIASN side.
    b = np.flatnonzero(rencana.nip_siasn_salah & ~rencana.hanya_lokal)
    semua = pl.concat([kanon["nip"], nip_lokal])
    typo, ok = salah_ketik(df["nip"].gather(pl.Series(b)), r, semua, hanya_urut=False)
    df = _ubah(df, "nip", b[ok], typo.filter(pl.Series(ok)))
    return _ubah.terapkan(simpan)


def _jabatan_lama(
    df: pl.DataFrame, b: I64, o: Orang, r: np.random.Generator, _ubah: _Tunda
) -> pl.DataFrame:
    """SIASN still shows the previous grade (JF) or the old pelaksana title."""
    j = o.jenjang[b].astype(np.int64)
    turun = np.array([J[_TURUN_JENJANG[x]] if x in _TURUN_JENJANG else -1 for x in JENJANG])[j]
    jf = turun >= 0
    judul = df["jabatan"].gather(pl.Series(b))
    label_lama = pl.Series([GRADE_LABEL.get(x.value, "") for x in JENJANG]).gather(pl.Series(j))
    label_baru = pl.Series([GRADE_LABEL.get(x.value, "") for x in JENJANG]).gather(
        pl.Series(np.maximum(turun, 0))
    )
    lama = pl.Series(PELAKSANA_LAMA).gather(pl.Series(r.integers(0, len(PELAKSANA_LAMA), len(b))))
    baru_jf = (
        pl.DataFrame({"t": judul, "a": label_lama, "b": label_baru})
        .select(
            pl.concat_str(
                [
                    pl.col("t").str.head(pl.col("t").str.len_chars() - pl.col("a").str.len_chars()),
                    pl.col("b"),
                ]
            )
        )
        .to_series()
    )
    judul_baru = pl.select(
        pl.when(pl.lit(pl.Series(jf))).then(pl.lit(baru_jf)).otherwise(pl.lit(lama))
    ).to_series()
    jen_baru = np.where(jf, turun, J[Jenjang.PELAKSANA])
    df = _ubah(df, "jabatan", b, judul_baru)
    df = _ubah(
        df, "jenjang_jabatan", b, pl.Series([x.value for x in JENJANG]).gather(pl.Series(jen_baru))
    )
    tj = _hari(df["tmt_jabatan"].gather(pl.Series(b)))
    mundur = np.maximum(o.tmt_masuk[b].astype(np.int64), tj - r.integers(730, 1460, len(b)))
    return _ubah(df, "tmt_jabatan", b, k.seri_tanggal(np.where(jf, mundur, tj)))


def _tmt(
    df: pl.DataFrame, b: I64, o: Orang, acuan: int, r: np.random.Generator, _ubah: _Tunda
) -> pl.DataFrame:
    st = o.status[b]
    pilih = r.integers(0, 3, len(b))
    pilih = np.where((pilih == 0) & (st == PPPK), 2, pilih)
    pilih = np.where((pilih == 1) & (st != PNS), 2, pilih)
    c = b[pilih == 0]
    tc = _hari(df["tmt_cpns"].gather(pl.Series(c)))
    df = _ubah(df, "tmt_cpns", c, k.seri_tanggal(k.tambah_bulan(tc, -r.integers(1, 7, len(c)))))
    p = b[pilih == 1]
    tp = _hari(df["tmt_pns"].gather(pl.Series(p)))
    df = _ubah(
        df,
        "tmt_pns",
        p,
        k.seri_tanggal(np.minimum(k.tambah_bulan(tp, r.integers(1, 7, len(p))), acuan)),
    )
    jb = b[pilih == 2]
    tj = _hari(df["tmt_jabatan"].gather(pl.Series(jb)))
    geser = r.integers(10, 200, len(jb)) * np.where(r.random(len(jb)) < 0.5, -1, 1)
    return _ubah(df, "tmt_jabatan", jb, k.seri_tanggal(np.minimum(tj + geser, acuan - 1)))


def bandingkan(pegawai: pl.DataFrame, siasn: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Field-by-field comparison of the true pairs -> (disparitas, pencocokan).

    Both frames are in person order; pairs are aligned by index arrays and compared one
    column at a time, so no wide joined frame is built."""
    i_lok = pegawai["_i"].to_numpy()
    i_reg = siasn["_i"].to_numpy()
    di_reg = np.isin(i_lok, i_reg, assume_unique=True)
    di_lok = np.isin(i_reg, i_lok, assume_unique=True)
    pl_idx = pl.Series(np.flatnonzero(di_lok))  # positions in siasn of the pairs
    pp_idx = pl.Series(np.flatnonzero(di_reg))  # positions in pegawai of the pairs
    kunci = pl.Series(i_lok[di_reg])
    nip_l = pegawai["nip"].gather(pp_idx)
    nip_s = siasn["nip"].gather(pl_idx)
    sama_nip = (nip_l == nip_s).to_numpy()
    status = pl.Series(np.where(sama_nip, "beda", "cocok_fuzzy"))
    bagian = []
    beda = np.flatnonzero(~sama_nip)
    bagian.append(_baris(kunci, nip_l, nip_s, beda, "cocok_fuzzy", "nip", nip_l, nip_s, 0))
    for urutan, c in enumerate(KOLOM_BANDING, start=1):
        a = pegawai[c].gather(pp_idx)
        b = siasn[c].gather(pl_idx)
        rows = np.flatnonzero(a.ne_missing(b).to_numpy())
        bagian.append(_baris(kunci, nip_l, nip_s, rows, status, c, a, b, urutan))
    hanya_l = np.flatnonzero(~di_reg)
    hanya_s = np.flatnonzero(~di_lok)
    bagian.append(
        _baris(pegawai["_i"], pegawai["nip"], None, hanya_l, "hanya_lokal", None, None, None, 0)
    )
    bagian.append(
        _baris(siasn["_i"], None, siasn["nip"], hanya_s, "hanya_siasn", None, None, None, 0)
    )
    hasil = (
        pl.concat(bagian, how="vertical")
        .sort(["_i", "urutan"])
        .with_columns(
            pihak=pl.when(pl.col("kolom").is_in(list(PIHAK_BKN)))
            .then(pl.lit("bkn"))
            .otherwise(pl.lit("instansi"))
        )
        .select("nip", "nip_siasn", "status", "kolom", "nilai_lokal", "nilai_siasn", "pihak")
    )
    cocok = pl.DataFrame(
        {"nip": nip_l.gather(pl.Series(beda)), "nip_siasn": nip_s.gather(pl.Series(beda))}
    )
    return hasil, cocok


def _baris(
    kunci: pl.Series,
    nip: pl.Series | None,
    nip_siasn: pl.Series | None,
    rows: I64,
    status: str | pl.Series,
    kolom: str | None,
    lokal: pl.Series | None,
    siasn: pl.Series | None,
    urutan: int,
) -> pl.DataFrame:
    idx = pl.Series(rows, dtype=pl.Int64)
    m = len(rows)

    def ambil(s: pl.Series | None) -> pl.Series:
        if s is None:
            return pl.repeat(None, m, dtype=pl.String, eager=True)
        return s.gather(idx).cast(pl.String)

    return pl.DataFrame(
        {
            "_i": kunci.gather(idx).cast(pl.Int64),
            "nip": ambil(nip),
            "nip_siasn": ambil(nip_siasn),
            "status": status.gather(idx)
            if isinstance(status, pl.Series)
            else pl.repeat(status, m, eager=True),
            "kolom": pl.repeat(kolom, m, dtype=pl.String, eager=True),
            "nilai_lokal": ambil(lokal),
            "nilai_siasn": ambil(siasn),
            "urutan": pl.repeat(urutan, m, dtype=pl.Int32, eager=True),
        }
    )
