"""Pages of the calibration sessions: the list (and opening one, HR admin), a session
with its population and proposals (recused cases left out for each viewer), proposing
a move (members) and closing (HR admin). Writes go through ``kalibrasi``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakat.domain.errors import InputError
from bakat.domain.ninebox import SEMUA_KOTAK
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import Peran, User
from bakat.web.personnel.models import Pegawai, UnitKerja
from bakat.web.talent import kalibrasi
from bakat.web.talent.models import SesiKalibrasi, StatusSesi, UsulanPindah
from bakat.web.talent.recusal import is_recused, nip_terkait
from bakat.web.talent.selectors import layar_sesi

HALAMAN = 50


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _sesi_terlihat(user: User) -> QuerySet[SesiKalibrasi]:
    akses = akses_untuk(user)
    admin = akses.instansi_ids({Peran.ADMIN})
    return SesiKalibrasi.objects.filter(Q(instansi_id__in=admin) | Q(anggota=user)).distinct()


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    akses = akses_untuk(user)
    admin = akses.instansi_ids({Peran.ADMIN})
    if not admin and not akses.punya({Peran.KOMITE}):
        raise PermissionDenied
    if request.method == "POST":
        if not admin:
            raise PermissionDenied
        unit = UnitKerja.objects.filter(
            pk=request.POST.get("unit", "0") or 0, instansi_id__in=admin
        ).first()
        if unit is None:
            raise Http404
        anggota = User.objects.filter(pk__in=request.POST.getlist("anggota"))
        try:
            sesi = kalibrasi.buka_sesi(
                actor=user, unit=unit, nama=request.POST.get("nama", ""), anggota=anggota
            )
        except InputError as exc:
            messages.error(request, str(exc))
            return redirect("talenta_kalibrasi")
        return redirect("talenta_kalibrasi_sesi", pk=sesi.pk)
    komite = User.objects.filter(
        penugasan__peran=Peran.KOMITE, penugasan__instansi_id__in=admin
    ).distinct()
    return render(
        request,
        "talent/kalibrasi_daftar.html",
        {
            "rows": _sesi_terlihat(user).select_related("unit"),
            "boleh_buka": bool(admin),
            "units": UnitKerja.objects.filter(instansi_id__in=admin).only("id", "nama")[:500],
            "komite": komite,
            "navigasi": True,
        },
    )


def _sesi(request: HttpRequest, pk: int) -> SesiKalibrasi:
    sesi = _sesi_terlihat(_user(request)).select_related("unit", "run").filter(pk=pk).first()
    if sesi is None:
        raise Http404
    return sesi


@login_required
def sesi(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    s = _sesi(request, pk)
    terkait = nip_terkait(user, s.instansi_id)
    orang = kalibrasi.populasi(s).exclude(nip__in=terkait).select_related("pegawai")
    try:
        halaman = max(1, int(request.GET.get("halaman", "1")))
    except ValueError:
        halaman = 1
    total = orang.count()
    start = (halaman - 1) * HALAMAN
    usulan = (
        UsulanPindah.objects.filter(sesi=s)
        .exclude(pegawai__nip__in=terkait)
        .select_related("pegawai", "pengusul")
    )
    anggota = s.anggota.filter(pk=user.pk).exists()
    return render(
        request,
        "talent/kalibrasi_sesi.html",
        {
            "s": s,
            "orang": orang.order_by("pegawai__nama", "nip")[start : start + HALAMAN],
            "total": total,
            "halaman": halaman,
            "ada_berikut": start + HALAMAN < total,
            "usulan": usulan,
            "boleh_usul": anggota and s.status == StatusSesi.DIBUKA,
            "boleh_tutup": s.status == StatusSesi.DIBUKA
            and s.instansi_id in akses_untuk(user).instansi_ids({Peran.ADMIN}),
            "semua_kotak": SEMUA_KOTAK,
            "layar": layar_sesi(s),
            "navigasi": True,
        },
    )


@login_required
@require_POST
def usul(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    s = _sesi(request, pk)
    pegawai = Pegawai.objects.filter(
        instansi_id=s.instansi_id, nip=request.POST.get("nip", "").strip()
    ).first()
    try:
        kotak = int(request.POST.get("kotak", ""))
    except ValueError:
        kotak = 0
    if pegawai is None or kotak not in SEMUA_KOTAK:
        messages.error(request, _("Pegawai atau kotak tidak dikenal."))
        return redirect("talenta_kalibrasi_sesi", pk=s.pk)
    try:
        kalibrasi.usulkan_pindah(
            actor=user, sesi=s, pegawai=pegawai, kotak=kotak, alasan=request.POST.get("alasan", "")
        )
    except kalibrasi.DitolakError as exc:
        if is_recused(user, pegawai):
            raise Http404 from None  # a recused member may not even learn the case exists
        messages.error(request, str(exc))
    except InputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Usulan pindah kotak tercatat."))
    return redirect("talenta_kalibrasi_sesi", pk=s.pk)


@login_required
@require_POST
def tutup(request: HttpRequest, pk: int) -> HttpResponse:
    s = _sesi(request, pk)
    try:
        kalibrasi.tutup_sesi(actor=_user(request), sesi=s)
    except kalibrasi.DitolakError:
        raise PermissionDenied from None
    messages.success(request, _("Sesi ditutup dan dibekukan."))
    return redirect("talenta_kalibrasi_sesi", pk=s.pk)


__all__ = ["daftar", "sesi", "tutup", "usul"]
