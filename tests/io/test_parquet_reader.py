from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.domain.errors import InputError
from bakat.io.parquet_reader import read_parquet
from bakat.io.readers import damaged_column, read_file
from bakat.io.tables import TABLES
from bakat.io.values import prepare
from bakat.io.writers import write_csv


def test_canonical_dtypes_pass_through_unchanged(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "nip": ["012345678901234567"],
            "tanggal": [date(2024, 5, 1)],
            "skor_kompetensi": [81.5],
            "skor_potensi": [77.0],
            "integritas": [4],
        }
    )
    frame.write_parquet(tmp_path / "asesmen.parquet")
    loaded = read_file(tmp_path / "asesmen.parquet")
    assert loaded.frame.select(frame.columns).collect().equals(frame)
    assert loaded.frame.select("_baris").collect().item() == 2
    assert loaded.masalah.is_empty()


def test_other_dtypes_are_read_like_cells(tmp_path: Path) -> None:
    pl.DataFrame(
        {
            "NIP": [198001012005011001, 42],
            "tahun": ["2024", "2023"],
            "predikat": pl.Series(["sangat baik", "Cukup"], dtype=pl.Categorical),
        }
    ).write_parquet(tmp_path / "kinerja.parquet")
    loaded = read_file(tmp_path / "kinerja.parquet")
    assert loaded.frame.select("nip", "tahun", "predikat").collect().rows() == [
        ("198001012005011001", 2024, "Sangat Baik"),
        ("42", 2023, "Butuh Perbaikan"),
    ]


def test_a_damaged_parquet_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pegawai.parquet").write_bytes(b"PAR1 rusak")
    with pytest.raises(InputError, match="Parquet"):
        read_file(tmp_path / "pegawai.parquet")


def _canonical_pegawai() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "nip": ["198001012005011001", "198502022010012002", None],
            "nama": ["Budi", "Siti", "Rina"],
            "jenis_kelamin": ["L", "P", "P"],
            "tanggal_lahir": [date(1980, 1, 1), date(1985, 2, 2), None],
            "status_kepegawaian": ["PNS", "PPPK", "CPNS"],
            "golongan": ["III/a", None, "IV/e"],
            "jenjang_jabatan": ["AHLI_MUDA", "PELAKSANA", "JPT_PRATAMA"],
            "pendidikan": ["S1", "SLTA", "S3"],
            "status_aktif": [True, False, True],
            "unit_kerja": ["U1", "U2", "U1"],
        }
    )


def test_a_canonical_file_passes_through_and_reads_like_the_general_path(
    tmp_path: Path,
) -> None:
    canonical = _canonical_pegawai()
    canonical.write_parquet(tmp_path / "pegawai.parquet")
    table = TABLES["pegawai"]
    raw = read_parquet(tmp_path / "pegawai.parquet", table, file="pegawai.parquet")
    fast = prepare(raw, table, key=("nip",))
    general = prepare(raw, table, key=("nip",), shortcuts=False)
    assert fast.unchanged == frozenset(canonical.columns) - {"nama"}  # text is trimmed
    assert not fast.key_may_repeat
    assert fast.frame.collect().equals(general.frame.collect())
    assert fast.masalah.equals(general.masalah) and fast.masalah.is_empty()
    # The same table written as CSV reads to the same frame.
    loaded = read_file(tmp_path / "pegawai.parquet")
    write_csv(canonical, tmp_path / "csv" / "pegawai.csv")
    assert loaded.frame.collect().equals(
        read_file(tmp_path / "csv" / "pegawai.csv").frame.collect()
    )


def test_a_non_canonical_golongan_is_normalised_and_an_unknown_one_reported(
    tmp_path: Path,
) -> None:
    frame = _canonical_pegawai().with_columns(golongan=pl.Series(["3a", "III/a", "zz"]))
    frame.write_parquet(tmp_path / "pegawai.parquet")
    loaded = read_file(tmp_path / "pegawai.parquet")
    assert loaded.frame.select("golongan").collect().to_series().to_list() == [
        "III/a",
        "III/a",
        None,
    ]
    assert loaded.masalah.select("baris", "kolom", "nilai", "masalah").rows() == [
        (4, "golongan", "zz", "nilai_tidak_dikenal")
    ]


@pytest.mark.parametrize(
    ("frame", "row", "first"),
    [
        (pl.DataFrame({"nip": [" 1", "2", "1"]}), 4, 2),  # the same after trimming
        (
            pl.DataFrame(
                {
                    "nip": ["1", "1", "1"],
                    "tahun": pl.Series([2023, 2024, 2024], dtype=pl.Int32),
                    "predikat": ["Baik", "Baik", "Baik"],
                }
            ),
            4,
            3,
        ),
    ],
)
def test_a_repeated_key_is_refused_naming_both_rows(
    tmp_path: Path, frame: pl.DataFrame, row: int, first: int
) -> None:
    name = "kinerja" if "tahun" in frame.columns else "pegawai"
    frame.write_parquet(tmp_path / f"{name}.parquet")
    with pytest.raises(InputError, match=f"sama dengan baris {first}") as caught:
        read_file(tmp_path / f"{name}.parquet")
    assert caught.value.row == row


