"""NIP (PNS) and NI PPPK: building, reading and every reason a number is invalid."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.domain.kepegawaian import JenisKelamin, StatusKepegawaian
from bakat.domain.nip import (
    NI_PPPK_JUMLAH_KONTRAK,
    NI_PPPK_TAHUN_PENGANGKATAN,
    NIP_JENIS_KELAMIN,
    NIP_NOMOR_URUT,
    NIP_TANGGAL_LAHIR,
    NIP_TMT_CPNS,
    JenisNomorInduk,
    KodeMasalah,
    NipParts,
    NiPppkParts,
    build_ni_pppk,
    build_nip,
    jenis_nomor_induk,
    nomor_induk_untuk,
    parse_ni_pppk,
    parse_nip,
    parse_nomor_induk,
)

K = KodeMasalah
VALID = "198001012005011001"


@st.composite
def nip_parts(draw: st.DrawFn) -> NipParts:
    lahir = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2006, 12, 31)))
    tahun = draw(st.integers(lahir.year + 18, lahir.year + 45))
    return NipParts(
        tanggal_lahir=lahir,
        tmt_cpns_tahun=tahun,
        tmt_cpns_bulan=draw(st.integers(1, 12)),
        jenis_kelamin=draw(st.sampled_from(list(JenisKelamin))),
        nomor_urut=draw(st.integers(1, 999)),
    )


@st.composite
def ni_pppk_parts(draw: st.DrawFn) -> NiPppkParts:
    lahir = draw(st.dates(min_value=date(1960, 1, 1), max_value=date(2006, 12, 31)))
    return NiPppkParts(
        tanggal_lahir=lahir,
        tahun_pengangkatan=draw(st.integers(max(2019, lahir.year + 18), 2040)),
        jumlah_kontrak=draw(st.integers(0, 99)),
        jenis_kelamin=draw(st.sampled_from(list(JenisKelamin))),
        nomor_urut=draw(st.integers(1, 999)),
    )


def corrupt(data: st.DataObject, text: str) -> str:
    """One single-character corruption: substitute, delete, insert, or put in a letter."""
    i = data.draw(st.integers(0, len(text) - 1))
    kind = data.draw(st.sampled_from(["substitute", "delete", "insert", "letter", "add_letter"]))
    if kind == "substitute":
        digit = data.draw(st.sampled_from([d for d in string.digits if d != text[i]]))
        return text[:i] + digit + text[i + 1 :]
    if kind == "delete":
        return text[:i] + text[i + 1 :]
    if kind == "insert":
        return text[:i] + data.draw(st.sampled_from(string.digits)) + text[i:]
    letter = data.draw(st.sampled_from(string.ascii_letters))
    if kind == "letter":
        return text[:i] + letter + text[i + 1 :]
    return text[:i] + letter + text[i:]


@given(nip_parts())
def test_a_nip_built_from_valid_parts_reads_back_to_the_same_parts(parts: NipParts) -> None:
    nip = build_nip(
        parts.tanggal_lahir,
        parts.tmt_cpns_tahun,
        parts.tmt_cpns_bulan,
        parts.jenis_kelamin,
        parts.nomor_urut,
    )
    hasil = parse_nip(nip)
    assert hasil.valid
    assert hasil.parts == parts
    assert hasil.teks == nip


@given(nip_parts(), st.data())
def test_a_single_character_corruption_of_a_nip_never_passes_unnoticed(
    parts: NipParts, data: st.DataObject
) -> None:
    nip = build_nip(
        parts.tanggal_lahir,
        parts.tmt_cpns_tahun,
        parts.tmt_cpns_bulan,
        parts.jenis_kelamin,
        parts.nomor_urut,
    )
    hasil = parse_nip(corrupt(data, nip))
    assert not hasil.valid or hasil.parts != parts


@given(st.text())
def test_reading_any_text_as_nip_never_raises(text: str) -> None:
    hasil = parse_nip(text)
    assert hasil.valid == (hasil.parts is not None)


def test_it_reads_the_parts_of_a_nip() -> None:
    parts = parse_nip(VALID).parts
    assert parts == NipParts(date(1980, 1, 1), 2005, 1, JenisKelamin.L, 1)
    assert parts.tmt_cpns == date(2005, 1, 1)


def test_the_published_positions_cut_the_nip_into_its_parts() -> None:
    assert VALID[NIP_TANGGAL_LAHIR] == "19800101"
    assert VALID[NIP_TMT_CPNS] == "200501"
    assert VALID[NIP_JENIS_KELAMIN] == "1"
    assert VALID[NIP_NOMOR_URUT] == "001"


@pytest.mark.parametrize(
    "text",
    [
        " 198001012005011001 ",
        "19800101 200501 1 001",
        "19800101\u00a0200501\u00a01\u00a0001",
        "\t198001012005011001\n",
        "'198001012005011001",
    ],
)
def test_it_accepts_surrounding_and_group_spaces_and_the_text_apostrophe(text: str) -> None:
    hasil = parse_nip(text)
    assert hasil.valid
    assert hasil.teks == VALID


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, {K.KOSONG}),
        ("   ", {K.KOSONG}),
        ("1.98E+17", {K.NOTASI_ILMIAH}),
        ("1,98001E+17", {K.NOTASI_ILMIAH}),
        ("1.98001012005011e17", {K.NOTASI_ILMIAH}),
        ("198001012005011001.0", {K.ANGKA_DESIMAL}),
        ("19800101200501100", {K.PANJANG_SALAH}),
        ("1980010120050110011", {K.PANJANG_SALAH}),
        ("19800101-200501-1-001", {K.BUKAN_DIGIT, K.PANJANG_SALAH}),
        ("19800101200501100O", {K.BUKAN_DIGIT}),
        ("１９８００１０１２００５０１１００１", {K.BUKAN_DIGIT}),
    ],
)
def test_it_rejects_a_nip_with_a_format_problem(
    text: str | None, expected: set[KodeMasalah]
) -> None:
    assert set(parse_nip(text).kode) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("198002302005011001", K.TANGGAL_LAHIR_TIDAK_VALID),
        ("198013012005011001", K.TANGGAL_LAHIR_TIDAK_VALID),
        ("198100292005011001", K.TANGGAL_LAHIR_TIDAK_VALID),
        ("189901012005011001", K.TANGGAL_LAHIR_TERLALU_LAMPAU),
        ("198001012005131001", K.BULAN_TMT_CPNS_TIDAK_VALID),
        ("198001012005001001", K.BULAN_TMT_CPNS_TIDAK_VALID),
        ("198006011980051001", K.TMT_CPNS_SEBELUM_LAHIR),
        ("198001011990011001", K.TMT_CPNS_TERLALU_MUDA),
        ("198001012005013001", K.KODE_JENIS_KELAMIN_TIDAK_VALID),
        ("198001012005010001", K.KODE_JENIS_KELAMIN_TIDAK_VALID),
        ("198001012005011000", K.NOMOR_URUT_NOL),
    ],
)
def test_it_rejects_a_nip_with_an_impossible_part(text: str, expected: KodeMasalah) -> None:
    hasil = parse_nip(text)
    assert hasil.kode == (expected,)
    assert hasil.parts is None


def test_it_rejects_nip_with_month_13() -> None:
    assert parse_nip("198001012005131001").kode == (K.BULAN_TMT_CPNS_TIDAK_VALID,)


def test_it_accepts_a_tmt_cpns_at_exactly_age_14_by_month() -> None:
    assert parse_nip("198005201994051001").valid


def test_it_reports_every_reason_at_once() -> None:
    hasil = parse_nip("198013012005133000")
    assert set(hasil.kode) == {
        K.TANGGAL_LAHIR_TIDAK_VALID,
        K.BULAN_TMT_CPNS_TIDAK_VALID,
        K.KODE_JENIS_KELAMIN_TIDAK_VALID,
        K.NOMOR_URUT_NOL,
    }


def test_it_still_checks_the_all_digit_parts_when_a_letter_is_elsewhere() -> None:
    hasil = parse_nip("19800101200513100X")
    assert set(hasil.kode) == {K.BUKAN_DIGIT, K.BULAN_TMT_CPNS_TIDAK_VALID}


def test_it_gives_each_reason_in_indonesian_and_english() -> None:
    (masalah,) = parse_nip("19800101200501100").errors
    assert masalah.pesan == "NIP harus 18 digit, bukan 17."
    assert masalah.message == "The NIP must have 18 digits, not 17."


def test_the_spreadsheet_message_tells_what_happened() -> None:
    (masalah,) = parse_nip("1.98E+17").errors
    assert "1.98E+17" in masalah.pesan
    assert "spreadsheet" in masalah.message.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("202601012025011001", {K.TANGGAL_LAHIR_DI_MASA_DEPAN, K.TMT_CPNS_SEBELUM_LAHIR}),
        ("198001012025071001", {K.TMT_CPNS_DI_MASA_DEPAN}),
    ],
)
def test_with_a_reference_date_it_rejects_dates_after_it(
    text: str, expected: set[KodeMasalah]
) -> None:
    assert set(parse_nip(text, as_of=date(2025, 6, 30)).kode) == expected
    assert parse_nip("198001012025061001", as_of=date(2025, 6, 30)).valid


@pytest.mark.parametrize(
    "args",
    [
        (date(1980, 1, 1), 2005, 1, JenisKelamin.L, 0),
        (date(1980, 1, 1), 2005, 1, JenisKelamin.L, 1000),
        (date(1980, 1, 1), 2005, 13, JenisKelamin.L, 1),
        (date(1980, 1, 1), 1990, 1, JenisKelamin.P, 1),
        (date(1980, 1, 1), -5, 1, JenisKelamin.P, 1),
    ],
)
def test_building_a_nip_from_impossible_parts_raises(
    args: tuple[date, int, int, JenisKelamin, int],
) -> None:
    with pytest.raises(ValueError, match="NIP tidak valid"):
        build_nip(*args)


def test_a_nip_for_a_woman_carries_2_and_no_plus_40_on_the_day() -> None:
    nip = build_nip(date(1985, 7, 24), 2010, 3, JenisKelamin.P, 7)
    assert nip == "198507242010032007"


# NI PPPK


@given(ni_pppk_parts())
def test_a_ni_pppk_built_from_valid_parts_reads_back_to_the_same_parts(
    parts: NiPppkParts,
) -> None:
    ni = build_ni_pppk(
        parts.tanggal_lahir,
        parts.tahun_pengangkatan,
        parts.jumlah_kontrak,
        parts.jenis_kelamin,
        parts.nomor_urut,
    )
    assert parse_ni_pppk(ni).parts == parts


@given(ni_pppk_parts(), st.data())
def test_a_single_character_corruption_of_a_ni_pppk_never_passes_unnoticed(
    parts: NiPppkParts, data: st.DataObject
) -> None:
    ni = build_ni_pppk(
        parts.tanggal_lahir,
        parts.tahun_pengangkatan,
        parts.jumlah_kontrak,
        parts.jenis_kelamin,
        parts.nomor_urut,
    )
    hasil = parse_ni_pppk(corrupt(data, ni))
    assert not hasil.valid or hasil.parts != parts


def test_it_reads_the_parts_of_a_ni_pppk() -> None:
    ni = "199005062022212003"
    assert ni[NI_PPPK_TAHUN_PENGANGKATAN] == "2022"
    assert ni[NI_PPPK_JUMLAH_KONTRAK] == "21"
    assert parse_ni_pppk(ni).parts == NiPppkParts(date(1990, 5, 6), 2022, 21, JenisKelamin.P, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.99E+17", {K.NOTASI_ILMIAH}),
        ("19900506202201200", {K.PANJANG_SALAH}),
        ("199002302022012003", {K.TANGGAL_LAHIR_TIDAK_VALID}),
        ("202001012019012003", {K.TAHUN_PPPK_SEBELUM_LAHIR}),
        ("201001012019012003", {K.TAHUN_PPPK_TERLALU_MUDA}),
        ("199005062015012003", {K.TAHUN_PPPK_SEBELUM_ADA_PPPK}),
        ("199005062022013003", {K.KODE_JENIS_KELAMIN_TIDAK_VALID}),
        ("199005062022012000", {K.NOMOR_URUT_NOL}),
    ],
)
def test_it_rejects_an_invalid_ni_pppk(text: str, expected: set[KodeMasalah]) -> None:
    assert set(parse_ni_pppk(text).kode) == expected


def test_a_ni_pppk_is_not_held_to_the_tmt_cpns_month_rule() -> None:
    assert parse_ni_pppk("199005062022212003").valid
    assert parse_nip("199005062022212003").kode == (K.BULAN_TMT_CPNS_TIDAK_VALID,)


def test_with_a_reference_date_a_later_appointment_year_is_rejected() -> None:
    hasil = parse_ni_pppk("199005062026012003", as_of=date(2025, 12, 31))
    assert hasil.kode == (K.TAHUN_PPPK_DI_MASA_DEPAN,)


def test_building_a_ni_pppk_with_more_than_99_contracts_raises() -> None:
    with pytest.raises(ValueError, match="NI PPPK tidak valid"):
        build_ni_pppk(date(1990, 5, 6), 2022, 100, JenisKelamin.L, 1)


# Which identifier, given the status


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (StatusKepegawaian.CPNS, JenisNomorInduk.NIP),
        (StatusKepegawaian.PNS, JenisNomorInduk.NIP),
        (StatusKepegawaian.PPPK, JenisNomorInduk.NI_PPPK),
    ],
)
def test_each_status_carries_its_identifier(
    status: StatusKepegawaian, expected: JenisNomorInduk
) -> None:
    assert nomor_induk_untuk(status) is expected


@pytest.mark.parametrize(
    ("text", "status", "expected"),
    [
        (VALID, StatusKepegawaian.PNS, JenisNomorInduk.NIP),
        ("199005062022212003", StatusKepegawaian.PPPK, JenisNomorInduk.NI_PPPK),
        ("199005062022212003", StatusKepegawaian.PNS, JenisNomorInduk.NI_PPPK),
        (VALID, StatusKepegawaian.PPPK, JenisNomorInduk.NIP),
        ("199005062022012003", StatusKepegawaian.PPPK, JenisNomorInduk.NI_PPPK),
        ("199005062022012003", StatusKepegawaian.PNS, JenisNomorInduk.NIP),
        ("123", StatusKepegawaian.PNS, None),
    ],
)
def test_it_tells_which_identifier_a_number_looks_like_given_the_status(
    text: str, status: StatusKepegawaian, expected: JenisNomorInduk | None
) -> None:
    assert jenis_nomor_induk(text, status) is expected


def test_reading_by_status_uses_the_structure_the_status_calls_for() -> None:
    ni = "199005062022212003"
    assert parse_nomor_induk(ni, StatusKepegawaian.PPPK).valid
    assert not parse_nomor_induk(ni, StatusKepegawaian.PNS).valid
