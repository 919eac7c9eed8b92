"""Stored development results of a succession run (``bakat.engine.development``).

One table holds the rows of the five engine files (``idp``, ``kepatuhan_jp``,
``rotasi``, ``retensi``, ``proyeksi``), each row with the keys the pages filter and
scope on (person, unit, grade, scope) and the engine's columns as they were computed in
``data``: the pages show them, never recompute them (issue 7).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja
from bakat.web.succession.models import SuccessionRun


class Berkas(models.TextChoices):
    IDP = "idp", _("Rencana pengembangan individu")
    KEPATUHAN_JP = "kepatuhan_jp", _("Kepatuhan 20 JP")
    ROTASI = "rotasi", _("Kandidat rotasi")
    RETENSI = "retensi", _("Daftar pantau retensi")
    PROYEKSI = "proyeksi", _("Proyeksi pensiun")


class BarisPengembangan(models.Model):
    """One row of one development file, in the engine's row order (``urutan``)."""

    run = models.ForeignKey(SuccessionRun, on_delete=models.CASCADE, related_name="pengembangan")
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT)
    berkas = models.CharField(max_length=16, choices=Berkas.choices)
    urutan = models.IntegerField()
    cakupan = models.CharField(max_length=16, blank=True)
    pegawai = models.ForeignKey(Pegawai, null=True, blank=True, on_delete=models.SET_NULL)
    nip = models.CharField("NIP", max_length=32, blank=True)
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.PROTECT)
    unit_kerja = models.CharField(max_length=64, blank=True)
    jenjang_jabatan = models.CharField(max_length=32, blank=True)
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["run", "berkas", "urutan"]
        indexes = [models.Index(fields=["run", "berkas", "urutan"])]
