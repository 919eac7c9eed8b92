"""The main flows in a real browser: sign in, filter the worklist, a four-eyes
correction end to end, switching language, verifying the audit trail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from bakat.web.personnel.models import Muatan
from bakat.web.quality.models import Temuan
from tests.web.conftest import PASSWORD, Cast

pytestmark = pytest.mark.slow


@pytest.fixture
def site(live_db: None, cast: Cast, live_server: Any) -> str:
    muatan = Muatan.objects.create(
        instansi=cast.ins_a, dimuat_pada=timezone.now(), as_of="2025-10-17"
    )
    for p, aturan, tingkat in [(cast.p_a, "V01", "error"), (cast.p_b, "V02", "warning")]:
        Temuan.objects.create(
            instansi=p.instansi, muatan=muatan, pegawai=p, unit=p.unit, nip=p.nip,
            aturan=aturan, tingkat=tingkat, pesan=f"pesan {aturan}",
        )  # fmt: skip
    return str(live_server.url)


def _login(page: Any, site: str, username: str) -> None:
    page.goto(f"{site}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.kartu button[type=submit]")
    page.wait_for_url(f"{site}/")


def _logout(page: Any) -> None:
    page.click("form.keluar button")


def test_sign_in(page: Any, site: str, screenshots: Path) -> None:
    _login(page, site, "admin")
    assert page.locator("h1").inner_text() == "Beranda"
    page.screenshot(path=str(screenshots / "masuk.png"), full_page=True)


def test_worklist_filter(page: Any, site: str, screenshots: Path) -> None:
    _login(page, site, "admin")
    page.goto(f"{site}/kualitas/")
    assert page.locator("#jumlah-temuan").inner_text() == "Temuan: 2"
    page.select_option("#tingkat", "error")
    page.click("#saring button[type=submit]")
    page.wait_for_url("**tingkat=error**")
    assert page.locator("#jumlah-temuan").inner_text() == "Temuan: 1"
    page.screenshot(path=str(screenshots / "daftar-kerja.png"), full_page=True)


def test_four_eyes_correction_end_to_end(
    page: Any, site: str, cast: Cast, screenshots: Path
) -> None:
    _login(page, site, "pegawai")
    page.goto(f"{site}/pegawai/{cast.p_b.pk}/")
    page.click("text=Ajukan koreksi")
    page.select_option("#id_kolom", "tempat_lahir")
    page.fill("#id_nilai_baru", "Bandung")
    page.fill("#id_alasan", "Sesuai akta kelahiran")
    page.click("form.kartu button[type=submit]")
    assert "Diajukan" in page.locator("#status-koreksi").inner_text()
    url = page.url
    _logout(page)
    _login(page, site, "analis")
    page.goto(url)
    page.select_option("#id_keputusan", "setujui")
    page.fill("#id_catatan", "akta diperiksa")
    page.click("form.kartu button[type=submit]")
    assert "diterapkan" in page.locator("#status-koreksi").inner_text()
    page.screenshot(path=str(screenshots / "koreksi-empat-mata.png"), full_page=True)
    cast.p_b.refresh_from_db()
    assert cast.p_b.tempat_lahir == "Bandung"


def test_language_switch(page: Any, site: str, screenshots: Path) -> None:
    page.goto(f"{site}/masuk/")
    assert page.locator("h1").inner_text() == "Masuk"
    page.click("form.bahasa button[value=en]")
    page.wait_for_selector("h1:text('Sign in')")
    assert page.locator("html").get_attribute("lang") == "en"
    page.screenshot(path=str(screenshots / "bahasa-inggris.png"), full_page=True)


def test_audit_verification(page: Any, site: str, cast: Cast, screenshots: Path) -> None:
    _login(page, site, "analis2")
    page.goto(f"{site}/pegawai/{cast.p_b.pk}/")
    page.click("text=Ajukan koreksi")
    page.select_option("#id_kolom", "golongan")
    page.fill("#id_nilai_baru", "III/b")
    page.fill("#id_alasan", "SK")
    page.click("form.kartu button[type=submit]")
    _logout(page)
    _login(page, site, "auditor")
    page.goto(f"{site}/audit/")
    page.click("#verifikasi")
    assert "Rantai utuh" in page.locator("#hasil-verifikasi").inner_text()
    page.screenshot(path=str(screenshots / "verifikasi-audit.png"), full_page=True)
