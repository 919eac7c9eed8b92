"""The generated folder: exact mappability, determinism, and how the folder is written."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.domain.errors import InputError
from bakat.domain.skp import Predikat
from bakat.synth.config import ALASAN_ACUAN, KonfigurasiSintesis
from bakat.synth.generate import generate
from tests.synth.conftest import AS_OF, baca

TABEL = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "relasi", "unit_kerja")


def pemetaan_dari_berkas(folder: Path, as_of: date) -> pl.DataFrame:
    """Mappability under the common definition, computed from the data files only."""
    pegawai = baca(folder, "pegawai")
    kinerja = baca(folder, "kinerja")
    asesmen = baca(folder, "asesmen")
    skp = (
        kinerja.filter(
            pl.col("tahun").is_in([as_of.year - 2, as_of.year - 1])
            & pl.col("predikat").is_in([p.value for p in Predikat])
        )
        .group_by("nip")
        .agg(pl.col("tahun").n_unique().alias("tahun"))
        .filter(pl.col("tahun") == 2)
        .get_column("nip")
    )
    batas = date(as_of.year - 3, as_of.month, as_of.day)
    berlaku = asesmen.filter(
        pl.col("tanggal").is_between(batas, as_of)
        & pl.col("skor_kompetensi").is_not_null()
        & pl.col("skor_potensi").is_not_null()
    ).get_column("nip")
    return pegawai.select(
        "nip",
        alasan=pl.when(~pl.col("status_aktif"))
        .then(pl.lit("tidak_aktif"))
        .when(pl.col("status_kepegawaian") == "CPNS")
        .then(pl.lit("cpns"))
        .when(~pl.col("nip").is_in(skp.implode()))
        .then(pl.lit("skp_kurang_dari_2_tahun"))
        .when(~pl.col("nip").is_in(asesmen["nip"].implode()))
        .then(pl.lit("tanpa_asesmen"))
        .when(~pl.col("nip").is_in(berlaku.implode()))
        .then(pl.lit("asesmen_kedaluwarsa")),
    )


@pytest.mark.parametrize("seed", [17, 1, 2024])
def test_exactly_2757_of_3414_are_mappable_for_every_seed(
    buat: Callable[..., Path], seed: int
) -> None:
    folder = buat(seed=seed)
    dihitung = pemetaan_dari_berkas(folder, AS_OF)
    assert dihitung.height == 3414
    assert dihitung["alasan"].null_count() == 2757
    benar = baca(folder / "ground_truth", "pemetaan")
    gabung = dihitung.join(benar, on="nip", how="inner")
    assert gabung.height == 3414
    assert gabung.filter(pl.col("alasan").ne_missing(pl.col("alasan_right"))).height == 0
    assert (gabung["terpetakan"] == gabung["alasan"].is_null()).all()


def test_the_657_unmappable_follow_the_documented_reasons(acuan: Path) -> None:
    benar = baca(acuan / "ground_truth", "pemetaan")
    hitung = dict(benar.drop_nulls("alasan").group_by("alasan").len().iter_rows())
    assert hitung == dict(ALASAN_ACUAN)


@pytest.mark.parametrize(
    ("n", "instansi", "terpetakan"),
    [(1000, 1, 808), (500, 1, 404), (10000, 1, 8076), (2000, 5, 1615)],
)
def test_other_headcounts_scale_the_share(
    buat: Callable[..., Path], n: int, instansi: int, terpetakan: int
) -> None:
    folder = buat(seed=5, pegawai=n, instansi=instansi)
    assert pemetaan_dari_berkas(folder, AS_OF)["alasan"].null_count() == terpetakan


def _sidik(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_same_seed_gives_byte_identical_files(acuan: Path, tmp_path: Path) -> None:
    generate(tmp_path / "lagi", KonfigurasiSintesis(seed=17))
    assert _sidik(tmp_path / "lagi") == _sidik(acuan)


def test_another_seed_gives_other_people(acuan: Path, buat: Callable[..., Path]) -> None:
    lain = buat(seed=1)
    assert baca(lain, "pegawai")["nip"].to_list() != baca(acuan, "pegawai")["nip"].to_list()


def test_it_writes_every_table_and_the_ground_truth(acuan: Path) -> None:
    for nama in TABEL:
        assert (acuan / f"{nama}.csv").is_file()
    assert (acuan / "siasn.xlsx").is_file()
    for nama in (
        "pemetaan",
        "kesalahan",
        "disparitas",
        "pencocokan",
        "bukan_pasangan",
        "beda_format",
    ):
        assert (acuan / "ground_truth" / f"{nama}.csv").is_file()
    ringkasan = json.loads((acuan / "ground_truth" / "ringkasan.json").read_text())
    assert ringkasan["pemetaan"]["terpetakan"] == 2757
    assert ringkasan["seed"] == 17 and ringkasan["pegawai"] == 3414
    assert not list(acuan.parent.glob(".*sementara*"))


def test_it_refuses_a_non_empty_folder_without_force(tmp_path: Path) -> None:
    (tmp_path / "isi.txt").write_text("data lama")
    with pytest.raises(InputError):
        generate(tmp_path, KonfigurasiSintesis(pegawai=100))
    assert (tmp_path / "isi.txt").read_text() == "data lama"


def test_force_replaces_the_folder_only_after_success(tmp_path: Path) -> None:
    (tmp_path / "isi.txt").write_text("data lama")
    with pytest.raises(InputError):
        generate(tmp_path, KonfigurasiSintesis(pegawai=5), force=True)
    assert (tmp_path / "isi.txt").exists()
    generate(tmp_path, KonfigurasiSintesis(pegawai=100), force=True)
    assert not (tmp_path / "isi.txt").exists()
    assert (tmp_path / "pegawai.csv").is_file()


def test_zero_error_rate_gives_clean_data(buat: Callable[..., Path]) -> None:
    from bakat.synth.config import TingkatGalat

    folder = buat(seed=3, galat=TingkatGalat().skala(0))
    kesalahan = baca(folder / "ground_truth", "kesalahan")
    assert set(kesalahan["jenis"].unique()) <= {"alami"}
    disparitas = baca(folder / "ground_truth", "disparitas")
    assert disparitas.height == 0


def test_parquet_format_writes_parquet(buat: Callable[..., Path]) -> None:
    from bakat.synth.config import Format

    folder = buat(seed=4, pegawai=300, format=Format.PARQUET)
    pegawai = pl.read_parquet(folder / "pegawai.parquet")
    assert pegawai.height == 300
    assert (folder / "siasn.parquet").is_file()
