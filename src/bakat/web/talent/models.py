"""Nine Box placements computed by the engine, the relations used for recusal, and the
employees' review requests.

Every number of a ``Penempatan`` comes from ``bakat.engine.mapping`` (issue 7: "every
number comes from the engine; every decision is a human's, recorded with a reason",
UU 27/2022 Pasal 10). A run is never overwritten: each refresh adds a ``PlacementRun``
and the pages read the latest one of the agency.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bakat.web.accounts.models import User
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja


class PlacementRun(models.Model):
    """One run of the engine's mapping over an agency's data, frozen with the policy
    (id, version, fingerprint) and the digest of its input files."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="placement_runs")
    dibuat_pada = models.DateTimeField(_("dibuat pada"))
    as_of = models.DateField(_("tanggal acuan"))
    kebijakan = models.CharField(_("kebijakan"), max_length=64)
    versi_kebijakan = models.CharField(_("versi kebijakan"), max_length=64)
    sidik_kebijakan = models.CharField(_("sidik kebijakan"), max_length=64)
    sidik_masukan = models.CharField(_("sidik masukan"), max_length=64)
    jumlah_pegawai = models.PositiveIntegerField(_("jumlah pegawai"), default=0)
    terpetakan = models.PositiveIntegerField(_("terpetakan"), default=0)
    kelompok_talenta = models.PositiveIntegerField(_("kelompok talenta"), default=0)
    per_kotak = models.JSONField(_("jumlah per kotak"), default=dict)
    per_alasan = models.JSONField(_("jumlah per alasan"), default=dict)

    class Meta:
        verbose_name = _("pemetaan talenta")
        verbose_name_plural = _("pemetaan talenta")
        ordering = ["-dibuat_pada", "-pk"]


class LayarPemetaan(models.Model):
    """The engine's screens of one run, for the calibration sessions: the calibration
    screen (``kalibrasi.csv``, one row per unit) and the fairness screen
    (``keadilan.csv``), rows as JSON objects. A table of its own, so that reading a run
    (every talent page does) never reads them."""

    run = models.OneToOneField(PlacementRun, on_delete=models.CASCADE, related_name="layar")
    kalibrasi = models.JSONField(_("statistik kalibrasi"), default=list)
    keadilan = models.JSONField(_("skrining keadilan"), default=list)

    class Meta:
        verbose_name = _("layar pemetaan")
        verbose_name_plural = _("layar pemetaan")


