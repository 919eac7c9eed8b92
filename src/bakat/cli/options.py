"""Command-line values shared by several commands, parsed in one place."""

from __future__ import annotations

from datetime import date

from bakat.domain.errors import InputError


def parse_as_of(text: str | None) -> date:
    """``--as-of`` as a date (``YYYY-MM-DD``); today when not given.

    A value that is not a date is bad usage: an :class:`InputError` (exit status 2).
    """
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"--as-of harus berupa tanggal YYYY-MM-DD, bukan {text!r} / --as-of must be a "
            "date YYYY-MM-DD",
            column="--as-of",
        ) from None
