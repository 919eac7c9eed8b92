"""Rendered aggregate pages kept per scope and data version (bakat.web.page_cache): a
repeat is served without recomputing, an audited change shows at once, nothing crosses
a scope, a language or a person, and each response carries its requester's own CSRF
token."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.test.client import RequestFactory
from django.urls import reverse
from django.utils import translation

from bakat.web.accounts.access import akses_untuk
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.audit.models import AuditHead
from bakat.web.page_cache import CSRF_SEMENTARA, render_tersimpan, versi_data
from bakat.web.personnel.models import Muatan
from bakat.web.quality.models import Temuan
from tests.web.conftest import Cast


def _temuan(cast: Cast, aturan: str) -> None:
    from django.utils import timezone

    muatan = Muatan.objects.create(
        instansi=cast.ins_a, dimuat_pada=timezone.now(), as_of="2025-10-17"
    )
    for p in (cast.p_a, cast.p_b):
        Temuan.objects.create(
            instansi=p.instansi,
            muatan=muatan,
            pegawai=p,
            unit=p.unit,
            nip=p.nip,
            aturan=aturan,
            tingkat="error",
            pesan=f"pesan {aturan}",
        )


def _catat(cast: Cast, jenis: str) -> None:
    with transaction.atomic():
        record_event(
            actor=cast.users["admin"],
            instansi=cast.ins_a,
            jenis=jenis,
            subjek=Subjek("personnel.instansi", str(cast.ins_a.pk)),
        )


class _Hitung:
    """A page's context that counts how often it is computed."""

    def __init__(self) -> None:
        self.kali = 0

    def __call__(self) -> dict[str, Any]:
        self.kali += 1
        return {"rows": [], "total": self.kali, "halaman": 1, "cari": ""}


def _render(cast: Cast, role: str, hitung: _Hitung, path: str = "/x/", **kw: Any) -> str:
    request = RequestFactory().get(path)
    request.user = cast.users[role]
    request.session = {}  # type: ignore[assignment]
    request._messages = []  # type: ignore[attr-defined]
    akses = akses_untuk(cast.users[role])
    response = render_tersimpan(request, akses, "talent/kotak_orang.html", hitung, **kw)
    return response.content.decode()


@pytest.mark.django_db
def test_a_repeat_is_served_without_computing_the_page_again(cast: Cast) -> None:
    hitung = _Hitung()
    _render(cast, "admin", hitung)
    _render(cast, "admin", hitung)
    assert hitung.kali == 1


@pytest.mark.django_db
def test_an_audited_change_in_the_agency_makes_the_page_computed_again(cast: Cast) -> None:
    hitung = _Hitung()
    _render(cast, "admin", hitung)
    _catat(cast, "koreksi.disetujui")
    _render(cast, "admin", hitung)
    assert hitung.kali == 2


@pytest.mark.django_db
def test_a_recorded_reading_leaves_the_page_in_the_cache(cast: Cast) -> None:
    _catat(cast, "data.dimuat")  # the agency's chain exists from its first load
    hitung = _Hitung()
    _render(cast, "admin", hitung)
    _catat(cast, "talenta.kartu_dibaca")
    _render(cast, "admin", hitung)
    assert hitung.kali == 1


@pytest.mark.django_db
def test_a_change_in_another_agency_leaves_the_page_in_the_cache(cast: Cast) -> None:
    hitung = _Hitung()
    _render(cast, "admin", hitung)
    with transaction.atomic():
        record_event(actor=None, instansi=cast.ins_b, jenis="data.dimuat", subjek=Subjek("x", "1"))
    _render(cast, "admin", hitung)
    assert hitung.kali == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first", "second", "kw"),
    [
        ("admin", "analis", {}),  # another scope
        ("analis", "analis2", {"per_pengguna": True}),  # same scope, a page kept per person
    ],
)
def test_entries_are_not_shared_across_scopes_or_people(
    cast: Cast, first: str, second: str, kw: dict[str, Any]
) -> None:
    hitung = _Hitung()
    _render(cast, first, hitung, **kw)
    _render(cast, second, hitung, **kw)
    assert hitung.kali == 2


@pytest.mark.django_db
def test_two_users_with_the_same_grants_share_an_entry(cast: Cast) -> None:
    hitung = _Hitung()
    _render(cast, "analis", hitung)
    _render(cast, "analis2", hitung)
    assert hitung.kali == 1


@pytest.mark.django_db
def test_query_parameters_and_language_are_part_of_the_key(cast: Cast) -> None:
    hitung = _Hitung()
    with translation.override("id"):
        _render(cast, "admin", hitung, "/x/?halaman=1")
        _render(cast, "admin", hitung, "/x/?halaman=2")
    with translation.override("en"):
        _render(cast, "admin", hitung, "/x/?halaman=2")
    assert hitung.kali == 3


