from __future__ import annotations

import pytest

from bakat.domain.errors import InputError
from bakat.io.headers import header_key, resolve_headers, spellings
from bakat.io.tables import TABLES


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Tanggal Lahir", "tanggallahir"),
        (" tanggal_lahir ", "tanggallahir"),
        ("TANGGAL-LAHIR", "tanggallahir"),
        ("\ufefftglLahir", "tgllahir"),
        ("Gol./Ruang", "golruang"),
    ],
)
def test_headers_compare_without_case_spaces_or_punctuation(header: str, key: str) -> None:
    assert header_key(header) == key


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_has_unambiguous_spellings(name: str) -> None:
    known = spellings(TABLES[name])  # raises ValueError on a clash
    for column in TABLES[name].names:
        assert known.strong[header_key(column)] == column


@pytest.mark.parametrize(
    ("table", "header", "column"),
    [
        ("siasn", "nipBaru", "nip"),
        ("siasn", "nipLama", "nip_lama"),
        ("siasn", "tglLahir", "tanggal_lahir"),
        ("siasn", "golRuangAkhir", "golongan"),
        ("siasn", "gelarDepan", "gelar_depan"),
        ("siasn", "gelarBelakang", "gelar_belakang"),
        ("siasn", "tempatLahir", "tempat_lahir"),
        ("siasn", "jenisKelamin", "jenis_kelamin"),
        ("siasn", "tmtCpns", "tmt_cpns"),
        ("siasn", "tmtPns", "tmt_pns"),
        ("siasn", "tmtGolAkhir", "tmt_golongan"),
        ("siasn", "jabatanNama", "jabatan"),
        ("siasn", "tmtJabatan", "tmt_jabatan"),
        ("siasn", "unorId", "unit_kerja"),
        ("siasn", "unorNama", "unit_kerja_nama"),
        ("siasn", "tkPendidikanTerakhir", "pendidikan"),
        ("siasn", "kedudukanPnsNama", "status_aktif"),
        ("pegawai", "NIP BARU", "nip"),
        ("kinerja", "kuadranKinerja", "predikat"),
        ("kinerja", "hasilKinerja", "hasil_kerja"),
        ("kinerja", "perilakuKerja", "perilaku_kerja"),
        ("hukdis", "akhirHukumTanggal", "tanggal_akhir"),
        ("hukdis", "hukumanTanggal", "tmt"),
        ("hukdis", "jenisTingkatHukumanId", "tingkat"),
        ("diklat", "jumlahJam", "jp"),
    ],
)
def test_it_accepts_the_siasn_and_common_names(table: str, header: str, column: str) -> None:
    mapping = resolve_headers(TABLES[table], [header, *_required(table, column)], file="f")
    assert mapping.position[column] == 0
    assert mapping.written[column] == header


def _required(table: str, column: str) -> list[str]:
    return [name for name in TABLES[table].required if name != column]


def test_a_fallback_header_is_used_only_without_a_stronger_one() -> None:
    table = TABLES["siasn"]
    alone = resolve_headers(table, ["nipBaru", "pendidikanTerakhirNama"], file="f")
    assert alone.position["pendidikan"] == 1
    both = resolve_headers(
        table, ["nipBaru", "pendidikanTerakhirNama", "tkPendidikanTerakhir"], file="f"
    )
    assert both.position["pendidikan"] == 2


def test_two_headers_for_one_column_are_refused_naming_both() -> None:
    with pytest.raises(InputError) as caught:
        resolve_headers(TABLES["pegawai"], ["NIP", "nama", "nip_baru"], file="f")
    assert caught.value.column == "NIP, nip_baru"
    assert caught.value.row == 1


def test_empty_and_unknown_headers_are_ignored() -> None:
    mapping = resolve_headers(TABLES["pegawai"], [None, "", "nip", "agama"], file="f")
    assert dict(mapping.position) == {"nip": 2}


def test_fallback_headers_are_tried_in_their_listed_order() -> None:
    table = TABLES["siasn"]
    mapping = resolve_headers(
        table, ["pendidikanTerakhirNama", "nipBaru", "tkPendidikanTerakhirNama"], file="f"
    )
    assert mapping.written["pendidikan"] == "tkPendidikanTerakhirNama"


def test_the_same_fallback_header_twice_is_refused() -> None:
    with pytest.raises(InputError, match="pendidikan"):
        resolve_headers(
            TABLES["siasn"], ["nip", "pendidikanTerakhirNama", "pendidikan_terakhir_nama"], file="f"
        )
