"""``bakat run``: every step and the report on a small generated agency; the same input
and ``--as-of`` give a byte-identical report; a missing step input is a note, bad input
exit status 2."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import bakat.cli.commands  # noqa: F401  (registers every command)
from bakat.cli.main import app
from tests.parquet_support import damage_nama

BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]
AS_OF = "2025-10-17"
#: Written by every run: check, reconcile, map, and the report.
FILES = {
    "temuan.csv",
    "ringkasan_aturan.csv",
    "indeks_kualitas.csv",
    "capaian_jp.csv",
    "rekonsiliasi.csv",
    "usulan_bkn.csv",
    "pencocokan.csv",
    "ringkasan_rekonsiliasi.csv",
    "kebijakan.toml",
    "pemetaan.csv",
    "kelompok_talenta.csv",
    "cakupan.csv",
    "kalibrasi.csv",
    "keadilan.csv",
    "laporan.html",
    "laporan.xlsx",
}
#: Written when the succession engine is installed.
SUCCESSION_FILES = {
    "suksesi.csv",
    "pengecualian.csv",
    "kekuatan_suksesi.csv",
    "idp.csv",
    "kepatuhan_jp.csv",
    "rotasi.csv",
    "retensi.csv",
    "proyeksi.csv",
}


def _bakat(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BAKAT, *map(str, args)], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("run") / "data"
    result = _bakat("generate", folder, "--pegawai", "400", "--seed", "5", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def first_run(agency: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = agency.parent / "hasil-1"
    return out, _bakat("run", agency, "--out", out, "--as-of", AS_OF)


def test_it_runs_every_step_and_writes_the_report(
    first_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, result = first_run
    assert result.returncode == 0, result.stderr
    written = {p.name for p in out.iterdir()}
    assert written >= FILES
    assert written >= SUCCESSION_FILES
    assert "pegawai terpetakan" in result.stdout
    assert "laporan.html" in result.stdout
    page = (out / "laporan.html").read_text(encoding="utf-8")
    assert 'id="cakupan"' in page and 'id="kotak"' in page and 'id="rekonsiliasi"' in page


def test_the_same_input_and_as_of_give_a_byte_identical_report(
    agency: Path, first_run: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    out, _ = first_run
    again = agency.parent / "hasil-2"
    result = _bakat("run", agency, "--out", again, "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    for name in ("laporan.html", "laporan.xlsx", "pemetaan.csv", "temuan.csv"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_it_writes_what_the_single_command_writes(
    agency: Path, first_run: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    out, _ = first_run
    single = agency.parent / "hasil-map"
    assert _bakat("map", agency, "--out", single, "--as-of", AS_OF).returncode == 0
    for name in ("pemetaan.csv", "cakupan.csv", "kebijakan.toml"):
        assert (out / name).read_bytes() == (single / name).read_bytes(), name


def test_a_step_without_its_input_is_skipped_with_a_note(agency: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(agency, data)
    for path in data.glob("siasn.*"):
        path.unlink()
    out = tmp_path / "hasil"
    result = CliRunner().invoke(app, ["run", str(data), "--out", str(out), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    assert "Rekonsiliasi dilewati" in result.output
    assert not (out / "rekonsiliasi.csv").exists()
    page = (out / "laporan.html").read_text(encoding="utf-8")
    assert 'id="rekonsiliasi"' not in page
    assert "Bagian rekonsiliasi (langkah reconcile) tidak disertakan" in page
    assert 'id="kotak"' in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("run", "{tmp}/tidak-ada", "--out", "{tmp}/hasil"), "folder data tidak ditemukan"),
        (("run", "{data}", "--out", "{tmp}/hasil", "--as-of", "17-10-2025"), "--as-of"),
        (("run", "{data}", "--out", "{tmp}/hasil", "--policy", "tidak-ada"), "tidak-ada"),
    ],
)
def test_bad_input_exits_2_with_one_message(
    agency: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    filled = [a.format(tmp=tmp_path, data=agency) for a in args]
    result = _bakat(*filled)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "hasil").exists()


def test_a_data_folder_without_pegawai_exits_2(agency: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(agency, data)
    for path in data.glob("pegawai.*"):
        path.unlink()
    result = _bakat("run", data, "--out", tmp_path / "hasil", "--as-of", AS_OF)
    assert result.returncode == 2
    assert "pegawai" in result.stderr


def test_a_damaged_parquet_column_exits_2_naming_file_and_column(
    agency: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(agency, data)
    path = damage_nama(data)
    result = _bakat("run", data, "--out", tmp_path / "hasil", "--as-of", AS_OF)
    assert result.returncode == 2, result.stderr
    message = " ".join(result.stderr.split())
    assert str(path) in message and "kolom 'nama'" in message
    assert "Traceback" not in result.stderr
