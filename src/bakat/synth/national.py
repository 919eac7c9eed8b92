"""The nation: about 80 central agencies and 520 regional governments of lognormal sizes.

Shares: central 24%, regional 76% of all ASN (BKN, 1 Nov 2025; domain.md §7.2 [S]).
With ``K`` agencies: ``round(K * 80 / 600)`` central ones (at least one: Kementerian Sosial
is always agency 0), the rest regional, of which ``round(regional * 38 / 520)`` provinces
(at least one) and the others regencies/cities. Sizes are lognormal (sigma 1.1 central,
0.5 provinces, 0.6 regencies; provinces twice the median of a regency) [I], each at least
20 people, rounded by largest remainder to sum exactly to the headcount.

Agencies other than Kemensos get a generic unit tree sized to about 6.4% struktural heads
(domain.md §7.4 position-type mix [I]); their names are illustrative.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from bakat.domain.wilayah import KODE_PROVINSI
from bakat.synth.names import TEMPAT
from bakat.synth.units import KOLOM_UNIT, kemensos

KEMENSOS_ID = "KEMENSOS"
KEMENSOS_NAMA = "Kementerian Sosial"

_PUSAT = (
    "Kementerian Sekretariat Negara",
    "Kementerian Dalam Negeri",
    "Kementerian Luar Negeri",
    "Kementerian Pertahanan",
    "Kementerian Agama",
    "Kementerian Hukum",
    "Kementerian Hak Asasi Manusia",
    "Kementerian Imigrasi dan Pemasyarakatan",
    "Kementerian Keuangan",
    "Kementerian Pendidikan Dasar dan Menengah",
    "Kementerian Pendidikan Tinggi, Sains, dan Teknologi",
    "Kementerian Kebudayaan",
    "Kementerian Kesehatan",
    "Kementerian Ketenagakerjaan",
    "Kementerian Perindustrian",
    "Kementerian Perdagangan",
    "Kementerian Energi dan Sumber Daya Mineral",
    "Kementerian Pekerjaan Umum",
    "Kementerian Perumahan dan Kawasan Permukiman",
    "Kementerian Desa dan Pembangunan Daerah Tertinggal",
    "Kementerian Transmigrasi",
    "Kementerian Perhubungan",
    "Kementerian Komunikasi dan Digital",
    "Kementerian Pertanian",
    "Kementerian Kehutanan",
    "Kementerian Kelautan dan Perikanan",
    "Kementerian Agraria dan Tata Ruang",
    "Kementerian Perencanaan Pembangunan Nasional",
    "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Kementerian Badan Usaha Milik Negara",
    "Kementerian Koperasi",
    "Kementerian Usaha Mikro, Kecil, dan Menengah",
    "Kementerian Pariwisata",
    "Kementerian Ekonomi Kreatif",
    "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak",
    "Kementerian Pemuda dan Olahraga",
    "Kementerian Lingkungan Hidup",
    "Kementerian Investasi dan Hilirisasi",
    "Kementerian Pelindungan Pekerja Migran Indonesia",
    "Kementerian Kependudukan dan Pembangunan Keluarga",
    "Kementerian Koordinator Bidang Politik dan Keamanan",
    "Kementerian Koordinator Bidang Perekonomian",
    "Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan",
    "Kementerian Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan",
    "Kementerian Koordinator Bidang Pangan",
    "Kementerian Koordinator Bidang Pemberdayaan Masyarakat",
    "Badan Kepegawaian Negara",
    "Lembaga Administrasi Negara",
    "Arsip Nasional Republik Indonesia",
    "Badan Pusat Statistik",
    "Badan Meteorologi, Klimatologi, dan Geofisika",
    "Badan Pengawas Obat dan Makanan",
    "Badan Informasi Geospasial",
    "Badan Riset dan Inovasi Nasional",
    "Badan Nasional Penanggulangan Bencana",
    "Badan Narkotika Nasional",
    "Badan Nasional Penanggulangan Terorisme",
    "Badan Nasional Pencarian dan Pertolongan",
    "Badan Siber dan Sandi Negara",
    "Badan Standardisasi Nasional",
    "Badan Pengawas Tenaga Nuklir",
    "Perpustakaan Nasional",
    "Badan Pengawasan Keuangan dan Pembangunan",
    "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah",
    "Badan Pengawas Pemilihan Umum",
    "Komisi Pemilihan Umum",
    "Mahkamah Agung",
    "Mahkamah Konstitusi",
    "Kejaksaan Republik Indonesia",
    "Kepolisian Negara Republik Indonesia",
    "Badan Pemeriksa Keuangan",
    "Sekretariat Jenderal Dewan Perwakilan Rakyat",
    "Sekretariat Jenderal Majelis Permusyawaratan Rakyat",
    "Sekretariat Jenderal Dewan Perwakilan Daerah",
    "Komisi Yudisial",
    "Ombudsman Republik Indonesia",
    "Komisi Nasional Hak Asasi Manusia",
    "Badan Keamanan Laut",
    "Lembaga Ketahanan Nasional",
    "Badan Karantina Indonesia",
    "Badan Gizi Nasional",
    "Badan Pangan Nasional",
    "Otorita Ibu Kota Nusantara",
    "Badan Pengelolaan Perbatasan",
)

_OPD = (
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Sosial",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perhubungan",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pertanian",
    "Dinas Lingkungan Hidup",
    "Dinas Komunikasi dan Informatika",
    "Inspektorat Daerah",
    "Satuan Polisi Pamong Praja",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Perindustrian dan Perdagangan",
    "Dinas Koperasi dan Usaha Kecil Menengah",
    "Dinas Pariwisata",
    "Dinas Kelautan dan Perikanan",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Badan Penanggulangan Bencana Daerah",
    "Rumah Sakit Umum Daerah",
    "Dinas Tenaga Kerja",
    "Dinas Pemuda dan Olahraga",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Ketahanan Pangan",
    "Badan Pendapatan Daerah",
    "Sekretariat Dewan Perwakilan Rakyat Daerah",
    "Badan Kesatuan Bangsa dan Politik",
)

PANGSA_PUSAT = 0.24
RASIO_KEPALA = 0.064


def daftar_instansi(k: int, n: int, rng: np.random.Generator) -> pl.DataFrame:
    """Agencies with their sizes: columns instansi, instansi_nama, jenis, provinsi, ukuran."""
    if k == 1:
        return pl.DataFrame(
            {
                "instansi": [KEMENSOS_ID],
                "instansi_nama": [KEMENSOS_NAMA],
                "jenis": ["pusat"],
                "provinsi": ["31"],
                "ukuran": [n],
            }
        )
    n_pusat = min(max(1, round(k * 80 / 600)), len(_PUSAT) + 1)
    n_daerah = k - n_pusat
    n_prov = min(len(KODE_PROVINSI), max(1, round(n_daerah * 38 / 520))) if n_daerah else 0
    n_kab = n_daerah - n_prov
    ids = [KEMENSOS_ID] + [f"KL{i:03d}" for i in range(1, n_pusat)]
    nama = [KEMENSOS_NAMA, *_PUSAT[: n_pusat - 1]]
    jenis = ["pusat"] * n_pusat
    prov = ["31"] * n_pusat
    for kode in list(KODE_PROVINSI)[:n_prov]:
        ids.append(f"PROV{kode}")
        nama.append(f"Pemerintah Provinsi {KODE_PROVINSI[kode]}")
        jenis.append("provinsi")
        prov.append(kode)
    daerah = [t for t in TEMPAT if not t[0].startswith("31")]
    for i in range(n_kab):
        if i < len(daerah):
            kode, tempat = daerah[i]
            kota = int(kode[2:]) >= 71
            label = tempat.removeprefix("Kota ")
            ids.append(f"{'KOTA' if kota else 'KAB'}{kode}")
            nama.append(f"Pemerintah {'Kota' if kota else 'Kabupaten'} {label}")
            jenis.append("kota" if kota else "kabupaten")
            prov.append(kode[:2])
        else:
            kode_prov = list(KODE_PROVINSI)[i % len(KODE_PROVINSI)]
            ids.append(f"KAB{kode_prov}S{i:03d}")
            nama.append(f"Pemerintah Kabupaten Ilustrasi {i:03d}")
            jenis.append("kabupaten")
            prov.append(kode_prov)
    sigma = np.array([1.1 if j == "pusat" else 0.5 if j == "provinsi" else 0.6 for j in jenis])
    median = np.array([1.0 if j == "pusat" else 2.0 if j == "provinsi" else 1.0 for j in jenis])
    w = median * np.exp(rng.normal(0.0, sigma))
    pusat = np.array([j == "pusat" for j in jenis])
    if n_daerah:
        w[pusat] *= PANGSA_PUSAT / w[pusat].sum()
        w[~pusat] *= (1 - PANGSA_PUSAT) / w[~pusat].sum()
    ukuran = 20 + _bagi(n - 20 * k, w / w.sum())
    return pl.DataFrame(
        {"instansi": ids, "instansi_nama": nama, "jenis": jenis, "provinsi": prov, "ukuran": ukuran}
    )


def _bagi(total: int, bobot: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Split ``total`` by ``bobot`` (summing to 1) with the largest-remainder rule."""
    kuota = total * bobot
    dasar = np.floor(kuota).astype(np.int64)
    sisa = total - int(dasar.sum())
    urut = np.lexsort((np.arange(len(kuota)), -(kuota - dasar)))
    dasar[urut[:sisa]] += 1
    return dasar


