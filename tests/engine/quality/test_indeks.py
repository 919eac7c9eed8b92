"""The data-quality index: pass shares per dimension, weighted by the policy."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.engine.quality.catalog import ATURAN
from bakat.engine.quality.indeks import hitung_capaian_jp, hitung_indeks, per_unit
from bakat.engine.quality.registry import Dimensi
from bakat.engine.quality.temuan import kolom_b, kolom_v

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


_ASESMEN = [r for r in ATURAN if r.tabel == "asesmen"]  # with and without ``berlaku``


@given(
    st.lists(
        st.tuples(
            st.sampled_from([None, 1, 2]),
            st.lists(st.booleans(), min_size=len(_ASESMEN), max_size=len(_ASESMEN)),
            st.lists(st.booleans(), min_size=len(_ASESMEN), max_size=len(_ASESMEN)),
        ),
        max_size=30,
    )
)
def test_pairs_per_unit_count_every_rule_without_applicability_on_every_record(
    rows: list[tuple[int | None, list[bool], list[bool]]],
) -> None:
    # Per record: its unit, whether each rule applies and whether it is violated (only
    # where it applies). A rule without ``berlaku`` applies everywhere and has no column.
    berlaku = [
        [r.berlaku is None or b for r, b in zip(_ASESMEN, bs, strict=True)] for _, bs, _ in rows
    ]
    langgar = [
        [b and v for b, v in zip(bs, vs, strict=True)]
        for bs, (_, _, vs) in zip(berlaku, rows, strict=True)
    ]
    frame = pl.DataFrame(
        {
            "_unit": [u for u, _, _ in rows],
            **{kolom_v(r): [v[i] for v in langgar] for i, r in enumerate(_ASESMEN)},
            **{
                kolom_b(r): [b[i] for b in berlaku]
                for i, r in enumerate(_ASESMEN)
                if r.berlaku is not None
            },
        },
        schema_overrides={"_unit": pl.UInt64},
    )
    hasil = {row["_unit"]: row for row in per_unit(frame, _ASESMEN).iter_rows(named=True)}
    for unit in {u for u, _, _ in rows}:
        milik = [i for i, (u, _, _) in enumerate(rows) if u == unit]
        assert hasil[unit]["_n"] == len(milik)
        for d in {r.dimensi.value for r in _ASESMEN if r.masuk_indeks}:
            ke = [j for j, r in enumerate(_ASESMEN) if r.masuk_indeks and r.dimensi.value == d]
            assert hasil[unit][f"b:{d}"] == sum(berlaku[i][j] for i in milik for j in ke)
            assert hasil[unit][f"v:{d}"] == sum(langgar[i][j] for i in milik for j in ke)
