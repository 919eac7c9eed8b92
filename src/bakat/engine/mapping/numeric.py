"""Numbers as the domain rules compute them, as Polars expressions.

Polars divides a column by a scalar by multiplying with the reciprocal, so ``449 / 10``
gives ``44.900000000000006`` where Python gives ``44.9``; :func:`divide` makes it one
true division (a column divided by a column of equal length is).

The policy rounds the potential score to ``potensi.desimal`` places "half to even, as
Python ``round``" before banding it (docs/policy.md), and the domain reference
(``bakat.domain.policy.level_potensi``) calls Python's ``round``. Python rounds the *exact*
binary value of a float: ``round(59.995, 2)`` is ``59.99`` because the double nearest to
59.995 lies just below it. ``Expr.round`` multiplies first and rounds the (already
rounded) product, which gives ``60.0`` there and would put a person in another band than
the domain rule does. :func:`round_like_python` recovers the exact product with an
error-free transformation (Dekker's two-product), so the engine and the domain agree on
every input.
"""

from __future__ import annotations

import polars as pl

# Veltkamp's splitter for IEEE doubles: 2**27 + 1.
_SPLITTER = 134_217_729.0


def _split(value: float) -> tuple[float, float]:
    scaled = _SPLITTER * value
    high = scaled - (scaled - value)
    return high, value - high


def clamp01(expr: pl.Expr) -> pl.Expr:
    """``c(x) = min(max(x, 0), 1)`` of docs/policy.md; null stays null."""
    return expr.clip(0.0, 1.0)


def divide(expr: pl.Expr, divisor: float) -> pl.Expr:
    """``expr / divisor`` as one IEEE division, like Python's ``/`` (see
    :func:`round_like_python` for why a plain ``expr / divisor`` is not)."""
    x = expr.cast(pl.Float64)
    return x / (x * 0.0 + float(divisor))


def round_like_python(expr: pl.Expr, decimals: int) -> pl.Expr:
    """``round(x, decimals)`` exactly as Python rounds a float (half to even on the exact
    binary value), for ``0 <= decimals <= 15`` and ``|x| < 2**52 / 10**decimals``.

    ``expr`` appears many times in the result: pass a column, not a large expression,
    or the query planner has to work through every copy."""
    if not 0 <= decimals <= 15:
        raise ValueError("decimals must be 0-15")
    scale = float(10**decimals)
    scale_high, scale_low = _split(scale)
    x = expr.cast(pl.Float64)
    product = x * scale
    # Exact error of the product: x * scale == product + error (Dekker's two-product).
    scaled_x = x * _SPLITTER
    x_high = scaled_x - (scaled_x - x)
    x_low = x - x_high
    error = (
        ((x_high * scale_high - product) + x_high * scale_low) + x_low * scale_high
    ) + x_low * scale_low
    lower = product.floor()
    # ``lower + 0.5`` is exact and ``product - midpoint`` is exact (Sterbenz), so the sign
    # of the exact difference is that of ``difference`` unless it is 0, then of ``error``.
    difference = product - (lower + 0.5)
    above = (difference > 0) | ((difference == 0) & (error > 0))
    tie = (difference == 0) & (error == 0)
    lower_is_even = (lower % 2) == 0
    up = above | (tie & ~lower_is_even)
    rounded = pl.when(up).then(lower + 1.0).otherwise(lower)
    return divide(rounded, scale)