def _level(counts: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Agency index and ordinal within the agency of each unit of one level."""
    inst = np.repeat(np.arange(len(counts)), counts)
    awal = np.concatenate([[0], np.cumsum(counts)[:-1]])
    ordinal = np.arange(len(inst)) - awal[inst]
    return inst, ordinal


def semua_unit(instansi: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    """Unit trees of every agency (Kemensos hand-made, the others generic)."""
    frames = [kemensos(KEMENSOS_ID)]
    lain = instansi.slice(1)
    if lain.height:
        frames.append(_generik(lain, rng))
    return pl.concat(frames, how="vertical")


def _generik(instansi: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    ukuran = instansi["ukuran"].to_numpy().astype(np.int64)
    pusat = (instansi["jenis"] == "pusat").to_numpy()
    ids = instansi["instansi"]
    prov = instansi["provinsi"].to_numpy()
    kepala = np.maximum(4, np.round(RASIO_KEPALA * ukuran)).astype(np.int64)
    a1 = np.maximum(1, np.round(0.02 * kepala)).astype(np.int64)
    a2 = np.clip(np.round(0.06 * kepala), 1, 40).astype(np.int64)
    a3 = np.maximum(1, np.round(0.25 * kepala)).astype(np.int64)
    a4 = np.maximum(0, kepala - a1 - a2 - a3)
    frames = [
        pl.DataFrame(
            {
                "unit_kerja": ids,
                "unit_kerja_nama": instansi["instansi_nama"],
                "induk": pl.Series([None] * len(ids), dtype=pl.String),
                "tingkat": pl.Series(np.zeros(len(ids), dtype=np.int8)),
                "provinsi": prov,
                "inst": np.arange(len(ids)),
            }
        )
    ]
    induk_id = ids
    induk_nama = instansi["instansi_nama"]
    induk_n = np.ones(len(ids), dtype=np.int64)
    induk_awal = np.arange(len(ids), dtype=np.int64)
    for tingkat, counts in enumerate((a1, a2, a3, a4), start=1):
        inst, ordinal = _level(counts)
        p_ord = ordinal % induk_n[inst]
        p_idx = induk_awal[inst] + p_ord
        anak_ke = ordinal // induk_n[inst] + 1
        pid = induk_id.gather(p_idx)
        pnama = induk_nama.gather(p_idx)
        nama = _nama(tingkat, pusat[inst], ordinal, p_ord, anak_ke, pnama)
        uid = pl.select(
            pl.concat_str(
                [pl.lit(pid), pl.lit(pl.Series(anak_ke)).cast(pl.String).str.zfill(2)],
                separator=".",
            )
        ).to_series()
        jauh = pusat[inst] & (tingkat >= 3) & (rng.random(len(inst)) < 0.4)
        acak = np.array(list(KODE_PROVINSI))[rng.integers(0, len(KODE_PROVINSI), len(inst))]
        frames.append(
            pl.DataFrame(
                {
                    "unit_kerja": uid,
                    "unit_kerja_nama": nama,
                    "induk": pid,
                    "tingkat": pl.Series(np.full(len(inst), tingkat, dtype=np.int8)),
                    "provinsi": np.where(jauh, acak, prov[inst]),
                    "inst": inst,
                }
            )
        )
        induk_id, induk_nama, induk_n = uid, nama, counts
        induk_awal = np.concatenate([[0], np.cumsum(counts)[:-1]])
    dasar = np.array([3.0, 6.0, 4.0, 2.0])
    out = pl.concat(frames, how="vertical").sort(["inst", "unit_kerja"], maintain_order=True)
    ting = out["tingkat"].to_numpy().astype(np.int64)
    bobot = np.where(ting == 0, 0.0, dasar[np.maximum(ting - 1, 0)]) * np.exp(
        rng.normal(0, 0.5, out.height)
    )
    inst_all = out["inst"].to_numpy()
    return out.with_columns(
        provinsi_nama=pl.col("provinsi").replace_strict(dict(KODE_PROVINSI)),
        instansi=ids.gather(inst_all),
        ilustrasi=pl.lit(True),
        jenis=pl.Series(np.where(pusat[inst_all], "pusat", "pemda")),
        bobot=pl.Series(bobot),
    ).select(KOLOM_UNIT)


def _nama(
    tingkat: int,
    pusat: npt.NDArray[np.bool_],
    ordinal: npt.NDArray[np.int64],
    p_ord: npt.NDArray[np.int64],
    anak_ke: npt.NDArray[np.int64],
    pnama: pl.Series,
) -> pl.Series:
    k = pl.Series(anak_ke).cast(pl.String)
    df = pl.DataFrame({"pusat": pusat, "ord": ordinal, "p": p_ord, "k": k, "pn": pnama})
    if tingkat == 1:
        pusat_e = (
            pl.when(pl.col("ord") == 0)
            .then(pl.lit("Sekretariat Jenderal"))
            .when(pl.col("ord") == 1)
            .then(pl.lit("Inspektorat Jenderal"))
            .otherwise(pl.format("Direktorat Jenderal Teknis {}", pl.col("ord") - 1))
        )
        daerah_e = (
            pl.when(pl.col("ord") == 0)
            .then(pl.lit("Sekretariat Daerah"))
            .otherwise(pl.format("Asisten Bidang {}", pl.col("ord")))
        )
    elif tingkat == 2:
        opd = pl.Series(_OPD)
        pusat_e = (
            pl.when(pl.col("p") == 0)
            .then(pl.format("Biro {}", pl.col("k")))
            .when(pl.col("p") == 1)
            .then(pl.format("Inspektorat {}", pl.col("k")))
            .otherwise(pl.format("Direktorat {} {}", pl.col("k"), pl.col("pn")))
        )
        daerah_e = (
            pl.when(pl.col("ord") < len(_OPD))
            .then(pl.lit(opd).gather(pl.col("ord").clip(0, len(_OPD) - 1)))
            .otherwise(pl.format("Unit Pelaksana Teknis Daerah {}", pl.col("ord") - len(_OPD) + 1))
        )
    elif tingkat == 3:
        pusat_e = pl.format("Bagian {} {}", pl.col("k"), pl.col("pn"))
        daerah_e = pl.format("Bidang {} {}", pl.col("k"), pl.col("pn"))
    else:
        pusat_e = pl.format("Subbagian {} {}", pl.col("k"), pl.col("pn"))
        daerah_e = pl.format("Seksi {} {}", pl.col("k"), pl.col("pn"))
    return df.select(pl.when(pl.col("pusat")).then(pusat_e).otherwise(daerah_e)).to_series()
