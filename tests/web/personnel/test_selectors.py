"""The employee list's pages: in name order, within the scope, the same whether a deep
page's ids come from the database or from the scope's order kept in the cache."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bakat.web.accounts.access import akses_untuk
from bakat.web.personnel import selectors
from bakat.web.personnel.models import Pegawai
from tests.web.conftest import Cast


@pytest.fixture
def banyak(cast: Cast) -> None:
    """Seven more employees in unit A and three in unit B (names out of order)."""
    for i, (unit, nama) in enumerate(
        [(cast.unit_a, n) for n in "GFEDCBA"] + [(cast.unit_b, n) for n in "ZYX"]
    ):
        Pegawai.objects.create(
            instansi=cast.ins_a,
            unit=unit,
            unit_kerja=unit.kode,
            unit_kerja_nama=unit.nama,
            nip=f"19881108202101{3100 + i}",
            nik=f"31721848118800{10 + i}",
            nama=f"Nama {nama}",
        )


def _nip(html: str) -> list[str]:
    return re.findall(r'/">([0-9]+)</a>', html)


def _semua(cast: Cast, role: str, cari: str = "") -> list[str]:
    akses = akses_untuk(cast.users[role])
    hasil: list[str] = []
    halaman = 1
    while True:
        baris, total = selectors.daftar_pegawai(akses, cari=cari, halaman=halaman)
        if not baris:
            assert len(hasil) == total
            return hasil
        hasil += _nip(baris)
        halaman += 1


def _urut(role_scope: Any, cari: str = "") -> list[str]:
    rows = role_scope.filter(nama__icontains=cari) if cari else role_scope
    return list(rows.order_by("nama", "nip").values_list("nip", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("cache_detik", [600, 0])
@pytest.mark.parametrize(("role", "cari"), [("admin", ""), ("analis", ""), ("admin", "nama")])
def test_every_page_in_name_order_within_the_scope(
    cast: Cast,
    banyak: None,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    role: str,
    cari: str,
    cache_detik: int,
) -> None:
    settings.BAKAT_PAGE_CACHE_SECONDS = cache_detik
    monkeypatch.setattr(selectors, "HALAMAN", 2)
    monkeypatch.setattr(selectors, "PAGE_DALAM", 4)  # pages 3 and later: the kept order
    scope = selectors.pegawai_terlihat(akses_untuk(cast.users[role]))
    assert _semua(cast, role, cari) == _urut(scope, cari)


@pytest.mark.django_db
def test_a_deep_page_of_an_analyst_never_shows_another_unit(
    cast: Cast, banyak: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "HALAMAN", 1)
    monkeypatch.setattr(selectors, "PAGE_DALAM", 0)
    _semua(cast, "admin")  # the admin's order is kept first
    nip_b = set(Pegawai.objects.filter(unit=cast.unit_b).values_list("nip", flat=True))
    assert set(_semua(cast, "analis")) == nip_b


@pytest.mark.django_db
def test_the_list_escapes_every_value(cast: Cast) -> None:
    """Text from the data is shown, never run: names, positions and units are escaped,
    quotes too, as in a template."""
    Pegawai.objects.create(
        instansi=cast.ins_a,
        unit=cast.unit_a,
        unit_kerja=cast.unit_a.kode,
        unit_kerja_nama='Unit "<b>"',
        nip="198811082021013999",
        nik="3172184811880099",
        nama="<script>alert('x')</script> & Co",
        jabatan="Analis <i>",
        golongan="III/a'",
    )
    baris, _total = selectors.daftar_pegawai(akses_untuk(cast.users["admin"]), cari="Co")
    assert "<script>" not in baris and "<b>" not in baris and "<i>" not in baris
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in baris
    assert "Unit &quot;&lt;b&gt;&quot;" in baris
    assert "Analis &lt;i&gt;" in baris and "III/a&#x27;" in baris
    assert re.search(r'<a href="/[^"]*/[0-9]+/">198811082021013999</a>', baris)
