"""The data-quality index: pass shares per dimension, weighted by the policy."""

from __future__ import annotations

import polars as pl
import pytest

from bakat.engine.quality.indeks import hitung_capaian_jp, hitung_indeks
from bakat.engine.quality.registry import Dimensi

_BOBOT = {
    Dimensi.KELENGKAPAN: 40,
    Dimensi.AKURASI: 30,
    Dimensi.KONSISTENSI: 20,
    Dimensi.KETEPATAN_WAKTU: 10,
}
_NAMA = pl.LazyFrame(
    {"_unit": [1, 2], "instansi": [None, None], "unit_kerja": ["A", "B"]},
    schema={"_unit": pl.UInt64, "instansi": pl.String, "unit_kerja": pl.String},
)


def _indeks(rows: list[dict[str, int]]) -> pl.DataFrame:
    per_unit = pl.LazyFrame(rows).with_columns(pl.col("_unit").cast(pl.UInt64))
    return hitung_indeks(per_unit, _NAMA, _BOBOT, per_instansi=False).collect()


def test_it_scores_each_dimension_by_the_share_of_pairs_that_pass() -> None:
    hasil = _indeks(
        [
            {
                "_unit": 1,
                "jumlah_pegawai": 2,
                "b:kelengkapan": 10,
                "v:kelengkapan": 1,
                "b:akurasi": 20,
                "v:akurasi": 0,
            },
            {
                "_unit": 2,
                "jumlah_pegawai": 1,
                "b:kelengkapan": 10,
                "v:kelengkapan": 0,
                "b:akurasi": 0,
                "v:akurasi": 0,
            },
        ]
    )
    unit_a = hasil.filter(pl.col("unit_kerja") == "A").row(0, named=True)
    assert (unit_a["kelengkapan"], unit_a["akurasi"], unit_a["konsistensi"]) == (90.0, 100.0, None)
    # Weighted over the dimensions that have pairs: (40 * 90 + 30 * 100) / 70.
    assert unit_a["indeks"] == pytest.approx(round((40 * 90 + 30 * 100) / 70, 2))
    assert (unit_a["pasangan_diperiksa"], unit_a["pasangan_lulus"]) == (30, 29)


def test_it_adds_an_overall_row_from_all_pairs() -> None:
    hasil = _indeks(
        [
            {"_unit": 1, "jumlah_pegawai": 2, "b:kelengkapan": 10, "v:kelengkapan": 1},
            {"_unit": 2, "jumlah_pegawai": 1, "b:kelengkapan": 10, "v:kelengkapan": 0},
        ]
    )
    semua = hasil.filter(pl.col("cakupan") == "semua").row(0, named=True)
    assert (semua["kelengkapan"], semua["jumlah_pegawai"], semua["pasangan_diperiksa"]) == (
        95.0,
        3,
        20,
    )
    assert semua["indeks"] == 95.0
    assert hasil.get_column("cakupan").to_list() == ["semua", "unit", "unit"]


def test_it_compares_the_20_jp_share_with_the_target() -> None:
    per_unit = pl.LazyFrame(
        {"_unit": [1, 2], "pegawai_dinilai": [10, 5], "pegawai_mencapai": [9, 3]},
        schema={"_unit": pl.UInt64, "pegawai_dinilai": pl.Int64, "pegawai_mencapai": pl.Int64},
    )
    hasil = hitung_capaian_jp(per_unit, _NAMA, 80.0, per_instansi=False).collect()
    assert hasil.select("unit_kerja", "persen_mencapai", "target_tercapai").rows() == [
        (None, 80.0, True),
        ("A", 90.0, True),
        ("B", 60.0, False),
    ]
