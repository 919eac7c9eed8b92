"""NIPs as 64-bit integers: the mapping joins and sorts people on numbers, not on text.

A NIP is 18 digits (PP 11/2017 Pasal 49; formats.md ``nip``). At the national scale the
per-person tables hold some 50 million rows, and hashing, joining and sorting them on
18-character texts is the bulk of the work; the same NIP as an ``Int64`` costs a fraction
of it. :class:`NipKeys` gives every table the key column :data:`KEY` with one rule:

- a NIP written in plain ASCII digits, without a leading zero, of at most 18 digits (every
  NIP the contract describes, and any shorter such number) is keyed by its own value
  (below ``10**18``);
- any other text that is the NIP of a ``pegawai`` row (a leading zero, a letter, a
  space ...) is keyed by a number of its own from ``10**18`` up, the same in every table;
- any other text is the NIP of no employee and gets no key (null): its rows match
  nobody, as they would in a join on the text.

Two rows therefore share a key exactly when they share the NIP text, and the joins on
the key give what joins on the text give. When every ``pegawai`` NIP is a plain number,
the text order of the NIPs is also the order of ``(value padded with zeros to 18
digits, number of digits)``: :meth:`NipKeys.order` makes one integer of the pair.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import polars as pl

#: The key column every per-person frame of the mapping carries.
KEY = "_kunci_nip"
#: Digits of a NIP.
DIGITS = 18
#: First key of a NIP that is not a plain number.
OTHER_BASE = 10**DIGITS
#: ``10**n`` for n = 0 .. :data:`DIGITS` (a lookup is cheaper than a power per row).
_POWERS = pl.Series("_powers_of_ten", [10**n for n in range(DIGITS + 1)], dtype=pl.Int64)


def _length(nip: pl.Expr) -> pl.Expr:
    return nip.str.len_bytes().cast(pl.Int64)


def _plain(number: pl.Expr, length: pl.Expr) -> pl.Expr:
    lowest = pl.lit(_POWERS).gather(length.clip(1, DIGITS) - 1)
    plain = (length <= DIGITS) & (number >= lowest) & (number < lowest * 10)
    return pl.when(plain).then(number)


def plain_number(nip: pl.Expr) -> pl.Expr:
    """The value of a NIP written in plain digits without a leading zero, of at most
    :data:`DIGITS` digits; null for any other text.

    A text of ``n`` bytes that parses to an integer of exactly ``n`` digits is made of
    those ASCII digits only: a sign, a space, a leading zero or a non-ASCII character
    takes a byte that adds no digit."""
    return _plain(nip.cast(pl.Int64, strict=False), _length(nip))


def plain_numbers(nips: pl.Series) -> pl.Series:
    """:func:`plain_number` of every NIP of ``nips`` (see :func:`with_plain_number`)."""
    plain = with_plain_number(nips.to_frame("nip").lazy(), "plain").select("plain")
    return plain.collect(engine="in-memory").to_series().alias(nips.name)


def with_plain_number(frame: pl.LazyFrame, name: str) -> pl.LazyFrame:
    """``frame`` with column ``name``: :func:`plain_number` of its ``nip``. The parsed
    number and the length are made first, as columns of their own: one expression over
    them runs about three times faster than the nested one (tens of millions of rows)."""
    number, length = "_angka_nip", "_panjang_nip"
    return (
        frame.with_columns(
            pl.col("nip").cast(pl.Int64, strict=False).alias(number),
            _length(pl.col("nip")).alias(length),
        )
        .with_columns(_plain(pl.col(number), pl.col(length)).alias(name))
        .drop(number, length)
    )


@dataclass(frozen=True)
class NipKeys:
    """The integer key of every NIP text (see the module docstring). ``others``: the
    ``pegawai`` NIPs that are not plain numbers, each with its key."""

    others: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, nips: pl.Series, plain: pl.Series | None = None) -> NipKeys:
        """The keys for the NIPs of ``pegawai`` (``nips``: its ``nip`` column; ``plain``:
        :func:`plain_numbers` of it, when already known)."""
        plain = plain_numbers(nips) if plain is None else plain
        other = nips.filter(plain.is_null() & nips.is_not_null()).unique(maintain_order=True)
        keys = {text: OTHER_BASE + index for index, text in enumerate(other.to_list())}
        return cls(MappingProxyType(keys))

    def key(self, nips: pl.Series, plain: pl.Series | None = None) -> pl.Series:
        """The ``Int64`` key of each NIP of ``nips`` (null: matches no employee;
        ``plain``: :func:`plain_numbers` of ``nips``, when already known)."""
        keys = plain_numbers(nips) if plain is None else plain
        if not self.others:
            return keys.alias(KEY)
        rows = (keys.is_null() & nips.is_not_null()).arg_true()
        found = nips.gather(rows).replace_strict(
            dict(self.others), default=None, return_dtype=pl.Int64
        )
        return keys.scatter(rows, found).alias(KEY)

    def keyed(self, frame: pl.LazyFrame, columns: list[str]) -> pl.LazyFrame:
        """``columns`` of ``frame`` (which has a ``nip``) with :data:`KEY` instead of the
        NIP, rows without a key left out. Only the rows whose NIP is not a plain number
        (usually few) are looked up in :attr:`others`."""
        numbered = with_plain_number(frame.select("nip", *columns), KEY).select(
            KEY, "nip", *columns
        )
        plain = numbered.filter(pl.col(KEY).is_not_null()).drop("nip")
        if not self.others:
            return plain
        lookup = pl.LazyFrame(
            {"nip": list(self.others), "_kunci_lain": list(self.others.values())},
            schema={"nip": pl.String, "_kunci_lain": pl.Int64},
        )
        other = (
            numbered.filter(pl.col(KEY).is_null() & pl.col("nip").is_not_null())
            .join(lookup, on="nip", how="inner")
            .select(pl.col("_kunci_lain").alias(KEY), *columns)
        )
        return pl.concat([plain, other], how="vertical")

    @staticmethod
    def order(nip: pl.Expr) -> pl.Expr:
        """A ``UInt64`` that sorts plain-number NIPs as their texts sort: the value padded
        with zeros to :data:`DIGITS` digits, times :data:`DIGITS`, plus the number of
        digits less one (at most ``18 * (10**18 - 1) + 17``, below ``2**64``)."""
        return _order(plain_number(nip), nip)


def _order(plain: pl.Expr, nip: pl.Expr) -> pl.Expr:
    """:meth:`NipKeys.order` from :func:`plain_number` of ``nip`` (``plain``)."""
    number = plain.cast(pl.UInt64)
    length = _length(nip).clip(1, DIGITS)
    padding = pl.lit(_POWERS).gather(DIGITS - length).cast(pl.UInt64)
    return number * padding * DIGITS + (length - 1).cast(pl.UInt64)


def _order_key(text: str) -> int:
    """:meth:`NipKeys.order` of one plain-number NIP."""
    padded: int = int(text) * 10 ** (DIGITS - len(text))
    return padded * DIGITS + len(text) - 1


def _next_plain(text: str) -> str | None:
    """The first plain-number NIP after ``text`` (not one itself) in text order (byte
    order, as Polars sorts), or None when there is none."""
    raw = text.encode()
    # The longest prefix of ``raw`` that starts a plain number.
    valid = 0
    while valid < min(len(raw), DIGITS) and (
        (valid == 0 and 0x31 <= raw[0] <= 0x39) or (valid > 0 and 0x30 <= raw[valid] <= 0x39)
    ):
        valid += 1
    if valid == len(raw) and valid < DIGITS:
        # ``text`` starts every plain number it prefixes (only the empty text gets here).
        return raw.decode() + ("1" if valid == 0 else "0")
    for length in range(min(valid, DIGITS - 1), -1, -1):
        # Keep ``length`` bytes, then the smallest digit above the next byte.
        lowest = 0x31 if length == 0 else 0x30
        following = max(raw[length] + 1, lowest)
        if following <= 0x39:
            return raw[:length].decode() + chr(following)
    return None


def nip_permutation(nips: pl.Series, rows: pl.Series, plain: pl.Series | None = None) -> pl.Series:
    """The row numbers of ``nips`` in text order of the NIP, then ``rows`` (the file
    row), no NIP last: the plain-number NIPs sorted on the integer of
    :meth:`NipKeys.order`, the others (usually few) on their text and merged in.
    ``plain``: :func:`plain_numbers` of ``nips``, when already known."""
    plain = plain_numbers(nips) if plain is None else plain
    frame = pl.DataFrame({"nip": nips, "row": rows, "plain": plain}).with_columns(
        _order(pl.col("plain"), pl.col("nip")).alias("order"),
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("index"),
    )
    # Least significant first, each sort stable: by file row, then by the integer.
    permutation: pl.Series | None = None
    ordered = frame.get_column("order")
    for column in ("row", "order"):
        values = frame.get_column(column)
        values = values if permutation is None else values.gather(permutation)
        if not values.is_sorted(nulls_last=True):
            step = values.to_frame().select(
                pl.arg_sort_by(column, maintain_order=True, nulls_last=True)
            )
            moved = step.to_series()
            permutation = moved if permutation is None else permutation.gather(moved)
            values = values.gather(moved) if column == "order" else values
        ordered = values
    if permutation is None:
        permutation = pl.int_range(frame.height, dtype=pl.UInt32, eager=True)
    others = frame.filter(pl.col("order").is_null() & pl.col("nip").is_not_null())
    if others.height == 0:
        return permutation
    counted = ordered.len() - ordered.null_count()
    others = others.sort("nip", "row", nulls_last=True, maintain_order=True)
    limits = [_next_plain(text) for text in others.get_column("nip").to_list()]
    bound = pl.Series([None if t is None else _order_key(t) for t in limits], dtype=pl.UInt64)
    # Each other NIP goes before the first plain NIP after it (after all when none is).
    positions = ordered.slice(0, counted).search_sorted(bound.fill_null(2**64 - 1), side="left")
    # The plain NIPs, then the rows without a NIP.
    kept = np.ones(frame.height, dtype=np.bool_)
    kept[others.get_column("index").to_numpy()] = False
    order = permutation.to_numpy()
    rest = order[kept[order]]
    merged = np.insert(
        rest, positions.cast(pl.Int64).to_numpy(), others.get_column("index").to_numpy()
    )
    return pl.Series(merged, dtype=pl.UInt32)
