"""Deliberate record errors in ``pegawai``, each tagged with the domain.md §8 rule it
should trigger, and their ground truth (``kesalahan``).

Each injected person gets one error. None touches what decides mappability (status_aktif,
status_kepegawaian, kinerja, asesmen), so the mappable count holds. NIPs stay unique
(duplicate identities are duplicate NIKs, rule V11, never duplicate NIPs: a duplicate key
makes the file refused). People chosen for NIP-pairing disparities are left alone.

``jenis``: ``disuntikkan`` for an injected error, ``terdampak`` for a clean record that a
rule will still name because of someone else's error (the other holder of a duplicated
NIK), ``alami`` for natural findings (V34, from the diklat step).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.synth import kalender as k
from bakat.synth.careers import AWAL_P, BUP_J, HI_J, LO_J, PELAKSANA_J
from bakat.synth.config import TingkatGalat
from bakat.synth.disparitas import Rencana
from bakat.synth.people import CPNS, FUNGSIONAL_J, PNS, PPPK, Orang
from bakat.synth.records import GOLONGAN_TEKS, PANGKAT_TEKS

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]

KOLOM_KESALAHAN = (
    "nip",
    "tabel",
    "aturan",
    "kolom",
    "nilai_benar",
    "nilai_salah",
    "keterangan",
    "jenis",
)


class _Suntik:
    def __init__(self, df: pl.DataFrame, o: Orang, rencana: Rencana, r: np.random.Generator):
        self.df = df
        self.o = o
        self.r = r
        self.n = o.n
        self.urut = r.permutation(o.n)
        self.dipakai = rencana.khusus[: o.n].copy()
        self.baris: list[pl.DataFrame] = []
        self.tunda: dict[str, list[tuple[I64, pl.Series]]] = {}

    def pilih(self, syarat: B, laju: float) -> I64:
        jumlah = round(laju * int(syarat.sum()))
        ok = syarat[self.urut] & ~self.dipakai[self.urut]
        rows = np.sort(self.urut[ok][:jumlah])
        self.dipakai[rows] = True
        return rows

    def ubah(
        self,
        aturan: str,
        kolom: str,
        rows: I64,
        baru: pl.Series,
        ket: str | pl.Series,
        jenis: str = "disuntikkan",
    ) -> None:
        if kolom == "nip":  # a NIP stays unique: drop an error that would duplicate one
            tertunda = [d[1] for d in self.tunda.get(kolom, [])]
            terpakai = pl.concat([self.df[kolom], *tertunda])
            bebas = ~(baru.is_in(terpakai.implode()) | baru.is_duplicated()).to_numpy()
            self.dipakai[rows[~bebas]] = False
            rows, baru = rows[bebas], baru.filter(pl.Series(bebas))
            if isinstance(ket, pl.Series):
                ket = ket.filter(pl.Series(bebas))
        if not len(rows):
            return
        lama = self.df[kolom].gather(pl.Series(rows))
        self.tunda.setdefault(kolom, []).append((rows, baru.cast(self.df[kolom].dtype)))
        self.catat(aturan, kolom, rows, lama, baru, ket, jenis)

    def terapkan(self) -> pl.DataFrame:
        """Apply the pending edits (rows of different errors never overlap)."""
        kolom_baru = []
        for kolom, daftar in self.tunda.items():
            rows = np.concatenate([d[0] for d in daftar])
            nilai = pl.concat([d[1] for d in daftar])
            kolom_baru.append(self.df[kolom].clone().scatter(rows, nilai).alias(kolom))
        return self.df.with_columns(kolom_baru)

    def catat(
        self,
        aturan: str,
        kolom: str,
        rows: I64,
        lama: pl.Series,
        baru: pl.Series,
        ket: str | pl.Series,
        jenis: str,
    ) -> None:
        m = len(rows)
        if not m:
            return
        self.baris.append(
            pl.DataFrame(
                {
                    "_i": pl.Series(rows, dtype=pl.Int64),
                    "tabel": pl.repeat("pegawai", m, eager=True),
                    "aturan": pl.repeat(aturan, m, eager=True),
                    "kolom": pl.repeat(kolom, m, eager=True),
                    "nilai_benar": lama.cast(pl.String),
                    "nilai_salah": baru.cast(pl.String),
                    "keterangan": ket
                    if isinstance(ket, pl.Series)
                    else pl.repeat(ket, m, eager=True),
                    "jenis": pl.repeat(jenis, m, eager=True),
                }
            )
        )

    def tanggal(self, kolom: str, rows: I64) -> I64:
        return self.df[kolom].gather(pl.Series(rows)).cast(pl.Int32).to_numpy().astype(np.int64)


def suntik(
    pegawai: pl.DataFrame,
    o: Orang,
    rencana: Rencana,
    galat: TingkatGalat,
    as_of: date,
    r: np.random.Generator,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Inject the record errors; returns the agency's file and the ``kesalahan`` rows."""
    n = o.n
    acuan = k.hari(as_of)
    s = _Suntik(pegawai, o, rencana, r)
    st = o.status[:n]
    semua = np.ones(n, dtype=bool)
    ber_nip = st != PPPK
    pns = st == PNS
    j = o.jenjang[:n].astype(np.int64)
    g = o.golongan[:n].astype(np.int64)
    awal = AWAL_P[o.pendidikan[:n]]
    nip = pl.col("s")

    def teks(rows: I64, expr: Callable[[pl.Expr], pl.Expr], kolom: str = "nip") -> pl.Series:
        asal = s.df[kolom].gather(pl.Series(rows))
        return (
            pl.DataFrame({"s": asal, "u": pl.Series(r.random(len(rows)))})
            .select(expr(nip))
            .to_series()
        )

    rows = s.pilih(semua, galat.v01_nip_format)
    huruf = r.random(len(rows)) < 0.5
    pos = pl.lit(pl.Series(r.integers(0, 18, len(rows))))
    baru = teks(
        rows,
        lambda c: (
            pl.when(pl.lit(pl.Series(huruf)))
            .then(c.str.replace("0", "O", literal=True, n=1))
            .otherwise(pl.concat_str([c.str.slice(0, pos), c.str.slice(pos + 1)]))
        ),
    )
    s.ubah("V01", "nip", rows, baru, "NIP bukan 18 digit angka (digit hilang atau huruf O)")
    rows = s.pilih(semua, galat.v02_nip_tanggal_lahir)
    lahir = s.tanggal("tanggal_lahir", rows)
    t, b, d = k.ymd(lahir)
    panjang = k.ymd(k.tambah_bulan(k.dari_ymd(t, b), 1) - 1)[2]
    hari = (d - 1 + r.integers(1, 28, len(rows))) % panjang + 1
    s.ubah(
        "V02",
        "tanggal_lahir",
        rows,
        k.seri_tanggal(k.dari_ymd(t, b, hari)),
        "tanggal lahir berbeda dari NIP; juga V10 (peringatan, NIK)",
    )
    masuk_tua = (o.tmt_masuk[:n] - o.lahir[:n]) > 18.7 * 365.25
    rows = s.pilih(pns & masuk_tua, galat.v03_nip_tmt_cpns)
    s.ubah(
        "V03",
        "tmt_cpns",
        rows,
        k.seri_tanggal(k.tambah_bulan(s.tanggal("tmt_cpns", rows), -6)),
        "TMT CPNS berbeda dari NIP",
    )
    rows = s.pilih(semua, galat.v04_nip_jenis_kelamin)
    jk = s.df["jenis_kelamin"].gather(pl.Series(rows))
    s.ubah(
        "V04",
        "jenis_kelamin",
        rows,
        pl.Series(np.where(jk.to_numpy() == "L", "P", "L")),
        "jenis kelamin berbeda dari NIP; juga V10 (peringatan, NIK)",
    )
    rows = s.pilih(ber_nip, galat.v05_nip_nomor_urut)
    s.ubah(
        "V05",
        "nip",
        rows,
        teks(rows, lambda c: pl.concat_str([c.str.slice(0, 15), pl.lit("000")])),
        "nomor urut NIP 000",
    )
    rows = s.pilih(semua, galat.v09_nik_format)
    pendek = r.random(len(rows)) < 0.5
    baru = teks(
        rows,
        lambda c: (
            pl.when(pl.lit(pl.Series(pendek)))
            .then(c.str.slice(0, 15))
            .otherwise(pl.concat_str([pl.lit("00"), c.str.slice(2)]))
        ),
        "nik",
    )
    s.ubah("V09", "nik", rows, baru, "NIK bukan 16 digit atau kode provinsi tidak dikenal")
    rows = s.pilih(semua, galat.v10_nik_tanggal)
    nik = s.df["nik"].gather(pl.Series(rows))
    hari_nik = nik.str.slice(6, 2).cast(pl.Int64).to_numpy()
    hari_nik = np.where(hari_nik > 40, hari_nik - 40, hari_nik + 40)
    baru = pl.select(
        pl.concat_str(
            [
                pl.lit(nik.str.slice(0, 6)),
                pl.lit(pl.Series(hari_nik)).cast(pl.String).str.zfill(2),
                pl.lit(nik.str.slice(8)),
            ]
        )
    ).to_series()
    bebas = ~baru.is_in(s.df["nik"].implode()).to_numpy()
    s.dipakai[rows[~bebas]] = False
    s.ubah(
        "V10",
        "nik",
        rows[bebas],
        baru.filter(pl.Series(bebas)),
        "tanggal/jenis kelamin dalam NIK tidak cocok (peringatan)",
    )
    korban = s.pilih(semua, galat.v11_nik_ganda)
    pemilik = s.pilih(semua, galat.v11_nik_ganda)[: len(korban)]
    korban = korban[: len(pemilik)]
    nik_pemilik = s.df["nik"].gather(pl.Series(pemilik))
    nip_pemilik = s.df["nip"].gather(pl.Series(pemilik))
    nip_korban = s.df["nip"].gather(pl.Series(korban))
    s.ubah("V11", "nik", korban, nik_pemilik, "NIK sama dengan pegawai lain: " + nip_pemilik)
    s.catat(
        "V11",
        "nik",
        pemilik,
        nik_pemilik,
        nik_pemilik,
        "NIK yang sama dipakai pegawai lain: " + nip_korban,
        "terdampak",
    )
    rows = s.pilih(pns, galat.v13_tmt_pns)
    tc = s.tanggal("tmt_cpns", rows)
    s.ubah(
        "V13",
        "tmt_pns",
        rows,
        k.seri_tanggal(k.tambah_bulan(tc, -r.integers(1, 13, len(rows)))),
        "TMT PNS sebelum TMT CPNS",
    )
    pel = PELAKSANA_J[j]
    rows = s.pilih(pns & pel & (awal >= 3), galat.v15_golongan_pendidikan)
    g15 = np.maximum(awal[rows] - r.integers(1, 3, len(rows)), 1)
    _gol(s, "V15", rows, g15, "golongan di bawah golongan awal pendidikannya (PP 99/2000)")
    rows = s.pilih(ber_nip & (g > 0), galat.v16_pangkat)
    tetangga = np.where(g[rows] < 17, g[rows] + 1, g[rows] - 1)
    s.ubah(
        "V16",
        "pangkat",
        rows,
        PANGKAT_TEKS.gather(pl.Series(tetangga)),
        "pangkat tidak sesuai golongan",
    )
    rows = s.pilih(pns & (g > awal), galat.v17_tmt_golongan)
    s.ubah(
        "V17",
        "tmt_golongan",
        rows,
        k.seri_tanggal(s.tanggal("tmt_golongan", rows) + 14),
        "TMT golongan bukan tanggal 1 bulan KP yang sah (peringatan)",
    )
    rows = s.pilih(st == PPPK, galat.v20_pppk_golongan)
    s.ubah(
        "V20",
        "golongan",
        rows,
        GOLONGAN_TEKS.gather(pl.Series(AWAL_P[o.pendidikan[rows]])),
        "PPPK tercatat dengan golongan ruang PNS",
    )
    bawah, atas = LO_J[j] - 1, HI_J[j] + 1
    keluar = np.where(bawah >= awal, bawah, np.where(atas <= 17, atas, 0))
    rows = s.pilih(pns & o.kepala[:n] & (keluar > 0), galat.v22_golongan_struktural)
    _gol(s, "V22", rows, keluar[rows], "golongan di luar rentang eselon (PP 13/2002; peringatan)")
    keluar_jf = np.where(atas <= 17, atas, np.where(bawah >= awal, bawah, 0))
    rows = s.pilih(
        pns & FUNGSIONAL_J[j] & ~o.kepala[:n] & (keluar_jf > 0), galat.v23_golongan_fungsional
    )
    _gol(s, "V23", rows, keluar_jf[rows], "golongan di luar rentang jenjang JF (peringatan)")
    rows = s.pilih(o.aktif[:n] & (st != CPNS), galat.v27_lewat_bup)
    lahir = s.tanggal("tanggal_lahir", rows)
    umur = k.umur_tahun(lahir, np.full(len(rows), acuan))
    mundur = BUP_J[j[rows]] - umur + 1 + r.integers(0, 3, len(rows))
    baru_lahir = k.seri_tanggal(k.tambah_tahun(lahir, -mundur))
    s.ubah(
        "V27",
        "tanggal_lahir",
        rows,
        baru_lahir,
        "pegawai aktif melewati BUP karena tahun lahir salah; juga V02, V10, V12",
    )
    s.catat(
        "V02",
        "tanggal_lahir",
        rows,
        k.seri_tanggal(lahir),
        baru_lahir,
        "tanggal lahir berbeda dari NIP (tahun lahir salah)",
        "disuntikkan",
    )
    rows = s.pilih(pns, galat.v28_tmt_jabatan)
    s.ubah(
        "V28",
        "tmt_jabatan",
        rows,
        k.seri_tanggal(s.tanggal("tmt_cpns", rows) - r.integers(30, 400, len(rows))),
        "TMT jabatan sebelum TMT CPNS (peringatan)",
    )
    hasil = s.terapkan()
    if hasil["nip"].is_duplicated().any():
        raise RuntimeError("NIP ganda setelah penyuntikan galat")
    nip_akhir = hasil.select("_i", "nip")
    kesalahan = (
        pl.concat(s.baris, how="vertical") if s.baris else pl.DataFrame(schema={"_i": pl.Int64})
    )
    if kesalahan.height:
        kesalahan = (
            kesalahan.join(nip_akhir, on="_i", how="left", maintain_order="left")
            .sort(["_i", "aturan"], maintain_order=True)
            .select(KOLOM_KESALAHAN)
        )
    else:
        kesalahan = pl.DataFrame(schema={c: pl.String for c in KOLOM_KESALAHAN})
    return hasil, kesalahan


def _gol(s: _Suntik, aturan: str, rows: I64, g: I64, ket: str) -> None:
    s.ubah(aturan, "golongan", rows, GOLONGAN_TEKS.gather(pl.Series(g)), ket)
    # keep pangkat in step with the written golongan so that only the intended rule fires
    if len(rows):
        s.tunda.setdefault("pangkat", []).append((rows, PANGKAT_TEKS.gather(pl.Series(g))))
