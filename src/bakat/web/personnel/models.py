"""Agencies, the unit tree, employees and positions.

Every row belongs to one ``Instansi`` (agency separation from the start): selectors
always filter by the agencies and units a user is assigned to. ``Pegawai`` holds the
canonical columns of docs/formats.md as text and dates, as loaded (values are checked by
the engine's data-quality rules, not refused by the database).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Instansi(models.Model):
    """An agency (instansi pemerintah); ``kode`` is the ``instansi`` column of the data."""

    kode = models.CharField(_("kode"), max_length=64, unique=True)
    nama = models.CharField(_("nama"), max_length=255)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama or self.kode


class UnitKerja(models.Model):
    """A work unit; ``path`` is the materialised path of primary keys (``/1/4/9/``) so
    that "this unit and below" is one indexed prefix query."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="units")
    kode = models.CharField(_("kode"), max_length=64)
    nama = models.CharField(_("nama"), max_length=255)
    induk = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    path = models.CharField(max_length=1024, db_index=True)

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "kode"], name="unit_kode_per_instansi")
        ]

    def __str__(self) -> str:
        return self.nama or self.kode


class Pegawai(models.Model):
    """A civil servant as the agency records it (the ``pegawai`` table)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="pegawai")
    unit = models.ForeignKey(
        UnitKerja, null=True, blank=True, on_delete=models.PROTECT, related_name="pegawai"
    )
    nip = models.CharField("NIP", max_length=32)
    nik = models.CharField("NIK", max_length=32, blank=True)
    nama = models.CharField(_("nama"), max_length=255, blank=True)
    gelar_depan = models.CharField(_("gelar depan"), max_length=64, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=64, blank=True)
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=8, blank=True)
    tempat_lahir = models.CharField(_("tempat lahir"), max_length=128, blank=True)
    tanggal_lahir = models.DateField(_("tanggal lahir"), null=True, blank=True)
    status_kepegawaian = models.CharField(_("status kepegawaian"), max_length=8, blank=True)
    tmt_cpns = models.DateField(_("TMT CPNS"), null=True, blank=True)
    tmt_pns = models.DateField(_("TMT PNS"), null=True, blank=True)
    golongan = models.CharField(_("golongan"), max_length=8, blank=True)
    tmt_golongan = models.DateField(_("TMT golongan"), null=True, blank=True)
    jenjang_jabatan = models.CharField(_("jenjang jabatan"), max_length=32, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=255, blank=True)
    jabatan_id = models.CharField(_("ID jabatan"), max_length=64, blank=True)
    tmt_jabatan = models.DateField(_("TMT jabatan"), null=True, blank=True)
    unit_kerja = models.CharField(_("kode unit kerja"), max_length=64, blank=True)
    unit_kerja_nama = models.CharField(_("nama unit kerja"), max_length=255, blank=True)
    pendidikan = models.CharField(_("pendidikan"), max_length=8, blank=True)
    jurusan = models.CharField(_("jurusan"), max_length=255, blank=True)
    status_aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama", "nip"]
        constraints = [models.UniqueConstraint(fields=["instansi", "nip"], name="nip_per_instansi")]
        indexes = [
            models.Index(fields=["instansi", "unit", "nama"]),
            # The list page's order within an agency (no sort over the whole agency).
            models.Index(fields=["instansi", "nama", "nip"]),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nip})"


class Jabatan(models.Model):
    """A position of the agency (the ``jabatan`` table)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="jabatan")
    unit = models.ForeignKey(
        UnitKerja, null=True, blank=True, on_delete=models.PROTECT, related_name="jabatan"
    )
    jabatan_id = models.CharField(_("ID jabatan"), max_length=64)
    nama = models.CharField(_("nama"), max_length=255, blank=True)
    jenjang_jabatan = models.CharField(_("jenjang jabatan"), max_length=32, blank=True)
    kritikal = models.BooleanField(_("kritikal"), default=False)
    nip_pemangku = models.CharField(_("NIP pemangku"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["jabatan_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "jabatan_id"], name="jabatan_id_per_instansi"
            )
        ]

    def __str__(self) -> str:
        return self.nama or self.jabatan_id


class Muatan(models.Model):
    """One load of a data folder: the stored source files (content-addressed) and the
    as-of date of its check."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="muatan")
    dimuat_pada = models.DateTimeField(_("dimuat pada"))
    as_of = models.DateField(_("tanggal acuan"))
    berkas = models.JSONField(_("berkas"), default=dict)

    class Meta:
        verbose_name = _("muatan data")
        verbose_name_plural = _("muatan data")
        ordering = ["-dimuat_pada"]
