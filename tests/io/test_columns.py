from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bakat.io.headers import RawTable
from bakat.io.tables import TABLES
from bakat.io.values import Prepared, prepare


def _prepare(table: str, shortcuts: bool = True, **columns: pl.Series) -> Prepared:
    height = len(next(iter(columns.values())))
    frame = pl.DataFrame(
        {"_baris": pl.int_range(2, height + 2, eager=True, dtype=pl.Int64), **columns}
    )
    raw = RawTable(frame.lazy(), {name: name for name in columns})
    return prepare(raw, TABLES[table], shortcuts=shortcuts)


def _masalah(prepared: Prepared) -> list[tuple[object, ...]]:
    return prepared.masalah.select("baris", "kolom", "nilai", "masalah").rows()


def test_canonical_text_enumerations_pass_through_unchanged() -> None:
    prepared = _prepare(
        "pegawai",
        nip=pl.Series(["1", "2"]),
        golongan=pl.Series(["III/a", None]),
        jenis_kelamin=pl.Series(["L", "P"]),
    )
    assert {"nip", "golongan", "jenis_kelamin"} <= prepared.unchanged
    assert prepared.frame.select("golongan").collect().to_series().to_list() == ["III/a", None]


def test_an_enumeration_spelled_otherwise_is_mapped_and_an_unknown_one_reported() -> None:
    prepared = _prepare(
        "pegawai", nip=pl.Series(["1", "2", "3"]), golongan=pl.Series(["3a", " IV/e ", "zz"])
    )
    assert "golongan" not in prepared.unchanged
    values = prepared.frame.select("golongan").collect().to_series().to_list()
    assert values == ["III/a", "IV/e", None]
    assert _masalah(prepared) == [(4, "golongan", "zz", "nilai_tidak_dikenal")]


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ([" 0012 ", "42"], ["0012", "42"]),  # trimmed
        (["", "42"], [None, "42"]),  # empty is empty
    ],
)
def test_an_identifier_that_needs_trimming_does_not_pass_through(
    stored: list[str], expected: list[str | None]
) -> None:
    prepared = _prepare("pegawai", nip=pl.Series(stored))
    assert "nip" not in prepared.unchanged
    assert prepared.frame.select("nip").collect().to_series().to_list() == expected


def test_an_identifier_in_scientific_notation_is_kept_and_reported() -> None:
    prepared = _prepare("pegawai", nip=pl.Series(["1.98E+17", " 2e5 ", "KEMENSOS-1"]))
    assert prepared.frame.select("nip").collect().to_series().to_list() == [
        "1.98E+17",
        "2e5",
        "KEMENSOS-1",
    ]
    assert _masalah(prepared) == [
        (2, "nip", "1.98E+17", "id_angka_ilmiah"),
        (3, "nip", "2e5", "id_angka_ilmiah"),
    ]


def test_stored_dates_outside_the_valid_range_are_reported() -> None:
    prepared = _prepare(
        "pegawai",
        nip=pl.Series(["1", "2", "3"]),
        tanggal_lahir=pl.Series([date(1980, 1, 5), date(1800, 1, 1), None]),
        tmt_cpns=pl.Series([date(2005, 1, 1), None, None]),
    )
    assert "tmt_cpns" in prepared.unchanged and "tanggal_lahir" not in prepared.unchanged
    assert prepared.frame.select("tanggal_lahir").collect().to_series().to_list() == [
        date(1980, 1, 5),
        None,
        None,
    ]
    assert _masalah(prepared) == [(3, "tanggal_lahir", "1800-01-01", "tanggal_tidak_valid")]


def test_an_enumeration_stored_as_numbers_is_read_from_its_text() -> None:
    prepared = _prepare(
        "pegawai", nip=pl.Series(["1", "2", "3"]), jenis_kelamin=pl.Series([1.0, 2.0, 7.0])
    )
    values = prepared.frame.select("jenis_kelamin").collect().to_series().to_list()
    assert values == ["L", "P", None]
    assert _masalah(prepared) == [(4, "jenis_kelamin", "7", "nilai_tidak_dikenal")]


def test_status_aktif_stored_without_empty_cells_passes_through() -> None:
    full = _prepare("pegawai", nip=pl.Series(["1"]), status_aktif=pl.Series([False]))
    gaps = _prepare("pegawai", nip=pl.Series(["1", "2"]), status_aktif=pl.Series([False, None]))
    assert "status_aktif" in full.unchanged and "status_aktif" not in gaps.unchanged
    assert gaps.frame.select("status_aktif").collect().to_series().to_list() == [False, True]


@pytest.mark.parametrize(
    ("table", "column", "texts", "expected"),
    [
        ("pegawai", "tanggal_lahir", ["1980-01-05", None], [date(1980, 1, 5), None]),
        ("kinerja", "tahun", ["2024", "0"], [2024, 0]),
        ("asesmen", "skor_potensi", ["85.25", "7"], [85.25, 7.0]),
        ("pegawai", "status_aktif", ["false", None], [False, True]),
    ],
)
def test_plain_texts_are_converted_directly_with_the_same_values(
    table: str, column: str, texts: list[str | None], expected: list[object]
) -> None:
    key = "nip"
    columns = {key: pl.Series(["1", "2"]), column: pl.Series(texts, dtype=pl.String)}
    fast = _prepare(table, **columns)
    general = _prepare(table, shortcuts=False, **columns)
    assert fast.frame.select(column).collect().to_series().to_list() == expected
    assert fast.frame.collect().equals(general.frame.collect())
    assert fast.masalah.is_empty() and general.masalah.is_empty()
