"""Rendered page content kept per scope and data version, on the server.

The aggregate pages (the data-quality worklist, the talent dashboard, the Nine Box grid,
a box's people) cost dozens of queries and thousands of template nodes, yet their content
changes only when an agency's data does. :func:`render_tersimpan` renders such a page's
content once and keeps it in the cache (``settings.CACHES``, per worker process by
default) under a key made of:

- the view, the path and every query parameter;
- the active language;
- the user's grants (roles, agencies, unit subtrees, own record): two users share an
  entry only when they may see exactly the same rows, so nothing crosses a scope; a page
  that also depends on the person (recusal) adds the user's id;
- the data version of each agency in scope, ``AuditHead.seq_data``, which every audited
  change advances in the same transaction (``bakat.web.audit.chain.record_event``): a
  change makes every older entry unreachable at once. The version is read before the
  content is computed, so an entry is never older than its key.

Only the page's own part is kept: the header (the user's name, the language and logout
forms) and the messages are rendered for each request. A cached page template extends
``bagian.html`` instead of ``base.html`` and is rendered without the request, so it can
reach no session, user or cookie; a ``{% csrf_token %}`` in it holds a placeholder that is
replaced by the requester's own token on the way out. Entries also expire after
``BAKAT_PAGE_CACHE_SECONDS`` (settings; 0 turns the cache off).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from bakat.web.accounts.access import Akses
from bakat.web.audit.models import AuditHead

#: Between the title and the content in a rendered ``bagian.html`` (an HTML comment:
#: text from the data is escaped, so it can never produce this marker).
PEMISAH = "<!--bakat:isi-->"
#: What ``{% csrf_token %}`` writes into a cached page; each response carries its own.
CSRF_SEMENTARA = "bakatcsrfsementara0000"
_TIDAK_ADA = object()
T = TypeVar("T")
#: Bytes of recent entries each worker process also keeps in memory (see :class:`_Lokal`).
BATAS_LOKAL = 32 * 2**20


class _Lokal:
    """The most recently used entries of this process, in memory, in front of the shared
    cache folder: a hit costs no file read and no unpickling (a deep page of the
    employee list reads the scope's name order, 8 bytes per person). An entry lives at
    most ``BAKAT_PAGE_CACHE_SECONDS`` here; a key holds the data version, so an entry is
    never stale, only unreachable. Bounded by :data:`BATAS_LOKAL` bytes (texts and bytes
    counted)."""

    def __init__(self, batas: int) -> None:
        self._batas = batas
        self._ukuran = 0
        self._isi: OrderedDict[str, tuple[float, int, Any]] = OrderedDict()
        self._kunci = threading.Lock()

    @staticmethod
    def _ukuran_dari(nilai: Any) -> int:
        if isinstance(nilai, str | bytes):
            return len(nilai) + 64
        if isinstance(nilai, tuple):
            return sum(_Lokal._ukuran_dari(v) for v in nilai) + 64
        return 64

    def get(self, k: str) -> Any:
        with self._kunci:
            entri = self._isi.get(k)
            if entri is None:
                return _TIDAK_ADA
            if entri[0] < time.monotonic():
                self._buang(k)
                return _TIDAK_ADA
            self._isi.move_to_end(k)
            return entri[2]

    def set(self, k: str, nilai: Any, detik: float) -> None:
        ukuran = self._ukuran_dari(nilai)
        if ukuran > self._batas // 4:
            return
        with self._kunci:
            if k in self._isi:
                self._buang(k)
            self._isi[k] = (time.monotonic() + detik, ukuran, nilai)
            self._ukuran += ukuran
            while self._ukuran > self._batas:
                self._buang(next(iter(self._isi)))

    def _buang(self, k: str) -> None:
        _habis, ukuran, _nilai = self._isi.pop(k)
        self._ukuran -= ukuran

    def clear(self) -> None:
        with self._kunci:
            self._isi.clear()
            self._ukuran = 0


_lokal = _Lokal(BATAS_LOKAL)


def kosongkan_lokal() -> None:
    """Forget this process's in-memory entries (tests: a rolled-back database repeats
    its data versions)."""
    _lokal.clear()


def _ambil(k: str) -> Any:
    """The entry ``k`` from memory, else from the shared cache (then kept in memory for
    what remains of the default lifetime)."""
    nilai = _lokal.get(k)
    if nilai is _TIDAK_ADA:
        nilai = cache.get(k, _TIDAK_ADA)
        if nilai is not _TIDAK_ADA:
            _lokal.set(k, nilai, _detik())
    return nilai


def _simpan(k: str, nilai: Any, detik: int) -> None:
    cache.set(k, nilai, detik)
    _lokal.set(k, nilai, detik)


def versi_data(akses: Akses) -> tuple[tuple[str, int], ...]:
    """The data version (``AuditHead.seq_data``) of every agency the user holds a role in;
    for a national role, of every chain. One query, written out (every cached page runs
    it; the ORM's compilation cost more than the query)."""
    if akses.versi_awal is not None and not akses.nasional:
        return akses.versi_awal  # read with the grants at the start of this request
    qn = connection.ops.quote_name
    sql = f"SELECT {qn('rantai')}, {qn('seq_data')} FROM {qn(AuditHead._meta.db_table)}"
    kode: list[str] = []
    if not akses.nasional:
        kode = sorted({g.instansi_kode for g in akses.grants if g.instansi_kode is not None})
        if not kode:
            return ()
        sql += f" WHERE {qn('rantai')} IN ({', '.join(['%s'] * len(kode))})"
    with connection.cursor() as cursor:
        cursor.execute(sql, kode)
        # Sorted here, not by the database's collation: the same order as ``versi_awal``.
        return tuple(sorted((str(rantai), int(seq)) for rantai, seq in cursor.fetchall()))


def _detik() -> int:
    return int(getattr(settings, "BAKAT_PAGE_CACHE_SECONDS", 0))


def cache_aktif() -> bool:
    """Whether pages and figures are kept (``BAKAT_PAGE_CACHE_SECONDS`` > 0)."""
    return _detik() > 0


def kunci(
    akses: Akses,
    nama: str,
    bagian: tuple[Any, ...],
    *,
    per_pengguna: bool,
    versi: tuple[tuple[str, int], ...] | None = None,
) -> str:
    """The cache key of ``nama`` with ``bagian`` (what else the value depends on) for this
    user's grants (and id when ``per_pengguna``) at the current data version (``versi``:
    :func:`versi_data` read already in this request)."""
    semua = (
        nama,
        bagian,
        akses.grants,
        akses.user_id if per_pengguna else None,
        versi_data(akses) if versi is None else versi,
    )
    return "bakat:halaman:" + hashlib.sha256(repr(semua).encode()).hexdigest()


def nilai_tersimpan(
    akses: Akses,
    nama: str,
    bagian: tuple[Any, ...],
    hitung: Callable[[], T],
    *,
    versi: tuple[tuple[str, int], ...] | None = None,
) -> T:
    """``hitung()``, kept per scope and data version like a page's content (for a figure
    that many pages of one list share, such as its total); ``versi`` as in :func:`kunci`."""
    detik = _detik()
    if detik <= 0:
        return hitung()
    k = kunci(akses, nama, bagian, per_pengguna=False, versi=versi)
    simpanan = _ambil(k)
    if simpanan is not _TIDAK_ADA:
        return cast(T, simpanan)
    nilai = hitung()
    _simpan(k, nilai, detik)
    return nilai


def _render_isi(template: str, konteks: Mapping[str, Any]) -> tuple[str, str]:
    teks = render_to_string(template, {**konteks, "csrf_token": CSRF_SEMENTARA})
    judul, _pemisah, isi = teks.partition(PEMISAH)
    return judul.strip(), isi


def render_tersimpan(
    request: HttpRequest,
    akses: Akses,
    template: str,
    konteks: Callable[[], Mapping[str, Any]],
    *,
    per_pengguna: bool = False,
) -> HttpResponse:
    """The page ``template`` (extending ``bagian.html``) inside the site's frame, its
    content taken from the cache or computed with ``konteks()`` and kept."""
    detik = _detik()
    simpanan = None
    if detik > 0:
        bagian = (request.path, sorted(request.GET.lists()), get_language())
        k = kunci(akses, template, bagian, per_pengguna=per_pengguna)
        simpanan = _ambil(k)
    if not (isinstance(simpanan, tuple) and len(simpanan) == 2):
        simpanan = _render_isi(template, konteks())
        if detik > 0:
            _simpan(k, simpanan, detik)
    judul, isi = simpanan
    if CSRF_SEMENTARA in isi:
        isi = isi.replace(CSRF_SEMENTARA, get_token(request))
    # Both parts come from our own templates, autoescaped when they were rendered.
    return render(request, "halaman.html", {"judul": mark_safe(judul), "isi": mark_safe(isi)})
