"""Rules as named, registered objects with message templates."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bakat.domain.policy import load_policy
from bakat.engine.quality.catalog import ATURAN
from bakat.engine.quality.registry import Konteks, Tingkat, daftarkan, isi_template, placeholders


def test_it_refuses_two_rules_with_one_name() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        daftarkan(ATURAN[0])


def test_it_fills_a_template_from_columns_and_extra_values() -> None:
    k = Konteks(date(2025, 1, 1), load_policy())
    frame = pl.DataFrame({"a": ["x", None], "b": [date(2020, 1, 2), date(2021, 3, 4)]})
    pesan = frame.select(isi_template("A {a}, B {b}, C {c}.", {"c": lambda k: pl.lit(3)}, k))
    assert pesan.to_series().to_list() == [
        "A x, B 2020-01-02, C 3.",
        "A kosong, B 2021-03-04, C 3.",
    ]


def test_it_lists_the_placeholders_of_a_template() -> None:
    assert placeholders("{a} dan {_b} tetapi bukan {B}") == ("a", "_b")


def test_it_keeps_notices_out_of_the_index_by_default() -> None:
    assert all(
        r.masuk_indeks is (r.tingkat is not Tingkat.INFO) for r in ATURAN if r.indeks is None
    )
    assert not next(r for r in ATURAN if r.name == "jp_kurang_dari_batas").masuk_indeks
