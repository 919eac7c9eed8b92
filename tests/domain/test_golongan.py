"""Golongan ruang, pangkat and the PP 99/2000 starting and maximum rank table."""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.domain.golongan import (
    GOLONGAN_AWAL,
    GOLONGAN_MAKSIMAL,
    KODE_GOLONGAN,
    PANGKAT,
    PERIODE_KP,
    POLA_GOLONGAN,
    Golongan,
    bulan_kp,
    golongan_awal,
    golongan_maksimal,
    pangkat_cocok,
    parse_golongan,
    parse_pangkat,
    rentang_golongan_reguler,
    tmt_kp_sah,
)
from bakat.domain.pendidikan import Pendidikan

G = Golongan
P = Pendidikan


def test_there_are_17_golongan_from_i_a_to_iv_e_in_order() -> None:
    assert [g.value for g in Golongan] == [
        "I/a", "I/b", "I/c", "I/d",
        "II/a", "II/b", "II/c", "II/d",
        "III/a", "III/b", "III/c", "III/d",
        "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
    ]  # fmt: skip
    assert [g.urutan for g in Golongan] == list(range(1, 18))


@pytest.mark.parametrize(
    ("lower", "higher"),
    [(G.I_D, G.II_A), (G.II_D, G.III_A), (G.III_D, G.IV_A), (G.IV_D, G.IV_E), (G.I_A, G.IV_E)],
)
def test_golongan_compare_by_rank(lower: Golongan, higher: Golongan) -> None:
    assert lower < higher
    assert lower <= higher
    assert higher > lower
    assert higher >= lower
    assert not higher < lower
    assert max(lower, higher) is higher


def test_sorting_golongan_follows_rank_not_spelling() -> None:
    assert sorted([G.IV_A, G.I_B, G.III_C, G.II_D]) == [G.I_B, G.II_D, G.III_C, G.IV_A]


@pytest.mark.parametrize(
    ("g", "pangkat"),
    [
        (G.I_A, "Juru Muda"),
        (G.I_D, "Juru Tingkat I"),
        (G.II_A, "Pengatur Muda"),
        (G.II_B, "Pengatur Muda Tingkat I"),
        (G.III_A, "Penata Muda"),
        (G.III_B, "Penata Muda Tingkat I"),
        (G.III_C, "Penata"),
        (G.III_D, "Penata Tingkat I"),
        (G.IV_A, "Pembina"),
        (G.IV_C, "Pembina Utama Muda"),
        (G.IV_D, "Pembina Utama Madya"),
        (G.IV_E, "Pembina Utama"),
    ],
)
def test_each_golongan_has_its_pangkat(g: Golongan, pangkat: str) -> None:
    assert g.pangkat == pangkat


def test_pangkat_names_are_unique() -> None:
    assert len(set(PANGKAT.values())) == len(Golongan)


@pytest.mark.parametrize(
    "text",
    ["III/a", "3A", "3a", "III-a", "III a", "iii/A", "3/a", "IIIa", "III.a", " III/a ", "3 / a"],
)
def test_it_reads_the_golongan_spellings_agencies_use(text: str) -> None:
    assert parse_golongan(text) is G.III_A


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I/a", G.I_A), ("1d", G.I_D), ("ii-b", G.II_B), ("4E", G.IV_E), ("IV e", G.IV_E)],
)
def test_it_reads_golongan_across_the_whole_scale(text: str, expected: Golongan) -> None:
    assert parse_golongan(text) is expected


@pytest.mark.parametrize(
    "text",
    [None, "", "V/a", "III/f", "IV/f", "I/e", "III/e", "5a", "0a", "33a", "III", "a", "III/ab"],
)
def test_it_returns_none_for_a_golongan_that_does_not_exist(text: str | None) -> None:
    assert parse_golongan(text) is None


@given(st.sampled_from(list(Golongan)))
def test_every_golongan_reads_back_from_its_own_value(g: Golongan) -> None:
    assert parse_golongan(g.value) is g
    assert parse_golongan(g.value.upper().replace("/", "")) is g


