"""``laporan.html`` is one self-contained, escaped page in Bahasa Indonesia first."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bakat.io.report.html import render_html
from bakat.io.report.laporan import susun_laporan
from tests.io.report.conftest import FILES, write_folder


class _Parts(HTMLParser):
    """Tags, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def page(hasil: Path) -> str:
    return render_html(susun_laporan(hasil))


def _parts(page: str) -> _Parts:
    parser = _Parts()
    parser.feed(page)
    return parser


def test_it_loads_nothing_from_elsewhere(page: str) -> None:
    parts = _parts(page)
    assert "script" not in parts.tags
    assert "link" not in parts.tags
    links = [v for k, v in parts.attrs if k in ("src", "href")]
    assert links and all(v.startswith("#") for v in links)
    assert not re.search(r"https?:|//[a-z]|@import|url\(", page, re.IGNORECASE)


def test_a_unit_name_with_markup_is_shown_as_text(page: str) -> None:
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in page
    assert any("<script>alert('x')</script> & Co" in t for t in _parts(page).text)


def test_it_writes_numbers_the_indonesian_way(page: str) -> None:
    assert "2.757 dari 3.414 pegawai terpetakan (80,8%)" in page
    assert "99,77" in page
    assert "17 Oktober 2025" in page


def test_it_is_indonesian_first_with_english_subtitles(page: str) -> None:
    assert '<html lang="id">' in page
    assert re.search(r"<h2>Cakupan pemetaan</h2><p class=\"en\">Mapping coverage</p>", page)


def test_it_says_signals_are_not_verdicts(page: str) -> None:
    assert "bukan putusan" in page


def test_it_names_the_sections_left_out(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "hasil", skip=frozenset({"ringkasan_rekonsiliasi.csv", "usulan_bkn.csv"})
    )
    page = render_html(susun_laporan(folder))
    assert 'id="rekonsiliasi"' not in page
    assert "Bagian rekonsiliasi (langkah reconcile) tidak disertakan" in page


def test_an_empty_result_folder_still_gives_a_page(tmp_path: Path) -> None:
    page = render_html(susun_laporan(write_folder(tmp_path / "k", skip=frozenset(FILES))))
    assert page.startswith("<!DOCTYPE html>")
    assert "tidak disertakan" in page


def test_it_shows_only_the_first_rows_of_a_long_table(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "hasil")
    rows = "".join(
        f"unit_kerja,U.{i:03},Unit {i},10,{i % 10},{10 - i % 10},{10.0 * (i % 10)},0,0,0,0,0\n"
        for i in range(40)
    )
    with (folder / "cakupan.csv").open("a", encoding="utf-8") as handle:
        handle.write(rows)
    page = render_html(susun_laporan(folder))
    assert "Menampilkan 15 dari 42 baris" in page
