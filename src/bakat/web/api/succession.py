"""Succession targets with their ranked candidates and exclusions, through
bakat.web.succession.selectors (the scope of the HTML pages). A list is withheld from a
user related to a person on it (recusal), as on the detail page."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Query, Router
from pydantic import Field

from bakat.web.accounts.models import User
from bakat.web.api import schemas
from bakat.web.api.paging import ID_MAKS, ParamHalaman, pengguna, potong
from bakat.web.succession import selectors, services
from bakat.web.succession.models import JabatanTarget, SuccessionRun

router = Router(tags=["suksesi"])
GALAT = {400: schemas.Galat, 401: schemas.Galat, 404: schemas.Galat}


class FilterSuksesi(ParamHalaman):
    unit: int | None = Field(None, ge=1, le=ID_MAKS, description="Unit dan unit di bawahnya.")
    jenjang: str = Field("", max_length=32, description="Jenjang jabatan target.")
    berisiko: bool = Field(False, description="Hanya jabatan berisiko.")


def _kebijakan(run: SuccessionRun) -> schemas.Kebijakan:
    return schemas.Kebijakan(
        run_id=run.pk,
        instansi=run.instansi.kode,
        as_of=run.as_of,
        kebijakan=run.kebijakan,
        versi_kebijakan=run.versi_kebijakan,
    )


def target_out(user: User, t: JabatanTarget) -> schemas.TargetOut:
    terkait = bool(services.recused_from(user, t))
    kandidat = [] if terkait else list(t.kandidat.order_by("peringkat", "nip"))
    pengecualian = [] if terkait else list(t.pengecualian.order_by("nip", "pk"))
    return schemas.TargetOut(
        id=t.pk,
        jabatan_id=t.jabatan_id,
        nama=t.nama,
        instansi=t.instansi.kode,
        unit_kerja=t.unit.kode if t.unit is not None else t.unit_kerja,
        jenjang_jabatan=t.jenjang_jabatan,
        kritikal=t.kritikal,
        alasan_target=t.alasan_target,
        tanggal_lowong=t.tanggal_lowong,
        jumlah_kandidat=t.jumlah_kandidat,
        jumlah_suksesor=t.jumlah_suksesor,
        berisiko=t.berisiko,
        kebijakan=_kebijakan(t.run),
        terkait=terkait,
        kandidat=[
            schemas.KandidatOut(
                nip=k.nip,
                peringkat=k.peringkat,
                skor=k.skor,
                kesiapan=k.kesiapan,
                kotak=k.kotak,
                subskor=dict(k.subskor) if isinstance(k.subskor, dict) else {},
            )
            for k in kandidat
        ],
        pengecualian=[
            schemas.PengecualianOut(
                nip=e.nip, alasan=e.alasan, keterangan=e.keterangan, skor=e.skor, kotak=e.kotak
            )
            for e in pengecualian
        ],
    )


@router.get("/suksesi/target/", response={200: schemas.DaftarTarget, **GALAT})
def daftar_target(request: HttpRequest, f: Query[FilterSuksesi]) -> schemas.DaftarTarget:
    """Target posts of the latest run of each agency in scope, at-risk first."""
    user, akses = pengguna(request)
    qs = selectors.target_list(akses, selectors.Filter(f.unit, f.jenjang, f.berisiko))
    qs = qs.select_related("run__instansi").order_by(
        "-berisiko", "tanggal_lowong", "jabatan_id", "pk"
    )
    rows, halaman = potong(qs, f)
    return schemas.DaftarTarget(items=[target_out(user, t) for t in rows], **halaman)


@router.get("/suksesi/target/{target_id}/", response={200: schemas.TargetOut, **GALAT})
def target(request: HttpRequest, target_id: int) -> schemas.TargetOut:
    """One target post in scope (404 outside it)."""
    user, akses = pengguna(request)
    if not 1 <= target_id <= ID_MAKS:
        raise Http404
    return target_out(user, selectors.target_detail(akses, target_id))


@router.get("/suksesi/nominasi/", response={200: list[schemas.NominasiOut], 401: schemas.Galat})
def nominasi(request: HttpRequest) -> list[schemas.NominasiOut]:
    """The employee's own places on the lists of the latest runs (never other names)."""
    _user, akses = pengguna(request)
    return [
        schemas.NominasiOut(
            target_id=k.target_id,
            jabatan_id=k.target.jabatan_id,
            nama=k.target.nama,
            peringkat=k.peringkat,
            skor=k.skor,
            kesiapan=k.kesiapan,
            subskor=dict(k.subskor) if isinstance(k.subskor, dict) else {},
        )
        for k in selectors.own_nominations(akses)
    ]
