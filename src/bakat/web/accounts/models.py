"""Users, their roles (each scoped to an agency and, where it applies, a unit subtree
or one employee record), and the login-slowing counters."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja


class User(AbstractUser):
    """A person who signs in. What they may see comes only from their ``Penugasan``."""

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")


class Peran(models.TextChoices):
    """The roles; the scope each one needs is checked by ``Penugasan.clean``."""

    ADMIN = "admin_sdm", _("Admin SDM")
    ANALIS = "analis_sdm", _("Analis SDM")
    KOMITE = "komite_talenta", _("Komite talenta")
    PIMPINAN = "pimpinan_unit", _("Pimpinan unit")
    PEGAWAI = "pegawai", _("Pegawai")
    AUDITOR = "auditor", _("Auditor")
    NASIONAL = "nasional", _("Pemantau nasional")


#: Roles whose scope is a unit subtree (the ``unit`` and everything below it).
PERAN_UNIT = frozenset({Peran.ANALIS, Peran.PIMPINAN})
#: Roles whose scope is the whole agency.
PERAN_INSTANSI = frozenset({Peran.ADMIN, Peran.KOMITE, Peran.AUDITOR})


class Penugasan(models.Model):
    """One role of one user: ``instansi`` for every role but NASIONAL, ``unit`` for the
    unit-scoped roles, ``pegawai`` (their own record) for PEGAWAI."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="penugasan")
    peran = models.CharField(_("peran"), max_length=32, choices=Peran.choices)
    instansi = models.ForeignKey(Instansi, null=True, blank=True, on_delete=models.CASCADE)
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.CASCADE)
    pegawai = models.ForeignKey(Pegawai, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("penugasan peran")
        verbose_name_plural = _("penugasan peran")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(peran="nasional", instansi__isnull=True)
                    | models.Q(
                        peran__in=["admin_sdm", "komite_talenta", "auditor"],
                        instansi__isnull=False,
                    )
                    | models.Q(
                        peran__in=["analis_sdm", "pimpinan_unit"],
                        instansi__isnull=False,
                        unit__isnull=False,
                    )
                    | models.Q(peran="pegawai", instansi__isnull=False, pegawai__isnull=False)
                ),
                name="penugasan_cakupan_sesuai_peran",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.get_peran_display()}"


class LoginThrottle(models.Model):
    """Failed sign-ins for one (account, address) pair, keyed by a hash of both so that
    neither is stored in clear. See bakat.web.accounts.throttle."""

    key = models.CharField(max_length=64, primary_key=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure = models.DateTimeField()
