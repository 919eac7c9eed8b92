"""Succession pages: target posts, their ranked candidates, the committee's slate."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakat.domain.errors import InputError
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import Peran, User
from bakat.web.personnel.models import Instansi, Muatan
from bakat.web.personnel.selectors import opsi_unit
from bakat.web.personnel.sources import last_load_folder
from bakat.web.succession import selectors, services
from bakat.web.succession.models import JabatanTarget, Kandidat, KeputusanSlate, SuccessionRun


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    """Target posts in scope with filters; the employee is sent to their own page."""
    akses = akses_untuk(_user(request))
    if not akses.punya(selectors.BACA_SUKSESI):
        if akses.punya({Peran.PEGAWAI}):
            return redirect("suksesi_saya")
        raise PermissionDenied
    f = selectors.Filter.dari(request.GET)
    rows = selectors.target_list(akses, f)
    halaman = Paginator(rows, 50).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "succession/daftar.html",
        {
            "halaman": halaman,
            "f": f,
            "query": query.urlencode(),
            "opsi_unit": opsi_unit(selectors.units_visible(akses), f.unit),
            "jenjang": selectors.jenjang_options(akses),
            "boleh_hitung": bool(akses.instansi_ids(services.JALANKAN_SUKSESI)),
            "runs": SuccessionRun.objects.filter(
                pk__in=selectors.latest_runs(akses.instansi_ids(selectors.BACA_SUKSESI))
            ).select_related("instansi"),
        },
    )


def _urutan(request: HttpRequest, target: JabatanTarget) -> list[str]:
    """The slate from the form: each candidate's position number (empty: not chosen)."""
    chosen: list[tuple[int, int, str]] = []
    for k in target.kandidat.order_by("peringkat"):
        value = request.POST.get(f"urutan_{k.nip}", "").strip()
        if not value:
            continue
        if not value.isdigit() or int(value) < 1:
            raise InputError(_("Urutan harus bilangan bulat positif."), column="urutan")
        chosen.append((int(value), k.peringkat, k.nip))
    return [nip for _n, _p, nip in sorted(chosen)]


def _with_order(request: HttpRequest, target: JabatanTarget) -> list[tuple[Kandidat, str]]:
    """Each candidate with the slate position to show: the posted one after a refused
    submission, else the computed rank."""
    return [
        (k, request.POST.get(f"urutan_{k.nip}", str(k.peringkat)))
        for k in target.kandidat.select_related("pegawai").order_by("peringkat")
    ]


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One target post: bench strength, candidates, exclusions, decisions, the slate form."""
    user = _user(request)
    akses = akses_untuk(user)
    target = selectors.target_detail(akses, pk)
    terkait = services.recused_from(user, target)
    boleh_tetapkan = (
        target.instansi_id in akses.instansi_ids(services.TETAPKAN_SLATE)
        and not terkait
        and target.run_id in selectors.latest_runs({target.instansi_id})
    )
    error = ""
    if request.method == "POST":
        if not boleh_tetapkan:
            raise PermissionDenied
        try:
            services.endorse_slate(
                actor=user,
                target=target,
                urutan=_urutan(request, target),
                alasan=request.POST.get("alasan", ""),
            )
        except InputError as exc:
            error = exc.describe()
        else:
            messages.success(request, _("Slate suksesor ditetapkan."))
            return redirect("suksesi_detail", pk=target.pk)
    keputusan = KeputusanSlate.objects.filter(
        instansi_id=target.instansi_id, jabatan_id=target.jabatan_id
    ).select_related("diputuskan_oleh")
    return render(
        request,
        "succession/detail.html",
        {
            "t": target,
            "terkait": bool(terkait),
            "kandidat": [] if terkait else _with_order(request, target),
            "pengecualian": [] if terkait else target.pengecualian.select_related("pegawai"),
            "keputusan": keputusan,
            "berlaku": services.latest_decision(target),
            "boleh_tetapkan": boleh_tetapkan,
            "error": error,
            "alasan": request.POST.get("alasan", ""),
        },
    )


@login_required
def saya(request: HttpRequest) -> HttpResponse:
    """The employee's own nominations (no other names)."""
    akses = akses_untuk(_user(request))
    if not akses.punya({Peran.PEGAWAI}):
        raise PermissionDenied
    return render(request, "succession/saya.html", {"rows": selectors.own_nominations(akses)})


@login_required
@require_POST
def hitung(request: HttpRequest) -> HttpResponse:
    """The HR admin recomputes from the agency's last load (as of that load's date)."""
    user = _user(request)
    akses = akses_untuk(user)
    ids = akses.instansi_ids(services.JALANKAN_SUKSESI)
    if not ids:
        raise PermissionDenied
    for instansi in Instansi.objects.filter(pk__in=ids):
        muatan = Muatan.objects.filter(instansi=instansi).order_by("-dimuat_pada", "-pk").first()
        if muatan is None:
            messages.error(request, _("Instansi ini belum pernah dimuat."))
            continue
        try:
            with last_load_folder(instansi) as folder:
                services.refresh_succession(
                    actor=user, instansi=instansi, folder=folder, as_of=muatan.as_of
                )
        except InputError as exc:
            messages.error(request, exc.describe())
        else:
            messages.success(request, _("Suksesi dihitung ulang."))
    return redirect("suksesi_daftar")