@pytest.mark.django_db
def test_a_zero_lifetime_turns_the_cache_off(cast: Cast, settings: Any) -> None:
    settings.BAKAT_PAGE_CACHE_SECONDS = 0
    hitung = _Hitung()
    _render(cast, "admin", hitung)
    _render(cast, "admin", hitung)
    assert hitung.kali == 2


@pytest.mark.django_db
def test_the_worklist_shows_a_new_load_at_once(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.users["admin"])
    _temuan(cast, "V01")
    assert "V01" in client.get(reverse("worklist")).content.decode()
    _temuan(cast, "V07")
    _catat(cast, "data.dimuat")  # a load records this event in its transaction
    assert "V07" in client.get(reverse("worklist")).content.decode()


@pytest.mark.django_db
def test_an_analyst_never_gets_the_admins_cached_worklist(cast: Cast) -> None:
    _temuan(cast, "V01")
    admin, analis = Client(), Client()
    admin.force_login(cast.users["admin"])
    analis.force_login(cast.users["analis"])
    assert cast.p_a.nip in admin.get(reverse("worklist")).content.decode()
    assert cast.p_a.nip not in analis.get(reverse("worklist")).content.decode()


@pytest.mark.django_db
def test_each_cached_page_carries_its_requesters_csrf_token(cast: Cast) -> None:
    _temuan(cast, "V01")
    pola = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    tokens = []
    for _ in range(2):
        client = Client(enforce_csrf_checks=True)
        client.force_login(cast.users["admin"])
        page = client.get(reverse("worklist")).content.decode()
        assert CSRF_SEMENTARA not in page
        token = pola.findall(page)
        # The export form inside the cached part and the header's forms.
        assert len(token) >= 3
        response = client.post(reverse("usulan_bkn"), {"csrfmiddlewaretoken": token[-1]})
        assert response.status_code == 200
        tokens.append(token[-1])
    assert tokens[0] != tokens[1]


@pytest.mark.django_db
def test_the_data_version_counts_changes_not_readings(cast: Cast) -> None:
    akses = akses_untuk(cast.users["admin"])
    _catat(cast, "koreksi.diajukan")
    sebelum = versi_data(akses)
    _catat(cast, "talenta.kartu_dibaca")
    assert versi_data(akses) == sebelum
    _catat(cast, "koreksi.disetujui")
    head = AuditHead.objects.get(rantai=cast.ins_a.kode)
    assert versi_data(akses) == ((cast.ins_a.kode, head.seq),) != sebelum


def test_the_memory_layer_is_bounded_by_bytes_and_evicts_the_least_recent() -> None:
    from bakat.web.page_cache import _TIDAK_ADA, _Lokal

    lokal = _Lokal(batas=4000)
    for i in range(4):
        lokal.set(f"k{i}", "x" * 836, 600)  # 900 bytes counted each
    assert lokal.get("k0") == "x" * 836  # k0 is now the most recent
    lokal.set("k4", "y" * 836, 600)  # over 4000: the least recent (k1) goes
    assert lokal.get("k1") is _TIDAK_ADA
    assert all(lokal.get(k) is not _TIDAK_ADA for k in ("k0", "k2", "k3", "k4"))
    lokal.set("besar", b"z" * 2000, 600)  # more than a quarter of the bound: not kept
    assert lokal.get("besar") is _TIDAK_ADA


def test_the_memory_layer_forgets_an_entry_after_its_lifetime(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bakat.web.page_cache as page_cache

    sekarang = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: sekarang[0])
    lokal = page_cache._Lokal(batas=10_000)
    lokal.set("k", ("judul", "isi"), 600)
    sekarang[0] += 599
    assert lokal.get("k") == ("judul", "isi")
    sekarang[0] += 2
    assert lokal.get("k") is page_cache._TIDAK_ADA


@pytest.mark.django_db
def test_a_page_in_this_workers_memory_still_changes_with_the_data(cast: Cast) -> None:
    """The memory layer is keyed like the shared cache: an audited change shows even
    when the shared cache folder is emptied behind it."""
    from django.core.cache import cache

    client = Client()
    client.force_login(cast.users["admin"])
    _temuan(cast, "V01")
    assert "V01" in client.get(reverse("worklist")).content.decode()
    cache.clear()  # the page is now only in this process's memory
    assert "V01" in client.get(reverse("worklist")).content.decode()
    _temuan(cast, "V07")
    assert "V07" not in client.get(reverse("worklist")).content.decode()  # from memory
    _catat(cast, "data.dimuat")
    assert "V07" in client.get(reverse("worklist")).content.decode()
