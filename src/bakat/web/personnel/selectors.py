"""Reads of employee records, always through the user's scope (object-level checks).

A record outside the scope raises ``Http404`` exactly like a record that does not
exist. NIK and birth date are masked unless the role may see identity data.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from bakat.web.accounts.access import BACA_PEGAWAI, LIHAT_IDENTITAS, Akses
from bakat.web.page_cache import cache_aktif, nilai_tersimpan, versi_data
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja

HALAMAN = 50


def pegawai_terlihat(akses: Akses) -> QuerySet[Pegawai]:
    """Every employee record the user may read."""
    q = akses.q(BACA_PEGAWAI)
    if q is None:
        return Pegawai.objects.none()
    return Pegawai.objects.filter(q).select_related("unit", "instansi")


#: A page starting at least this deep takes its ids from the scope's whole order, kept
#: per data version: for a deep OFFSET PostgreSQL sorts the whole scope (~25 ms at 30,000).
PAGE_DALAM = 1000


def daftar_pegawai(akses: Akses, *, cari: str = "", halaman: int = 1) -> tuple[SafeString, int]:
    """One page of the records in scope matching ``cari`` (name or NIP) as table rows, and
    the total (kept per scope, search and data version: every page of a list shares it)."""
    query = pegawai_terlihat(akses).select_related(None)
    if cari:
        query = query.filter(Q(nama__icontains=cari) | Q(nip__startswith=cari))
    # The data version is read once for both figures (read before either is computed).
    versi = versi_data(akses) if cache_aktif() else ()
    total = nilai_tersimpan(akses, "pegawai:jumlah", (cari,), query.count, versi=versi)
    start = (max(halaman, 1) - 1) * HALAMAN
    # nip is unique within an agency, so the order is total. A shallow page's ids walk
    # the index (instansi, nama, nip, unit_id) alone; then only those rows are read.
    urut = query.order_by("nama", "nip").values_list("pk", flat=True)
    if start < PAGE_DALAM or not cache_aktif():
        ids = list(urut[start : start + HALAMAN])
    else:
        urutan = array("q")
        urutan.frombytes(
            nilai_tersimpan(
                akses,
                "pegawai:urutan",
                (cari,),
                lambda: array("q", urut).tobytes(),
                versi=versi,
            )
        )
        ids = urutan[start : start + HALAMAN].tolist()
    # The ids are in scope already. Only the columns the list shows: no identity data.
    rows = {
        row[0]: row
        for row in Pegawai.objects.filter(pk__in=ids).values_list(
            "pk", "nip", "nama", "unit_kerja_nama", "jabatan", "golongan"
        )
    }
    url = escape(reverse("pegawai_daftar"))
    # Every value escaped as Django's ``escape`` does (``html.escape``, quotes too),
    # without a ``format_html`` per cell: 300 cells a page.
    baris = []
    for pk in ids:
        if pk in rows:
            _pk, *teks = (escape(str(v)) for v in rows[pk])
            baris.append(
                f'<tr><td><a href="{url}{_pk}/">{teks[0]}</a></td><td>{teks[1]}</td>'
                f"<td>{teks[2]}</td><td>{teks[3]}</td><td>{teks[4]}</td></tr>"
            )
    return mark_safe("\n".join(baris)), total  # every value escaped above


def pegawai_detail(akses: Akses, pk: int) -> Pegawai:
    """One record in scope; ``Http404`` otherwise (whether or not it exists)."""
    try:
        return pegawai_terlihat(akses).get(pk=pk)
    except Pegawai.DoesNotExist:
        raise Http404 from None


def mask_nik(nik: str) -> str:
    """NIK with only the first 4 and last 2 digits shown (``3172**********01``)."""
    if len(nik) <= 6:
        return "*" * len(nik)
    return nik[:4] + "*" * (len(nik) - 6) + nik[-2:]


@dataclass(frozen=True)
class Identitas:
    """NIK and birth date as this user may see them."""

    nik: str
    tanggal_lahir: str
    tersamar: bool


def identitas(akses: Akses, pegawai: Pegawai) -> Identitas:
    """Full identity for admin, analysts in scope and the employee; masked otherwise
    (NIK digits hidden, birth date reduced to the year)."""
    lahir: date | None = pegawai.tanggal_lahir
    if akses.mencakup(LIHAT_IDENTITAS, pegawai):
        return Identitas(pegawai.nik, lahir.isoformat() if lahir else "", False)
    return Identitas(mask_nik(pegawai.nik), str(lahir.year) if lahir else "", True)


def ringkasan_beranda(akses: Akses) -> dict[str, Any]:
    """Figures for the home page: employees in scope; for the national role, the count
    of employees per agency (aggregates only)."""
    result: dict[str, Any] = {"jumlah_pegawai": pegawai_terlihat(akses).count()}
    if akses.nasional:
        result["per_instansi"] = list(
            Instansi.objects.annotate(jumlah=Count("pegawai")).values("kode", "nama", "jumlah")
        )
    return result


#: At most this many units are offered in a unit filter (the deepest come last).
BATAS_OPSI_UNIT = 500


def opsi_unit(units: QuerySet[UnitKerja], terpilih: int | None) -> SafeString:
    """The ``<option>`` elements of a unit filter: ``units`` in tree order, labelled
    "code name" (escaped), the chosen one selected. Built from three columns rather than
    rendered model by model: the lists, the worklist and the talent pages share it."""
    rows = units.order_by("path").values_list("pk", "kode", "nama")[:BATAS_OPSI_UNIT]
    return format_html_join(
        "",
        '<option value="{}"{}>{} {}</option>',
        ((pk, " selected" if pk == terpilih else "", kode, nama) for pk, kode, nama in rows),
    )
