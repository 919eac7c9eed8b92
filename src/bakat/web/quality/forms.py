"""Forms of the correction workflow."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bakat.web.quality.fields import KOLOM_KOREKSI


class KoreksiForm(forms.Form):
    kolom = forms.ChoiceField(label=_("Kolom"), choices=[(k, k) for k in KOLOM_KOREKSI])
    nilai_baru = forms.CharField(label=_("Nilai baru"), max_length=255, required=False)
    alasan = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}))


class KeputusanForm(forms.Form):
    keputusan = forms.ChoiceField(
        label=_("Keputusan"), choices=[("setujui", _("Setujui")), ("tolak", _("Tolak"))]
    )
    catatan = forms.CharField(
        label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