class Penempatan(models.Model):
    """One employee's placement in one run: the two levels and the derived box, or
    why they are not placed; the sub-scores (JSON) and pool membership."""

    run = models.ForeignKey(PlacementRun, on_delete=models.CASCADE, related_name="penempatan")
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    pegawai = models.ForeignKey(
        Pegawai, null=True, blank=True, on_delete=models.SET_NULL, related_name="penempatan"
    )
    unit = models.ForeignKey(
        UnitKerja, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nip = models.CharField("NIP", max_length=32)
    jenjang_jabatan = models.CharField(_("jenjang jabatan"), max_length=32, blank=True)
    terpetakan = models.BooleanField(_("terpetakan"), default=False)
    alasan = models.CharField(_("alasan"), max_length=64, blank=True)
    level_kinerja = models.CharField(_("level kinerja"), max_length=16, blank=True)
    level_potensi = models.CharField(_("level potensi"), max_length=16, blank=True)
    kotak = models.PositiveSmallIntegerField(_("kotak"), null=True, blank=True)
    rincian = models.JSONField(_("rincian"), default=dict)
    dalam_kelompok = models.BooleanField(_("masuk kelompok talenta"), default=False)
    alasan_pengecualian = models.CharField(_("alasan pengecualian"), max_length=255, blank=True)
    #: The name at the run, so that a box's people are listed in name order from an index.
    nama = models.CharField(_("nama"), max_length=255, blank=True)
    #: The retirement date (BUP of ``jenjang_jabatan``) from the birth date at the run.
    tanggal_pensiun = models.DateField(_("tanggal pensiun"), null=True, blank=True)

    class Meta:
        verbose_name = _("penempatan")
        verbose_name_plural = _("penempatan")
        ordering = ["nip"]
        indexes = [
            models.Index(fields=["run", "kotak"]),
            models.Index(fields=["run", "pegawai"]),
            models.Index(fields=["pegawai", "run"]),
            models.Index(fields=["run", "tanggal_pensiun"]),
            models.Index(fields=["run", "kotak", "nama", "nip"], name="talent_pen_kotak_nama_idx"),
            # Covers the dashboard's and the grid's grouped count over a unit subtree
            # (and a jenjang), so that the database reads the index only.
            models.Index(
                fields=[
                    "run",
                    "unit",
                    "jenjang_jabatan",
                    "terpetakan",
                    "kotak",
                    "alasan",
                    "dalam_kelompok",
                    "instansi",
                ],
                name="talent_pen_hitung_idx",
            ),
        ]


class Relasi(models.Model):
    """A relation between two employees of an agency (the ``relasi`` table): spouses,
    family, direct superior. A committee member related to a person is recused from
    that person's case (UU 27/2022 Pasal 10 spirit; anti-nepotism guidance, domain.md
    §5.2)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="relasi")
    nip_a = models.CharField("NIP A", max_length=32, db_index=True)
    nip_b = models.CharField("NIP B", max_length=32, db_index=True)
    hubungan = models.CharField(_("hubungan"), max_length=32)

    class Meta:
        verbose_name = _("relasi pegawai")
        verbose_name_plural = _("relasi pegawai")


class StatusTinjauan(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan")
    DITANGGAPI = "ditanggapi", _("Ditanggapi")


class KeputusanTinjauan(models.TextChoices):
    """The committee's answer to a review request (UU 27/2022 Pasal 10: a human decides,
    with a written reason)."""

    TETAP = "tetap", _("Penempatan tetap")
    DIBAWA_KE_KALIBRASI = "dibawa_ke_kalibrasi", _("Dibawa ke sesi kalibrasi")
    DIKOREKSI_DATA = "dikoreksi_data", _("Koreksi data diajukan")


class PermintaanTinjauan(models.Model):
    """An employee's request that the committee review their placement, with a reason,
    and the committee's answer: the outcome, the written reason, who answered and when
    (optionally the open calibration session the case was taken into)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="tinjauan")
    penempatan = models.ForeignKey(
        Penempatan, null=True, blank=True, on_delete=models.SET_NULL, related_name="tinjauan"
    )
    pemohon = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    alasan = models.TextField(_("alasan"))
    diajukan_pada = models.DateTimeField(_("diajukan pada"))
    status = models.CharField(
        _("status"), max_length=16, choices=StatusTinjauan.choices, default=StatusTinjauan.DIAJUKAN
    )
    keputusan = models.CharField(
        _("keputusan"), max_length=32, choices=KeputusanTinjauan.choices, blank=True
    )
    tanggapan = models.TextField(_("tanggapan"), blank=True)
    ditanggapi_oleh = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ditanggapi_pada = models.DateTimeField(_("ditanggapi pada"), null=True, blank=True)
    sesi = models.ForeignKey(
        "SesiKalibrasi", null=True, blank=True, on_delete=models.PROTECT, related_name="tinjauan"
    )

    class Meta:
        verbose_name = _("permintaan tinjauan")
        verbose_name_plural = _("permintaan tinjauan")
        ordering = ["-diajukan_pada"]


class StatusSesi(models.TextChoices):
    DIBUKA = "dibuka", _("Dibuka")
    DITUTUP = "ditutup", _("Ditutup")


class SesiKalibrasi(models.Model):
    """A talent-review session of the committee over a population (a unit subtree) of
    one placement run. Closed by an approver, it is frozen with the policy version and
    the input digest of the run it reviewed."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    run = models.ForeignKey(PlacementRun, on_delete=models.PROTECT, related_name="sesi")
    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="+")
    nama = models.CharField(_("nama"), max_length=255)
    anggota = models.ManyToManyField(User, related_name="sesi_kalibrasi")
    dibuka_oleh = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    dibuka_pada = models.DateTimeField(_("dibuka pada"))
    status = models.CharField(
        _("status"), max_length=16, choices=StatusSesi.choices, default=StatusSesi.DIBUKA
    )
    ditutup_oleh = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ditutup_pada = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    versi_kebijakan = models.CharField(_("versi kebijakan"), max_length=128, blank=True)
    sidik_masukan = models.CharField(_("sidik masukan"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("sesi kalibrasi")
        verbose_name_plural = _("sesi kalibrasi")
        ordering = ["-dibuka_pada", "-pk"]


class UsulanPindah(models.Model):
    """A member's proposal to move a person to another box, with a written reason. It
    stands beside the computed placement (``penempatan``), which is never changed."""

    sesi = models.ForeignKey(SesiKalibrasi, on_delete=models.PROTECT, related_name="usulan")
    penempatan = models.ForeignKey(Penempatan, on_delete=models.PROTECT, related_name="usulan")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    pengusul = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    kotak_asal = models.PositiveSmallIntegerField(_("kotak asal"), null=True, blank=True)
    level_kinerja = models.CharField(_("level kinerja"), max_length=16)
    level_potensi = models.CharField(_("level potensi"), max_length=16)
    kotak = models.PositiveSmallIntegerField(_("kotak usulan"))
    alasan = models.TextField(_("alasan"))
    diusulkan_pada = models.DateTimeField(_("diusulkan pada"))

    class Meta:
        verbose_name = _("usulan pindah kotak")
        verbose_name_plural = _("usulan pindah kotak")
        ordering = ["diusulkan_pada", "pk"]
