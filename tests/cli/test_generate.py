"""``bakat generate`` on the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from bakat.cli.main import _register_commands, app
from bakat.domain.errors import InputError

_register_commands()
runner = CliRunner()
BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]


def _bakat(*args: str) -> subprocess.CompletedProcess[str]:
    """The console entry point, which maps input errors to exit status 2."""
    return subprocess.run([*BAKAT, *args], capture_output=True, text=True, check=False)


def test_it_writes_the_agency_and_prints_the_mappable_count(tmp_path: Path) -> None:
    hasil = runner.invoke(app, ["generate", str(tmp_path / "data")])
    assert hasil.exit_code == 0, hasil.output
    assert "2.757 dari 3.414 pegawai dapat dipetakan (80,8%)" in hasil.output
    assert (tmp_path / "data" / "pegawai.csv").is_file()
    assert (tmp_path / "data" / "siasn.xlsx").is_file()
    assert (tmp_path / "data" / "ground_truth" / "pemetaan.csv").is_file()


def test_it_refuses_a_non_empty_folder_without_force(tmp_path: Path) -> None:
    (tmp_path / "lama.txt").write_text("x")
    hasil = _bakat("generate", str(tmp_path), "--pegawai", "200")
    assert hasil.returncode == 2
    assert "--force" in hasil.stderr and "Traceback" not in hasil.stderr
    assert (tmp_path / "lama.txt").exists()
    hasil2 = runner.invoke(app, ["generate", str(tmp_path), "--pegawai", "200", "--force"])
    assert hasil2.exit_code == 0, hasil2.output
    assert not (tmp_path / "lama.txt").exists()


def test_several_agencies_get_an_instansi_column(tmp_path: Path) -> None:
    hasil = runner.invoke(
        app,
        ["generate", str(tmp_path / "d"), "--pegawai", "1000", "--instansi", "5", "--seed", "3"],
    )
    assert hasil.exit_code == 0, hasil.output
    pegawai = pl.read_csv(tmp_path / "d" / "pegawai.csv", infer_schema_length=0)
    assert pegawai["instansi"].n_unique() == 5
    assert (tmp_path / "d" / "instansi.csv").is_file()


def test_a_bad_value_exits_with_status_2(tmp_path: Path) -> None:
    hasil = _bakat("generate", str(tmp_path / "x"), "--pegawai", "5")
    assert hasil.returncode == 2, hasil.stderr
    assert "Traceback" not in hasil.stderr


@pytest.mark.parametrize(
    "argumen", [["--pegawai", "5"], ["--as-of", "17-10-2025"], ["--tingkat-galat", "-1"]]
)
def test_bad_values_are_input_errors(tmp_path: Path, argumen: list[str]) -> None:
    hasil = runner.invoke(app, ["generate", str(tmp_path / "x"), *argumen])
    assert isinstance(hasil.exception, InputError)
    assert not (tmp_path / "x").exists()
