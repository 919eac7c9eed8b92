"""Rules on the history tables and relasi: unknown employees, ranges, sanction dates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.engine.quality.contoh import NIP_BUDI, NIP_SITI, Kasus, data, ditemukan, periksa

_LUAR = "199912312020121001"
_LEVEL = {
    k: 3
    for k in (
        "integritas",
        "kerja_sama",
        "komunikasi",
        "orientasi_hasil",
        "pelayanan_publik",
        "pengembangan_diri",
        "mengelola_perubahan",
        "pengambilan_keputusan",
        "perekat_bangsa",
    )
}


def _asesmen(nip: str = NIP_BUDI, **ubah: Any) -> dict[str, Any]:
    baris = {
        "nip": nip,
        "tanggal": date(2023, 1, 1),
        "skor_kompetensi": 70.0,
        "skor_potensi": 70.0,
        **_LEVEL,
    }
    return {**baris, **ubah}


def _hukdis(nip: str = NIP_SITI, **ubah: Any) -> dict[str, Any]:
    baris = {
        "nip": nip,
        "tingkat": "sedang",
        "tmt": date(2021, 1, 1),
        "tanggal_akhir": date(2021, 6, 30),
    }
    return {**baris, **ubah}


_SB = {
    "predikat": "Baik",
    "hasil_kerja": "sesuai ekspektasi",
    "perilaku_kerja": "sesuai ekspektasi",
}

KASUS = [
    Kasus(
        "kinerja_nip_tidak_dikenal",
        tambah={"kinerja": [{"nip": _LUAR, "tahun": 2024, **_SB}]},
        diharapkan=(_LUAR,),
    ),
    Kasus("asesmen_nip_tidak_dikenal", tambah={"asesmen": [_asesmen(_LUAR)]}, diharapkan=(_LUAR,)),
    Kasus(
        "diklat_nip_tidak_dikenal",
        tambah={"diklat": [{"nip": _LUAR, "tanggal": date(2024, 1, 5), "nama": "x", "jp": 8.0}]},
        diharapkan=(_LUAR,),
    ),
    Kasus("hukdis_nip_tidak_dikenal", tambah={"hukdis": [_hukdis(_LUAR)]}, diharapkan=(_LUAR,)),
    Kasus(
        "relasi_nip_tidak_dikenal",
        tambah={"relasi": [{"nip_a": NIP_BUDI, "nip_b": _LUAR, "hubungan": "keluarga"}]},
    ),
    Kasus(
        "relasi_dengan_diri_sendiri",
        tambah={"relasi": [{"nip_a": NIP_BUDI, "nip_b": NIP_BUDI, "hubungan": "keluarga"}]},
    ),
    Kasus("skor_asesmen_di_luar_rentang", tambah={"asesmen": [_asesmen(skor_potensi=120.0)]}),
    Kasus("skor_asesmen_di_luar_rentang", tambah={"asesmen": [_asesmen(skor_kompetensi=-1.0)]}),
    Kasus(
        "level_kompetensi_asesmen_di_luar_rentang",
        tambah={"asesmen": [_asesmen(integritas=0)]},
    ),
    Kasus(
        "hukdis_berakhir_sebelum_tmt",
        tambah={"hukdis": [_hukdis(tanggal_akhir=date(2020, 12, 1))]},
        diharapkan=(NIP_SITI,),
    ),
    Kasus(
        "hukdis_tanpa_tanggal_akhir",
        tambah={"hukdis": [_hukdis(tanggal_akhir=None)]},
        diharapkan=(NIP_SITI,),
    ),
    Kasus(
        "jp_diklat_tidak_positif",
        tambah={"diklat": [{"nip": NIP_BUDI, "tanggal": date(2024, 6, 1), "nama": "x", "jp": 0.0}]},
    ),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_it_names_the_violating_record(kasus: Kasus) -> None:
    hasil = periksa(kasus.data(), [kasus.aturan])
    assert ditemukan(hasil, kasus.aturan) == sorted(kasus.diharapkan)


@pytest.mark.parametrize("aturan", sorted({k.aturan for k in KASUS}))
def test_it_finds_nothing_on_the_clean_agency(aturan: str) -> None:
    assert ditemukan(periksa(data(), [aturan]), aturan) == []


def test_it_matches_history_rows_on_the_cleaned_nip() -> None:
    baris = {"nip": "19800101 200501 1 001", "tahun": 2024, **_SB}
    hasil = periksa(data(tambah={"kinerja": [baris]}), ["kinerja_nip_tidak_dikenal"])
    assert hasil.temuan.height == 0


def test_it_reports_a_history_finding_under_the_unit_of_the_employee() -> None:
    hasil = periksa(
        data(tambah={"asesmen": [_asesmen(integritas=9)]}),
        ["level_kompetensi_asesmen_di_luar_rentang"],
    )
    assert hasil.temuan.select("unit_kerja", "tabel", "baris").row(0) == ("U1", "asesmen", 5)
