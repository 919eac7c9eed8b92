from __future__ import annotations

from datetime import date

import pytest

from bakat.cli.options import parse_as_of
from bakat.domain.errors import InputError


def test_as_of_reads_an_iso_date() -> None:
    assert parse_as_of(" 2025-10-17 ") == date(2025, 10, 17)


def test_as_of_defaults_to_today() -> None:
    assert parse_as_of(None) == date.today()


@pytest.mark.parametrize("text", ["17-10-2025", "2025-13-01", "kemarin"])
def test_as_of_refuses_anything_but_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(InputError, match="--as-of harus berupa tanggal YYYY-MM-DD"):
        parse_as_of(text)
