"""The command line's exit statuses: 0 success, 2 bad input or usage, 1 internal error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bakat.domain.errors import InputError

BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]


def _bakat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BAKAT, *args], capture_output=True, text=True, check=False)


def test_it_prints_its_version() -> None:
    result = _bakat("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("bakat ")


def test_it_exits_2_on_an_unknown_option() -> None:
    result = _bakat("--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_it_exits_2_without_a_command() -> None:
    assert _bakat().returncode == 2


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (InputError("kolom wajib 'nip' tidak ada"), "kolom wajib 'nip' tidak ada"),
        (
            InputError("tanggal tidak sah", file="pegawai.csv", row=7, column="tmt_cpns"),
            "berkas pegawai.csv, baris 7, kolom tmt_cpns: tanggal tidak sah",
        ),
    ],
)
def test_an_input_error_names_file_row_and_column(error: InputError, expected: str) -> None:
    assert error.describe() == expected
    assert str(error) == expected


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "bakat"
    assert script.exists()
