"""Preparing a side: the integer NIP key of the exact stage."""

from __future__ import annotations

import polars as pl
import pytest

from bakat.engine.reconcile.prepare import kunci_angka, siapkan
from tests.engine.reconcile.records import BUDI, baris, frame, orang, rekonsiliasi


@pytest.mark.parametrize(
    ("nip", "kunci"),
    [
        ("198503122010011001", 198503122010011001),
        ("098503122010011001", 98503122010011001),
        ("19850312201001100", None),  # a digit lost
        ("1985031220100110011", None),  # a digit too many
        ("19850312 201001 1 001", None),
        ("'198503122010011001", None),
        ("1985O3122010011001", None),
        ("+98503122010011001", None),
        ("1.98503E+17", None),
        (None, None),
    ],
)
def test_the_integer_key_is_set_only_for_a_nip_of_18_digits(
    nip: str | None, kunci: int | None
) -> None:
    hasil = pl.select(kunci_angka(pl.lit(nip, dtype=pl.String))).item()
    assert hasil == kunci


def test_a_prepared_side_carries_the_row_number_and_both_keys() -> None:
    siap = siapkan(frame(BUDI, orang(BUDI, nip="'198503122010011002")), ["nama"]).collect()
    assert siap.select("_id", "_k", "_nip").rows() == [
        (0, 198503122010011001, "198503122010011001"),
        (1, None, "'198503122010011002"),
    ]


@pytest.mark.parametrize("nip", ["'198503122010011001", " 198503122010011001"])
def test_a_nip_not_written_as_18_digits_still_meets_its_pair_exactly(nip: str) -> None:
    hasil = rekonsiliasi([orang(BUDI, nip=nip)], [BUDI])
    assert hasil.statistik.cocok_nip == 1
    assert baris(hasil) == []
