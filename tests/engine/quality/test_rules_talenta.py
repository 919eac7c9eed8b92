"""Talent-data rules: the SKP matrix, SKP coverage, 20 JP, sanctions in force."""

from __future__ import annotations

from datetime import date

import pytest

from tests.engine.quality.contoh import AS_OF, NIP_AGUS, NIP_BUDI, Kasus, data, ditemukan, periksa

_ATAS = "di atas ekspektasi"
_SESUAI = "sesuai ekspektasi"

KASUS = [
    Kasus(
        "predikat_tidak_sesuai_matriks",
        tambah={
            "kinerja": [
                {
                    "nip": NIP_BUDI,
                    "tahun": 2022,
                    "predikat": "Sangat Baik",
                    "hasil_kerja": _SESUAI,
                    "perilaku_kerja": _SESUAI,
                }
            ]
        },
    ),
    Kasus(
        "skp_tidak_lengkap",
        hapus={"kinerja": lambda r: r["nip"] == NIP_BUDI and r["tahun"] == 2024},
    ),
    Kasus(
        "skp_tidak_lengkap",
        hapus={"kinerja": lambda r: r["nip"] == NIP_AGUS and r["tahun"] == 2023},
        diharapkan=(NIP_AGUS,),
    ),
    Kasus("jp_kurang_dari_batas", baris={"diklat": {0: {"jp": 19.5}}}),
    Kasus(
        "hukdis_aktif",
        tambah={
            "hukdis": [
                {
                    "nip": NIP_BUDI,
                    "tingkat": "sedang",
                    "tmt": date(2025, 9, 1),
                    "tanggal_akhir": date(2026, 2, 28),
                }
            ]
        },
    ),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_it_names_the_violating_record(kasus: Kasus) -> None:
    hasil = periksa(kasus.data(), [kasus.aturan])
    assert ditemukan(hasil, kasus.aturan) == sorted(kasus.diharapkan)


@pytest.mark.parametrize("aturan", sorted({k.aturan for k in KASUS}))
def test_it_finds_nothing_on_the_clean_agency(aturan: str) -> None:
    assert ditemukan(periksa(data(), [aturan]), aturan) == []


@pytest.mark.parametrize(
    ("hasil_kerja", "perilaku_kerja", "predikat"),
    [
        (_ATAS, _ATAS, "Sangat Baik"),
        (_ATAS, _SESUAI, "Baik"),
        ("di bawah ekspektasi", _ATAS, "Butuh Perbaikan"),
    ],
)
def test_it_accepts_the_predikat_of_the_matrix(
    hasil_kerja: str, perilaku_kerja: str, predikat: str
) -> None:
    ubah = {0: {"hasil_kerja": hasil_kerja, "perilaku_kerja": perilaku_kerja, "predikat": predikat}}
    assert (
        periksa(data(baris={"kinerja": ubah}), ["predikat_tidak_sesuai_matriks"]).temuan.height == 0
    )


def test_it_does_not_ask_for_skp_from_someone_appointed_within_the_window() -> None:
    hapus = {"kinerja": lambda r: r["nip"] == NIP_AGUS}
    ubah = {"nip": "199001012024011003"}
    hasil = periksa(data(ubah, nip=NIP_AGUS, hapus=hapus), ["skp_tidak_lengkap"])
    assert hasil.temuan.height == 0


def test_it_checks_the_last_full_year_for_20_jp() -> None:
    geser = {0: {"tanggal": date(AS_OF.year - 2, 3, 1)}}
    assert ditemukan(
        periksa(data(baris={"diklat": geser}), ["jp_kurang_dari_batas"]), "jp_kurang_dari_batas"
    ) == [NIP_BUDI]


def test_it_reports_the_unit_share_reaching_20_jp() -> None:
    hasil = periksa(data(baris={"diklat": {0: {"jp": 5.0}}}))
    assert hasil.capaian_jp is not None
    semua = hasil.capaian_jp.filter(hasil.capaian_jp["cakupan"] == "semua").row(0, named=True)
    assert (semua["pegawai_dinilai"], semua["pegawai_mencapai"]) == (3, 2)
    assert semua["target_tercapai"] is False


def test_it_keeps_20_jp_and_active_sanctions_out_of_the_index() -> None:
    hukdis = {"nip": NIP_BUDI, "tingkat": "berat", "tmt": date(2025, 1, 1), "tanggal_akhir": None}
    hasil = periksa(
        data(baris={"diklat": {0: {"jp": 5.0}}}, tambah={"hukdis": [hukdis]}),
        ["jp_kurang_dari_batas", "hukdis_aktif"],
    )
    assert hasil.temuan.height == 2
    assert (
        hasil.indeks_kualitas.filter(hasil.indeks_kualitas["cakupan"] == "semua").item(
            0, "pasangan_diperiksa"
        )
        == 0
    )


def test_it_dates_a_pppk_with_an_unreadable_ni_pppk_from_tmt_jabatan() -> None:
    rusak = "19900101202102100"
    ubah = {"nip": rusak}
    diklat = {0: {}, 1: {}, 2: {"nip": rusak, "jp": 4.0}}
    hasil = periksa(data(ubah, nip=NIP_AGUS, baris={"diklat": diklat}), ["jp_kurang_dari_batas"])
    assert ditemukan(hasil, "jp_kurang_dari_batas") == [rusak]
