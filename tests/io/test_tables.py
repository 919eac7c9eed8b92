from __future__ import annotations

import polars as pl
import pytest

from bakat.io.tables import TABLES, Kind, table


@pytest.mark.parametrize("name", sorted(TABLES))
def test_required_and_key_columns_belong_to_the_table(name: str) -> None:
    contract = TABLES[name]
    assert set(contract.required) <= set(contract.names)
    assert set(contract.key) <= set(contract.required)
    assert len(set(contract.names)) == len(contract.names)


@pytest.mark.parametrize(
    ("name", "required", "key"),
    [
        ("pegawai", ("nip",), ("nip",)),
        ("siasn", ("nip",), ("nip",)),
        ("kinerja", ("nip", "tahun", "predikat"), ("nip", "tahun")),
        ("asesmen", ("nip", "tanggal", "skor_kompetensi", "skor_potensi"), ("nip", "tanggal")),
        ("diklat", ("nip", "tanggal", "jp"), ()),
        ("hukdis", ("nip", "tingkat", "tmt"), ()),
        ("jabatan", ("jabatan_id", "nama", "jenjang_jabatan"), ("jabatan_id",)),
        ("relasi", ("nip_a", "nip_b", "hubungan"), ()),
        ("unit_kerja", ("unit_kerja",), ("unit_kerja",)),
        ("instansi", ("instansi",), ("instansi",)),
    ],
)
def test_the_documented_contract_of_each_table(
    name: str, required: tuple[str, ...], key: tuple[str, ...]
) -> None:
    assert (table(name).required, table(name).key) == (required, key)


def test_identifiers_are_text_and_dates_are_dates() -> None:
    pegawai = TABLES["pegawai"]
    for column in ("nip", "nik", "jabatan_id", "unit_kerja", "instansi"):
        assert pegawai.column(column).kind is Kind.ID
        assert pegawai.schema[column] == pl.String
    assert pegawai.schema["tanggal_lahir"] == pl.Date
    assert pegawai.column("status_aktif").default is True


def test_an_unknown_table_name_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown table"):
        table("pegawai2")
