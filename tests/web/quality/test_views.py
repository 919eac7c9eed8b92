"""The worklist with filters and counts, and the correction flow through the pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.personnel.models import Muatan
from bakat.web.quality.models import Disparitas, Koreksi, Temuan
from tests.web.conftest import Cast


@pytest.fixture
def findings(cast: Cast) -> None:
    from django.utils import timezone

    muatan = Muatan.objects.create(
        instansi=cast.ins_a, dimuat_pada=timezone.now(), as_of="2025-10-17"
    )
    for p, aturan, tingkat in [
        (cast.p_a, "V01", "error"),
        (cast.p_a1, "V02", "warning"),
        (cast.p_b, "V01", "error"),
        (cast.p_b, "V03", "info"),
    ]:
        Temuan.objects.create(
            instansi=p.instansi,
            muatan=muatan,
            pegawai=p,
            unit=p.unit,
            nip=p.nip,
            aturan=aturan,
            tingkat=tingkat,
            pesan=f"pesan {aturan}",
        )
    Disparitas.objects.create(
        instansi=cast.ins_a,
        muatan=muatan,
        pegawai=cast.p_b,
        unit=cast.unit_b,
        nip=cast.p_b.nip,
        status="beda",
        kolom="nama",
        pihak="bkn",
        nilai_lokal="=A",
        nilai_siasn="B",
    )


def _get(cast: Cast, role: str, **params: str) -> str:
    client = Client()
    client.force_login(cast.users[role])
    return client.get(reverse("worklist"), params).content.decode()


@pytest.mark.parametrize(
    ("role", "params", "expected"),
    [
        ("admin", {}, 4),
        ("admin", {"tingkat": "error"}, 2),
        ("admin", {"aturan": "V01"}, 2),
        ("pimpinan", {}, 2),
        ("analis", {}, 2),
        ("analis", {"tingkat": "info"}, 1),
    ],
)
def test_the_worklist_counts_findings_in_scope_after_filters(
    cast: Cast, findings: None, role: str, params: dict[str, str], expected: int
) -> None:
    assert f"Temuan: {expected}<" in _get(cast, role, **params)


def test_the_unit_filter_covers_the_unit_and_below(cast: Cast, findings: None) -> None:
    assert "Temuan: 2<" in _get(cast, "admin", unit=str(cast.unit_a.pk))


def test_a_unit_outside_the_scope_is_not_found(cast: Cast, findings: None) -> None:
    client = Client()
    client.force_login(cast.users["analis"])
    response = client.get(reverse("worklist"), {"unit": str(cast.unit_a.pk)})
    assert response.status_code == 404


def test_the_bkn_export_is_neutralised_and_audited(cast: Cast, findings: None) -> None:
    client = Client()
    client.force_login(cast.users["analis"])
    response = client.post(reverse("usulan_bkn"))
    body = response.content.decode()
    assert response.status_code == 200
    assert cast.p_b.nip in body
    assert ",=A" not in body  # formula neutralised by bakat.io.writers


def test_four_eyes_correction_through_the_pages(cast: Cast) -> None:
    requester = Client()
    requester.force_login(cast.users["pegawai"])
    response = requester.post(
        reverse("koreksi_baru", args=[cast.p_b.pk]),
        {"kolom": "tempat_lahir", "nilai_baru": "Bandung", "alasan": "akta kelahiran"},
    )
    koreksi = Koreksi.objects.get()
    assert response.status_code == 302
    own = requester.post(reverse("koreksi_detail", args=[koreksi.pk]), {"keputusan": "setujui"})
    assert own.status_code == 403
    decider = Client()
    decider.force_login(cast.users["analis"])
    decider.post(reverse("koreksi_detail", args=[koreksi.pk]), {"keputusan": "setujui"})
    cast.p_b.refresh_from_db()
    assert cast.p_b.tempat_lahir == "Bandung"


def test_the_worklist_pages_through_findings_keeping_the_filters(
    cast: Cast, findings: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bakat.web.quality import selectors

    monkeypatch.setattr(selectors, "BATAS_BARIS", 1)
    first = _get(cast, "admin", tingkat="error")
    assert 'href="?tingkat=error&amp;halaman=2"' in first
    second = _get(cast, "admin", tingkat="error", halaman="2")
    assert cast.p_b.nip in second and cast.p_a.nip not in second.split("tabel-temuan")[1]
    assert "halaman=3" not in second


@pytest.fixture
def identity_disparities(cast: Cast, findings: None) -> None:
    muatan = Muatan.objects.get(instansi=cast.ins_a)
    for kolom, lokal, siasn in [
        ("nik", "3172184811880003", "3172184811880099"),
        ("tanggal_lahir", "1988-11-08", "08-11-1987"),
    ]:
        Disparitas.objects.create(
            instansi=cast.ins_a,
            muatan=muatan,
            pegawai=cast.p_b,
            unit=cast.unit_b,
            nip=cast.p_b.nip,
            status="beda",
            kolom=kolom,
            pihak="bkn",
            nilai_lokal=lokal,
            nilai_siasn=siasn,
        )


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        ("admin", ["3172184811880099", "1988-11-08", "08-11-1987"], []),
        ("analis", ["3172184811880099", "1988-11-08"], []),
        ("auditor", ["3172**********99", "1987"], ["3172184811880099", "1988-11-08"]),
    ],
)
def test_identity_values_in_disparities_are_masked_as_on_the_employee_page(
    cast: Cast, identity_disparities: None, role: str, shown: list[str], hidden: list[str]
) -> None:
    page = _get(cast, role)
    assert all(value in page for value in shown)
    assert not any(value in page for value in hidden)


def test_the_employee_page_masks_identity_disparities_for_a_masked_reader(
    cast: Cast, identity_disparities: None
) -> None:
    client = Client()
    client.force_login(cast.users["komite"])
    page = client.get(f"/pegawai/{cast.p_b.pk}/").content.decode()
    assert "3172**********99" in page and "3172184811880099" not in page
