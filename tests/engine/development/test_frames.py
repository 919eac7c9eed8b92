"""The person key and order of the development frames."""

from __future__ import annotations

import polars as pl
import pytest

from bakat.engine.development.frames import KEY, nip_key, nip_order


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("012345678901234567", "+12345678901234567"),  # same number, neither a NIP
        ("198001012005011001", "198001012005011002"),
        ("P1", "P2"),
    ],
)
def test_distinct_identifiers_get_distinct_keys(a: str, b: str) -> None:
    keys = pl.DataFrame({"nip": [a, b]}).select(nip_key()).to_series().to_list()
    assert keys[0] != keys[1]


def test_a_proper_nip_is_its_own_number_and_others_are_negative() -> None:
    frame = pl.DataFrame({"nip": ["198001012005011001", "abc", "12", None]})
    keys = frame.select(nip_key()).to_series().to_list()
    assert keys[0] == 198001012005011001
    assert keys[1] < 0 and keys[2] < 0
    assert keys[3] is None


def test_the_order_is_the_text_order_of_proper_nips_then_the_others() -> None:
    nips = ["199001012015011001", "P2", "198001012005011001", "12", "P1"]
    frame = pl.DataFrame({"nip": nips}).with_columns(nip_key().alias(KEY))
    order = frame.select(nip_order()).to_series().to_list()
    ranked = [nip for _, nip in sorted(zip(order, nips, strict=True))]
    assert ranked == ["198001012005011001", "199001012015011001", "12", "P1", "P2"]
