"""Placements of the latest nine-box run, one person's card, and the coverage summary.

Every read goes through bakat.web.talent.selectors (the scope of the HTML talent pages);
reading another person's card is audited as the card page does (UU 27/2022).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import P, PathEx, Query, Router, Schema
from pydantic import Field

from bakat.web.api import schemas
from bakat.web.api.paging import ID_MAKS, ParamHalaman, pengguna, potong
from bakat.web.personnel.models import Pegawai
from bakat.web.personnel.selectors import identitas
from bakat.web.talent import selectors
from bakat.web.talent.models import Penempatan, PlacementRun
from bakat.web.talent.recusal import nip_terkait
from bakat.web.talent.services import catat_pembacaan

router = Router(tags=["penempatan"])
GALAT = {400: schemas.Galat, 401: schemas.Galat, 404: schemas.Galat}


class FilterTalenta(ParamHalaman):
    unit: int | None = Field(None, ge=1, le=ID_MAKS, description="Unit dan unit di bawahnya.")
    jenjang: str = Field("", max_length=32, description="Jenjang jabatan, misalnya AHLI_MUDA.")


class FilterCakupan(Schema):
    unit: int | None = Field(None, ge=1, le=ID_MAKS)
    jenjang: str = Field("", max_length=32)


def kebijakan(run: PlacementRun) -> schemas.Kebijakan:
    return schemas.Kebijakan(
        run_id=run.pk,
        instansi=run.instansi.kode,
        as_of=run.as_of,
        kebijakan=run.kebijakan,
        versi_kebijakan=run.versi_kebijakan,
    )


def penempatan_out(p: Penempatan) -> schemas.PenempatanOut:
    return schemas.PenempatanOut(
        nip=p.nip,
        instansi=p.run.instansi.kode,
        unit_kerja=p.unit.kode if p.unit is not None else "",
        jenjang_jabatan=p.jenjang_jabatan,
        terpetakan=p.terpetakan,
        alasan=p.alasan,
        level_kinerja=p.level_kinerja,
        level_potensi=p.level_potensi,
        kotak=p.kotak,
        dalam_kelompok=p.dalam_kelompok,
        alasan_pengecualian=[kode for kode in p.alasan_pengecualian.split(";") if kode],
        rincian=dict(p.rincian) if isinstance(p.rincian, dict) else {},
        kebijakan=kebijakan(p.run),
    )


@router.get("/penempatan/", response={200: schemas.DaftarPenempatan, **GALAT})
def daftar_penempatan(request: HttpRequest, f: Query[FilterTalenta]) -> schemas.DaftarPenempatan:
    """Placements of the latest run of each agency in scope (cases the user is recused
    from left out), ordered by agency, NIP."""
    user, akses = pengguna(request)
    qs = selectors.penempatan_terlihat(akses, selectors.Filter(f.unit, f.jenjang))
    for instansi_id in akses.instansi_ids(selectors.BACA_TALENTA):
        terkait = nip_terkait(user, instansi_id)
        if terkait:
            qs = qs.exclude(instansi_id=instansi_id, nip__in=terkait)
    qs = qs.select_related("run__instansi", "unit").order_by("instansi_id", "nip", "pk")
    rows, halaman = potong(qs, f)
    return schemas.DaftarPenempatan(items=[penempatan_out(p) for p in rows], **halaman)


@router.get("/penempatan/cakupan/", response={200: schemas.CakupanOut, **GALAT})
def cakupan(request: HttpRequest, f: Query[FilterCakupan]) -> schemas.CakupanOut:
    """How many people in scope are placed, per box and per reason (the dashboard)."""
    _user, akses = pengguna(request)
    r = selectors.ringkasan(akses, selectors.Filter(f.unit, f.jenjang))
    return schemas.CakupanOut(
        runs=[kebijakan(run) for run in r.runs],
        jumlah=r.jumlah,
        terpetakan=r.terpetakan,
        kelompok_talenta=r.kelompok,
        kandidat_kelompok=r.kandidat_kelompok,
        per_kotak={str(k): n for k, n in sorted(r.per_kotak.items())},
        per_alasan=dict(sorted(r.per_alasan.items())),
        indeks_kualitas=r.indeks_kualitas,
    )


#: A NIP (or NI PPPK) starts with the digits of a birth year, so no path word of this
#: router (``cakupan``) can be read as one; at most 32 characters, as stored.
POLA_NIP = r"^[0-9][^/]{0,31}$"


@router.get("/penempatan/{nip}/", response={200: schemas.KartuOut, **GALAT})
def kartu(
    request: HttpRequest, nip: PathEx[str, P(pattern=POLA_NIP, description="NIP")]
) -> schemas.KartuOut:
    """One person's talent card by NIP: their own, or one in the scope of a talent role
    and not a recused case (404 otherwise). Reading someone else's card is audited."""
    user, akses = pengguna(request)
    for pk in Pegawai.objects.filter(nip=nip).order_by("pk").values_list("pk", flat=True):
        try:
            k = selectors.kartu(akses, user, pk)
        except Http404:
            continue
        if not k.milik_sendiri:
            catat_pembacaan(actor=user, pegawai=k.pegawai, jenis="api.kartu_dibaca")
        ident = identitas(akses, k.pegawai)
        p = k.penempatan
        return schemas.KartuOut(
            nip=k.pegawai.nip,
            nama=k.pegawai.nama,
            instansi=k.pegawai.instansi.kode,
            unit_kerja=k.pegawai.unit.kode if k.pegawai.unit is not None else "",
            nik=ident.nik,
            tanggal_lahir=ident.tanggal_lahir,
            identitas_tersamar=ident.tersamar,
            milik_sendiri=k.milik_sendiri,
            penempatan=penempatan_out(p) if p is not None else None,
        )
    raise Http404
