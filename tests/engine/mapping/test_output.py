"""Result files: fixed decimals so that the same input always gives the same bytes."""

from __future__ import annotations

import polars as pl
import pytest

from bakat.engine.mapping.output import FILES, fixed, for_file, result_files
from tests.engine.mapping.records import asesmen, data, mapped, pegawai, skp


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (80.5, 2, "80.50"),
        (59.995, 2, "59.99"),
        (0.1 + 0.2, 2, "0.30"),
        (7.0, 0, "7"),
        (None, 2, None),
    ],
)
def test_floats_are_written_with_fixed_decimals(
    value: float | None, decimals: int, text: str | None
) -> None:
    frame = pl.DataFrame({"x": [value]}, schema={"x": pl.Float64})
    assert frame.select(fixed(pl.col("x"), decimals)).item() == text


def test_statistics_keep_their_own_decimals() -> None:
    frame = for_file(pl.DataFrame({"p_nilai": [0.0123456789], "skor": [1.0], "n": [3]}), 2)
    assert frame.row(0) == ("0.012346", "1.00", 3)


def test_every_result_frame_has_its_file() -> None:
    result = mapped(data([pegawai()], kinerja=skp(), asesmen=[asesmen()]))
    files = result_files(result)
    assert set(files) == set(FILES.values())
    assert not any(dtype.is_float() for frame in files.values() for dtype in frame.dtypes)
    assert files["pemetaan.csv"].get_column("skor_potensi").to_list() == [
        "79.00"
    ]  # 16 + 0 + 10 + 20 + 8 + 10 + 15
