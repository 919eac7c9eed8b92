"""The summary in Indonesian number formatting: "2.757 dari 3.414 pegawai terpetakan (80,8%)"."""

from __future__ import annotations

import pytest

from bakat.engine.mapping.summary import angka, persen, summarise
from tests.engine.mapping.records import asesmen, data, mapped, pegawai, skp


@pytest.mark.parametrize(
    ("n", "text"), [(0, "0"), (999, "999"), (3414, "3.414"), (5600000, "5.600.000")]
)
def test_whole_numbers_use_dots_for_thousands(n: int, text: str) -> None:
    assert angka(n) == text


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    [(2757, 3414, "80,8%"), (1, 3, "33,3%"), (0, 0, "-"), (5, 5, "100,0%")],
)
def test_percentages_use_a_decimal_comma(part: int, whole: int, text: str) -> None:
    assert persen(part, whole) == text


def test_the_summary_opens_with_the_coverage_and_lists_the_reasons() -> None:
    people = [pegawai("1"), pegawai("2", status_kepegawaian="CPNS"), pegawai("3")]
    result = mapped(data(people, kinerja=skp("1") + skp("3"), asesmen=[asesmen("1")]))
    summary = summarise(result)
    lines = summary.lines()
    assert lines[0] == "1 dari 3 pegawai terpetakan (33,3%)"
    assert dict(summary.alasan) == {
        "tidak_aktif": 0,
        "cpns": 1,
        "skp_kurang_dari_2_tahun": 0,
        "tanpa_asesmen": 1,
        "asesmen_kedaluwarsa": 0,
    }
    assert any(line.startswith("  tidak terpetakan, cpns") for line in lines)
    assert not any("tidak_aktif" in line for line in lines)
