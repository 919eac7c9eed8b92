"""Template tags of the site's frame: the header (brand, navigation, language and logout
forms) and which links the navigation shows.

The header is on every page, so it is built in Python, not rendered as template nodes
(a third of a cached page's CPU): its fixed part (brand and navigation) depends only on
the language, whether the user is signed in, whether they may load data and the URL
prefix, and is kept per process; the rest (the requester's CSRF token, the current path,
the user name) is escaped and joined for each request.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_noop

from bakat.web.accounts.access import Akses
from bakat.web.personnel.views_upload import MUAT_DATA

register = template.Library()

#: The navigation: URL name, label (translated when the header is built), load right needed.
NAVIGASI = (
    ("pegawai_daftar", gettext_noop("Pegawai"), False),
    ("pegawai_unggah", gettext_noop("Muat data"), True),
    ("worklist", gettext_noop("Kualitas data"), False),
    ("koreksi_daftar", gettext_noop("Koreksi"), False),
    ("audit", gettext_noop("Jejak audit"), False),
    ("suksesi_daftar", gettext_noop("Suksesi"), False),
    ("pengembangan", gettext_noop("Pengembangan"), False),
    ("talenta_dasbor", gettext_noop("Talenta"), False),
)


@register.filter
def boleh_muat(akses: object) -> bool:
    """Whether the user may load data (the upload page); False without ``akses``."""
    return isinstance(akses, Akses) and akses.punya(MUAT_DATA)


def _csrf(token: str) -> str:
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'


@lru_cache(maxsize=64)
def _tetap(bahasa: str, masuk: bool, boleh: bool, _prefix: str) -> tuple[str, str, str, str]:
    """The fixed parts of the header for this language, sign-in state and right (the
    URL prefix only keys the entry: ``reverse`` reads it): up to the language form's
    token; the language buttons; the logout form's opening tag; the logout label."""
    links = "".join(
        f'\n    <a href="{escape(reverse(name))}">{escape(gettext(label))}</a>'
        for name, label, perlu_boleh in NAVIGASI
        if boleh or not perlu_boleh
    )
    nav = f"\n  <nav>{links}\n  </nav>" if masuk else ""
    awal = (
        '<header class="atas">\n'
        f'  <a class="merek" href="{escape(reverse("beranda"))}">bakat</a>{nav}\n'
        f'  <form class="bahasa" action="{escape(reverse("set_language"))}" method="post">'
    )
    tombol = []
    for code, _name in settings.LANGUAGES:
        pressed = ' aria-pressed="true"' if code == bahasa else ""
        tombol.append(
            f'\n    <button type="submit" name="language" value="{escape(code)}"{pressed}>'
            f"{escape(code.upper())}</button>"
        )
    keluar = f'\n  <form class="keluar" action="{escape(reverse("logout"))}" method="post">'
    return awal, "".join(tombol) + "\n  </form>", keluar, escape(gettext("Keluar"))


@register.simple_tag(takes_context=True)
def kepala(context: Any) -> SafeString:
    """The header of every page (``base.html``); without a request (a page rendered
    for a file), no forms' tokens and no return path."""
    request = context.get("request")
    user = context.get("user")
    masuk = bool(user is not None and user.is_authenticated)
    boleh = masuk and boleh_muat(context.get("akses"))
    awal, tombol, keluar, label = _tetap(get_language() or "", masuk, boleh, get_script_prefix())
    token = _csrf(get_token(request)) if request is not None else ""
    jalan = escape(request.get_full_path()) if request is not None else ""
    bagian = [awal, token, f'\n    <input name="next" type="hidden" value="{jalan}">', tombol]
    if masuk:
        nama = escape(user.get_username())
        bagian += [
            keluar,
            token,
            f'\n    <span>{nama}</span> <button type="submit">{label}</button>',
        ]
        bagian.append("\n  </form>")
    bagian.append("\n</header>")
    # Every value from the request or the data is escaped above.
    return mark_safe("".join(bagian))
