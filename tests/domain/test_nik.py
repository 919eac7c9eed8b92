"""NIK: building, reading, province codes and agreement with the personnel record."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.domain.kepegawaian import JenisKelamin
from bakat.domain.nik import (
    KODE_PROVINSI,
    NIK_KODE_WILAYAH,
    NIK_NOMOR_URUT,
    NIK_TANGGAL_LAHIR,
    KodeMasalah,
    NikParts,
    build_nik,
    nik_cocok_dengan,
    parse_nik,
)

K = KodeMasalah
VALID = "3201016407850012"  # Jawa Barat, a woman born 24 July 1985, serial 12


@st.composite
def nik_input(draw: st.DrawFn) -> tuple[str, date, JenisKelamin, int]:
    provinsi = draw(st.sampled_from(sorted(KODE_PROVINSI)))
    kabupaten = draw(st.integers(1, 99))
    kecamatan = draw(st.integers(1, 99))
    return (
        f"{provinsi}{kabupaten:02d}{kecamatan:02d}",
        draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2025, 12, 31))),
        draw(st.sampled_from(list(JenisKelamin))),
        draw(st.integers(1, 9999)),
    )


def expected_parts(wilayah: str, lahir: date, jk: JenisKelamin, nomor: int) -> NikParts:
    return NikParts(
        wilayah[0:2],
        wilayah[2:4],
        wilayah[4:6],
        lahir.day,
        lahir.month,
        lahir.year % 100,
        jk,
        nomor,
    )


@given(nik_input())
def test_a_nik_built_from_valid_parts_reads_back_to_the_same_parts(
    args: tuple[str, date, JenisKelamin, int],
) -> None:
    nik = build_nik(*args)
    hasil = parse_nik(nik)
    assert hasil.parts == expected_parts(*args)
    assert hasil.parts is not None
    assert hasil.parts.cocok_dengan(args[1], args[2])


@given(nik_input(), st.data())
def test_a_single_character_corruption_of_a_nik_never_passes_unnoticed(
    args: tuple[str, date, JenisKelamin, int], data: st.DataObject
) -> None:
    nik = build_nik(*args)
    i = data.draw(st.integers(0, len(nik) - 1))
    kind = data.draw(st.sampled_from(["substitute", "delete", "insert", "letter"]))
    if kind == "substitute":
        digit = data.draw(st.sampled_from([d for d in string.digits if d != nik[i]]))
        corrupted = nik[:i] + digit + nik[i + 1 :]
    elif kind == "delete":
        corrupted = nik[:i] + nik[i + 1 :]
    elif kind == "insert":
        corrupted = nik[:i] + data.draw(st.sampled_from(string.digits)) + nik[i:]
    else:
        corrupted = nik[:i] + data.draw(st.sampled_from(string.ascii_letters)) + nik[i + 1 :]
    hasil = parse_nik(corrupted)
    assert not hasil.valid or hasil.parts != expected_parts(*args)


@given(st.text())
def test_reading_any_text_as_nik_never_raises(text: str) -> None:
    hasil = parse_nik(text)
    assert hasil.valid == (hasil.parts is not None)


def test_it_reads_the_parts_of_a_nik_and_removes_40_from_a_womans_day() -> None:
    parts = parse_nik(VALID).parts
    assert parts == NikParts("32", "01", "01", 24, 7, 85, JenisKelamin.P, 12)
    assert parts.kode_wilayah == "320101"
    assert parts.provinsi == "Jawa Barat"


def test_a_mans_nik_keeps_the_day_as_it_is() -> None:
    nik = build_nik("320101", date(1985, 7, 24), JenisKelamin.L, 12)
    assert nik == "3201012407850012"
    assert nik[NIK_KODE_WILAYAH] == "320101"
    assert nik[NIK_TANGGAL_LAHIR] == "240785"
    assert nik[NIK_NOMOR_URUT] == "0012"


def test_it_accepts_spaces_between_groups() -> None:
    assert parse_nik(" 3201 0164 0785 0012 ").teks == VALID


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, {K.KOSONG}),
        ("3.20101640785001E+15", {K.NOTASI_ILMIAH}),
        ("3201016407850012.0", {K.ANGKA_DESIMAL}),
        ("320101640785001", {K.PANJANG_SALAH}),
        ("32010164078500I2", {K.BUKAN_DIGIT}),
        ("0001016407850012", {K.KODE_PROVINSI_TIDAK_DIKENAL}),
        ("5401016407850012", {K.KODE_PROVINSI_TIDAK_DIKENAL}),
        ("9701016407850012", {K.KODE_PROVINSI_TIDAK_DIKENAL}),
        ("3200016407850012", {K.KODE_KABUPATEN_NOL}),
        ("3201006407850012", {K.KODE_KECAMATAN_NOL}),
        ("3201010007850012", {K.TANGGAL_LAHIR_TIDAK_VALID}),
        ("3201013507850012", {K.TANGGAL_LAHIR_TIDAK_VALID}),
        ("3201017207850012", {K.TANGGAL_LAHIR_TIDAK_VALID}),
        ("3201013102850012", {K.TANGGAL_LAHIR_TIDAK_VALID}),
        ("3201012913850012", {K.TANGGAL_LAHIR_TIDAK_VALID}),
        ("3201012902850012", {K.TANGGAL_LAHIR_TIDAK_VALID}),
        ("3201016407850000", {K.NOMOR_URUT_NOL}),
        (
            "9900003213850000",
            {
                K.KODE_PROVINSI_TIDAK_DIKENAL,
                K.KODE_KABUPATEN_NOL,
                K.KODE_KECAMATAN_NOL,
                K.TANGGAL_LAHIR_TIDAK_VALID,
                K.NOMOR_URUT_NOL,
            },
        ),
    ],
)
def test_it_rejects_an_invalid_nik(text: str | None, expected: set[KodeMasalah]) -> None:
    hasil = parse_nik(text)
    assert set(hasil.kode) == expected
    assert hasil.parts is None


def test_it_accepts_29_february_in_a_year_that_can_be_a_leap_year() -> None:
    parts = parse_nik("3201016902880012").parts
    assert parts is not None
    assert parts.tanggal_lahir(date(2025, 1, 1)) == date(1988, 2, 29)


@pytest.mark.parametrize(
    ("kode", "nama"),
    [
        ("11", "Aceh"),
        ("31", "DKI Jakarta"),
        ("65", "Kalimantan Utara"),
        ("91", "Papua"),
        ("92", "Papua Barat"),
        ("93", "Papua Selatan"),
        ("94", "Papua Tengah"),
        ("95", "Papua Pegunungan"),
        ("96", "Papua Barat Daya"),
    ],
)
def test_the_dukcapil_list_includes_the_new_provinces(kode: str, nama: str) -> None:
    assert KODE_PROVINSI[kode] == nama


def test_there_are_38_provinces() -> None:
    assert len(KODE_PROVINSI) == 38


@pytest.mark.parametrize(
    ("referensi", "expected"),
    [
        (date(2025, 1, 1), date(1985, 7, 24)),
        (date(2090, 1, 1), date(2085, 7, 24)),
    ],
)
def test_the_century_of_the_birth_year_is_the_latest_not_after_the_reference(
    referensi: date, expected: date
) -> None:
    parts = parse_nik("3201016407850012").parts
    assert parts is not None
    assert parts.tanggal_lahir(referensi) == expected


@pytest.mark.parametrize(
    ("lahir", "jk", "expected"),
    [
        (date(1985, 7, 24), JenisKelamin.P, True),
        (date(1985, 7, 24), None, True),
        (date(1985, 7, 25), JenisKelamin.P, False),
        (date(1985, 8, 24), JenisKelamin.P, False),
        (date(1986, 7, 24), JenisKelamin.P, False),
        (date(1885, 7, 24), JenisKelamin.P, True),
        (date(1985, 7, 24), JenisKelamin.L, False),
    ],
)
def test_it_tells_whether_a_nik_agrees_with_the_record(
    lahir: date, jk: JenisKelamin | None, expected: bool
) -> None:
    assert nik_cocok_dengan(VALID, lahir, jk) is expected


def test_it_names_the_parts_that_disagree_with_the_record() -> None:
    parts = parse_nik(VALID).parts
    assert parts is not None
    assert parts.selisih_dengan(date(1986, 7, 25), JenisKelamin.L) == (
        "hari",
        "tahun",
        "jenis_kelamin",
    )


def test_agreement_is_not_judged_for_an_invalid_nik() -> None:
    assert nik_cocok_dengan("123", date(1985, 7, 24), JenisKelamin.P) is None


@pytest.mark.parametrize(
    "args",
    [
        ("000101", date(1985, 7, 24), JenisKelamin.L, 1),
        ("32010", date(1985, 7, 24), JenisKelamin.L, 1),
        ("320101", date(1985, 7, 24), JenisKelamin.L, 0),
        ("320101", date(1985, 7, 24), JenisKelamin.L, 10000),
    ],
)
def test_building_a_nik_from_impossible_parts_raises(
    args: tuple[str, date, JenisKelamin, int],
) -> None:
    with pytest.raises(ValueError, match="NIK tidak valid"):
        build_nik(*args)
