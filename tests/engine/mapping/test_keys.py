"""NIP keys: integers that join and sort exactly as the NIP texts do."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.engine.mapping.keys import (
    OTHER_BASE,
    NipKeys,
    nip_permutation,
    plain_number,
    plain_numbers,
)

_DIGITS = "0123456789"
#: NIP-like texts: plain numbers of any length, and texts with a leading zero, a letter
#: O for a zero, a space, a slash, a non-ASCII letter, or too many digits.
_NIPS = st.one_of(
    st.integers(min_value=1, max_value=10**18 - 1).map(str),
    st.text(alphabet=_DIGITS + "O /é", max_size=20),
    st.none(),
)


def _plain(texts: list[str | None]) -> list[int | None]:
    frame = pl.DataFrame({"nip": texts}, schema={"nip": pl.String})
    return frame.select(plain_number(pl.col("nip"))).to_series().to_list()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("198001012005011001", 198001012005011001),
        ("19800101200501100", 19800101200501100),
        ("7", 7),
        ("0198001012005011001", None),
        ("1980O1012005011001", None),
        (" 198001012005011001", None),
        ("198001012005011001 ", None),
        ("+198001012005011001", None),
        ("1980010120050110011", None),
        ("", None),
        ("0", None),
    ],
)
def test_only_plain_digits_without_a_leading_zero_are_a_number(
    text: str, value: int | None
) -> None:
    assert _plain([text]) == [value]


def test_a_pegawai_nip_that_is_not_a_number_gets_a_key_of_its_own() -> None:
    nips = pl.Series(["1980O1012005011001", "198001012005011001", None, "01"])
    keys = NipKeys.of(nips)
    assert keys.key(nips).to_list() == [OTHER_BASE, 198001012005011001, None, OTHER_BASE + 1]


def test_a_child_row_matches_only_the_exact_nip_text() -> None:
    keys = NipKeys.of(pl.Series(["1980O1012005011001", "198001012005011001"]))
    child = pl.LazyFrame(
        {
            "nip": ["1980O1012005011001", "0198001012005011001", "198001012005011001", "x"],
            "nilai": [1, 2, 3, 4],
        }
    )
    keyed = keys.keyed(child, ["nilai"]).collect().sort("nilai")
    assert keyed.rows() == [(OTHER_BASE, 1), (198001012005011001, 3)]


@settings(max_examples=200, deadline=None)
@given(st.lists(_NIPS, max_size=60), st.randoms(use_true_random=False))
def test_the_permutation_sorts_by_nip_text_then_file_row(
    nips: list[str | None], random: object
) -> None:
    rows = list(range(2, len(nips) + 2))
    random.shuffle(rows)  # type: ignore[attr-defined]
    frame = pl.DataFrame({"nip": nips, "row": rows}, schema={"nip": pl.String, "row": pl.Int64})
    expected = frame.with_row_index("i").sort("nip", "row", nulls_last=True).get_column("i")
    assert nip_permutation(frame["nip"], frame["row"]).to_list() == expected.to_list()


@settings(max_examples=200, deadline=None)
@given(st.lists(_NIPS, max_size=60), st.lists(_NIPS, max_size=60))
def test_two_nips_share_a_key_exactly_when_they_share_the_text(
    pegawai: list[str | None], other: list[str | None]
) -> None:
    keys = NipKeys.of(pl.Series(pegawai, dtype=pl.String))
    known = {text for text in pegawai if text is not None}
    texts = [*pegawai, *other]
    child = pl.LazyFrame(
        {"nip": texts, "i": range(len(texts))}, schema_overrides={"nip": pl.String}
    )
    keyed = dict(keys.keyed(child, ["i"]).collect().select("i", "_kunci_nip").rows())
    for i, text in enumerate(texts):
        if text is None or (text not in known and _plain([text]) == [None]):
            assert i not in keyed
    by_text: dict[str, int] = {}
    for i, key in keyed.items():
        text = texts[i]
        assert text is not None
        assert by_text.setdefault(text, key) == key
    assert len(set(by_text.values())) == len(by_text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NIPS, max_size=60))
def test_the_plain_numbers_of_a_table_are_those_of_each_nip(nips: list[str | None]) -> None:
    series = pl.Series("nip", nips, dtype=pl.String)
    assert plain_numbers(series).to_list() == _plain(nips)
