"""A slate endorsement in a real browser: the committee member reorders the computed
ranking, is refused without a reason, gives one, and the decision is shown and audited.
The screenshot (1280x800) goes to the screenshot folder (``BAKAT_SCREENSHOT_DIR``; the
README's docs/screenshots/suksesi.png is refreshed by pointing it there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bakat.web.audit.models import AuditEvent
from bakat.web.succession.models import KeputusanSlate
from tests.web.conftest import PASSWORD, Cast
from tests.web.succession.conftest import Hasil, hasil

__all__ = ["hasil"]

pytestmark = pytest.mark.slow


@pytest.fixture
def site(live_db: None, hasil: Hasil, live_server: Any) -> str:
    return str(live_server.url)


def test_slate_endorsement(
    page: Any, site: str, cast: Cast, hasil: Hasil, screenshots: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site}/masuk/")
    page.fill("#id_username", "komite")
    page.fill("#id_password", PASSWORD)
    page.click("form.kartu button[type=submit]")
    page.wait_for_url(f"{site}/")
    page.goto(f"{site}/suksesi/")
    page.check("#berisiko")
    page.click("#saring button[type=submit]")
    page.wait_for_url("**berisiko=1**")
    page.click("text=J-A")
    page.fill(f"#urutan_{cast.p_a.nip}", "2")
    page.fill(f"#urutan_{cast.p_a1.nip}", "1")
    page.click("#slate button[type=submit]")
    assert "alasan wajib" in page.locator("#galat").inner_text()
    page.fill("#alasan", "Pengalaman lapangan di unit A1 lebih sesuai")
    page.click("#slate button[type=submit]")
    assert cast.p_a1.nip in page.locator("#slate-berlaku").inner_text()
    decision = KeputusanSlate.objects.get()
    assert decision.urutan == [cast.p_a1.nip, cast.p_a.nip] and decision.menyimpang
    assert AuditEvent.objects.filter(jenis="suksesi.slate_ditetapkan").count() == 1
    page.screenshot(path=str(screenshots / "suksesi.png"))
