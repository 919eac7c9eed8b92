"""Position grades: category, order, BUP, rank ranges, the succession ladder, retirement."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.domain.golongan import Golongan
from bakat.domain.jenjang import (
    BUP,
    JENJANG_DI_BAWAH,
    RENTANG_GOLONGAN,
    Jenjang,
    KategoriJabatan,
    bup,
    jenjang_di_bawah,
    kategori,
    level_kompetensi_standar,
    parse_jenjang,
    pendidikan_minimal,
    rentang_golongan,
    tanggal_pensiun,
    tanggal_pensiun_jenjang,
    urutan,
    usia,
)
from bakat.domain.pendidikan import Pendidikan

J = Jenjang
G = Golongan
K = KategoriJabatan


def test_grades_are_the_14_values_of_the_data_contract() -> None:
    assert [j.value for j in Jenjang] == [
        "JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA",
        "AHLI_UTAMA", "AHLI_MADYA", "AHLI_MUDA", "AHLI_PERTAMA",
        "PENYELIA", "MAHIR", "TERAMPIL", "PEMULA",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("j", "expected"),
    [
        (J.JPT_UTAMA, K.MANAJERIAL),
        (J.PENGAWAS, K.MANAJERIAL),
        (J.PELAKSANA, K.PELAKSANA),
        (J.AHLI_MADYA, K.FUNGSIONAL_KEAHLIAN),
        (J.PEMULA, K.FUNGSIONAL_KETERAMPILAN),
        (J.PENYELIA, K.FUNGSIONAL_KETERAMPILAN),
    ],
)
def test_each_grade_has_its_category(j: Jenjang, expected: KategoriJabatan) -> None:
    assert kategori(j) is expected


@pytest.mark.parametrize(
    "ladder",
    [
        [J.PENGAWAS, J.ADMINISTRATOR, J.JPT_PRATAMA, J.JPT_MADYA, J.JPT_UTAMA],
        [J.AHLI_PERTAMA, J.AHLI_MUDA, J.AHLI_MADYA, J.AHLI_UTAMA],
        [J.PEMULA, J.TERAMPIL, J.MAHIR, J.PENYELIA],
    ],
)
def test_grades_are_ordered_within_their_category(ladder: list[Jenjang]) -> None:
    assert [urutan(j) for j in ladder] == list(range(1, len(ladder) + 1))


@pytest.mark.parametrize(
    ("j", "expected"),
    [
        (J.JPT_UTAMA, 60),
        (J.JPT_MADYA, 60),
        (J.JPT_PRATAMA, 60),
        (J.ADMINISTRATOR, 58),
        (J.PENGAWAS, 58),
        (J.PELAKSANA, 58),
        (J.AHLI_UTAMA, 65),
        (J.AHLI_MADYA, 60),
        (J.AHLI_MUDA, 58),
        (J.AHLI_PERTAMA, 58),
        (J.PENYELIA, 58),
        (J.MAHIR, 58),
        (J.TERAMPIL, 58),
        (J.PEMULA, 58),
    ],
)
def test_retirement_age_follows_pp_11_2017_pasal_239(j: Jenjang, expected: int) -> None:
    assert bup(j) == expected


@pytest.mark.parametrize(
    ("j", "expected"),
    [
        (J.JPT_UTAMA, (G.IV_C, G.IV_E)),
        (J.JPT_MADYA, (G.IV_C, G.IV_E)),
        (J.JPT_PRATAMA, (G.IV_B, G.IV_D)),
        (J.ADMINISTRATOR, (G.III_D, G.IV_B)),
        (J.PENGAWAS, (G.III_B, G.III_D)),
        (J.PELAKSANA, None),
        (J.AHLI_UTAMA, (G.IV_D, G.IV_E)),
        (J.AHLI_MADYA, (G.IV_A, G.IV_C)),
        (J.AHLI_MUDA, (G.III_C, G.III_D)),
        (J.AHLI_PERTAMA, (G.III_A, G.III_B)),
        (J.PENYELIA, (G.III_C, G.III_D)),
        (J.MAHIR, (G.III_A, G.III_B)),
        (J.TERAMPIL, (G.II_B, G.II_D)),
        (J.PEMULA, (G.II_A, G.II_A)),
    ],
)
def test_each_grade_has_its_golongan_range(
    j: Jenjang, expected: tuple[Golongan, Golongan] | None
) -> None:
    assert rentang_golongan(j) == expected


def test_ranges_rise_within_each_category() -> None:
    for j, rentang in RENTANG_GOLONGAN.items():
        if rentang is None:
            continue
        assert rentang[0] <= rentang[1]
        for other in Jenjang:
            other_range = RENTANG_GOLONGAN[other]
            if other_range and kategori(other) is kategori(j) and urutan(other) < urutan(j):
                assert other_range[0] <= rentang[0]
                assert other_range[1] <= rentang[1]


@pytest.mark.parametrize(
    ("target", "below"),
    [
        (J.JPT_UTAMA, {J.JPT_MADYA, J.AHLI_UTAMA}),
        (J.JPT_MADYA, {J.JPT_PRATAMA, J.AHLI_UTAMA}),
        (J.JPT_PRATAMA, {J.ADMINISTRATOR, J.AHLI_MADYA}),
        (J.ADMINISTRATOR, {J.PENGAWAS, J.AHLI_MUDA}),
        (J.PENGAWAS, {J.PELAKSANA, J.AHLI_PERTAMA, J.PENYELIA}),
        (J.AHLI_UTAMA, {J.AHLI_MADYA}),
        (J.AHLI_MADYA, {J.AHLI_MUDA}),
        (J.AHLI_MUDA, {J.AHLI_PERTAMA}),
        (J.PENYELIA, {J.MAHIR}),
        (J.MAHIR, {J.TERAMPIL}),
        (J.TERAMPIL, {J.PEMULA}),
        (J.PELAKSANA, set()),
        (J.AHLI_PERTAMA, set()),
        (J.PEMULA, set()),
    ],
)
def test_the_succession_ladder_names_the_grades_one_step_below(
    target: Jenjang, below: set[Jenjang]
) -> None:
    assert jenjang_di_bawah(target) == frozenset(below)


def test_the_succession_ladder_has_no_cycle() -> None:
    def reachable(start: Jenjang) -> set[Jenjang]:
        seen: set[Jenjang] = set()
        todo = list(JENJANG_DI_BAWAH[start])
        while todo:
            j = todo.pop()
            if j not in seen:
                seen.add(j)
                todo.extend(JENJANG_DI_BAWAH[j])
        return seen

    for j in Jenjang:
        assert j not in reachable(j)


@pytest.mark.parametrize(
    ("j", "expected"),
    [
        (J.JPT_UTAMA, Pendidikan.S1),
        (J.JPT_PRATAMA, Pendidikan.S1),
        (J.ADMINISTRATOR, Pendidikan.S1),
        (J.PENGAWAS, Pendidikan.D3),
        (J.PELAKSANA, None),
        (J.AHLI_PERTAMA, Pendidikan.S1),
        (J.AHLI_UTAMA, Pendidikan.S1),
        (J.PENYELIA, Pendidikan.SLTA),
        (J.PEMULA, Pendidikan.SLTA),
    ],
)
def test_each_grade_has_its_minimum_education(j: Jenjang, expected: Pendidikan | None) -> None:
    assert pendidikan_minimal(j) is expected


@pytest.mark.parametrize(
    ("j", "expected"),
    [
        (J.JPT_UTAMA, 5),
        (J.JPT_MADYA, 5),
        (J.JPT_PRATAMA, 4),
        (J.ADMINISTRATOR, 3),
        (J.PENGAWAS, 2),
        (J.PELAKSANA, 1),
        (J.AHLI_UTAMA, 4),
        (J.AHLI_MADYA, 3),
        (J.AHLI_MUDA, 2),
        (J.AHLI_PERTAMA, 1),
        (J.PENYELIA, 2),
        (J.PEMULA, 1),
    ],
)
def test_each_grade_has_its_standard_competency_level(j: Jenjang, expected: int) -> None:
    assert level_kompetensi_standar(j) == expected


@pytest.mark.parametrize(
    ("lahir", "bup_", "expected"),
    [
        (date(1966, 3, 15), 58, date(2024, 4, 1)),
        (date(1966, 3, 1), 58, date(2024, 4, 1)),
        (date(1966, 3, 31), 58, date(2024, 4, 1)),
        (date(1966, 12, 20), 58, date(2025, 1, 1)),
        (date(1965, 1, 1), 60, date(2025, 2, 1)),
        (date(1960, 2, 29), 65, date(2025, 3, 1)),
    ],
)
def test_retirement_starts_on_the_first_of_the_month_after_reaching_bup(
    lahir: date, bup_: int, expected: date
) -> None:
    assert tanggal_pensiun(lahir, bup_) == expected


def test_retirement_by_grade_uses_the_grade_bup() -> None:
    lahir = date(1970, 6, 10)
    assert tanggal_pensiun_jenjang(lahir, J.AHLI_UTAMA) == date(2035, 7, 1)
    assert tanggal_pensiun_jenjang(lahir, J.PELAKSANA) == date(2028, 7, 1)


@pytest.mark.parametrize(
    ("lahir", "pada", "expected"),
    [
        (date(1980, 5, 10), date(2025, 5, 9), 44),
        (date(1980, 5, 10), date(2025, 5, 10), 45),
        (date(1980, 5, 10), date(2025, 12, 31), 45),
        (date(1968, 2, 29), date(2026, 2, 27), 57),
        (date(1968, 2, 29), date(2026, 2, 28), 58),
        (date(1968, 2, 29), date(2028, 2, 28), 59),
        (date(1968, 2, 29), date(2028, 2, 29), 60),
    ],
)
def test_age_counts_whole_years(lahir: date, pada: date, expected: int) -> None:
    assert usia(lahir, pada) == expected


@given(
    st.dates(min_value=date(1940, 1, 1), max_value=date(2005, 12, 31)),
    st.sampled_from(sorted(set(BUP.values()))),
)
def test_a_person_reaches_bup_within_the_month_before_retirement(lahir: date, bup_: int) -> None:
    pensiun = tanggal_pensiun(lahir, bup_)
    assert pensiun.day == 1
    assert usia(lahir, pensiun) == bup_
    assert usia(lahir, pensiun - timedelta(days=32)) == bup_ - 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JPT_PRATAMA", J.JPT_PRATAMA),
        ("jpt pratama", J.JPT_PRATAMA),
        ("Jabatan Pimpinan Tinggi Madya", J.JPT_MADYA),
        ("Ahli-Muda", J.AHLI_MUDA),
        ("JF Ahli Pertama", J.AHLI_PERTAMA),
        ("Fungsional Penyelia", J.PENYELIA),
        ("administrator", J.ADMINISTRATOR),
        ("JFU", J.PELAKSANA),
        ("Fungsional Umum", J.PELAKSANA),
        ("eselon II", None),
        ("", None),
        (None, None),
    ],
)
def test_it_reads_grade_spellings(text: str | None, expected: Jenjang | None) -> None:
    assert parse_jenjang(text) is expected