def test_damaged_data_pages_are_refused(tmp_path: Path) -> None:
    pl.DataFrame({"nip": [f"{index:018d}" for index in range(50_000)]}).write_parquet(
        tmp_path / "utuh.parquet", compression="uncompressed"
    )
    data = bytearray((tmp_path / "utuh.parquet").read_bytes())
    middle = len(data) // 3
    data[middle : middle + 4000] = bytes(4000)
    (tmp_path / "pegawai.parquet").write_bytes(bytes(data))
    with pytest.raises(InputError, match="Parquet"):
        read_file(tmp_path / "pegawai.parquet")


def _damage_column(path: Path, text: str) -> None:
    """Break the page header of the (uncompressed) column whose first value is ``text``."""
    data = bytearray(path.read_bytes())
    start = data.find(text.encode())
    data[start - 30 : start - 4] = b"\xff" * 26
    path.write_bytes(bytes(data))


def _pegawai_with_damaged_nama(folder: Path) -> Path:
    path = folder / "pegawai.parquet"
    pl.DataFrame(
        {"nip": ["198001012005011001", "198505152010012002"], "nama": ["Budi Santoso" * 40, "S"]}
    ).write_parquet(path, compression="uncompressed", statistics=False)
    _damage_column(path, "Budi Santoso")
    return path


def test_a_damaged_free_text_column_is_refused_naming_file_and_column(tmp_path: Path) -> None:
    path = _pegawai_with_damaged_nama(tmp_path)
    loaded = read_file(path)  # free text is not read until a step needs it
    with pytest.raises(pl.exceptions.ComputeError) as failure:
        loaded.frame.collect()
    refusal = damaged_column([loaded], failure.value)
    assert (refusal.file, refusal.column) == (str(path), "nama")
    assert "rusak" in str(refusal)


def test_a_damaged_column_the_reader_needs_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.parquet"
    pl.DataFrame({"nama": ["Budi", "Siti"], "jenis_kelamin": ["Laki-laki" * 40, "P"]}).with_columns(
        pl.lit("198001012005011001").alias("nip")
    ).write_parquet(path, compression="uncompressed", statistics=False)
    _damage_column(path, "Laki-laki")
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert (caught.value.file, caught.value.column) == (str(path), "jenis_kelamin")


def test_a_column_that_reads_names_no_column(tmp_path: Path) -> None:
    pl.DataFrame({"nip": ["198001012005011001"]}).write_parquet(tmp_path / "pegawai.parquet")
    loaded = read_file(tmp_path / "pegawai.parquet")
    refusal = damaged_column([loaded], pl.exceptions.ComputeError("gagal"))
    assert refusal.column is None
    assert "gagal" in str(refusal)


def test_a_damaged_free_text_column_is_refused_when_the_file_is_read_once(
    tmp_path: Path,
) -> None:
    path = _pegawai_with_damaged_nama(tmp_path)
    loaded = read_file(path)
    with pytest.raises(pl.exceptions.ComputeError) as failure:
        loaded.frame.collect()
    later = damaged_column([loaded], failure.value)
    with pytest.raises(InputError) as caught:
        read_file(path, materialise=True)  # every column is read now, so refused now
    assert (caught.value.file, caught.value.row, caught.value.column) == (
        later.file,
        later.row,
        later.column,
    )
    assert "rusak" in caught.value.message


@pytest.mark.parametrize("materialise", [False, True])
def test_a_damaged_column_the_reader_needs_is_refused_in_both_modes(
    tmp_path: Path, materialise: bool
) -> None:
    path = tmp_path / "pegawai.parquet"
    pl.DataFrame({"nama": ["Budi", "Siti"], "jenis_kelamin": ["Laki-laki" * 40, "P"]}).with_columns(
        pl.lit("198001012005011001").alias("nip")
    ).write_parquet(path, compression="uncompressed", statistics=False)
    _damage_column(path, "Laki-laki")
    with pytest.raises(InputError) as caught:
        read_file(path, materialise=materialise)
    assert (caught.value.file, caught.value.column) == (str(path), "jenis_kelamin")


def test_damaged_data_pages_are_refused_with_the_same_message_when_read_once(
    tmp_path: Path,
) -> None:
    pl.DataFrame({"nip": [f"{index:018d}" for index in range(50_000)]}).write_parquet(
        tmp_path / "utuh.parquet", compression="uncompressed"
    )
    data = bytearray((tmp_path / "utuh.parquet").read_bytes())
    middle = len(data) // 3
    data[middle : middle + 4000] = bytes(4000)
    (tmp_path / "pegawai.parquet").write_bytes(bytes(data))
    refusals = []
    for materialise in (False, True):
        with pytest.raises(InputError) as caught:
            read_file(tmp_path / "pegawai.parquet", materialise=materialise)
        refusals.append((caught.value.message, caught.value.file, caught.value.column))
    assert refusals[0] == refusals[1]
    assert refusals[0][2] == "nip"
