"""Development pages: IDP, 20 JP compliance, rotation, retention, retirement forecast,
each with filters and an audited Excel export."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from bakat.io.writers import write_xlsx
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import User
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.development import selectors
from bakat.web.development.models import BarisPengembangan, Berkas
from bakat.web.personnel.models import Instansi
from bakat.web.personnel.selectors import opsi_unit

_MAX_EXPORT = 1_000_000


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _kind(berkas: str) -> str:
    if berkas not in Berkas.values:
        raise Http404
    return berkas


@login_required
def daftar(request: HttpRequest, berkas: str = Berkas.IDP) -> HttpResponse:
    """One list of the latest run, filtered, 100 rows a page."""
    akses = akses_untuk(_user(request))
    if not akses.punya(selectors.BACA_PENGEMBANGAN):
        raise PermissionDenied
    kind = _kind(berkas)
    f = selectors.Filter.dari(request.GET)
    halaman = Paginator(selectors.filtered(akses, kind, f), 100).get_page(
        request.GET.get("halaman")
    )
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "development/daftar.html",
        {
            "berkas": kind,
            "jenis": Berkas.choices,
            "judul": Berkas(kind).label,
            "kolom": selectors.KOLOM[kind],
            "baris": [
                list(zip(selectors.KOLOM[kind], cells, strict=True))
                for cells in selectors.table(list(halaman), kind)
            ],
            "halaman": halaman,
            "f": f,
            "query": query.urlencode(),
            "opsi_unit": opsi_unit(selectors.units_visible(akses), f.unit),
            "boleh_ekspor": akses.punya(selectors.EKSPOR_PENGEMBANGAN),
        },
    )


def _frame(rows: list[BarisPengembangan], kind: str) -> pl.DataFrame:
    """The engine's values with their types (numbers stay numbers); text when a column
    mixes types."""
    kolom = selectors.KOLOM[kind]
    records = [dict(zip(kolom, cells, strict=True)) for cells in selectors.table(rows, kind)]
    try:
        return pl.DataFrame(records, schema=kolom, infer_schema_length=None)
    except (TypeError, pl.exceptions.PolarsError):
        text = [{k: None if v is None else str(v) for k, v in r.items()} for r in records]
        return pl.DataFrame(text, schema=dict.fromkeys(kolom, pl.String))


@login_required
@require_POST
def ekspor(request: HttpRequest, berkas: str) -> HttpResponse:
    """The filtered list in scope as XLSX (text never a formula). Audited: it discloses
    personal data outside the application."""
    user = _user(request)
    akses = akses_untuk(user)
    if not akses.punya(selectors.EKSPOR_PENGEMBANGAN):
        raise PermissionDenied
    kind = _kind(berkas)
    f = selectors.Filter.dari(request.POST)
    rows = list(selectors.filtered(akses, kind, f)[:_MAX_EXPORT])
    frame = _frame(rows, kind)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{kind}.xlsx"
        write_xlsx({kind: frame}, path)
        body = path.read_bytes()
    agencies = {r.instansi_id for r in rows} or akses.instansi_ids(selectors.EKSPOR_PENGEMBANGAN)
    for instansi_id in sorted(agencies):
        with transaction.atomic():
            record_event(
                actor=user,
                instansi=Instansi.objects.get(pk=instansi_id),
                jenis="pengembangan.diekspor",
                subjek=Subjek("development.barispengembangan", kind),
                perubahan={
                    "berkas": kind,
                    "baris": sum(1 for r in rows if r.instansi_id == instansi_id),
                    "saring": {k: v for k, v in vars(f).items() if v not in (None, "")},
                },
            )
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{kind}.xlsx"'
    return response
