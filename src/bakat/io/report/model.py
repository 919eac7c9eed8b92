"""The report as data: sections of facts, charts and tables, built from a result folder.

The model knows nothing of HTML or XLSX: ``html.py`` and ``xlsx.py`` render the same
model, so the two files always tell the same story. Numbers stay numbers here; they are
written the Indonesian way only when rendered (``angka.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import polars as pl


class Jenis(StrEnum):
    """How a value is written."""

    ANGKA = "angka"  # a whole number: 2.757
    DESIMAL = "desimal"  # two decimals: 99,77
    PERSEN = "persen"  # a percentage given in 0-100: 80,8%
    RASIO = "rasio"  # a ratio in 0-1, four decimals: 0,7238
    PROPORSI = "proporsi"  # a share in 0-1 written as a percentage: 0.7238 -> 72,4%
    TEKS = "teks"


@dataclass(frozen=True)
class Fakta:
    """One number with its label; ``keterangan`` adds context ("dari 3.414 pegawai")."""

    label: str
    label_en: str
    nilai: int | float | str | None
    jenis: Jenis = Jenis.ANGKA
    keterangan: str = ""


@dataclass(frozen=True)
class Kolom:
    """A column of a table: the frame's column, its header for people, its kind."""

    nama: str
    label: str
    jenis: Jenis = Jenis.TEKS


@dataclass(frozen=True)
class Tabel:
    """A table. ``sheet`` is its XLSX sheet (None: HTML only); the HTML shows the first
    ``batas_html`` rows (0: none, the table is in the workbook only), the workbook all."""

    judul: str
    judul_en: str
    frame: pl.DataFrame
    kolom: tuple[Kolom, ...]
    sheet: str | None = None
    batas_html: int = 15
    catatan: str = ""


@dataclass(frozen=True)
class Batang:
    """One bar: its label, its length and the text written at its end."""

    label: str
    nilai: float
    teks: str


@dataclass(frozen=True)
class GrafikBatang:
    """A horizontal bar chart. The axis runs from ``mulai`` to ``maks`` (the largest bar
    when None; 100 for percentages); ``acuan`` draws a reference line (a target)."""

    judul: str
    judul_en: str
    batang: tuple[Batang, ...]
    maks: float | None = None
    mulai: float = 0.0
    acuan: float | None = None
    acuan_label: str = ""


@dataclass(frozen=True)
class GrafikKotak:
    """The Nine Box grid: people per box (1-9) and the total placed."""

    jumlah: tuple[tuple[int, int], ...]
    total: int


@dataclass(frozen=True)
class Seri:
    """One series of a column chart."""

    nama: str
    nilai: tuple[float, ...]


@dataclass(frozen=True)
class GrafikKolom:
    """A column chart over categories (years), one or more series side by side."""

    judul: str
    judul_en: str
    kategori: tuple[str, ...]
    seri: tuple[Seri, ...]


Grafik = GrafikBatang | GrafikKotak | GrafikKolom


@dataclass(frozen=True)
class Bagian:
    """A section of the report."""

    kunci: str
    judul: str
    judul_en: str
    pengantar: str = ""
    fakta: tuple[Fakta, ...] = ()
    grafik: tuple[Grafik, ...] = ()
    tabel: tuple[Tabel, ...] = ()
    catatan: tuple[str, ...] = ()


@dataclass(frozen=True)
class Laporan:
    """The whole report: headline numbers, sections, and notes on what is missing."""

    judul: str
    tanggal_acuan: str | None
    kebijakan: str | None
    sorotan: tuple[Fakta, ...]
    bagian: tuple[Bagian, ...]
    tidak_ada: tuple[str, ...] = field(default=())
