"""Bahasa Indonesia by default, English on request; every catalogued string translated."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.i18n import LOCALE_DIR, compile_catalogues
from tests.web.conftest import Cast

PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("accept", ["", "en-US,en;q=0.9", "id-ID"])
def test_the_default_language_is_bahasa_indonesia_whatever_the_browser(
    db: None, accept: str
) -> None:
    body = Client(HTTP_ACCEPT_LANGUAGE=accept).get(reverse("login")).content.decode()
    assert 'lang="id"' in body and "Kata sandi" in body


def test_switching_to_english_translates_the_pages(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.users["admin"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("worklist")).content.decode()
    assert 'lang="en"' in body
    assert "Data-quality worklist" in body and "Daftar kerja kualitas data" not in body


def test_every_english_message_is_translated_and_none_is_fuzzy() -> None:
    po = polib.pofile(str(PO))
    assert not po.untranslated_entries()
    assert not po.fuzzy_entries()
    assert po.percent_translated() == 100


@pytest.mark.parametrize("placeholder", ["%(n)s", "%(detik)d", "%(total)s"])
def test_placeholders_survive_translation(placeholder: str) -> None:
    for entry in polib.pofile(str(PO)):
        if placeholder in entry.msgid:
            assert placeholder in entry.msgstr


def test_catalogues_compile_without_the_gettext_binary(tmp_path: Path) -> None:
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_bytes(PO.read_bytes())
    written = compile_catalogues(tmp_path)
    assert written == [folder / "django.mo"]
    mo = polib.mofile(str(folder / "django.mo"))
    assert any(e.msgstr == "Sign in" for e in mo)
    assert compile_catalogues(tmp_path) == []  # up to date: nothing rewritten


TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "bakat" / "web" / "templates"
SOURCE = TEMPLATES.parent


def _template_strings() -> set[str]:
    import re

    found: set[str] = set()
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'{% translate "([^"]+)" %}', text))
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'\b_\(\s*"([^"]+)"', text))
    return found


def test_every_translatable_string_of_the_source_is_in_the_english_catalogue() -> None:
    catalogue = {entry.msgid for entry in polib.pofile(str(PO))}
    missing = sorted(_template_strings() - catalogue)
    assert not missing
