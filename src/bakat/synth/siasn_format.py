"""How the SIASN export looks: BKN's field names (domain.md §4.12 [S], as read by
``bakat.io.layouts.siasn``) and spellings that differ from the agency's without being
disparities (formats.md: case, spacing, titles inside the name, date formats, golongan
spelling are not differences).

Everywhere: names in capitals, ``jenisKelamin`` M/F, grades as "Ahli Muda", education as
"S-1"/"D-III", ``kedudukanPnsNama`` "Aktif"/"Tidak Aktif". In the spreadsheet
(``siasn.xlsx``) ``tglLahir``, ``tmtCpns`` and ``tmtPensiun`` are Excel serial numbers
(SIASN exports do this, domain.md §4.12 [S]), ``tmtPns`` is DD-MM-YYYY, ``tmtGolAkhir``
DD/MM/YYYY and ``tmtJabatan`` YYYY-MM-DD text. Per record, at the ``format_*`` rates:
titles written inside ``nama`` (the title fields left empty), extra spaces in ``nama``,
and golongan spelt "3A", "III-a", "3/a" or "III a"; these are listed in the ground truth
file ``beda_format``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import numpy as np
import polars as pl
import xlsxwriter

from bakat.domain.jenjang import Jenjang
from bakat.io.writers import atomic_output, neutralise
from bakat.synth import kalender as k
from bakat.synth.careers import BUP_J
from bakat.synth.config import TingkatGalat
from bakat.synth.people import JENJANG

#: canonical column -> SIASN header.
HEADER: dict[str, str] = {
    "nip": "nipBaru",
    "nik": "nik",
    "nama": "nama",
    "gelar_depan": "gelarDepan",
    "gelar_belakang": "gelarBelakang",
    "jenis_kelamin": "jenisKelamin",
    "tempat_lahir": "tempatLahir",
    "tanggal_lahir": "tglLahir",
    "status_kepegawaian": "statusPegawai",
    "status_aktif": "kedudukanPnsNama",
    "tmt_cpns": "tmtCpns",
    "tmt_pns": "tmtPns",
    "golongan_awal": "golRuangAwal",
    "golongan": "golRuangAkhir",
    "pangkat": "pangkatAkhir",
    "tmt_golongan": "tmtGolAkhir",
    "jenjang_jabatan": "jenjangJabatan",
    "jabatan": "jabatanNama",
    "tmt_jabatan": "tmtJabatan",
    "unit_kerja": "unorId",
    "unit_kerja_nama": "unorNama",
    "pendidikan": "tkPendidikanTerakhir",
    "jurusan": "pendidikanTerakhirNama",
    "tmt_pensiun": "tmtPensiun",
    "instansi": "instansiKerjaId",
    "instansi_nama": "instansiKerjaNama",
}
_PEND = {
    "D1": "D-I",
    "D2": "D-II",
    "D3": "D-III",
    "D4": "D-IV",
    "S1": "S-1",
    "S2": "S-2",
    "S3": "S-3",
}
_EJAAN_JENJANG = {j.value: j.value.replace("_", " ").title().replace("Jpt", "JPT") for j in Jenjang}


def _arab(c: pl.Expr, pemisah: str) -> pl.Expr:
    """Roman golongan to Arabic digits: "III/a" -> "3" + pemisah + "a"."""
    for romawi, angka in (("IV/", "4"), ("III/", "3"), ("II/", "2"), ("I/", "1")):
        c = c.str.replace(romawi, angka + pemisah, literal=True)
    return c


_EJAAN_GOL: tuple[tuple[str, Callable[[pl.Expr], pl.Expr]], ...] = (
    ("3A", lambda c: _arab(c, "").str.to_uppercase()),
    ("III-a", lambda c: c.str.replace("/", "-", literal=True)),
    ("3/a", lambda c: _arab(c, "/")),
    ("III a", lambda c: c.str.replace("/", " ", literal=True)),
)
#: Excel's day 0 is 1899-12-30: serial = days since 1970-01-01 + 25569.
EXCEL_EPOCH = 25569
KEMBANG = datetime(2025, 1, 1)


def _subset(kolom: pl.Series, mask: np.ndarray, f: Callable[[pl.Expr], pl.Expr]) -> pl.Series:
    """``kolom`` with ``f`` applied on the rows of ``mask`` only."""
    rows = np.flatnonzero(mask)
    if not len(rows):
        return kolom
    bagian = kolom.gather(pl.Series(rows)).to_frame("c").select(f(pl.col("c"))).to_series()
    return kolom.clone().scatter(rows, bagian)


def tampilan(
    siasn: pl.DataFrame, pegawai: pl.DataFrame, galat: TingkatGalat, r: np.random.Generator
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """SIASN in its own spellings (canonical column names still) and the ``beda_format``
    ground truth."""
    lok = pegawai.select("_i", nama_l="nama", gol_l="golongan")
    sama = siasn.select("_i", "nama", "golongan").join(
        lok, on="_i", how="left", maintain_order="left"
    )
    m = siasn.height
    u = r.random(m)
    nama_sama = sama["nama"].eq_missing(sama["nama_l"]).to_numpy()
    bergelar = (
        siasn["gelar_depan"].is_not_null() | siasn["gelar_belakang"].is_not_null()
    ).to_numpy()
    gelar = nama_sama & bergelar & (u < galat.format_gelar_di_nama)
    spasi = nama_sama & ~gelar & (r.random(m) < galat.format_spasi)
    gol_sama = (
        sama["golongan"].eq_missing(sama["gol_l"]) & sama["golongan"].is_not_null()
    ).to_numpy()
    ejaan = np.where(gol_sama & (r.random(m) < galat.format_golongan), r.integers(0, 4, m), -1)
    nama = siasn["nama"].str.to_uppercase()
    rows = np.flatnonzero(gelar)
    if len(rows):
        dengan = siasn.select("gelar_depan", "gelar_belakang").with_columns(nama=nama)[rows]
        teks = dengan.select(
            pl.concat_str(
                [
                    pl.when(pl.col("gelar_depan").is_not_null())
                    .then(pl.col("gelar_depan") + " ")
                    .otherwise(pl.lit("")),
                    pl.col("nama"),
                    pl.when(pl.col("gelar_belakang").is_not_null())
                    .then(", " + pl.col("gelar_belakang"))
                    .otherwise(pl.lit("")),
                ]
            )
        ).to_series()
        nama = nama.clone().scatter(rows, teks)
    nama = _subset(nama, spasi, lambda c: c.str.replace(" ", "  ", literal=True) + " ")
    gol = siasn["golongan"]
    for i, (_, f) in enumerate(_EJAAN_GOL):
        gol = _subset(gol, ejaan == i, f)
    kosong = pl.Series(gelar)
    indeks = siasn["jenjang_jabatan"].replace_strict({j.value: i for i, j in enumerate(JENJANG)})
    bup_n = BUP_J[indeks.to_numpy()]
    lahir = siasn["tanggal_lahir"].cast(pl.Int32).to_numpy()
    pensiun = k.seri_tanggal(
        k.tanggal_pensiun(lahir, bup_n), (siasn["status_kepegawaian"] != "PPPK").to_numpy()
    )
    pend = siasn["pendidikan"].replace(_PEND)
    out = siasn.with_columns(
        nama=nama,
        gelar_depan=pl.when(kosong).then(None).otherwise(pl.col("gelar_depan")),
        gelar_belakang=pl.when(kosong).then(None).otherwise(pl.col("gelar_belakang")),
        golongan=gol,
        jenis_kelamin=pl.col("jenis_kelamin").replace_strict({"L": "M", "P": "F"}),
        jenjang_jabatan=pl.col("jenjang_jabatan").replace_strict(_EJAAN_JENJANG),
        pendidikan=pend,
        jurusan=pl.concat_str([pend, pl.col("jurusan")], separator=" "),
        status_aktif=pl.when(pl.col("status_aktif"))
        .then(pl.lit("Aktif"))
        .otherwise(pl.lit("Tidak Aktif")),
        tmt_pensiun=pensiun,
    )
    beda = [
        _format(out, siasn, gelar, "nama", "gelar_di_nama"),
        _format(out, siasn, spasi, "nama", "spasi"),
        _format(out, siasn, ejaan >= 0, "golongan", "ejaan_golongan"),
    ]
    kolom = [c for c in HEADER if c in out.columns]
    return out.select(kolom), pl.concat(beda).sort("nip_siasn")


def _format(
    out: pl.DataFrame, asal: pl.DataFrame, mask: np.ndarray, kolom: str, jenis: str
) -> pl.DataFrame:
    idx = pl.Series(np.flatnonzero(mask))
    return pl.DataFrame(
        {
            "nip_siasn": out["nip"].gather(idx),
            "kolom": pl.repeat(kolom, len(idx), eager=True),
            "nilai_lokal": asal[kolom].gather(idx),
            "nilai_siasn": out[kolom].gather(idx),
            "jenis": pl.repeat(jenis, len(idx), eager=True),
        }
    )


def untuk_berkas(df: pl.DataFrame, xlsx: bool) -> pl.DataFrame:
    """Date columns as the export writes them, and the SIASN headers."""
    if xlsx:
        serial = {"tanggal_lahir", "tmt_cpns", "tmt_pensiun"}
        df = df.with_columns(
            *(pl.col(c).cast(pl.Int32) + EXCEL_EPOCH for c in serial if c in df.columns),
            pl.col("tmt_pns").dt.strftime("%d-%m-%Y"),
            pl.col("tmt_golongan").dt.strftime("%d/%m/%Y"),
            pl.col("tmt_jabatan").dt.strftime("%Y-%m-%d"),
        )
    return df.rename({c: HEADER[c] for c in df.columns})


def tulis_xlsx(df: pl.DataFrame, path: Path) -> None:
    """Write one sheet with a fixed creation date, so the file is byte-identical per seed."""
    aman = neutralise(df)
    with atomic_output(path) as sementara:
        buku = xlsxwriter.Workbook(
            str(sementara), {"constant_memory": True, "strings_to_formulas": False}
        )
        try:
            buku.set_properties({"created": KEMBANG, "author": "bakat"})
            lembar = buku.add_worksheet("siasn")
            for c, nama in enumerate(aman.columns):
                lembar.write_string(0, c, nama)
            for i, baris in enumerate(aman.iter_rows(), start=1):
                for c, nilai in enumerate(baris):
                    if nilai is None:
                        continue
                    if isinstance(nilai, int | float) and not isinstance(nilai, bool):
                        lembar.write_number(i, c, nilai)
                    else:
                        lembar.write_string(i, c, str(nilai))
        finally:
            buku.close()
