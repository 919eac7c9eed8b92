"""``bakat map``: writes every result file, prints the coverage, refuses bad input with
exit status 2, and gives byte-identical files for the same input and ``--as-of``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bakat.synth.config import KonfigurasiSintesis
from bakat.synth.generate import generate

BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]
FILES = {
    "pemetaan.csv",
    "kelompok_talenta.csv",
    "cakupan.csv",
    "kalibrasi.csv",
    "keadilan.csv",
    "kebijakan.toml",
}


def _bakat(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BAKAT, *map(str, args)], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("map") / "data"
    generate(folder, KonfigurasiSintesis(seed=3))
    return folder


@pytest.fixture(scope="module")
def first_run(agency: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = agency.parent / "hasil-1"
    return out, _bakat("map", agency, "--out", out, "--as-of", "2025-10-17")


def test_it_writes_every_file_and_prints_the_coverage(
    first_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, result = first_run
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == FILES
    assert result.stdout.splitlines()[0] == "2.757 dari 3.414 pegawai terpetakan (80,8%)"
    assert "Pemetaan Nine Box" in result.stderr and "100%" in result.stderr  # the bar
    header = (out / "pemetaan.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("nip,unit_kerja,jenjang_jabatan,terpetakan,alasan,level_kinerja")
    assert "sidik_kebijakan" in header
    assert (out / "kebijakan.toml").read_text(encoding="utf-8").startswith("# Kebijakan efektif")


def test_the_same_input_and_as_of_give_byte_identical_files(
    agency: Path, first_run: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    out, _ = first_run
    again = agency.parent / "hasil-2"
    assert _bakat("map", agency, "--out", again, "--as-of", "2025-10-17").returncode == 0
    for name in FILES:
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_the_jpm_preset_is_recorded_in_every_row(agency: Path) -> None:
    out = agency.parent / "hasil-jpm"
    result = _bakat("map", agency, "--out", out, "--as-of", "2025-10-17", "--policy", "jpm")
    assert result.returncode == 0, result.stderr
    lines = (out / "pemetaan.csv").read_text(encoding="utf-8").splitlines()
    column = lines[0].split(",").index("kebijakan")
    assert {line.split(",")[column] for line in lines[1:]} == {"jpm"}


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        (
            "[potensi.komposit.bobot]\nintegritas = 20\n",
            "kolom potensi.komposit.bobot: jumlah bobot harus 100, bukan 105",
        ),
        (
            "[potensi.komposit.batas]\ntinggi = 60\nmenengah = 80\n",
            "kolom potensi.komposit.batas.menengah: batas menengah (80) harus lebih kecil",
        ),
        ("[kinerja]\njumlah_tahun = 0\n", "kolom kinerja.jumlah_tahun"),
        ('[pemetaan]\nurutan_alasan = ["cpns"]\n', "kolom pemetaan.urutan_alasan"),
    ],
)
def test_a_policy_file_with_bad_values_is_refused_with_exit_2(
    agency: Path, tmp_path: Path, policy: str, message: str
) -> None:
    path = tmp_path / "kebijakan.toml"
    path.write_text(f'extends = "nasional-2025"\nid = "buruk"\nversi = "1"\n\n{policy}', "utf-8")
    result = _bakat("map", agency, "--out", tmp_path / "hasil", "--policy", path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "hasil").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "17-10-2025"), "--as-of harus berupa tanggal YYYY-MM-DD"),
        (("--policy", "tidak-ada"), "kebijakan 'tidak-ada' tidak dikenal"),
    ],
)
def test_bad_options_exit_2(
    agency: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = _bakat("map", agency, "--out", tmp_path / "hasil", *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_a_folder_without_pegawai_exits_2(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    result = _bakat("map", tmp_path / "data", "--out", tmp_path / "hasil")
    assert result.returncode == 2
    assert "pegawai" in result.stderr
