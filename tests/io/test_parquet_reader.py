from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.domain.errors import InputError
from bakat.io.readers import read_file


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