def test_the_published_pattern_and_code_table_agree_with_the_parser() -> None:
    pattern = re.compile(POLA_GOLONGAN)
    for text in ["III/A", "3A", "IV-E", "II B"]:
        match = pattern.match(text)
        assert match is not None
        assert KODE_GOLONGAN[match.group(1) + match.group(2)] is parse_golongan(text)
    assert len(KODE_GOLONGAN) == 2 * len(Golongan)


@pytest.mark.parametrize(
    ("p", "awal", "maksimal"),
    [
        (P.SD, G.I_A, G.II_A),
        (P.SLTP, G.I_C, G.II_C),
        (P.SLTA, G.II_A, G.III_B),
        (P.D1, G.II_A, G.III_B),
        (P.D2, G.II_B, G.III_B),
        (P.D3, G.II_C, G.III_C),
        (P.D4, G.III_A, G.III_D),
        (P.S1, G.III_A, G.III_D),
        (P.S2, G.III_B, G.IV_A),
        (P.S3, G.III_C, G.IV_B),
    ],
)
def test_starting_and_maximum_golongan_follow_the_pp_99_2000_table(
    p: Pendidikan, awal: Golongan, maksimal: Golongan
) -> None:
    assert golongan_awal(p) is awal
    assert golongan_maksimal(p) is maksimal
    assert rentang_golongan_reguler(p) == (awal, maksimal)


def test_slta_and_d1_share_a_row_as_do_s1_and_d4() -> None:
    assert rentang_golongan_reguler(P.SLTA) == rentang_golongan_reguler(P.D1)
    assert rentang_golongan_reguler(P.S1) == rentang_golongan_reguler(P.D4)


def test_the_start_never_exceeds_the_maximum_and_both_rise_with_education() -> None:
    levels = list(Pendidikan)
    for p in levels:
        assert GOLONGAN_AWAL[p] < GOLONGAN_MAKSIMAL[p]
    for lower, higher in itertools.pairwise(levels):
        assert GOLONGAN_AWAL[lower] <= GOLONGAN_AWAL[higher]
        assert GOLONGAN_MAKSIMAL[lower] <= GOLONGAN_MAKSIMAL[higher]


@pytest.mark.parametrize(
    ("g", "text"),
    [
        (G.III_B, "Penata Muda Tingkat I"),
        (G.III_B, "Penata Muda Tk. I"),
        (G.III_B, "PENATA MUDA TK.I"),
        (G.III_B, "penata muda tk I"),
        (G.III_B, "Penata Muda Tingkat 1"),
        (G.IV_C, "  Pembina  Utama Muda "),
        (G.I_A, "Juru Muda"),
    ],
)
def test_it_accepts_a_matching_pangkat(g: Golongan, text: str) -> None:
    assert pangkat_cocok(g, text)
    assert parse_pangkat(text) is g


@pytest.mark.parametrize(
    ("g", "text"),
    [
        (G.III_B, "Penata Muda"),
        (G.III_A, "Penata Muda Tk. I"),
        (G.IV_E, "Pembina Utama Madya"),
        (G.III_C, "Penata Tingkat II"),
        (G.III_C, ""),
        (G.III_C, None),
    ],
)
def test_it_rejects_a_pangkat_that_belongs_to_another_golongan(
    g: Golongan, text: str | None
) -> None:
    assert not pangkat_cocok(g, text)


@pytest.mark.parametrize(
    ("tmt", "sah"),
    [
        (date(2023, 4, 1), True),
        (date(2023, 10, 1), True),
        (date(2023, 6, 1), False),
        (date(2024, 6, 1), True),
        (date(2024, 7, 1), False),
        (date(2025, 8, 1), True),
        (date(2025, 9, 1), False),
        (date(2025, 11, 1), True),
        (date(2026, 3, 1), True),
        (date(2026, 3, 2), False),
    ],
)
def test_a_kp_takes_effect_on_the_first_of_a_kp_month_of_its_period(tmt: date, sah: bool) -> None:
    assert tmt_kp_sah(tmt) is sah


def test_the_kp_periods_start_in_order() -> None:
    starts = [mulai for mulai, _ in PERIODE_KP]
    assert starts == sorted(starts)
    assert bulan_kp(date(2025, 9, 30)) == (2, 4, 6, 8, 10, 12)
