"""The talent pages in a real browser, on a generated agency loaded and mapped by the
engine: the dashboard, the grid and its drill-down, and the employee's own card.
Screenshots (1280x800) go to the screenshot folder (``BAKAT_SCREENSHOT_DIR``; the
README's docs/screenshots/ are refreshed by pointing it there)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.personnel.models import Instansi
from bakat.web.personnel.services import load_data
from bakat.web.succession.services import refresh_succession
from bakat.web.talent.models import Penempatan
from bakat.web.talent.services import refresh_placements
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.slow

AS_OF = date(2025, 10, 17)


@pytest.fixture
def site(live_db: None, small_agency: Path, live_server: Any) -> str:
    hasil = load_data(actor=None, folder=small_agency, as_of=AS_OF)
    instansi = Instansi.objects.get(kode=hasil.instansi)
    refresh_placements(actor=None, instansi=instansi, as_of=AS_OF)
    refresh_succession(actor=None, instansi=instansi, folder=small_agency, as_of=AS_OF)
    admin = User.objects.create_user(username="kepala", password=PASSWORD)
    Penugasan.objects.create(user=admin, peran=Peran.ADMIN, instansi=instansi)
    sendiri = Penempatan.objects.filter(terpetakan=True, kotak__gte=5).order_by("nip").first()
    assert sendiri is not None and sendiri.pegawai is not None
    pegawai = User.objects.create_user(username="saya", password=PASSWORD)
    Penugasan.objects.create(
        user=pegawai, peran=Peran.PEGAWAI, instansi=instansi, pegawai=sendiri.pegawai
    )
    return str(live_server.url)


@pytest.fixture
def layar(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _login(page: Any, site: str, username: str) -> None:
    page.goto(f"{site}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.kartu button[type=submit]")
    page.wait_for_url(f"{site}/")


def test_dashboard_shows_coverage_and_charts(layar: Any, site: str, screenshots: Path) -> None:
    _login(layar, site, "kepala")
    layar.click("header nav >> text=Talenta")
    layar.wait_for_url(f"{site}/talenta/")
    cakupan = layar.locator("#ubin-cakupan .besar").inner_text()
    assert "dari 120 pegawai terpetakan" in cakupan
    assert layar.locator("svg.grafik").count() == 3
    layar.screenshot(path=str(screenshots / "dashboard.png"))


def test_grid_drill_down_lists_the_people_of_a_box(
    layar: Any, site: str, screenshots: Path
) -> None:
    _login(layar, site, "kepala")
    layar.goto(f"{site}/talenta/kotak/")
    jumlah = int(layar.locator("#kotak-5 .jumlah").inner_text().replace(".", ""))
    layar.screenshot(path=str(screenshots / "kotak.png"))
    layar.click("#kotak-5")
    layar.wait_for_url("**/talenta/kotak/5/**")
    assert layar.locator("#jumlah-orang").inner_text() == f"{jumlah} pegawai"
    assert layar.locator("tbody tr td a").count() == min(jumlah, 50)


def test_the_employee_sees_their_card_and_asks_for_a_review(
    layar: Any, site: str, screenshots: Path
) -> None:
    _login(layar, site, "saya")
    layar.click("header nav >> text=Talenta")
    layar.wait_for_url("**/talenta/pegawai/**")
    assert layar.locator("#kotak-pegawai").inner_text().startswith("Kotak ")
    layar.screenshot(path=str(screenshots / "kartu.png"))
    assert layar.locator("#idp tbody tr").count() >= 1  # the IDP is on the card
    layar.fill("#alasan", "Predikat SKP tahun lalu belum diperbarui.")
    layar.click("text=Kirim permintaan tinjauan")
    assert "terkirim" in layar.locator(".pesan").inner_text()
    # The request lands in the committee's queue.
    layar.click("header form.keluar button")
    _login(layar, site, "kepala")
    layar.goto(f"{site}/talenta/tinjauan/")
    antrean = layar.locator("#antrean-tinjauan tbody").inner_text()
    assert "Predikat SKP tahun lalu belum diperbarui." in antrean
    layar.screenshot(path=str(screenshots / "antrean.png"))


def test_the_development_lists_and_their_excel_export(
    layar: Any, site: str, screenshots: Path
) -> None:
    _login(layar, site, "kepala")
    layar.click("header nav >> text=Pengembangan")
    layar.wait_for_url(f"{site}/pengembangan/")
    assert int(layar.locator("#jumlah-baris").inner_text().split(":")[1].replace(".", "")) > 0
    layar.screenshot(path=str(screenshots / "pengembangan.png"))
    layar.goto(f"{site}/pengembangan/kepatuhan_jp/")
    assert "20 JP" in layar.locator(".catatan").first.inner_text()
    with layar.expect_download() as unduhan:
        layar.click("#ekspor button")
    assert unduhan.value.suggested_filename.endswith(".xlsx")


def test_a_calibration_session_with_recusal(layar: Any, site: str, screenshots: Path) -> None:
    """The HR admin opens a session over the whole agency with a committee member who is
    related to one employee (a loaded ``relasi``): the member does not see that case,
    cannot act on it (404), moves another person with a written reason, and the admin
    closes the session, frozen with the policy version. The session shows the mapping's
    calibration and fairness screens."""
    from bakat.web.personnel.models import Pegawai, UnitKerja
    from bakat.web.talent.models import Relasi, UsulanPindah

    instansi = Instansi.objects.get()
    relasi = Relasi.objects.filter(instansi=instansi).order_by("pk").first()
    assert relasi is not None
    sendiri = Pegawai.objects.get(instansi=instansi, nip=relasi.nip_a)
    anggota = User.objects.create_user(username="anggota", password=PASSWORD)
    Penugasan.objects.create(user=anggota, peran=Peran.KOMITE, instansi=instansi)
    Penugasan.objects.create(user=anggota, peran=Peran.PEGAWAI, instansi=instansi, pegawai=sendiri)
    root = UnitKerja.objects.filter(instansi=instansi, induk=None).order_by("path").first()
    assert root is not None
    terkait = (
        set(
            Relasi.objects.filter(instansi=instansi, nip_a=sendiri.nip).values_list(
                "nip_b", flat=True
            )
        )
        | set(
            Relasi.objects.filter(instansi=instansi, nip_b=sendiri.nip).values_list(
                "nip_a", flat=True
            )
        )
        | {sendiri.nip}
    )
    semua = Penempatan.objects.filter(run__instansi=instansi).values("run").distinct().count()
    assert semua == 1
    lain = (
        Penempatan.objects.filter(terpetakan=True, kotak__lt=9)
        .exclude(nip__in=terkait)
        .order_by("nip")
        .first()
    )
    assert lain is not None

    _login(layar, site, "kepala")
    layar.goto(f"{site}/talenta/kalibrasi/")
    layar.fill("#nama", "Kalibrasi seluruh instansi")
    layar.select_option("#unit", str(root.pk))
    layar.check(f"input[name=anggota][value='{anggota.pk}']")
    layar.click("button:has-text('Buka sesi')")
    layar.wait_for_url("**/talenta/kalibrasi/*/")
    sesi_url = layar.url
    assert layar.locator("#statistik-kalibrasi tbody tr").count() >= 2
    assert layar.locator("#skrining-keadilan tbody tr").count() >= 4
    layar.click("header form.keluar button")

    _login(layar, site, "anggota")
    layar.goto(sesi_url)
    total = Penempatan.objects.filter(unit__path__startswith=root.path).count()
    tampil = total - Penempatan.objects.filter(nip__in=terkait).count()
    assert f"Populasi ({tampil})" in layar.locator("h2", has_text="Populasi").inner_text()
    layar.fill("#nip", lain.nip)
    layar.select_option("#kotak", str(lain.kotak + 1))
    layar.fill("#alasan", "Kinerja tahun berjalan jauh di atas target, terdokumentasi.")
    layar.click("button:has-text('Usulkan')")
    assert "tercatat" in layar.locator(".pesan").first.inner_text()
    layar.screenshot(path=str(screenshots / "kalibrasi.png"))
    # The related case: the same form answers 404, as if the person were not there.
    layar.fill("#nip", relasi.nip_b if relasi.nip_b != sendiri.nip else relasi.nip_a)
    layar.fill("#alasan", "Usulan untuk kerabat sendiri, yang harus ditolak.")
    with layar.expect_response("**/usul/") as jawaban:
        layar.click("button:has-text('Usulkan')")
    assert jawaban.value.status == 404
    assert UsulanPindah.objects.count() == 1
    usulan = UsulanPindah.objects.get()
    assert usulan.penempatan.kotak == lain.kotak and usulan.kotak == lain.kotak + 1

    layar.goto(f"{site}/")
    layar.click("header form.keluar button")
    _login(layar, site, "kepala")
    layar.goto(sesi_url)
    layar.click("button:has-text('Tutup dan bekukan sesi')")
    assert "Ditutup" in layar.locator("#status-sesi").inner_text()
