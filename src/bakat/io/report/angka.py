"""Numbers written the Indonesian way, as a head of HR reads them.

Thousands are grouped with a dot and decimals follow a comma: ``2.757``, ``80,8%``,
``99,77``. Rounding is half away from zero on the decimal value as written (``80,75``
-> ``80,8``), so that a percentage in the report agrees with the one a reader computes
by hand from the CSV.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

#: What an empty or missing number is written as.
KOSONG = "-"


def angka(n: int | None) -> str:
    """A whole number with Indonesian thousands separators: ``3414`` -> ``3.414``."""
    if n is None:
        return KOSONG
    return f"{n:,}".replace(",", ".")


def desimal(x: float | None, tempat: int = 1) -> str:
    """A decimal number with ``tempat`` decimals: ``99.771`` -> ``99,77`` (2 places);
    thousands grouped: ``1234.5`` -> ``1.234,5``."""
    if x is None or not math.isfinite(x):
        return KOSONG
    nilai = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)
    teks = f"{nilai:,.{tempat}f}"
    return teks.replace(",", "\0").replace(".", ",").replace("\0", ".")


def persen(x: float | None, tempat: int = 1) -> str:
    """A percentage given in 0-100: ``80.76`` -> ``80,8%``."""
    if x is None:
        return KOSONG
    return f"{desimal(x, tempat)}%"


def persen_dari(bagian: int, keseluruhan: int, tempat: int = 1) -> str:
    """``bagian / keseluruhan`` as a percentage: ``(2757, 3414)`` -> ``80,8%``; ``-`` for
    an empty whole."""
    if keseluruhan == 0:
        return KOSONG
    return persen(100 * bagian / keseluruhan, tempat)


def rasio(bagian: int, keseluruhan: int) -> float | None:
    """``bagian / keseluruhan`` in 0-100, or None for an empty whole."""
    return None if keseluruhan == 0 else 100 * bagian / keseluruhan


_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def tanggal(iso: str | None) -> str:
    """An ISO date as Indonesians write it: ``2025-10-17`` -> ``17 Oktober 2025``; other
    text is returned as it is."""
    if iso is None:
        return KOSONG
    try:
        tahun, bulan, hari = (int(x) for x in iso.split("-"))
        return f"{hari} {_BULAN[bulan - 1]} {tahun}"
    except (ValueError, IndexError):
        return iso


def teks(nilai: object, jenis: str) -> str:
    """A cell or fact as text: ``jenis`` is a :class:`~bakat.io.report.model.Jenis` value
    (``angka``, ``desimal``, ``persen`` in 0-100, ``proporsi`` in 0-1 as a percentage,
    ``rasio`` with four decimals, ``teks``).
    Booleans are ``ya``/``tidak``; an empty value is ``-``."""
    if nilai is None:
        return KOSONG
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, int | float):
        if jenis == "angka":
            return angka(round(nilai))
        if jenis == "persen":
            return persen(nilai)
        if jenis == "proporsi":
            return persen(100 * nilai)
        if jenis == "rasio":
            return desimal(nilai, 4)
        if jenis == "desimal":
            return desimal(nilai, 2)
    return str(nilai)
