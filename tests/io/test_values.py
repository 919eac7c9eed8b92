from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bakat.io.headers import RawTable
from bakat.io.tables import TABLES
from bakat.io.values import MASALAH_SCHEMA, normalise, prepare


def _raw(**columns: list[object]) -> RawTable:
    height = len(next(iter(columns.values())))
    frame = pl.DataFrame({"_baris": list(range(2, height + 2)), **columns}, strict=False)
    return RawTable(frame.with_columns(pl.col("_baris").cast(pl.Int64)), {c: c for c in columns})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("FALSE", False),
        ("Ya", True),
        ("tidak", False),
        ("1", True),
        ("0", False),
        ("Aktif", True),
        ("Tidak Aktif", False),
        ("", True),  # empty: the default of status_aktif
        (None, True),
        ("pensiun", None),
    ],
)
def test_status_aktif_reads_booleans_and_defaults_to_true(
    text: str | None, expected: bool | None
) -> None:
    frame, masalah = normalise(_raw(nip=["1"], status_aktif=[text]), TABLES["pegawai"])
    assert frame.item(0, "status_aktif") is expected
    assert masalah.height == (1 if expected is None else 0)


def test_an_absent_boolean_column_takes_its_default() -> None:
    frame, _ = normalise(_raw(jabatan_id=["J1"], nama=["Kepala"]), TABLES["jabatan"])
    assert frame.item(0, "kritikal") is False
    assert frame.item(0, "jenjang_jabatan") is None


def test_the_frame_has_every_canonical_column_with_its_dtype() -> None:
    frame, masalah = normalise(_raw(nip=["1"]), TABLES["asesmen"])
    assert frame.columns == ["_baris", *TABLES["asesmen"].names]
    assert frame.schema == pl.Schema({"_baris": pl.Int64, **TABLES["asesmen"].schema})
    assert masalah.schema == MASALAH_SCHEMA


@pytest.mark.parametrize(
    ("text", "expected"),
    [("85", 85.0), ("85.5", 85.5), ("85,5", 85.5), (" 7 ", 7.0), ("inf", None), ("NaN", None)],
)
def test_scores_accept_a_decimal_point_or_comma_and_nothing_else(
    text: str, expected: float | None
) -> None:
    frame, masalah = normalise(
        _raw(nip=["1"], tanggal=["2024-01-01"], skor_kompetensi=[text]), TABLES["asesmen"]
    )
    assert frame.item(0, "skor_kompetensi") == expected
    assert masalah.get_column("masalah").to_list() == (
        [] if expected is not None else ["angka_tidak_valid"]
    )


@pytest.mark.parametrize(
    ("text", "expected"), [("2024", 2024), ("2024.0", 2024), ("2024.5", None), ("dua", None)]
)
def test_whole_numbers_accept_a_trailing_zero_fraction_only(
    text: str, expected: int | None
) -> None:
    frame, _ = normalise(_raw(nip=["1"], tahun=[text], predikat=["Baik"]), TABLES["kinerja"])
    assert frame.item(0, "tahun") == expected


def test_keep_raw_adds_the_written_text_of_normalised_columns() -> None:
    frame, _ = normalise(
        _raw(nip=["1"], golongan=[" 3a "], tanggal_lahir=["01/02/1980"], nama=["Budi"]),
        TABLES["pegawai"],
        keep_raw=True,
    )
    row = frame.row(0, named=True)
    assert (row["golongan"], row["golongan__asli"]) == ("III/a", "3a")
    assert (row["tanggal_lahir"], row["tanggal_lahir__asli"]) == (date(1980, 2, 1), "01/02/1980")
    assert "nama__asli" not in frame.columns  # text is kept as written anyway


def test_enumerations_are_read_through_the_domain_parsers() -> None:
    frame, _ = normalise(
        _raw(
            nip=["1", "2"],
            tingkat=["R", "hukuman disiplin berat"],
            tmt=["2024-01-01", "2024-01-01"],
        ),
        TABLES["hukdis"],
    )
    assert frame.get_column("tingkat").to_list() == ["ringan", "berat"]


