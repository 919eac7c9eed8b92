"""Findings from the readers' value-level problems (V39, Q00, Q19)."""

from __future__ import annotations

import polars as pl
import pytest

from bakat.engine.quality import CheckInput
from tests.engine.quality.contoh import NIP_AGUS, NIP_BUDI, NIP_SITI, data, periksa


def _masalah(*rows: tuple[int, str, str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"baris": b, "kolom": k, "nilai": n, "masalah": m, "pesan": "-"} for b, k, n, m in rows],
        schema={
            "baris": pl.Int64,
            "kolom": pl.String,
            "nilai": pl.String,
            "masalah": pl.String,
            "pesan": pl.String,
        },
    )


def _periksa(
    tabel: str, masalah: pl.DataFrame, ubah: dict[str, object] | None = None, nip: str = NIP_BUDI
) -> pl.DataFrame:
    tables = data(ubah, nip=nip)
    masukan = {**tables, tabel: CheckInput(tables[tabel], masalah)}
    return periksa(
        masukan, ["tanggal_tidak_terbaca", "nilai_tidak_dikenal", "nomor_tertulis_sebagai_angka"]
    ).temuan


@pytest.mark.parametrize(
    ("tabel", "masalah", "aturan", "nip"),
    [
        ("pegawai", (2, "tmt_cpns", "2005-13-01", "tanggal_tidak_valid"), "V39", NIP_BUDI),
        ("pegawai", (3, "status_kepegawaian", "Honorer", "nilai_tidak_dikenal"), "Q00", NIP_SITI),
        ("diklat", (4, "jp", "dua puluh", "angka_tidak_valid"), "Q00", NIP_AGUS),
        ("relasi", (2, "nip_b", "1.98505152010012E+17", "id_angka_ilmiah"), "Q19", NIP_BUDI),
    ],
)
def test_it_turns_a_reader_problem_into_a_finding_on_its_record(
    tabel: str, masalah: tuple[int, str, str, str], aturan: str, nip: str
) -> None:
    temuan = _periksa(tabel, _masalah(masalah))
    assert temuan.select("aturan", "nip", "tabel", "baris", "kolom", "nilai").rows() == [
        (aturan, nip, tabel, masalah[0], masalah[1], masalah[2])
    ]


def test_it_names_the_column_and_value_in_the_message() -> None:
    temuan = _periksa("pegawai", _masalah((2, "tmt_cpns", "2005-13-01", "tanggal_tidak_valid")))
    assert temuan.item(0, "pesan").startswith(
        "Tanggal pada kolom tmt_cpns (2005-13-01) tidak terbaca"
    )


def test_it_leaves_a_nip_in_scientific_notation_to_v01() -> None:
    temuan = _periksa("pegawai", _masalah((2, "nip", "1.98E+17", "id_angka_ilmiah")))
    assert temuan.height == 0


@pytest.mark.parametrize(("nilai", "laporkan"), [("IX", False), ("XVII", False), ("Z/9", True)])
def test_it_accepts_pppk_golongan_on_a_pppk_record(nilai: str, laporkan: bool) -> None:
    masalah = _masalah((4, "golongan", nilai, "nilai_tidak_dikenal"))
    assert (_periksa("pegawai", masalah).height == 1) is laporkan
