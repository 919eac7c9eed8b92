"""SKP predikat matrix and spellings (PermenPANRB 6/2022, domain.md §3)."""

from __future__ import annotations

import pytest

from bakat.domain.ninebox import LevelKinerja
from bakat.domain.skp import (
    LEVEL_PREDIKAT_BAKU,
    POIN_PREDIKAT_BAKU,
    Ekspektasi,
    Predikat,
    gabung_rata_rata,
    gabung_terendah,
    parse_ekspektasi,
    parse_predikat,
    predikat_matriks,
)

E, P, L = Ekspektasi, Predikat, LevelKinerja


@pytest.mark.parametrize(
    ("hasil_kerja", "perilaku_kerja", "predikat"),
    [
        (E.DI_ATAS, E.DI_ATAS, P.SANGAT_BAIK),
        (E.DI_ATAS, E.SESUAI, P.BAIK),
        (E.SESUAI, E.DI_ATAS, P.BAIK),
        (E.SESUAI, E.SESUAI, P.BAIK),
        (E.DI_ATAS, E.DI_BAWAH, P.KURANG),
        (E.SESUAI, E.DI_BAWAH, P.KURANG),
        (E.DI_BAWAH, E.DI_ATAS, P.BUTUH_PERBAIKAN),
        (E.DI_BAWAH, E.SESUAI, P.BUTUH_PERBAIKAN),
        (E.DI_BAWAH, E.DI_BAWAH, P.SANGAT_KURANG),
    ],
)
def test_the_matrix_gives_the_permenpanrb_6_2022_predikat(
    hasil_kerja: Ekspektasi, perilaku_kerja: Ekspektasi, predikat: Predikat
) -> None:
    assert predikat_matriks(hasil_kerja, perilaku_kerja) is predikat


def test_predikat_values_are_the_spellings_of_formats_md() -> None:
    assert [p.value for p in Predikat] == [
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang",
        "Sangat Kurang",
    ]


@pytest.mark.parametrize(
    ("text", "predikat"),
    [
        ("Sangat Baik", P.SANGAT_BAIK),
        ("SANGAT BAIK", P.SANGAT_BAIK),
        ("  sangat   baik ", P.SANGAT_BAIK),
        ("sangat_baik", P.SANGAT_BAIK),
        ("Baik", P.BAIK),
        ("Butuh Perbaikan", P.BUTUH_PERBAIKAN),
        ("butuh-perbaikan", P.BUTUH_PERBAIKAN),
        ("Kurang", P.KURANG),
        ("Kurang/Misconduct", P.KURANG),
        ("Kurang / Misconduct", P.KURANG),
        ("Sangat Kurang", P.SANGAT_KURANG),
        ("Cukup", P.BUTUH_PERBAIKAN),
        ("Buruk", P.SANGAT_KURANG),
    ],
)
def test_it_reads_predikat_as_agencies_write_it(text: str, predikat: Predikat) -> None:
    assert parse_predikat(text) is predikat


@pytest.mark.parametrize("text", [None, "", "   ", "Istimewa", "bagus", "5", "Baik sekali"])
def test_it_does_not_guess_an_unknown_predikat(text: str | None) -> None:
    assert parse_predikat(text) is None


@pytest.mark.parametrize(
    ("text", "ekspektasi"),
    [
        ("di atas ekspektasi", E.DI_ATAS),
        ("Di Atas Ekspektasi", E.DI_ATAS),
        ("diatas ekspektasi", E.DI_ATAS),
        ("DI_ATAS", E.DI_ATAS),
        ("atas", E.DI_ATAS),
        ("di atas", E.DI_ATAS),
        ("sesuai ekspektasi", E.SESUAI),
        ("Sesuai", E.SESUAI),
        ("di bawah ekspektasi", E.DI_BAWAH),
        ("dibawah", E.DI_BAWAH),
        ("BAWAH", E.DI_BAWAH),
    ],
)
def test_it_reads_expectation_ratings_in_their_spellings(text: str, ekspektasi: Ekspektasi) -> None:
    assert parse_ekspektasi(text) is ekspektasi


@pytest.mark.parametrize("text", [None, "", "ekspektasi", "tinggi", "di tengah"])
def test_it_does_not_guess_an_unknown_expectation_rating(text: str | None) -> None:
    assert parse_ekspektasi(text) is None


def test_default_levels_follow_domain_md_2_5() -> None:
    assert dict(LEVEL_PREDIKAT_BAKU) == {
        P.SANGAT_BAIK: L.ATAS,
        P.BAIK: L.SESUAI,
        P.BUTUH_PERBAIKAN: L.BAWAH,
        P.KURANG: L.BAWAH,
        P.SANGAT_KURANG: L.BAWAH,
    }


def test_default_points_run_from_5_down_to_1() -> None:
    assert [POIN_PREDIKAT_BAKU[p] for p in Predikat] == [5, 4, 3, 2, 1]


@pytest.mark.parametrize(
    ("levels", "hasil"),
    [
        ([L.ATAS, L.ATAS], L.ATAS),
        ([L.ATAS, L.SESUAI], L.SESUAI),
        ([L.SESUAI, L.ATAS], L.SESUAI),
        ([L.ATAS, L.BAWAH], L.BAWAH),
        ([L.SESUAI], L.SESUAI),
    ],
)
def test_terendah_takes_the_lower_year(levels: list[LevelKinerja], hasil: LevelKinerja) -> None:
    assert gabung_terendah(levels) is hasil


@pytest.mark.parametrize(
    ("predikat", "hasil"),
    [
        ([P.SANGAT_BAIK, P.SANGAT_BAIK], L.ATAS),
        ([P.SANGAT_BAIK, P.BAIK], L.ATAS),  # mean 4.5 reaches batas_atas
        ([P.BAIK, P.BAIK], L.SESUAI),
        ([P.SANGAT_BAIK, P.BUTUH_PERBAIKAN], L.SESUAI),  # mean 4.0
        ([P.BAIK, P.BUTUH_PERBAIKAN], L.BAWAH),  # mean 3.5
        ([P.SANGAT_KURANG, P.KURANG], L.BAWAH),
    ],
)
def test_rata_rata_bands_the_mean_points(predikat: list[Predikat], hasil: LevelKinerja) -> None:
    assert gabung_rata_rata(predikat, POIN_PREDIKAT_BAKU, 4.5, 4.0) is hasil


def test_combining_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        gabung_terendah([])
    with pytest.raises(ValueError):
        gabung_rata_rata([], POIN_PREDIKAT_BAKU, 4.5, 4.0)
