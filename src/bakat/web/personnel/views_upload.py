"""The upload page of the HR admin: files -> preview with the findings -> confirm ->
one load (``upload``), and the page of the load's result.

The pending upload lives in the session (token, user, agency, as-of date, policy and
the files' digests): a token posted by anyone else, or no longer staged, is refused.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bakat.domain.errors import InputError
from bakat.domain.policy import PRESET_BAKU
from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.models import Peran, User
from bakat.web.analisis import analyse
from bakat.web.audit.models import AuditEvent
from bakat.web.personnel import upload
from bakat.web.personnel.models import Instansi, Muatan

#: Who may load data (each into their own agencies).
MUAT_DATA = frozenset({Peran.ADMIN})
#: The built-in policy presets offered on the page.
KEBIJAKAN = (PRESET_BAKU, "jpm")
KUNCI_SESI = "bakat_unggahan"


class UnggahForm(forms.Form):
    """Everything but the files (read with ``request.FILES.getlist("berkas")``)."""

    instansi = forms.ModelChoiceField(
        label=gettext_lazy("Instansi"), queryset=Instansi.objects.none(), empty_label=None
    )
    as_of = forms.DateField(
        label=gettext_lazy("Tanggal acuan"), widget=forms.DateInput(attrs={"type": "date"})
    )
    kebijakan = forms.ChoiceField(
        label=gettext_lazy("Kebijakan"), choices=[(k, k) for k in KEBIJAKAN]
    )

    def __init__(self, *args: Any, instansi: QuerySet[Instansi], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["instansi"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = instansi


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _instansi_admin(request: HttpRequest) -> QuerySet[Instansi]:
    """The agencies the user may load into; 403 for every other role."""
    akses = akses_untuk(_user(request))
    ids = akses.instansi_ids(MUAT_DATA)
    if not ids:
        raise PermissionDenied
    return Instansi.objects.filter(pk__in=ids).order_by("kode")


def _buang_tertunda(request: HttpRequest) -> None:
    """Forget (and unstage) the session's pending upload."""
    entry = request.session.pop(KUNCI_SESI, None)
    if isinstance(entry, dict):
        folder = upload.folder_token(str(entry.get("token", "")))
        if folder is not None:
            upload.hapus(folder)


@login_required
def unggah(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: stage the files and show the preview (or the refusal)."""
    pilihan = _instansi_admin(request)
    awal = {"as_of": timezone.localdate(), "kebijakan": PRESET_BAKU, "instansi": pilihan.first()}
    form = UnggahForm(request.POST or None, initial=awal, instansi=pilihan)
    galat: upload.Galat | None = None
    if request.method == "POST" and form.is_valid():
        instansi: Instansi = form.cleaned_data["instansi"]
        as_of: date = form.cleaned_data["as_of"]
        policy: str = form.cleaned_data["kebijakan"]
        _buang_tertunda(request)
        folder = None
        siap = False
        try:
            token, folder = upload.tampung(request.FILES.getlist("berkas"))
            hasil = upload.pratinjau(folder, as_of=as_of, policy=policy, instansi=instansi)
            siap = True
        except InputError as exc:
            galat = upload.Galat.dari(exc, folder)
        finally:
            if folder is not None and not siap:
                upload.hapus(folder)  # refused, or an internal error: nothing stays staged
        if siap:
            request.session[KUNCI_SESI] = {
                "token": token,
                "user": _user(request).pk,
                "instansi": instansi.pk,
                "as_of": as_of.isoformat(),
                "kebijakan": policy,
                "berkas": hasil.berkas,
            }
            return render(
                request,
                "personnel/unggah_pratinjau.html",
                {"p": hasil, "token": token, "instansi": instansi, "as_of": as_of},
            )
    return render(request, "personnel/unggah.html", {"form": form, "galat": galat})


def _tertunda(request: HttpRequest, token: str, user: User) -> dict[str, Any] | None:
    """The session's pending upload when ``token`` is its token and ``user`` its owner."""
    entry = request.session.get(KUNCI_SESI)
    if not isinstance(entry, dict) or not token or entry.get("token") != token:
        return None
    if entry.get("user") != user.pk or not isinstance(entry.get("instansi"), int):
        return None
    return entry


@login_required
@require_POST
def konfirmasi(request: HttpRequest) -> HttpResponse:
    """Apply the session's pending upload when the posted token is that one."""
    pilihan = _instansi_admin(request)
    user = _user(request)
    token = request.POST.get("token", "")
    entry = _tertunda(request, token, user)
    instansi = pilihan.filter(pk=entry["instansi"]).first() if entry is not None else None
    if entry is None or instansi is None:
        messages.error(request, _("Unggahan tidak dikenal atau kedaluwarsa; unggah ulang."))
        return redirect("pegawai_unggah")
    request.session.pop(KUNCI_SESI, None)
    try:
        hasil = upload.terapkan(
            actor=user,
            token=token,
            instansi=instansi,
            as_of=date.fromisoformat(entry["as_of"]),
            policy=str(entry["kebijakan"]),
            berkas=entry["berkas"],
        )
    except InputError as exc:
        galat = upload.Galat.dari(exc, upload.folder_unggahan() / token)
        form = UnggahForm(
            initial={"as_of": entry["as_of"], "kebijakan": entry["kebijakan"]}, instansi=pilihan
        )
        return render(request, "personnel/unggah.html", {"form": form, "galat": galat})
    messages.success(request, _("Data dimuat dalam satu transaksi."))
    # The placement, succession and development follow the data just loaded, in their
    # own transactions: a failure there leaves the load in place and says why.
    try:
        analyse(
            actor=user,
            instansi=instansi,
            as_of=date.fromisoformat(entry["as_of"]),
            policy_name=str(entry["kebijakan"]),
        )
    except InputError as exc:
        messages.error(
            request,
            _("Pemetaan dan suksesi tidak dihitung: %(alasan)s") % {"alasan": exc.describe()},
        )
    else:
        messages.success(request, _("Pemetaan, suksesi dan pengembangan dihitung ulang."))
    return redirect("pegawai_unggah_hasil", pk=hasil.muatan_id)


@login_required
def hasil(request: HttpRequest, pk: int) -> HttpResponse:
    """One load of the user's agencies: when, by whom, the stored files, the counts."""
    pilihan = _instansi_admin(request)
    muatan = Muatan.objects.filter(pk=pk, instansi__in=pilihan).select_related("instansi").first()
    if muatan is None:
        raise Http404
    event = AuditEvent.objects.filter(
        jenis="data.dimuat", subjek_tipe="personnel.muatan", subjek_id=str(muatan.pk)
    ).first()
    return render(request, "personnel/unggah_hasil.html", {"m": muatan, "event": event})
