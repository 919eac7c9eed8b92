"""Identity rules: NIP / NI PPPK structure, NIK, duplicates, titles in the name."""

from __future__ import annotations

from datetime import date

import pytest

from tests.engine.quality.contoh import (
    NIP_AGUS,
    NIP_BUDI,
    NIP_SITI,
    Kasus,
    data,
    ditemukan,
    periksa,
)

KASUS = [
    Kasus("nip_bukan_18_digit", {"nip": "19800101200501100"}, ("19800101200501100",)),
    Kasus("nip_bukan_18_digit", {"nip": "1.98001012005011E+17"}, ("1.98001012005011E+17",)),
    Kasus("nip_bukan_18_digit", {"nip": "19800101200501100I"}, ("19800101200501100I",)),
    Kasus("nip_tanggal_lahir_tidak_valid", {"nip": "198002302005011001"}, ("198002302005011001",)),
    Kasus("nip_tanggal_lahir_tidak_valid", {"nip": "189912312005011001"}, ("189912312005011001",)),
    Kasus("nip_tanggal_lahir_tidak_cocok", {"tanggal_lahir": date(1980, 1, 2)}),
    Kasus("nip_tmt_cpns_tidak_cocok", {"tmt_cpns": date(2010, 7, 1)}, (NIP_SITI,), NIP_SITI),
    Kasus("nip_konversi_tmt_cpns_tidak_cocok", {"tmt_cpns": date(2005, 4, 1)}),
    Kasus(
        "nip_kode_jenis_kelamin_tidak_valid", {"nip": "198001012005013001"}, ("198001012005013001",)
    ),
    Kasus("nip_jenis_kelamin_tidak_cocok", {"jenis_kelamin": "P"}),
    Kasus("nip_nomor_urut_nol", {"nip": "198001012005011000"}, ("198001012005011000",)),
    Kasus(
        "nip_ganda",
        {"nip": "19800101 200501 1 001"},
        ("19800101 200501 1 001", NIP_BUDI),
        NIP_SITI,
    ),
    Kasus("nip_lama_bukan_9_digit", {"nip_lama": "06001234"}),
    Kasus(
        "ni_pppk_tahun_pengangkatan_tidak_wajar",
        {"nip": "199001012017021003"},
        ("199001012017021003",),
        NIP_AGUS,
    ),
    Kasus("gelar_tertulis_di_nama", {"nama": "Budi Santoso, S.Sos."}),
    Kasus("gelar_tertulis_di_nama", {"nama": "Dr. Budi Santoso"}),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_it_names_the_violating_record(kasus: Kasus) -> None:
    hasil = periksa(kasus.data(), [kasus.aturan])
    assert ditemukan(hasil, kasus.aturan) == sorted(kasus.diharapkan)


@pytest.mark.parametrize("aturan", sorted({k.aturan for k in KASUS}))
def test_it_finds_nothing_on_the_clean_agency(aturan: str) -> None:
    assert ditemukan(periksa(data(), [aturan]), aturan) == []


@pytest.mark.parametrize(
    "nip",
    ["19800101 200501 1 001", "'198001012005011001", " 198001012005011001 "],
)
def test_it_reads_the_nip_as_the_domain_does_before_checking_it(nip: str) -> None:
    hasil = periksa(data({"nip": nip}), ["nip_bukan_18_digit", "nip_tanggal_lahir_tidak_cocok"])
    assert hasil.temuan.height == 0


def test_it_explains_a_nip_a_spreadsheet_turned_into_a_number() -> None:
    hasil = periksa(data({"nip": "1.98001012005011E+17"}), ["nip_bukan_18_digit"])
    assert "angka berpangkat" in hasil.temuan.item(0, "pesan")


def test_it_shows_both_birth_dates_in_the_message() -> None:
    hasil = periksa(data({"tanggal_lahir": date(1981, 1, 1)}), ["nip_tanggal_lahir_tidak_cocok"])
    assert hasil.temuan.item(0, "pesan") == (
        "Tanggal lahir dalam NIP (1980-01-01) tidak sama dengan tanggal lahir (1981-01-01)."
    )


def test_it_does_not_apply_the_pns_tmt_check_to_pppk() -> None:
    hasil = periksa(data(), ["nip_tmt_cpns_tidak_cocok", "nip_konversi_tmt_cpns_tidak_cocok"])
    assert NIP_AGUS not in hasil.temuan.get_column("nip").to_list()
