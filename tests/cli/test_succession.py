"""``bakat succession``: writes every result file, prints the summary, refuses bad input
with exit status 2, and gives byte-identical files for the same input and ``--as-of``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bakat.synth.config import KonfigurasiSintesis
from bakat.synth.generate import generate

BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]
FILES = {
    "suksesi.csv",
    "pengecualian.csv",
    "kekuatan_suksesi.csv",
    "idp.csv",
    "kepatuhan_jp.csv",
    "rotasi.csv",
    "retensi.csv",
    "proyeksi.csv",
    "kebijakan.toml",
}


def _bakat(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BAKAT, *map(str, args)], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("succession") / "data"
    generate(folder, KonfigurasiSintesis(seed=3))
    return folder


@pytest.fixture(scope="module")
def first_run(agency: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = agency.parent / "hasil-1"
    return out, _bakat("succession", agency, "--out", out, "--as-of", "2025-10-17")


def test_it_writes_every_file_and_prints_the_summary(
    first_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, result = first_run
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == FILES
    assert " jabatan target; " in result.stdout.splitlines()[0]
    assert "jabatan berisiko" in result.stdout
    # The progress bars go to the error stream, one per step, finished.
    assert "Pemetaan Nine Box" in result.stderr and "Suksesi dan pengembangan" in result.stderr
    assert "100%" in result.stderr
    header = (out / "suksesi.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("jabatan_id,peringkat,nip,skor,kesiapan,")
    lines = (out / "suksesi.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 100
    exclusions = (out / "pengecualian.csv").read_text(encoding="utf-8").splitlines()
    assert exclusions[0].startswith("jabatan_id,nip,alasan,keterangan,")


def test_the_same_input_and_as_of_give_byte_identical_files(
    agency: Path, first_run: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    out, _ = first_run
    again = agency.parent / "hasil-2"
    result = _bakat("succession", agency, "--out", again, "--as-of", "2025-10-17")
    assert result.returncode == 0, result.stderr
    for name in sorted(FILES):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_an_unknown_policy_exits_2_with_one_message(agency: Path, tmp_path: Path) -> None:
    result = _bakat("succession", agency, "--out", tmp_path / "x", "--policy", "tidak-ada")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_policy_whose_weights_do_not_add_up_exits_2(agency: Path, tmp_path: Path) -> None:
    policy = tmp_path / "kebijakan.toml"
    policy.write_text(
        'extends = "nasional-2025"\nid = "uji"\nversi = "1"\n\n[suksesi.bobot]\nkotak = 50\n',
        encoding="utf-8",
    )
    result = _bakat("succession", agency, "--out", tmp_path / "x", "--policy", policy)
    assert result.returncode == 2
    assert "suksesi.bobot" in result.stderr


def test_a_folder_without_pegawai_exits_2(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    result = _bakat("succession", tmp_path / "data", "--out", tmp_path / "x")
    assert result.returncode == 2
    assert "pegawai" in result.stderr
    assert not (tmp_path / "x").exists()


def test_a_bad_as_of_exits_2(agency: Path, tmp_path: Path) -> None:
    result = _bakat("succession", agency, "--out", tmp_path / "x", "--as-of", "17-10-2025")
    assert result.returncode == 2
    assert "--as-of" in result.stderr


def test_a_jabatan_file_with_a_repeated_key_exits_2_naming_file_row_and_column(
    agency: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(agency, data)
    path = data / "jabatan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    result = _bakat("succession", data, "--out", tmp_path / "x", "--as-of", "2025-10-17")
    assert result.returncode == 2
    message = " ".join(result.stderr.split())
    assert "jabatan.csv" in message and "jabatan_id" in message
    assert f"{len(lines) + 1}" in message  # the repeated row, counting the header as row 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()