def test_typed_columns_pass_through() -> None:
    raw = _raw(
        nip=["1", "2"],
        tanggal=[date(2024, 1, 1), date(1800, 1, 1)],
        skor_kompetensi=[80, 90],
        skor_potensi=[70.5, None],
        integritas=[3, 4],
    )
    frame, masalah = normalise(raw, TABLES["asesmen"])
    assert frame.select("tanggal", "skor_kompetensi", "skor_potensi", "integritas").rows() == [
        (date(2024, 1, 1), 80.0, 70.5, 3),
        (None, 90.0, None, 4),
    ]
    assert masalah.select("baris", "kolom", "nilai").rows() == [(3, "tanggal", "1800-01-01")]


def test_a_float_identifier_shows_its_lost_digits() -> None:
    frame, masalah = normalise(_raw(nip=[198001012005011001.0, 42.0, None]), TABLES["pegawai"])
    assert frame.get_column("nip").to_list() == ["1.98001012005011E+17", "42", None]
    assert masalah.select("baris", "masalah").rows() == [(2, "id_angka_ilmiah")]


_TEXTS = [
    None, "", " ", "III/a", "3a", " IV/e ", "zz", "L", "laki-laki", "1980-01-05", "5/1/1980",
    "43835", "1899-12-31", "2024", "2024.0", "0012", "85,5", "85.5", "inf", "true", "false",
    "Ya", "tidak aktif", "pensiun", "1.98E+17", "Baik", "Cukup", "sesuai", "R", "KEMENSOS",
    "\u00a0x\u00a0", "x", "2020-01-05 00:00:00", "1", " 1", "0",
]  # fmt: skip
_STORED: dict[str, tuple[pl.DataType, list[object]]] = {
    "text": (pl.String(), _TEXTS),
    "category": (pl.Categorical(), _TEXTS),
    "int64": (pl.Int64(), [None, 0, 1, 2, 2024, 43835, -5]),
    "int32": (pl.Int32(), [None, 0, 1, 2024, 43835]),
    "uint64": (pl.UInt64(), [None, 1, 2024, 2**63 + 5]),
    "float": (
        pl.Float64(),
        [None, 0.0, 1.0, 2.5, 2024.0, 43835.0, 1.98e17, float("nan"), float("inf")],
    ),
    "date": (pl.Date(), [None, date(1980, 1, 5), date(1800, 1, 1), date(2150, 1, 1)]),
    "bool": (pl.Boolean(), [None, True, False]),
}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_shortcuts_give_the_same_frame_masalah_and_keys_as_the_general_path(
    data: st.DataObject,
) -> None:
    table = TABLES[data.draw(st.sampled_from(["pegawai", "kinerja", "asesmen", "jabatan"]))]
    names = data.draw(st.lists(st.sampled_from(table.names), min_size=1, unique=True))
    height = data.draw(st.integers(0, 6))
    columns = {}
    for name in names:
        dtype, pool = _STORED[data.draw(st.sampled_from(sorted(_STORED)), label=name)]
        values = data.draw(st.lists(st.sampled_from(pool), min_size=height, max_size=height))
        columns[name] = pl.Series(
            name, values, dtype=pl.String if dtype == pl.Categorical else dtype
        )
        if dtype == pl.Categorical:
            columns[name] = columns[name].cast(pl.Categorical)
    frame = pl.DataFrame(
        {"_baris": pl.int_range(2, height + 2, eager=True, dtype=pl.Int64), **columns}
    )
    key = table.key if all(name in names for name in table.key) else ()
    results = []
    for source in (frame, frame.lazy()):
        raw = RawTable(source, {name: name for name in names})
        for shortcuts in (True, False):
            results.append(prepare(raw, table, key=key, shortcuts=shortcuts))
    first = results[0]
    expected_frame = first.frame.collect()
    repeats = bool(key) and expected_frame.select(key).drop_nulls().is_duplicated().any()
    for other in results:
        assert other.frame.collect().equals(expected_frame, null_equal=True)
        assert other.masalah.equals(first.masalah, null_equal=True)
        assert other.key_may_repeat or not repeats
