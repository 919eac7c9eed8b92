"""Career rules: appointment dates, golongan and pangkat, PPPK, retirement age."""

from __future__ import annotations

from datetime import date

import pytest

from tests.engine.quality.contoh import NIP_AGUS, NIP_SITI, Kasus, data, ditemukan, periksa

KASUS = [
    Kasus("usia_cpns_di_luar_batas", {"tmt_cpns": date(2019, 1, 1)}),
    Kasus("usia_cpns_di_luar_batas", {"tmt_cpns": date(1997, 1, 1)}),
    Kasus("tmt_pns_sebelum_tmt_cpns", {"tmt_pns": date(2004, 12, 1)}),
    Kasus("tmt_pns_terlambat", {"tmt_pns": date(2008, 1, 1)}),
    Kasus(
        "cpns_lebih_dari_2_tahun",
        {"status_kepegawaian": "CPNS", "tmt_pns": None},
        (NIP_SITI,),
        NIP_SITI,
    ),
    Kasus("cpns_sudah_ber_tmt_pns", {"status_kepegawaian": "CPNS"}, (NIP_SITI,), NIP_SITI),
    Kasus("golongan_awal_melebihi_pendidikan", {"golongan_awal": "III/b"}),
    Kasus("golongan_di_bawah_golongan_awal", {"golongan": "II/d"}),
    Kasus(
        "golongan_di_bawah_golongan_awal_pendidikan", {"golongan": "II/d", "golongan_awal": None}
    ),
    Kasus("golongan_melebihi_batas_pendidikan", {"golongan": "IV/a"}, (NIP_SITI,), NIP_SITI),
    Kasus("pangkat_tidak_sesuai_golongan", {"pangkat": "Pembina"}),
    Kasus("pangkat_tidak_sesuai_golongan", {"pangkat": "Kopral"}),
    Kasus("tmt_golongan_bukan_tanggal_1", {"tmt_golongan": date(2023, 4, 15)}),
    Kasus("tmt_golongan_di_luar_bulan_kp", {"tmt_golongan": date(2023, 5, 1)}),
    Kasus("tmt_golongan_di_luar_bulan_kp", {"tmt_golongan": date(2024, 3, 1)}),
    Kasus("tmt_golongan_sebelum_tmt_cpns", {"tmt_golongan": date(2004, 10, 1)}),
    Kasus("pppk_bergolongan_ruang", {"golongan": "III/a"}, (NIP_AGUS,), NIP_AGUS),
    Kasus("pppk_bertmt_pensiun", {"tmt_pensiun": date(2048, 2, 1)}, (NIP_AGUS,), NIP_AGUS),
    Kasus("aktif_melewati_bup", {"tanggal_lahir": date(1967, 1, 1)}),
    Kasus("aktif_melewati_bup", {"tanggal_lahir": date(1960, 1, 1)}, (NIP_AGUS,), NIP_AGUS),
    Kasus("tmt_pensiun_tidak_sesuai_bup", {"tmt_pensiun": date(2038, 1, 1)}),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_it_names_the_violating_record(kasus: Kasus) -> None:
    hasil = periksa(kasus.data(), [kasus.aturan])
    assert ditemukan(hasil, kasus.aturan) == sorted(kasus.diharapkan)


@pytest.mark.parametrize("aturan", sorted({k.aturan for k in KASUS}))
def test_it_finds_nothing_on_the_clean_agency(aturan: str) -> None:
    assert ditemukan(periksa(data(), [aturan]), aturan) == []


@pytest.mark.parametrize(
    ("lahir", "melewati"),
    [
        (date(1967, 9, 30), True),  # retires 1 October 2025, before the as-of date
        (date(1967, 10, 1), False),  # retires 1 November 2025
        (date(1967, 10, 31), False),
    ],
)
def test_it_retires_on_the_first_of_the_month_after_reaching_bup(
    lahir: date, melewati: bool
) -> None:
    hasil = periksa(data({"tanggal_lahir": lahir}), ["aktif_melewati_bup"])
    assert (hasil.temuan.height == 1) is melewati


@pytest.mark.parametrize(
    ("tmt", "salah"),
    [
        (date(2023, 10, 1), False),
        (date(2024, 2, 1), False),
        (date(2024, 1, 1), True),
        (date(2025, 9, 1), True),
        (date(2025, 10, 1), False),
    ],
)
def test_it_uses_the_kp_months_of_the_date(tmt: date, salah: bool) -> None:
    hasil = periksa(data({"tmt_golongan": tmt}), ["tmt_golongan_di_luar_bulan_kp"])
    assert (hasil.temuan.height == 1) is salah


def test_it_does_not_treat_the_starting_golongan_as_a_promotion() -> None:
    ubah = {"golongan": "III/a", "tmt_golongan": date(2005, 1, 1)}
    assert periksa(data(ubah), ["tmt_golongan_di_luar_bulan_kp"]).temuan.height == 0


def test_it_accepts_the_abbreviated_pangkat() -> None:
    assert (
        periksa(data({"pangkat": "penata  "}), ["pangkat_tidak_sesuai_golongan"]).temuan.height == 0
    )


def test_it_skips_a_rule_whose_column_the_file_lacks() -> None:
    tables = data()
    tables["pegawai"] = tables["pegawai"].drop("pangkat")
    hasil = periksa(tables, ["pangkat_tidak_sesuai_golongan"])
    assert [d.rule.name for d in hasil.dilewati] == ["pangkat_tidak_sesuai_golongan"]
    assert hasil.ringkasan_aturan.item(0, "dijalankan") is False
