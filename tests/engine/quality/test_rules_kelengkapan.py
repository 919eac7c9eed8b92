"""Missing required values (Q01) and implausible dates (V39)."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bakat.engine.quality import CheckInput
from tests.engine.quality.contoh import NIP_BUDI, NIP_SITI, Kasus, data, ditemukan, periksa

_KOSONG_PEGAWAI = [
    "nip",
    "nama",
    "jenis_kelamin",
    "tanggal_lahir",
    "status_kepegawaian",
    "nik",
    "unit_kerja",
    "pendidikan",
    "jenjang_jabatan",
    "jabatan",
    "tmt_jabatan",
    "tmt_cpns",
    "golongan",
    "tmt_golongan",
    "tmt_pns",
]

KASUS = [
    *(
        Kasus(f"{kolom}_kosong", {kolom: None}, (None,) if kolom == "nip" else (NIP_BUDI,))
        for kolom in _KOSONG_PEGAWAI
    ),
    Kasus("predikat_kosong", baris={"kinerja": {0: {"predikat": None}}}),
    Kasus("skor_kompetensi_kosong", baris={"asesmen": {0: {"skor_kompetensi": None}}}),
    Kasus("skor_potensi_kosong", baris={"asesmen": {0: {"skor_potensi": None}}}),
    Kasus(
        "tingkat_hukdis_kosong", baris={"hukdis": {0: {"tingkat": None}}}, diharapkan=(NIP_SITI,)
    ),
    Kasus(
        "jenjang_jabatan_posisi_kosong",
        baris={"jabatan": {0: {"jenjang_jabatan": None}}},
    ),
    Kasus("tanggal_lahir_tidak_wajar", {"tanggal_lahir": date(2026, 1, 1)}),
    Kasus("tanggal_lahir_tidak_wajar", {"tanggal_lahir": date(1899, 12, 31)}),
    Kasus("tmt_cpns_tidak_wajar", {"tmt_cpns": date(2030, 1, 1)}),
    Kasus("tmt_pns_tidak_wajar", {"tmt_pns": date(2030, 1, 1)}),
    Kasus("tmt_golongan_tidak_wajar", {"tmt_golongan": date(2025, 12, 1)}),
    Kasus("tmt_jabatan_tidak_wajar", {"tmt_jabatan": date(2025, 10, 18)}),
    Kasus("tanggal_asesmen_tidak_wajar", baris={"asesmen": {0: {"tanggal": date(2026, 1, 1)}}}),
    Kasus("tanggal_diklat_tidak_wajar", baris={"diklat": {0: {"tanggal": date(2026, 1, 1)}}}),
    Kasus(
        "tmt_hukdis_tidak_wajar",
        baris={"hukdis": {0: {"tmt": date(2026, 1, 1)}}},
        diharapkan=(NIP_SITI,),
    ),
    Kasus("tahun_kinerja_tidak_wajar", baris={"kinerja": {0: {"tahun": 2026}}}),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_it_names_the_violating_record(kasus: Kasus) -> None:
    hasil = periksa(kasus.data(), [kasus.aturan])
    assert ditemukan(hasil, kasus.aturan) == sorted(kasus.diharapkan, key=lambda n: n or "")


@pytest.mark.parametrize("aturan", sorted({k.aturan for k in KASUS}))
def test_it_finds_nothing_on_the_clean_agency(aturan: str) -> None:
    assert ditemukan(periksa(data(), [aturan]), aturan) == []


def test_it_asks_tmt_pns_from_pns_only() -> None:
    hasil = periksa(data({"tmt_pns": None}, nip="199001012021021003"), ["tmt_pns_kosong"])
    assert hasil.temuan.height == 0


def test_it_does_not_report_a_date_the_reader_could_not_read_as_empty() -> None:
    tables = data({"tanggal_lahir": None})
    masalah = pl.DataFrame(
        {
            "baris": [2],
            "kolom": ["tanggal_lahir"],
            "nilai": ["31-02-1980"],
            "masalah": ["tanggal_tidak_valid"],
            "pesan": ["-"],
        }
    )
    masukan = {**tables, "pegawai": CheckInput(tables["pegawai"], masalah)}
    hasil = periksa(masukan, ["tanggal_lahir_kosong", "tanggal_tidak_terbaca"])
    assert hasil.temuan.get_column("nama_aturan").to_list() == ["tanggal_tidak_terbaca"]


def test_it_explains_why_a_date_is_implausible() -> None:
    hasil = periksa(data({"tmt_jabatan": date(2030, 1, 1)}), ["tmt_jabatan_tidak_wajar"])
    assert hasil.temuan.item(0, "pesan") == (
        "TMT jabatan (2030-01-01) tidak wajar: sesudah tanggal acuan 2025-10-17."
    )
