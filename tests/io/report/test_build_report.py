"""``build_report`` writes both files from a result folder, the same bytes each time."""

from __future__ import annotations

from pathlib import Path

import pytest

from bakat.domain.errors import InputError
from bakat.io.report import BERKAS_HTML, BERKAS_XLSX, build_report


def test_it_writes_the_page_and_the_workbook(hasil: Path, tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    build_report(hasil, out)
    assert sorted(p.name for p in out.iterdir()) == [BERKAS_HTML, BERKAS_XLSX]


def test_the_same_results_give_byte_identical_files(hasil: Path, tmp_path: Path) -> None:
    build_report(hasil, tmp_path / "a")
    build_report(hasil, tmp_path / "b")
    for name in (BERKAS_HTML, BERKAS_XLSX):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_it_refuses_a_missing_result_folder_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        build_report(tmp_path / "tidak-ada", tmp_path / "out")
    assert not (tmp_path / "out").exists()
