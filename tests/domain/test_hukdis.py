"""Disciplinary sanction levels and their time windows (PP 94/2021, domain.md §4.7, V35)."""

from __future__ import annotations

from datetime import date

import pytest

from bakat.domain.hukdis import (
    TingkatHukdis,
    aktif_pada,
    dalam_jendela,
    maju_tahun,
    mundur_tahun,
    parse_tingkat_hukdis,
    terberat,
)

T = TingkatHukdis


def test_levels_are_ordered_by_severity_not_by_spelling() -> None:
    assert T.RINGAN < T.SEDANG < T.BERAT
    assert sorted([T.BERAT, T.RINGAN, T.SEDANG]) == [T.RINGAN, T.SEDANG, T.BERAT]
    assert max(T.SEDANG, T.RINGAN) is T.SEDANG
    assert [t.urutan for t in T] == [1, 2, 3]


@pytest.mark.parametrize(
    ("tingkat", "hasil"),
    [([], None), ([T.RINGAN], T.RINGAN), ([T.SEDANG, T.BERAT, T.RINGAN], T.BERAT)],
)
def test_terberat_picks_the_heaviest_sanction(
    tingkat: list[TingkatHukdis], hasil: TingkatHukdis | None
) -> None:
    assert terberat(tingkat) is hasil


@pytest.mark.parametrize(
    ("text", "tingkat"),
    [
        ("ringan", T.RINGAN),
        ("Ringan", T.RINGAN),
        (" SEDANG ", T.SEDANG),
        ("berat", T.BERAT),
        ("Hukuman Disiplin Ringan", T.RINGAN),
        ("hukuman disiplin tingkat berat", T.BERAT),
        ("Hukdis Sedang", T.SEDANG),
        ("R", T.RINGAN),
        ("s", T.SEDANG),
        ("B", T.BERAT),
    ],
)
def test_it_reads_sanction_levels_as_written_in_data(text: str, tingkat: TingkatHukdis) -> None:
    assert parse_tingkat_hukdis(text) is tingkat


@pytest.mark.parametrize("text", [None, "", "1", "3", "sangat berat", "teguran lisan", "X"])
def test_it_does_not_guess_an_unknown_level(text: str | None) -> None:
    assert parse_tingkat_hukdis(text) is None


TMT = date(2024, 3, 1)
AKHIR = date(2025, 2, 28)


@pytest.mark.parametrize(
    ("as_of", "akhir", "aktif"),
    [
        (date(2024, 2, 29), AKHIR, False),  # not yet imposed
        (TMT, AKHIR, True),  # first day counts
        (AKHIR, AKHIR, True),  # last day counts
        (date(2025, 3, 1), AKHIR, False),  # over
        (date(2030, 1, 1), None, True),  # no end date: still in force
    ],
)
def test_a_sanction_is_active_between_its_tmt_and_its_end(
    as_of: date, akhir: date | None, aktif: bool
) -> None:
    assert aktif_pada(TMT, akhir, as_of) is aktif


@pytest.mark.parametrize(
    ("as_of", "akhir", "tahun", "hasil"),
    [
        (date(2027, 2, 28), AKHIR, 2, True),  # ended exactly at the window start
        (date(2027, 3, 1), AKHIR, 2, False),  # ended one day before the window
        (date(2026, 6, 1), AKHIR, 2, True),
        (date(2024, 2, 1), AKHIR, 2, False),  # imposed after as_of
        (date(2035, 1, 1), None, 2, True),  # open-ended
        (date(2025, 2, 28), AKHIR, 0, True),  # window 0 = in force on as_of
        (date(2025, 3, 1), AKHIR, 0, False),
    ],
)
def test_the_window_counts_a_sanction_imposed_or_running_in_it(
    as_of: date, akhir: date | None, tahun: int, hasil: bool
) -> None:
    assert dalam_jendela(TMT, akhir, as_of, tahun) is hasil


@pytest.mark.parametrize(
    ("tanggal", "tahun", "hasil"),
    [
        (date(2026, 5, 17), 3, date(2023, 5, 17)),
        (date(2024, 2, 29), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 4, date(2020, 2, 29)),
        (date(2026, 1, 1), 0, date(2026, 1, 1)),
    ],
)
def test_it_moves_a_date_back_by_calendar_years(tanggal: date, tahun: int, hasil: date) -> None:
    assert mundur_tahun(tanggal, tahun) == hasil
    if tanggal.month != 2 or tanggal.day != 29 or hasil.day == 29:
        assert maju_tahun(hasil, tahun) == tanggal
