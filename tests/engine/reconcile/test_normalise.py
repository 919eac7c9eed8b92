"""Normalisation: what is formatting only (formats.md, rekonsiliasi.csv; domain.md §8 V40)."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bakat.engine.reconcile.normalise import (
    enum_kunci,
    gelar_belakang_dari_nama,
    gelar_depan_dari_nama,
    gelar_kunci,
    id_kunci,
    kolom_bersama,
    nama_kunci,
    pangkat_kunci,
    sebagai_tanggal,
    teks_kunci,
)


def _satu(expr: pl.Expr, nilai: str | None) -> object:
    return pl.DataFrame({"x": [nilai]}, schema={"x": pl.String}).select(expr).item()


@pytest.mark.parametrize(
    ("nama", "kunci"),
    [
        ("Budi Santoso", "BUDI SANTOSO"),
        ("BUDI  SANTOSO ", "BUDI SANTOSO"),
        ("budi\u00a0santoso", "BUDI SANTOSO"),
        ("Dr. Budi Santoso, S.Kom., M.T.", "BUDI SANTOSO"),
        ("Prof.Dr.Ir. Siti Aminah, M.Sc.", "SITI AMINAH"),
        ("dr. Rina Wati, Sp.A.", "RINA WATI"),
        ("Drs. H. Ahmad Yani", "H. AHMAD YANI"),
        ("Agus Setiawan SE", "AGUS SETIAWAN"),
        ("Rina Wati A.Md.Kep.", "RINA WATI"),
        ("M.Yusuf", "M. YUSUF"),
        ("Drajat Santoso", "DRAJAT SANTOSO"),
        ("Irwan Santoso", "IRWAN SANTOSO"),
        ("Agus S H", "AGUS S H"),
    ],
)
def test_a_name_key_drops_case_spacing_and_titles(nama: str, kunci: str) -> None:
    assert _satu(nama_kunci(pl.col("x")), nama) == kunci


@pytest.mark.parametrize(
    ("nama", "depan", "belakang"),
    [
        ("Dr. Budi Santoso, S.Kom., M.T.", "Dr.", "S.Kom., M.T."),
        ("PROF. DR. SITI AMINAH", "PROF. DR.", None),
        ("Agus Setiawan S.H.", None, "S.H."),
        ("Budi Santoso", None, None),
    ],
)
def test_it_reads_the_titles_written_inside_a_name(
    nama: str, depan: str | None, belakang: str | None
) -> None:
    assert _satu(gelar_depan_dari_nama(pl.col("x")), nama) == depan
    assert _satu(gelar_belakang_dari_nama(pl.col("x")), nama) == belakang


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("S.Kom., M.T.", "S.KOM, MT"),
        ("S.Kom.,M.T.", "s.kom. , m.t."),
        ("Prof. Dr.", "PROF.DR."),
    ],
)
def test_titles_compare_without_dots_spaces_and_case(a: str, b: str) -> None:
    assert _satu(gelar_kunci(pl.col("x")), a) == _satu(gelar_kunci(pl.col("x")), b)


def test_different_titles_keep_different_keys() -> None:
    assert _satu(gelar_kunci(pl.col("x")), "S.Kom.") != _satu(gelar_kunci(pl.col("x")), "S.T.")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pusat Data", "PUSAT  DATA"),
        ("Jl. Merdeka,Jakarta", "JL.MERDEKA, JAKARTA"),
    ],
)
def test_text_keys_ignore_case_and_spacing(a: str, b: str) -> None:
    assert _satu(teks_kunci(pl.col("x")), a) == _satu(teks_kunci(pl.col("x")), b)


@pytest.mark.parametrize("nik", ["3171 0112 0385 0001", "'3171011203850001", "3171011203850001 "])
def test_identifier_keys_ignore_spaces_and_a_leading_apostrophe(nik: str) -> None:
    assert _satu(id_kunci(pl.col("x")), nik) == "3171011203850001"


@pytest.mark.parametrize(
    ("kolom", "nilai", "kanonik"),
    [
        ("golongan", "3A", "III/a"),
        ("golongan", "III-a", "III/a"),
        ("golongan", "iii a", "III/a"),
        ("golongan", "3/a", "III/a"),
        ("golongan", "III/a", "III/a"),
        ("pendidikan", "S-1", "S1"),
        ("pendidikan", "D-III", "D3"),
        ("pendidikan", "SMA", "SLTA"),
        ("jenis_kelamin", "M", "L"),
        ("jenis_kelamin", "Perempuan", "P"),
        ("jenjang_jabatan", "Ahli Muda", "AHLI_MUDA"),
        ("golongan", "tidak dikenal", "TIDAK DIKENAL"),
    ],
)
def test_enumerations_compare_by_their_canonical_value(
    kolom: str, nilai: str, kanonik: str
) -> None:
    assert _satu(enum_kunci(pl.col("x"), kolom), nilai) == kanonik


@pytest.mark.parametrize(
    "pangkat", ["Penata Muda Tk. I", "PENATA MUDA TINGKAT I", "penata muda tk I"]
)
def test_rank_names_compare_by_the_golongan_they_denote(pangkat: str) -> None:
    assert _satu(pangkat_kunci(pl.col("x")), pangkat) == "III/b"


@pytest.mark.parametrize("teks", ["2020-01-05", "05-01-2020", "05/01/2020", "5/1/2020"])
def test_dates_written_as_text_are_read_in_every_accepted_form(teks: str) -> None:
    assert _satu(sebagai_tanggal(pl.col("x")), teks) == date(2020, 1, 5)


def test_a_date_in_no_accepted_form_is_empty() -> None:
    assert _satu(sebagai_tanggal(pl.col("x")), "2020/01/05") is None


@pytest.mark.parametrize(
    ("lokal", "siasn", "kolom"),
    [
        ({"nip", "nama", "golongan"}, {"nip", "nama", "golongan"}, ["nama", "golongan"]),
        ({"nip", "golongan", "jurusan"}, {"nip", "golongan", "tmt_pensiun"}, ["golongan"]),
        (
            {"nip", "nama", "gelar_belakang"},
            {"nip", "nama"},
            ["nama", "gelar_belakang"],
        ),
        ({"nip", "gelar_belakang"}, {"nip", "golongan"}, []),
    ],
)
def test_only_columns_present_in_both_files_are_compared(
    lokal: set[str], siasn: set[str], kolom: list[str]
) -> None:
    assert kolom_bersama(dict.fromkeys(lokal, ""), dict.fromkeys(siasn, "")) == kolom
