"""Position rules on employees: golongan and education against the grade, dates, titles,
and the employee record against the jabatan table."""

from __future__ import annotations

from datetime import date

import pytest

from tests.engine.quality.contoh import NIP_SITI, Kasus, data, ditemukan, periksa

KASUS = [
    Kasus(
        "golongan_di_luar_rentang_struktural",
        {"jenjang_jabatan": "ADMINISTRATOR", "golongan": "III/b"},
    ),
    Kasus("golongan_di_luar_rentang_fungsional", {"golongan": "IV/a"}),
    Kasus("golongan_di_luar_rentang_fungsional", {"golongan": "III/b"}),
    Kasus("pendidikan_jpt_di_bawah_syarat", {"jenjang_jabatan": "JPT_PRATAMA", "pendidikan": "D3"}),
    Kasus(
        "usia_pengangkatan_jpt_melebihi_batas",
        {"jenjang_jabatan": "JPT_PRATAMA", "tanggal_lahir": date(1963, 1, 1)},
    ),
    Kasus(
        "pendidikan_administrator_pengawas_di_bawah_syarat",
        {"jenjang_jabatan": "PENGAWAS", "pendidikan": "SLTA"},
    ),
    Kasus("pendidikan_jf_di_bawah_syarat", {"pendidikan": "D3"}),
    Kasus("tmt_jabatan_sebelum_tmt_cpns", {"tmt_jabatan": date(2004, 1, 1)}),
    Kasus("gelar_tidak_sesuai_pendidikan", {"gelar_belakang": "S.Sos., M.Si."}),
    Kasus("gelar_tidak_sesuai_pendidikan", {"gelar_depan": "Dr."}),
    Kasus("jabatan_id_tidak_dikenal", {"jabatan_id": "J99"}),
    Kasus("jenjang_tidak_sesuai_jabatan", {"jenjang_jabatan": "AHLI_MADYA"}),
    Kasus("unit_kerja_tidak_sesuai_jabatan", {"unit_kerja": "U2"}),
    Kasus("jabatan_dipangku_pegawai_lain", {"jabatan_id": "J1"}, (NIP_SITI,), NIP_SITI),
    Kasus(
        "pendidikan_di_bawah_syarat_jabatan", baris={"jabatan": {0: {"pendidikan_minimal": "S2"}}}
    ),
    Kasus(
        "golongan_di_bawah_syarat_jabatan", baris={"jabatan": {0: {"golongan_minimal": "III/d"}}}
    ),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_it_names_the_violating_record(kasus: Kasus) -> None:
    hasil = periksa(kasus.data(), [kasus.aturan])
    assert ditemukan(hasil, kasus.aturan) == sorted(kasus.diharapkan)


@pytest.mark.parametrize("aturan", sorted({k.aturan for k in KASUS}))
def test_it_finds_nothing_on_the_clean_agency(aturan: str) -> None:
    assert ditemukan(periksa(data(), [aturan]), aturan) == []


@pytest.mark.parametrize("pendidikan", ["D4", "S1", "S2"])
def test_it_lets_d4_meet_the_s1_minimum(pendidikan: str) -> None:
    hasil = periksa(data({"pendidikan": pendidikan}), ["pendidikan_jf_di_bawah_syarat"])
    assert hasil.temuan.height == 0


def test_it_reads_the_range_of_the_grade_into_the_message() -> None:
    hasil = periksa(data({"golongan": "IV/a"}), ["golongan_di_luar_rentang_fungsional"])
    assert "III/c-III/d" in hasil.temuan.item(0, "pesan")


def test_it_skips_position_rules_without_the_jabatan_table() -> None:
    hasil = periksa(data({"jabatan_id": "J99"}), ["jabatan_id_tidak_dikenal"])
    tables = data({"jabatan_id": "J99"})
    del tables["jabatan"]
    tanpa = periksa(tables, ["jabatan_id_tidak_dikenal"])
    assert hasil.temuan.height == 1
    assert tanpa.temuan.height == 0
    assert tanpa.dilewati[0].alasan == "tabel jabatan tidak ada"
