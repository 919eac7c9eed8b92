"""Results of the data-quality check and of the reconciliation with SIASN, and the
correction requests that act on them (four-eyes: requested by one person, decided by
another)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bakat.web.personnel.models import Instansi, Muatan, Pegawai, UnitKerja

#: Each step of a correction should follow the previous one within 3 x 24 hours.
BATAS_LANGKAH = timedelta(hours=72)


class Temuan(models.Model):
    """One data-quality finding of ``bakat check`` (the columns of ``temuan.csv``)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="temuan")
    muatan = models.ForeignKey(Muatan, on_delete=models.CASCADE, related_name="temuan")
    pegawai = models.ForeignKey(
        Pegawai, null=True, blank=True, on_delete=models.SET_NULL, related_name="temuan"
    )
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.SET_NULL)
    nip = models.CharField("NIP", max_length=32, blank=True)
    tabel = models.CharField(_("tabel"), max_length=32, blank=True)
    aturan = models.CharField(_("aturan"), max_length=64)
    nama_aturan = models.CharField(_("nama aturan"), max_length=128, blank=True)
    tingkat = models.CharField(_("tingkat"), max_length=16)
    kolom = models.CharField(_("kolom"), max_length=64, blank=True)
    nilai = models.TextField(_("nilai"), blank=True)
    pesan = models.TextField(_("pesan"), blank=True)

    class Meta:
        verbose_name = _("temuan")
        verbose_name_plural = _("temuan")
        ordering = ["aturan", "nip"]
        indexes = [
            models.Index(fields=["instansi", "unit", "tingkat", "aturan"]),
            models.Index(fields=["instansi", "aturan", "nip"]),
        ]


class Disparitas(models.Model):
    """One difference with SIASN (the columns of ``rekonsiliasi.csv``)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="disparitas")
    muatan = models.ForeignKey(Muatan, on_delete=models.CASCADE, related_name="disparitas")
    pegawai = models.ForeignKey(
        Pegawai, null=True, blank=True, on_delete=models.SET_NULL, related_name="disparitas"
    )
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.SET_NULL)
    nip = models.CharField("NIP", max_length=32, blank=True)
    nip_siasn = models.CharField(_("NIP SIASN"), max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=16)
    kolom = models.CharField(_("kolom"), max_length=64, blank=True)
    nilai_lokal = models.TextField(_("nilai lokal"), blank=True)
    nilai_siasn = models.TextField(_("nilai SIASN"), blank=True)
    pihak = models.CharField(_("pihak"), max_length=16)

    class Meta:
        verbose_name = _("disparitas")
        verbose_name_plural = _("disparitas")
        ordering = ["status", "nip", "kolom"]
        indexes = [
            models.Index(fields=["instansi", "unit", "status", "pihak"]),
            models.Index(fields=["instansi", "status", "nip"]),
        ]


class IndeksKualitas(models.Model):
    """The data-quality index of one unit, or of the whole agency (``unit`` empty), as
    ``bakat check`` computes it (``indeks_kualitas.csv``; docs/data-quality.md)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="indeks")
    muatan = models.ForeignKey(Muatan, on_delete=models.CASCADE, related_name="indeks")
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.CASCADE)
    jumlah_pegawai = models.PositiveIntegerField(_("jumlah pegawai"), default=0)
    kelengkapan = models.FloatField(_("kelengkapan"), null=True, blank=True)
    akurasi = models.FloatField(_("akurasi"), null=True, blank=True)
    konsistensi = models.FloatField(_("konsistensi"), null=True, blank=True)
    ketepatan_waktu = models.FloatField(_("ketepatan waktu"), null=True, blank=True)
    indeks = models.FloatField(_("indeks"), null=True, blank=True)

    class Meta:
        verbose_name = _("indeks kualitas data")
        verbose_name_plural = _("indeks kualitas data")


class StatusKoreksi(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan")
    DITOLAK = "ditolak", _("Ditolak")
    DITERAPKAN = "diterapkan", _("Disetujui dan diterapkan")


class Koreksi(models.Model):
    """A request to change one field of one employee record.

    Requested by an analyst (or by the employee on their own record), decided by a
    second person, applied by ``apply_correction``; each step is audited.
    """

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="koreksi")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="koreksi")
    kolom = models.CharField(_("kolom"), max_length=64)
    nilai_lama = models.TextField(_("nilai lama"), blank=True)
    nilai_baru = models.TextField(_("nilai baru"), blank=True)
    alasan = models.TextField(_("alasan"))
    status = models.CharField(
        _("status"), max_length=16, choices=StatusKoreksi.choices, default=StatusKoreksi.DIAJUKAN
    )
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="koreksi_diajukan"
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"))
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="koreksi_diputuskan",
    )
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    catatan_keputusan = models.TextField(_("catatan keputusan"), blank=True)

    class Meta:
        verbose_name = _("permintaan koreksi")
        verbose_name_plural = _("permintaan koreksi")
        ordering = ["-diajukan_pada"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(diputuskan_oleh=models.F("diajukan_oleh")),
                name="koreksi_empat_mata",
            )
        ]

    @property
    def batas_waktu(self) -> datetime:
        """When the decision is due: 3 x 24 hours after the request."""
        return self.diajukan_pada + BATAS_LANGKAH

    def terlambat(self, *, now: datetime) -> bool:
        """Whether the decision came (or is still pending) after the 3 x 24 hours."""
        decided = self.diputuskan_pada or now
        return decided > self.batas_waktu
