"""The charts are well-formed SVG, escape their text, and draw the Nine Box in the
regulation's layout."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from bakat.domain.ninebox import SEMUA_KOTAK
from bakat.io.report.model import Batang, GrafikBatang, GrafikKolom, GrafikKotak, Seri
from bakat.io.report.svg import grafik_batang, grafik_kolom, grafik_kotak
from tests.io.report.conftest import JAHAT


def _texts(svg: str) -> list[str]:
    return [el.text or "" for el in ET.fromstring(svg).iter("text")]


@pytest.mark.parametrize(
    "svg",
    [
        grafik_batang(GrafikBatang(JAHAT, "en", (Batang(JAHAT, 3.0, "3 <b>"),), acuan=2.0)),
        grafik_batang(GrafikBatang("kosong", "empty", ())),
        grafik_batang(GrafikBatang("nol", "zero", (Batang("a", 0.0, "0"),))),
        grafik_kotak(GrafikKotak(tuple((k, 0) for k in SEMUA_KOTAK), 0)),
        grafik_kolom(GrafikKolom(JAHAT, "en", ("2025", "2026"), (Seri(JAHAT, (1.0, 2.0)),))),
        grafik_kolom(GrafikKolom("kosong", "empty", (), ())),
    ],
)
def test_every_chart_is_well_formed_svg(svg: str) -> None:
    root = ET.fromstring(svg)
    assert root.tag == "svg"
    assert "<script" not in svg


def test_it_escapes_labels_so_markup_stays_text() -> None:
    svg = grafik_batang(GrafikBatang("judul", "title", (Batang(JAHAT, 1.0, "1"),)))
    assert "&lt;script&gt;" in svg
    assert any(JAHAT[:20] in t for t in _texts(svg))


def test_the_grid_reads_4_7_9_then_2_5_8_then_1_3_6() -> None:
    counts = tuple((k, 10 * k) for k in SEMUA_KOTAK)
    svg = grafik_kotak(GrafikKotak(counts, sum(n for _, n in counts)))
    numbers = [int(t) for t in _texts(svg) if t.isdigit() and len(t) == 1]
    assert numbers == [4, 7, 9, 2, 5, 8, 1, 3, 6]


def test_the_grid_labels_rows_by_performance_and_columns_by_potential() -> None:
    texts = _texts(grafik_kotak(GrafikKotak(tuple((k, 1) for k in SEMUA_KOTAK), 9)))
    rows = [t for t in texts if t.startswith("Kinerja")]
    columns = [t for t in texts if t.startswith("Potensial")]
    assert rows == [
        "Kinerja di atas ekspektasi",
        "Kinerja sesuai ekspektasi",
        "Kinerja di bawah ekspektasi",
    ]
    assert columns == ["Potensial rendah", "Potensial menengah", "Potensial tinggi"]


def test_the_grid_writes_counts_and_shares_the_indonesian_way() -> None:
    counts = ((8, 1894), (9, 173), (5, 286), (6, 305), (3, 88), (7, 11))
    full = tuple((k, dict(counts).get(k, 0)) for k in SEMUA_KOTAK)
    texts = _texts(grafik_kotak(GrafikKotak(full, 2757)))
    assert "1.894" in texts
    assert "68,7%" in texts


def test_a_bar_is_as_long_as_its_share_of_the_scale() -> None:
    svg = grafik_batang(
        GrafikBatang("j", "t", (Batang("a", 50.0, "50"), Batang("b", 100.0, "100")), maks=100.0)
    )
    widths = [float(r.get("width", 0)) for r in ET.fromstring(svg).iter("rect")]
    assert widths[0] == pytest.approx(widths[1] / 2, abs=0.1)


def test_the_same_data_gives_the_same_bytes() -> None:
    chart = GrafikKolom("j", "t", ("2025",), (Seri("s", (1 / 3,)),))
    assert grafik_kolom(chart) == grafik_kolom(chart)
