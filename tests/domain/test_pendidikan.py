"""Education levels and their spellings."""

from __future__ import annotations

import pytest

from bakat.domain.pendidikan import Pendidikan, memenuhi_pendidikan, parse_pendidikan, tingkat


def test_levels_are_those_of_the_data_contract_in_order() -> None:
    assert [p.value for p in Pendidikan] == [
        "SD",
        "SLTP",
        "SLTA",
        "D1",
        "D2",
        "D3",
        "D4",
        "S1",
        "S2",
        "S3",
    ]


def test_levels_rise_in_declaration_order_except_d4_and_s1() -> None:
    levels = [tingkat(p) for p in Pendidikan]
    assert levels == sorted(levels)
    assert len(set(levels)) == len(levels) - 1


def test_d4_and_s1_share_a_level() -> None:
    assert tingkat(Pendidikan.D4) == tingkat(Pendidikan.S1)


@pytest.mark.parametrize(
    ("p", "minimal", "expected"),
    [
        (Pendidikan.D4, Pendidikan.S1, True),
        (Pendidikan.S1, Pendidikan.D4, True),
        (Pendidikan.S2, Pendidikan.S1, True),
        (Pendidikan.D3, Pendidikan.S1, False),
        (Pendidikan.SLTA, Pendidikan.D3, False),
        (Pendidikan.D3, Pendidikan.D3, True),
    ],
)
def test_it_tells_whether_education_meets_a_minimum(
    p: Pendidikan, minimal: Pendidikan, expected: bool
) -> None:
    assert memenuhi_pendidikan(p, minimal) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *[(p.value, p) for p in Pendidikan],
        ("sd", Pendidikan.SD),
        ("Sekolah Dasar", Pendidikan.SD),
        ("SMP", Pendidikan.SLTP),
        ("MTs", Pendidikan.SLTP),
        ("SMA", Pendidikan.SLTA),
        ("SMU", Pendidikan.SLTA),
        ("SMK", Pendidikan.SLTA),
        ("SMA/Sederajat", Pendidikan.SLTA),
        ("SLTA sederajat", Pendidikan.SLTA),
        ("D-I", Pendidikan.D1),
        ("Diploma II", Pendidikan.D2),
        ("DIII", Pendidikan.D3),
        ("D-III", Pendidikan.D3),
        ("D.III", Pendidikan.D3),
        ("D III", Pendidikan.D3),
        ("Diploma III", Pendidikan.D3),
        ("Diploma 3", Pendidikan.D3),
        ("DIV", Pendidikan.D4),
        ("D-IV", Pendidikan.D4),
        ("Sarjana Terapan", Pendidikan.D4),
        ("Sarjana", Pendidikan.S1),
        ("S-1", Pendidikan.S1),
        ("s1", Pendidikan.S1),
        ("Strata 1", Pendidikan.S1),
        ("Strata I", Pendidikan.S1),
        ("Strata Satu", Pendidikan.S1),
        ("S-2", Pendidikan.S2),
        ("Magister", Pendidikan.S2),
        ("Strata III", Pendidikan.S3),
        ("Doktor", Pendidikan.S3),
        ("  s3  ", Pendidikan.S3),
    ],
)
def test_it_reads_common_education_spellings(text: str, expected: Pendidikan) -> None:
    assert parse_pendidikan(text) is expected


@pytest.mark.parametrize(
    "text", [None, "", "S4", "D5", "Strata IV", "TK", "dokter", "Sarjana Muda Plus", "3"]
)
def test_it_returns_none_for_unknown_education(text: str | None) -> None:
    assert parse_pendidikan(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S-1/Sarjana", Pendidikan.S1),
        ("S-3/Doktor", Pendidikan.S3),
        ("S-2/Magister", Pendidikan.S2),
        ("SLTA/SMA", Pendidikan.SLTA),
        ("D-III/Diploma III", Pendidikan.D3),
        ("SMA/Sederajat", Pendidikan.SLTA),
    ],
)
def test_it_reads_the_two_names_siasn_writes_for_one_level(text: str, expected: Pendidikan) -> None:
    assert parse_pendidikan(text) is expected


def test_it_refuses_two_names_that_disagree() -> None:
    assert parse_pendidikan("S-1/Doktor") is None
