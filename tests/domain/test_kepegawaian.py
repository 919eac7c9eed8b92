"""Employment status, sex and declared relationships."""

from __future__ import annotations

import pytest

from bakat.domain.kepegawaian import (
    Hubungan,
    JenisKelamin,
    StatusKepegawaian,
    parse_hubungan,
    parse_jenis_kelamin,
    parse_status_kepegawaian,
)


def test_status_values_are_those_of_the_data_contract() -> None:
    assert [s.value for s in StatusKepegawaian] == ["CPNS", "PNS", "PPPK"]


def test_relationship_values_are_those_of_the_relasi_table() -> None:
    assert [h.value for h in Hubungan] == [
        "suami_istri",
        "keluarga",
        "atasan_langsung",
        "lainnya",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L", JenisKelamin.L),
        ("l", JenisKelamin.L),
        (" L ", JenisKelamin.L),
        ("M", JenisKelamin.L),
        ("1", JenisKelamin.L),
        ("Laki-laki", JenisKelamin.L),
        ("LAKI-LAKI", JenisKelamin.L),
        ("laki laki", JenisKelamin.L),
        ("Pria", JenisKelamin.L),
        ("Male", JenisKelamin.L),
        ("P", JenisKelamin.P),
        ("p", JenisKelamin.P),
        ("F", JenisKelamin.P),
        ("2", JenisKelamin.P),
        ("Perempuan", JenisKelamin.P),
        ("WANITA", JenisKelamin.P),
        ("female", JenisKelamin.P),
    ],
)
def test_it_reads_the_sex_spellings_agencies_use(text: str, expected: JenisKelamin) -> None:
    assert parse_jenis_kelamin(text) is expected


@pytest.mark.parametrize("text", [None, "", "  ", "3", "0", "X", "laki-laki perempuan"])
def test_it_returns_none_for_an_unknown_sex(text: str | None) -> None:
    assert parse_jenis_kelamin(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PNS", StatusKepegawaian.PNS),
        (" pns ", StatusKepegawaian.PNS),
        ("cpns", StatusKepegawaian.CPNS),
        ("PPPK", StatusKepegawaian.PPPK),
        ("P3K", StatusKepegawaian.PPPK),
        ("honorer", None),
        (None, None),
    ],
)
def test_it_reads_the_employment_status(
    text: str | None, expected: StatusKepegawaian | None
) -> None:
    assert parse_status_kepegawaian(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("suami_istri", Hubungan.SUAMI_ISTRI),
        ("Suami-Istri", Hubungan.SUAMI_ISTRI),
        ("suami isteri", Hubungan.SUAMI_ISTRI),
        ("KELUARGA", Hubungan.KELUARGA),
        ("atasan langsung", Hubungan.ATASAN_LANGSUNG),
        ("lainnya", Hubungan.LAINNYA),
        ("teman", None),
        (None, None),
    ],
)
def test_it_reads_the_declared_relationship(text: str | None, expected: Hubungan | None) -> None:
    assert parse_hubungan(text) is expected
