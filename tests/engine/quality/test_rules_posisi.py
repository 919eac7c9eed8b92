"""Rules on the jabatan table: incumbents against the employee records, required levels."""

from __future__ import annotations

import pytest

from tests.engine.quality.contoh import NIP_BUDI, NIP_SITI, Kasus, data, ditemukan, periksa

_ORANG_LUAR = "199912312020121001"

KASUS = [
    Kasus("pemangku_tercatat_di_jabatan_lain", baris={"jabatan": {3: {"nip_pemangku": NIP_BUDI}}}),
    Kasus(
        "pemangku_tidak_dikenal",
        baris={"jabatan": {3: {"nip_pemangku": _ORANG_LUAR}}},
        diharapkan=(_ORANG_LUAR,),
    ),
    Kasus("pemangku_tidak_aktif", {"status_aktif": False}, (NIP_SITI,), NIP_SITI),
    Kasus(
        "pemangku_di_lebih_dari_satu_jabatan",
        baris={"jabatan": {3: {"nip_pemangku": NIP_BUDI}}},
        diharapkan=(NIP_BUDI, NIP_BUDI),
    ),
    Kasus(
        "jabatan_manajerial_lebih_dari_satu_pemegang",
        {"jabatan_id": "J4"},
        (None,),
        baris={"pegawai": {1: {"jabatan_id": "J4"}}},
    ),
    Kasus("level_kompetensi_jabatan_di_luar_rentang", baris={"jabatan": {0: {"integritas": 6}}}),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_it_names_the_violating_record(kasus: Kasus) -> None:
    hasil = periksa(kasus.data(), [kasus.aturan])
    assert ditemukan(hasil, kasus.aturan) == sorted(kasus.diharapkan, key=lambda n: n or "")


@pytest.mark.parametrize("aturan", sorted({k.aturan for k in KASUS}))
def test_it_finds_nothing_on_the_clean_agency(aturan: str) -> None:
    assert ditemukan(periksa(data(), [aturan]), aturan) == []


def test_it_reports_a_position_finding_under_the_position_unit_and_row() -> None:
    hasil = periksa(
        data(baris={"jabatan": {0: {"integritas": 0}}}),
        ["level_kompetensi_jabatan_di_luar_rentang"],
    )
    temuan = hasil.temuan.row(0, named=True)
    assert (temuan["tabel"], temuan["baris"], temuan["unit_kerja"]) == ("jabatan", 2, "U1")
    assert temuan["nilai"] == "integritas=0"
