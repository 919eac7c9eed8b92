"""NIK rules: structure, agreement with the birth date and sex, duplicates."""

from __future__ import annotations

import pytest

from tests.engine.quality.contoh import NIP_BUDI, NIP_SITI, Kasus, data, ditemukan, periksa

KASUS = [
    Kasus("nik_tidak_valid", {"nik": "0071010101800001"}),
    Kasus("nik_tidak_valid", {"nik": "317101010180001"}),
    Kasus("nik_tidak_valid", {"nik": "3100010101800001"}),
    Kasus("nik_tidak_valid", {"nik": "3171013201800001"}),
    Kasus("nik_tidak_valid", {"nik": "3171010101800000"}),
    Kasus("nik_tidak_valid", {"nik": "3.17101010180001E+15"}),
    Kasus("nik_tanggal_lahir_tidak_cocok", {"nik": "3171010201800001"}),
    Kasus("nik_tanggal_lahir_tidak_cocok", {"nik": "3171014101800001"}),
    Kasus("nik_ganda", {"nik": "3171010101800001"}, (NIP_BUDI, NIP_SITI), NIP_SITI),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_it_names_the_violating_record(kasus: Kasus) -> None:
    hasil = periksa(kasus.data(), [kasus.aturan])
    assert ditemukan(hasil, kasus.aturan) == sorted(kasus.diharapkan)


@pytest.mark.parametrize("aturan", sorted({k.aturan for k in KASUS}))
def test_it_finds_nothing_on_the_clean_agency(aturan: str) -> None:
    assert ditemukan(periksa(data(), [aturan]), aturan) == []


@pytest.mark.parametrize(
    ("nik", "alasan"),
    [
        ("317101010180001", "NIK harus 16 digit, bukan 15."),
        ("0071010101800001", "Kode provinsi dalam NIK (00) tidak ada dalam daftar Dukcapil."),
        ("3171010101800000", "Nomor urut dalam NIK (0000) harus dimulai dari 1."),
    ],
)
def test_it_says_why_a_nik_is_invalid_in_the_domain_words(nik: str, alasan: str) -> None:
    hasil = periksa(data({"nik": nik}), ["nik_tidak_valid"])
    assert hasil.temuan.item(0, "pesan") == alasan


def test_it_reads_a_womans_nik_day_minus_40() -> None:
    assert (
        periksa(
            data(),
            ["nik_tanggal_lahir_tidak_cocok"],
        ).temuan.height
        == 0
    )
    hasil = periksa(data({"jenis_kelamin": "L"}, nip=NIP_SITI), ["nik_tanggal_lahir_tidak_cocok"])
    assert ditemukan(hasil, "nik_tanggal_lahir_tidak_cocok") == [NIP_SITI]
