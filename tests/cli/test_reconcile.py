"""``bakat reconcile DATA --out DIR``: the files it writes and its refusals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]

PEGAWAI = """nip,nama,gelar_belakang,jenis_kelamin,tanggal_lahir,golongan,unit_kerja
198503122010011001,Budi Santoso,S.Kom.,L,1985-03-12,III/c,U1
199007252015032002,Siti Aminah,,P,25/07/1990,III/a,U2
197001012000011001,Ani Lestari,,P,1970-01-01,IV/a,U1
"""
SIASN = """nipBaru;nama;jenisKelamin;tglLahir;golRuangAkhir;unorId
198503122010011001;BUDI SANTOSO, S.KOM.;M;12-03-1985;3C;U1
199007252015032007;SITI AMINAH;F;1990-07-25;III-b;U2
196001011990011001;JOKO;M;1960-01-01;IV/b;U1
"""


def _bakat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BAKAT, *args], capture_output=True, text=True, check=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "pegawai.csv").write_text(PEGAWAI, encoding="utf-8")
    (folder / "siasn.csv").write_text(SIASN, encoding="utf-8")
    return folder


def test_it_writes_the_reconciliation_files(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "hasil"
    result = _bakat("reconcile", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "cocok_fuzzy: 1" in result.stdout
    rekon = pl.read_csv(out / "rekonsiliasi.csv", infer_schema=False)
    assert rekon.select("nip", "nip_siasn", "status", "kolom").rows() == [
        ("197001012000011001", None, "hanya_lokal", None),
        ("199007252015032002", "199007252015032007", "cocok_fuzzy", "nip"),
        ("199007252015032002", "199007252015032007", "cocok_fuzzy", "golongan"),
        (None, "196001011990011001", "hanya_siasn", None),
    ]
    usulan = pl.read_csv(out / "usulan_bkn.csv", infer_schema=False)
    assert usulan.select("nip_siasn", "kolom", "nilai_usulan").rows() == [
        ("199007252015032007", "nip", "199007252015032002")
    ]
    ringkasan = pl.read_csv(out / "ringkasan_rekonsiliasi.csv", infer_schema=False)
    assert ringkasan.columns == ["status", "kolom", "pihak", "jumlah_baris", "jumlah_rekaman"]
    assert (out / "pencocokan.csv").exists()
    assert (out / "kebijakan.toml").exists()


def test_the_same_input_gives_byte_identical_files(data: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert _bakat("reconcile", str(data), "--out", str(a)).returncode == 0
    assert _bakat("reconcile", str(data), "--out", str(b)).returncode == 0
    for berkas in ("rekonsiliasi.csv", "usulan_bkn.csv", "pencocokan.csv"):
        assert (a / berkas).read_bytes() == (b / berkas).read_bytes()


def test_a_missing_siasn_table_names_the_step(data: Path, tmp_path: Path) -> None:
    (data / "siasn.csv").unlink()
    out = tmp_path / "hasil"
    result = _bakat("reconcile", str(data), "--out", str(out))
    pesan = " ".join(result.stderr.split())  # the console wraps long lines
    assert result.returncode == 2
    assert "tabel 'siasn' tidak ditemukan" in pesan
    assert "(diperlukan untuk langkah 'reconcile')" in pesan
    assert "Traceback" not in pesan
    assert not out.exists()


@pytest.mark.parametrize(
    "isi",
    [
        "nipBaru;nama\n198503122010011001;BUDI\n198503122010011001;BUDI LAGI\n",
        'nipBaru;nama\n198503122010011001;"BUDI\n',
        "nama;tglLahir\nBUDI;1985-03-12\n",
    ],
    ids=["duplicate-nip", "truncated", "no-nip-column"],
)
def test_a_malformed_siasn_file_exits_2(data: Path, tmp_path: Path, isi: str) -> None:
    (data / "siasn.csv").write_text(isi, encoding="utf-8")
    result = _bakat("reconcile", str(data), "--out", str(tmp_path / "hasil"))
    pesan = "".join(result.stderr.split())
    assert result.returncode == 2
    assert "siasn.csv" in pesan
    assert "Traceback" not in pesan


def _as_parquet(folder: Path) -> None:
    """The CSV files of ``folder`` replaced by Parquet files of the same cell texts."""
    for path in sorted(folder.glob("*.csv")):
        separator = ";" if ";" in path.read_text(encoding="utf-8").splitlines()[0] else ","
        frame = pl.read_csv(path, infer_schema=False, separator=separator)
        frame.write_parquet(path.with_suffix(".parquet"))
        path.unlink()


def test_parquet_files_give_the_files_csv_files_give(data: Path, tmp_path: Path) -> None:
    dari_csv, dari_parquet = tmp_path / "csv", tmp_path / "parquet"
    assert _bakat("reconcile", str(data), "--out", str(dari_csv)).returncode == 0
    _as_parquet(data)
    result = _bakat("reconcile", str(data), "--out", str(dari_parquet))
    assert result.returncode == 0, result.stderr
    for berkas in ("rekonsiliasi.csv", "usulan_bkn.csv", "pencocokan.csv"):
        assert (dari_csv / berkas).read_bytes() == (dari_parquet / berkas).read_bytes()


def test_a_damaged_name_column_in_parquet_exits_2_naming_it(data: Path, tmp_path: Path) -> None:
    _as_parquet(data)
    path = data / "siasn.parquet"
    frame = pl.read_parquet(path).with_columns(pl.lit("BUDI SANTOSO" * 40).alias("nama"))
    frame.write_parquet(path, compression="uncompressed", statistics=False)
    isi = bytearray(path.read_bytes())
    awal = isi.find(b"BUDI SANTOSO")
    isi[awal - 30 : awal - 4] = b"\xff" * 26  # break the page header of the column
    path.write_bytes(bytes(isi))
    result = _bakat("reconcile", str(data), "--out", str(tmp_path / "hasil"))
    pesan = " ".join(result.stderr.split())
    assert result.returncode == 2, result.stderr
    assert "siasn.parquet" in "".join(result.stderr.split())
    assert "'nama'" in pesan and "rusak" in pesan
    assert "Traceback" not in pesan
