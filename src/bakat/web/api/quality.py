"""Data-quality findings, disparities with SIASN and the data-quality index per unit,
through bakat.web.quality.selectors with the filters of the worklist."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest
from ninja import Query, Router
from pydantic import Field

from bakat.web.accounts.access import BACA_KUALITAS, Akses
from bakat.web.api import schemas
from bakat.web.api.paging import ID_MAKS, ParamHalaman, pengguna, potong
from bakat.web.quality import selectors
from bakat.web.quality.models import Disparitas, IndeksKualitas, Temuan

router = Router(tags=["kualitas data"])
GALAT = {400: schemas.Galat, 401: schemas.Galat, 404: schemas.Galat}


class FilterUnit(ParamHalaman):
    unit: int | None = Field(
        None, ge=1, le=ID_MAKS, description="Unit dan unit di bawahnya (404 di luar cakupan)."
    )


class FilterTemuan(FilterUnit):
    tingkat: str = Field("", max_length=16, description="Tingkat temuan.")
    aturan: str = Field("", max_length=64, description="Kode aturan.")


class FilterDisparitas(FilterUnit):
    status: str = Field("", max_length=16, description="Status disparitas.")
    pihak: str = Field("", max_length=16, description="Pihak yang perlu memperbaiki.")


def _path_unit(akses: Akses, unit: int | None) -> str | None:
    """The path of the chosen unit (None: no filter); 404 outside the worklist scope."""
    if unit is None:
        return None
    chosen = selectors.unit_terlihat(akses).filter(pk=unit).first()
    if chosen is None:
        raise Http404
    return chosen.path


@router.get("/kualitas/temuan/", response={200: schemas.DaftarTemuan, **GALAT})
def temuan(request: HttpRequest, f: Query[FilterTemuan]) -> schemas.DaftarTemuan:
    """Findings in scope, ordered by rule, NIP (as the worklist)."""
    _user, akses = pengguna(request)
    qs: QuerySet[Temuan] = selectors.temuan_terlihat(akses)
    if (path := _path_unit(akses, f.unit)) is not None:
        qs = qs.filter(unit__path__startswith=path)
    if f.tingkat:
        qs = qs.filter(tingkat=f.tingkat)
    if f.aturan:
        qs = qs.filter(aturan=f.aturan)
    qs = qs.select_related("instansi", "unit").order_by("aturan", "nip", "id")
    rows, halaman = potong(qs, f)
    items = [
        schemas.TemuanOut(
            id=t.pk,
            instansi=t.instansi.kode,
            nip=t.nip,
            unit_kerja=t.unit.kode if t.unit is not None else "",
            tabel=t.tabel,
            aturan=t.aturan,
            nama_aturan=t.nama_aturan,
            tingkat=t.tingkat,
            kolom=t.kolom,
            pesan=t.pesan,
        )
        for t in rows
    ]
    return schemas.DaftarTemuan(items=items, **halaman)


@router.get("/kualitas/disparitas/", response={200: schemas.DaftarDisparitas, **GALAT})
def disparitas(request: HttpRequest, f: Query[FilterDisparitas]) -> schemas.DaftarDisparitas:
    """Disparities with SIASN in scope, ordered by status, NIP (as the worklist)."""
    _user, akses = pengguna(request)
    qs: QuerySet[Disparitas] = selectors.disparitas_terlihat(akses)
    if (path := _path_unit(akses, f.unit)) is not None:
        qs = qs.filter(unit__path__startswith=path)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.pihak:
        qs = qs.filter(pihak=f.pihak)
    qs = qs.select_related("instansi", "unit").order_by("status", "nip", "id")
    rows, halaman = potong(qs, f)
    rows = selectors.samarkan_disparitas(rows, tersamar=selectors.identitas_tersamar(akses))
    items = [
        schemas.DisparitasOut(
            id=d.pk,
            instansi=d.instansi.kode,
            nip=d.nip,
            nip_siasn=d.nip_siasn,
            unit_kerja=d.unit.kode if d.unit is not None else "",
            status=d.status,
            kolom=d.kolom,
            nilai_lokal=d.nilai_lokal,
            nilai_siasn=d.nilai_siasn,
            pihak=d.pihak,
        )
        for d in rows
    ]
    return schemas.DaftarDisparitas(items=items, **halaman)


@router.get("/kualitas/indeks/", response={200: schemas.DaftarIndeks, **GALAT})
def indeks(request: HttpRequest, f: Query[FilterUnit]) -> schemas.DaftarIndeks:
    """The data-quality index per unit in scope (and of the whole agency for
    agency-wide roles), ordered by agency and unit."""
    _user, akses = pengguna(request)
    q = akses.q(BACA_KUALITAS, pegawai=None)
    qs = IndeksKualitas.objects.filter(q) if q is not None else IndeksKualitas.objects.none()
    if (path := _path_unit(akses, f.unit)) is not None:
        qs = qs.filter(unit__path__startswith=path)
    # The agency-wide row (no unit) first on every database (PostgreSQL sorts NULL last).
    qs = qs.select_related("instansi", "unit").order_by(
        "instansi_id", "-muatan_id", F("unit__path").asc(nulls_first=True), "id"
    )
    rows, halaman = potong(qs, f)
    items = [
        schemas.IndeksOut(
            instansi=i.instansi.kode,
            muatan_id=i.muatan_id,
            unit_kerja=i.unit.kode if i.unit is not None else None,
            jumlah_pegawai=i.jumlah_pegawai,
            kelengkapan=i.kelengkapan,
            akurasi=i.akurasi,
            konsistensi=i.konsistensi,
            ketepatan_waktu=i.ketepatan_waktu,
            indeks=i.indeks,
        )
        for i in rows
    ]
    return schemas.DaftarIndeks(items=items, **halaman)
