"""The agency looks like the statistics it was drawn from (domain.md §7), and its tables
hang together (positions, units, relationships, histories)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.domain.jenjang import Jenjang, bup, level_kompetensi_standar, tanggal_pensiun
from bakat.domain.kompetensi import KOMPETENSI
from bakat.domain.policy import load_policy
from bakat.domain.wilayah import KODE_PROVINSI
from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.job import run_mapping
from bakat.io.readers import read_folder
from tests.synth.conftest import AS_OF, baca

STRUKTURAL = ["JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"]


@pytest.fixture(scope="module")
def pegawai(acuan: Path) -> pl.DataFrame:
    return baca(acuan, "pegawai")


def _porsi(df: pl.DataFrame, syarat: pl.Expr) -> float:
    return float(df.select(syarat.mean()).item())


@pytest.mark.parametrize(
    ("nama", "syarat", "lo", "hi"),
    [
        ("perempuan", pl.col("jenis_kelamin") == "P", 0.50, 0.62),
        ("PPPK", pl.col("status_kepegawaian") == "PPPK", 0.27, 0.33),
        ("struktural", pl.col("jenjang_jabatan").is_in(STRUKTURAL), 0.05, 0.07),
        ("pelaksana", pl.col("jenjang_jabatan") == "PELAKSANA", 0.25, 0.35),
        ("S1/D4", pl.col("pendidikan").is_in(["S1", "D4"]), 0.45, 0.62),
        ("S2/S3", pl.col("pendidikan").is_in(["S2", "S3"]), 0.10, 0.20),
    ],
)
def test_shares_are_within_tolerance(
    pegawai: pl.DataFrame, nama: str, syarat: pl.Expr, lo: float, hi: float
) -> None:
    assert lo <= _porsi(pegawai, syarat) <= hi, nama


def test_a_large_group_of_pns_is_aged_51_or_more(pegawai: pl.DataFrame) -> None:
    pns = pegawai.filter(pl.col("status_kepegawaian") == "PNS")
    umur = (pl.lit(AS_OF) - pl.col("tanggal_lahir")).dt.total_days() / 365.25
    assert 0.25 <= _porsi(pns, umur >= 51) <= 0.45


def test_golongan_iii_is_the_largest_group(pegawai: pl.DataFrame) -> None:
    pns = pegawai.filter(pl.col("status_kepegawaian") == "PNS")
    ruang = pns["golongan"].str.split("/").list.first().value_counts(sort=True)
    assert ruang["golongan"][0] == "III"
    assert _porsi(pns, pl.col("golongan").str.starts_with("IV")) >= 0.12


def test_predikat_shares_are_realistic(acuan: Path) -> None:
    kinerja = baca(acuan, "kinerja").drop_nulls("predikat")
    assert 0.10 <= _porsi(kinerja, pl.col("predikat") == "Sangat Baik") <= 0.25
    assert 0.60 <= _porsi(kinerja, pl.col("predikat") == "Baik") <= 0.85
    assert set(kinerja["predikat"].unique()) == {
        "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"
    }  # fmt: skip
    assert set(kinerja["tahun"].unique()) == {2021, 2022, 2023, 2024}


def test_most_but_not_all_reach_20_jp(acuan: Path, pegawai: pl.DataFrame) -> None:
    diklat = baca(acuan, "diklat").with_columns(tahun=pl.col("tanggal").dt.year())
    jp = diklat.filter(pl.col("tahun") == 2024).group_by("nip").agg(pl.col("jp").sum())
    lama = pegawai.filter(pl.col("tmt_cpns").fill_null(date(2030, 1, 1)) < date(2024, 1, 1))
    capai = lama.join(jp, on="nip", how="left").select((pl.col("jp").fill_null(0) >= 20).mean())
    assert 0.80 <= capai.item() <= 0.95


def test_hukdis_has_every_level_and_some_are_running(acuan: Path) -> None:
    hukdis = baca(acuan, "hukdis")
    assert set(hukdis["tingkat"].unique()) == {"ringan", "sedang", "berat"}
    assert 0.01 <= hukdis.height / 3414 <= 0.04
    berjalan = hukdis.filter(pl.col("tanggal_akhir") >= AS_OF)
    assert set(berjalan["tingkat"].unique()) == {"ringan", "sedang", "berat"}
    assert (hukdis["tanggal_akhir"] >= hukdis["tmt"]).all()


def test_asesmen_scores_and_levels_are_in_range(acuan: Path) -> None:
    asesmen = baca(acuan, "asesmen")
    assert asesmen["skor_kompetensi"].is_between(0, 100).all()
    assert asesmen["skor_potensi"].is_between(0, 100).all()
    for kolom in ("integritas", "kerja_sama", "perekat_bangsa"):
        assert asesmen[kolom].is_between(1, 5).all()
    assert asesmen.select("nip", "tanggal").is_duplicated().sum() == 0


def test_every_employee_holds_a_position_of_the_positions_table(
    acuan: Path, pegawai: pl.DataFrame
) -> None:
    jabatan = baca(acuan, "jabatan")
    assert jabatan["jabatan_id"].is_unique().all()
    gabung = pegawai.join(jabatan, on="jabatan_id", how="left")
    assert gabung["jenjang_jabatan_right"].null_count() == 0
    assert (gabung["jenjang_jabatan"] == gabung["jenjang_jabatan_right"]).all()
    aktif = gabung.filter(pl.col("status_aktif"))
    assert (aktif["nip_pemangku"] == aktif["nip"]).all()
    assert gabung.filter(~pl.col("status_aktif"))["nip_pemangku"].null_count() > 0
    kosong = jabatan.filter(pl.col("nip_pemangku").is_null())
    assert kosong.filter(pl.col("jenjang_jabatan").is_in(STRUKTURAL)).height > 0
    assert kosong.filter(~pl.col("jenjang_jabatan").is_in(STRUKTURAL)).height > 0
    kritis = jabatan.filter(pl.col("kritikal"))
    assert (
        kritis.filter(pl.col("jenjang_jabatan") == "JPT_PRATAMA").height
        == jabatan.filter(pl.col("jenjang_jabatan") == "JPT_PRATAMA").height
    )
    assert (jabatan["integritas"] >= 1).all()


def test_some_critical_incumbents_retire_within_two_years(
    acuan: Path, pegawai: pl.DataFrame
) -> None:
    jabatan = baca(acuan, "jabatan").filter(pl.col("kritikal")).drop_nulls("nip_pemangku")
    orang = pegawai.join(jabatan.select(nip="nip_pemangku"), on="nip")
    dekat = [
        r
        for r in orang.iter_rows(named=True)
        if tanggal_pensiun(r["tanggal_lahir"], bup(Jenjang(r["jenjang_jabatan"])))
        <= date(AS_OF.year + 2, AS_OF.month, 1)
    ]
    assert len(dekat) >= 5


def test_units_form_a_tree_with_provinces(acuan: Path, pegawai: pl.DataFrame) -> None:
    unit = baca(acuan, "unit_kerja")
    assert unit["unit_kerja"].is_unique().all()
    assert set(unit.drop_nulls("induk")["induk"].to_list()) <= set(unit["unit_kerja"].to_list())
    assert set(pegawai["unit_kerja"].unique().to_list()) <= set(unit["unit_kerja"].to_list())
    assert {str(p) for p in unit["provinsi"].unique()} <= set(KODE_PROVINSI)
    nama = unit["unit_kerja_nama"].to_list()
    for wajib in (
        "Sekretariat Jenderal",
        "Inspektorat Jenderal",
        "Biro Organisasi dan Sumber Daya Manusia",
    ):
        assert wajib in nama
    sentra = unit.filter(pl.col("unit_kerja_nama").str.starts_with("Sentra"))
    assert sentra["provinsi"].n_unique() >= 10
    assert sentra.filter(~pl.col("ilustrasi")).height == 5


def test_relationships_cover_every_kind_and_known_people(
    acuan: Path, pegawai: pl.DataFrame
) -> None:
    relasi = baca(acuan, "relasi")
    assert set(relasi["hubungan"].unique()) == {"atasan_langsung", "suami_istri", "keluarga"}
    nip = set(pegawai["nip"].to_list())
    assert set(relasi["nip_a"].to_list()) <= nip and set(relasi["nip_b"].to_list()) <= nip
    assert (relasi["nip_a"] != relasi["nip_b"]).all()
    pasangan = relasi.filter(pl.col("hubungan") == "suami_istri")
    v04 = baca(acuan / "ground_truth", "kesalahan").filter(pl.col("aturan") == "V04")
    salah_tulis = set(v04["nip"].to_list())  # the written sex is the injected error
    jk = dict(pegawai.select("nip", "jenis_kelamin").iter_rows())
    assert pasangan.height > 0
    for a, b in pasangan.select("nip_a", "nip_b").iter_rows():
        assert jk[a] != jk[b] or {a, b} & salah_tulis


def test_assessment_scores_look_like_assessment_centre_results(
    acuan: Path, pegawai: pl.DataFrame
) -> None:
    asesmen = baca(acuan, "asesmen")
    jpm, potensi = asesmen["skor_kompetensi"], asesmen["skor_potensi"]
    assert 73 <= float(jpm.mean()) <= 80 and 6 <= float(jpm.std()) <= 11  # type: ignore[arg-type]
    assert 70 <= float(jpm.median()) <= 82  # type: ignore[arg-type]
    assert 58 <= float(potensi.mean()) <= 68  # type: ignore[arg-type]
    assert jpm.min() >= 40 and potensi.min() >= 40  # type: ignore[operator]
    assert asesmen.select(pl.corr("skor_kompetensi", "skor_potensi")).item() > 0.4
    standar = pl.col("jenjang_jabatan").map_elements(
        lambda j: level_kompetensi_standar(Jenjang(j)), return_dtype=pl.Int64
    )
    selisih = pl.sum_horizontal(*KOMPETENSI) / 9 - standar
    gabung = asesmen.join(pegawai.select("nip", "jenjang_jabatan"), on="nip")
    assert gabung.select(pl.corr("skor_kompetensi", selisih)).item() > 0.5


@pytest.fixture(scope="module")
def kotak(acuan: Path) -> pl.Series:
    """The box of every mappable person of the demo under the default policy."""
    tabel = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan")
    frames = {nama: t.frame for nama, t in read_folder(acuan, tables=tabel).items()}
    unit_kerja = pl.read_csv(acuan / "unit_kerja.csv", infer_schema=False).lazy()
    hasil = run_mapping(
        MappingData(**frames, unit_kerja=unit_kerja), as_of=AS_OF, policy=load_policy()
    )
    return hasil.pemetaan.get_column("kotak").drop_nulls()


def test_the_demo_nine_box_is_heavy_in_the_centre_and_has_every_box(kotak: pl.Series) -> None:
    """domain.md §7.4 [I]: box 5 35-45%, boxes 1-3 10-15%. Boxes 7-9 hold about
    1 - box 5 - boxes 1-3 - 6% by the §2.3 numbering (docs/synthetic.md), so their band
    is wider than the suggested 10-20%."""
    assert kotak.len() == 2757
    assert set(kotak.unique().to_list()) == set(range(1, 10))
    porsi = {b: float((kotak == b).mean()) for b in range(1, 10)}  # type: ignore[arg-type]
    assert 0.35 <= porsi[5] <= 0.45
    assert 0.10 <= porsi[1] + porsi[2] + porsi[3] <= 0.15
    assert 0.30 <= porsi[7] + porsi[8] + porsi[9] <= 0.45
    assert porsi[5] == max(porsi.values())
