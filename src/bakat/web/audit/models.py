"""The append-only audit trail, hash-chained per agency.

Each ``AuditEvent`` stores the SHA-256 of its own canonical JSON (which includes the
previous event's hash), so that editing, deleting or reordering any event breaks the
chain at that point (``bakat.web.audit.verify``). A database trigger (migration 0002)
refuses UPDATE and DELETE on the table for SQLite and PostgreSQL. ``AuditHead`` is the
one row per chain that serialises appends (it is locked, then advanced).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bakat.web.personnel.models import Instansi

#: The chain of events that belong to no agency (national accounts, system tasks).
RANTAI_SISTEM = "_sistem"

#: Events that record a reading or an export, not a change: they do not advance a
#: chain's data version (``AuditHead.seq_data``). Any other event does, so a kind missing
#: here only costs a cache refresh (bakat.web.page_cache), never a stale page.
JENIS_TANPA_PERUBAHAN = frozenset(
    {
        "talenta.kartu_dibaca",
        "talenta.rekam_diunduh",
        "talenta.tinjauan_dibaca",
        "api.kartu_dibaca",
        "usulan_bkn.diekspor",
        "pengembangan.diekspor",
    }
)


class AuditEvent(models.Model):
    """One audited write: who did what to which record, the field changes (old -> new),
    why, when, and the link to the previous event of the same chain."""

    rantai = models.CharField(_("rantai"), max_length=64)
    seq = models.PositiveBigIntegerField(_("urutan"))
    instansi = models.ForeignKey(Instansi, null=True, blank=True, on_delete=models.PROTECT)
    waktu = models.DateTimeField(_("waktu"))
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    aktor_nama = models.CharField(_("aktor"), max_length=150)
    jenis = models.CharField(_("jenis peristiwa"), max_length=64)
    subjek_tipe = models.CharField(_("jenis subjek"), max_length=64)
    subjek_id = models.CharField(_("subjek"), max_length=64)
    perubahan = models.JSONField(_("perubahan"), default=dict)
    alasan = models.TextField(_("alasan"), blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("peristiwa audit")
        verbose_name_plural = _("peristiwa audit")
        ordering = ["rantai", "seq"]
        constraints = [models.UniqueConstraint(fields=["rantai", "seq"], name="audit_seq_unik")]


class AuditHead(models.Model):
    """The last event of a chain; locked by each append (``select_for_update``).

    ``seq_data`` is the sequence number of the chain's last event that changed data
    (every event but those in ``JENIS_TANPA_PERUBAHAN``): the agency's data version,
    advanced in the same transaction as the change, by which rendered pages are cached."""

    rantai = models.CharField(max_length=64, primary_key=True)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)
    seq_data = models.PositiveBigIntegerField(default=0)
