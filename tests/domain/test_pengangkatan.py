"""Age and service limits at appointment (PP 11/2017 Pasal 23 and 107)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.domain.jenjang import Jenjang
from bakat.domain.pengangkatan import (
    USIA_CPNS_MAKSIMAL,
    USIA_CPNS_MAKSIMAL_KHUSUS,
    USIA_CPNS_MINIMAL,
    masa_cpns_wajar,
    usia_cpns_wajar,
    usia_pengangkatan_jpt_maksimal,
)


@pytest.mark.parametrize(
    ("usia", "wajar"), [(17, False), (18, True), (27, True), (35, True), (36, False), (40, False)]
)
def test_it_accepts_cpns_entry_ages_from_18_to_35(usia: int, wajar: bool) -> None:
    assert usia_cpns_wajar(usia) is wajar


def test_it_keeps_the_exempt_upper_age_above_the_regular_one() -> None:
    assert USIA_CPNS_MINIMAL < USIA_CPNS_MAKSIMAL < USIA_CPNS_MAKSIMAL_KHUSUS == 40


@pytest.mark.parametrize(
    ("jenjang", "usia"),
    [
        (Jenjang.JPT_PRATAMA, 56),
        (Jenjang.JPT_MADYA, 58),
        (Jenjang.JPT_UTAMA, 58),
        (Jenjang.ADMINISTRATOR, None),
        (Jenjang.AHLI_UTAMA, None),
    ],
)
def test_it_limits_the_appointment_age_of_jpt_grades_only(
    jenjang: Jenjang, usia: int | None
) -> None:
    assert usia_pengangkatan_jpt_maksimal(jenjang) == usia


@pytest.mark.parametrize(("tahun", "wajar"), [(1, True), (2, True), (2.5, False), (3, False)])
def test_it_flags_a_cpns_span_longer_than_2_years(tahun: float, wajar: bool) -> None:
    assert masa_cpns_wajar(tahun) is wajar


@given(st.integers(min_value=0, max_value=120))
def test_every_regular_entry_age_is_within_the_exempt_limit(usia: int) -> None:
    if usia_cpns_wajar(usia):
        assert USIA_CPNS_MINIMAL <= usia <= USIA_CPNS_MAKSIMAL_KHUSUS
