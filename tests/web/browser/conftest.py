"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live
server. They skip, saying why, only when no Chromium is installed. Screenshots go to
``BAKAT_SCREENSHOT_DIR`` (default: ``bakat-screenshots`` in the temporary folder)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from bakat.web.audit.triggers import statements

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _triggers(create: bool) -> None:
    with connection.cursor() as cursor:
        for sql in statements(connection.vendor, create=False):
            cursor.execute(sql)
        if create:
            for sql in statements(connection.vendor, create=True):
                cursor.execute(sql)


@pytest.fixture
def live_db(transactional_db: None) -> Iterator[None]:
    """A committed database for the live server. The append-only trigger is lifted only
    for the flush that empties the database after the test."""
    _triggers(create=True)
    yield
    _triggers(create=False)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(
        os.environ.get("BAKAT_SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "bakat-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for this module. Playwright's synchronous API keeps an event loop in
    this thread, so Django's async-safety guard is lifted while the module runs (the
    tests' own ORM calls are synchronous) and restored afterwards."""
    if CHROMIUM is None:
        pytest.skip("Chromium tidak terpasang (apt-get install chromium) / Chromium not installed")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
