"""``bakat check``: result files, exit statuses, reproducible output."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from tests.engine.quality.contoh import NIP_BUDI, data

BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]


def _bakat(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BAKAT, *map(str, args)], capture_output=True, text=True, check=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    masuk = tmp_path / "data"
    masuk.mkdir()
    tables = data({"tanggal_lahir": date(1981, 1, 1)})
    for nama, frame in tables.items():
        frame.write_csv(masuk / f"{nama}.csv")
    return masuk


def test_it_writes_the_findings_summary_and_index(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "hasil"
    result = _bakat("check", folder, "--out", out, "--as-of", "2025-10-17")
    assert result.returncode == 0, result.stderr
    temuan = pl.read_csv(out / "temuan.csv", infer_schema=False)
    baris = temuan.filter(pl.col("nama_aturan") == "nip_tanggal_lahir_tidak_cocok").row(
        0, named=True
    )
    assert (baris["nip"], baris["aturan"], baris["tingkat"], baris["kolom"]) == (
        NIP_BUDI,
        "V02",
        "error",
        "tanggal_lahir",
    )
    for nama in ("ringkasan_aturan.csv", "indeks_kualitas.csv", "capaian_jp.csv"):
        assert (out / nama).is_file()
    assert "Indeks kualitas data" in result.stdout


def test_it_gives_byte_identical_files_for_the_same_input_and_date(
    folder: Path, tmp_path: Path
) -> None:
    for nama in ("a", "b"):
        assert (
            _bakat("check", folder, "--out", tmp_path / nama, "--as-of", "2025-10-17").returncode
            == 0
        )
    for berkas in ("temuan.csv", "ringkasan_aturan.csv", "indeks_kualitas.csv", "capaian_jp.csv"):
        assert (tmp_path / "a" / berkas).read_bytes() == (tmp_path / "b" / berkas).read_bytes()


@pytest.mark.parametrize("as_of", ["2025-13-01", "kemarin"])
def test_it_exits_2_on_a_bad_as_of_date(folder: Path, tmp_path: Path, as_of: str) -> None:
    result = _bakat("check", folder, "--out", tmp_path / "hasil", "--as-of", as_of)
    assert result.returncode == 2
    assert "--as-of" in result.stderr
    assert "Traceback" not in result.stderr


def test_it_exits_2_without_the_pegawai_table(folder: Path, tmp_path: Path) -> None:
    (folder / "pegawai.csv").unlink()
    result = _bakat("check", folder, "--out", tmp_path / "hasil")
    assert result.returncode == 2
    assert "pegawai" in result.stderr
    assert not (tmp_path / "hasil" / "temuan.csv").exists()


def test_it_lists_the_rules_it_skipped(folder: Path, tmp_path: Path) -> None:
    (folder / "kinerja.csv").unlink()
    result = _bakat("check", folder, "--out", tmp_path / "hasil", "--as-of", "2025-10-17")
    assert result.returncode == 0
    assert "predikat_tidak_sesuai_matriks: tabel kinerja tidak ada" in result.stdout
    ringkasan = pl.read_csv(tmp_path / "hasil" / "ringkasan_aturan.csv", infer_schema=False)
    assert (
        ringkasan.filter(pl.col("nama_aturan") == "skp_tidak_lengkap").item(0, "dijalankan")
        == "false"
    )


def test_it_exits_2_naming_file_and_column_of_a_damaged_parquet_column(tmp_path: Path) -> None:
    masuk = tmp_path / "data"
    masuk.mkdir()
    pegawai = data()["pegawai"].with_columns(pl.lit("Budi Santoso" * 40).alias("nama"))
    path = masuk / "pegawai.parquet"
    pegawai.write_parquet(path, compression="uncompressed", statistics=False)
    raw = bytearray(path.read_bytes())
    start = raw.find(b"Budi Santoso")
    raw[start - 30 : start - 4] = b"\xff" * 26  # the page header of the nama column
    path.write_bytes(bytes(raw))
    result = _bakat("check", masuk, "--out", tmp_path / "hasil", "--as-of", "2025-10-17")
    assert result.returncode == 2, result.stderr
    pesan = " ".join(result.stderr.split())
    assert "pegawai.parquet" in pesan
    assert "kolom 'nama'" in pesan
    assert "Traceback" not in result.stderr
