"""Stored succession runs and the committee's slate decisions.

A ``SuccessionRun`` keeps, in bulk, what ``bakat.engine.succession`` computed for one
agency at one as-of date under one policy: the target posts with their bench strength,
the ranked candidates and the exclusions a reviewer would ask about. Nothing here is
recomputed: every number comes from the engine (issue 7). A ``KeputusanSlate`` is the
human decision beside it: frozen once written, superseded only by a newer decision.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from bakat.web.accounts.models import User
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja


class SuccessionRun(models.Model):
    """One run of mapping + succession + development on one agency's data."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="run_suksesi")
    dijalankan_pada = models.DateTimeField(_("dijalankan pada"))
    dijalankan_oleh = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT)
    as_of = models.DateField(_("tanggal acuan"))
    kebijakan = models.CharField(_("kebijakan"), max_length=64)
    versi_kebijakan = models.CharField(_("versi kebijakan"), max_length=32)
    sidik_kebijakan = models.CharField(max_length=64)
    sidik_masukan = models.CharField(max_length=64)
    berkas = models.JSONField(default=dict)
    ringkasan = models.JSONField(default=dict)
    catatan = models.JSONField(default=list)

    class Meta:
        ordering = ["-dijalankan_pada", "-pk"]
        get_latest_by = ["dijalankan_pada", "pk"]


class JabatanTarget(models.Model):
    """A target post of a run (a row of ``kekuatan_suksesi``)."""

    run = models.ForeignKey(SuccessionRun, on_delete=models.CASCADE, related_name="target")
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT)
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.PROTECT)
    jabatan_id = models.CharField(_("ID jabatan"), max_length=64)
    nama = models.CharField(_("nama"), max_length=255, blank=True)
    unit_kerja = models.CharField(_("unit kerja"), max_length=64, blank=True)
    jenjang_jabatan = models.CharField(_("jenjang jabatan"), max_length=32, blank=True)
    kritikal = models.BooleanField(default=False)
    nip_pemangku = models.CharField(max_length=32, blank=True)
    tanggal_pensiun_pemangku = models.DateField(null=True, blank=True)
    alasan_target = models.CharField(max_length=128, blank=True)
    tanggal_lowong = models.DateField(null=True, blank=True)
    jumlah_kandidat = models.IntegerField(default=0)
    jumlah_suksesor = models.IntegerField(default=0)
    berisiko = models.BooleanField(default=False)
    kekuatan = models.JSONField(default=dict)

    class Meta:
        ordering = ["jabatan_id"]
        indexes = [models.Index(fields=["run", "jabatan_id"])]


class Kandidat(models.Model):
    """A named successor of a target post, as ranked by the engine."""

    target = models.ForeignKey(JabatanTarget, on_delete=models.CASCADE, related_name="kandidat")
    pegawai = models.ForeignKey(Pegawai, null=True, blank=True, on_delete=models.SET_NULL)
    nip = models.CharField("NIP", max_length=32)
    peringkat = models.IntegerField(_("peringkat"))
    skor = models.FloatField(_("skor"))
    kesiapan = models.CharField(_("kesiapan"), max_length=32, blank=True)
    kotak = models.IntegerField(null=True, blank=True)
    subskor = models.JSONField(default=dict)

    class Meta:
        ordering = ["target", "peringkat"]


class Pengecualian(models.Model):
    """A high scorer left out of a post's list, with the rules they fail."""

    target = models.ForeignKey(JabatanTarget, on_delete=models.CASCADE, related_name="pengecualian")
    pegawai = models.ForeignKey(Pegawai, null=True, blank=True, on_delete=models.SET_NULL)
    nip = models.CharField("NIP", max_length=32)
    alasan = models.CharField(_("alasan"), max_length=255)
    keterangan = models.TextField(blank=True)
    skor = models.FloatField(null=True, blank=True)
    kotak = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["target", "-skor", "nip"]


class FrozenError(Exception):
    """An endorsed slate is never edited; a new decision supersedes it."""


class KeputusanSlate(models.Model):
    """The committee's endorsed slate for one post: the ordered successors, the reason
    for any departure from the computed ranking, the run and policy it was decided on."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT)
    run = models.ForeignKey(SuccessionRun, on_delete=models.PROTECT, related_name="keputusan")
    target = models.ForeignKey(JabatanTarget, on_delete=models.PROTECT, related_name="keputusan")
    jabatan_id = models.CharField(_("ID jabatan"), max_length=64)
    urutan = models.JSONField(_("urutan suksesor"), default=list)
    menyimpang = models.BooleanField(_("menyimpang dari peringkat"), default=False)
    alasan = models.TextField(_("alasan"), blank=True)
    kebijakan = models.CharField(max_length=64)
    versi_kebijakan = models.CharField(max_length=32)
    diputuskan_oleh = models.ForeignKey(User, on_delete=models.PROTECT)
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"))
    menggantikan = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="digantikan"
    )

    class Meta:
        ordering = ["-diputuskan_pada", "-pk"]
        indexes = [models.Index(fields=["instansi", "jabatan_id"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise FrozenError("keputusan yang ditetapkan tidak dapat diubah / frozen")
        super().save(*args, **kwargs)
