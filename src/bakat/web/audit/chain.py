"""Appending to the audit chain: canonical JSON, SHA-256, one chain per agency.

Every service calls :func:`record_event` inside its own ``transaction.atomic`` so that
the audit row commits or rolls back with the change it describes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from bakat.web.accounts.models import User
from bakat.web.audit.models import JENIS_TANPA_PERUBAHAN, RANTAI_SISTEM, AuditEvent, AuditHead
from bakat.web.personnel.models import Instansi

#: The ``prev_hash`` of the first event of every chain.
GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text kept as is: one byte string per value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def waktu_kanonik(moment: datetime) -> str:
    """An aware time as UTC ISO 8601 with microseconds (what the database keeps)."""
    if moment.tzinfo is None:
        raise ValueError("audit time must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def event_payload(event: AuditEvent) -> dict[str, Any]:
    """The fields an event's hash covers (everything but the hash itself)."""
    return {
        "rantai": event.rantai,
        "seq": event.seq,
        "instansi": event.instansi.kode if event.instansi is not None else None,
        "waktu": waktu_kanonik(event.waktu),
        "aktor": event.aktor_nama,
        "jenis": event.jenis,
        "subjek_tipe": event.subjek_tipe,
        "subjek_id": event.subjek_id,
        "perubahan": event.perubahan,
        "alasan": event.alasan,
        "prev_hash": event.prev_hash,
    }


def event_hash(event: AuditEvent) -> str:
    """SHA-256 (hex) of the canonical JSON of the event's payload."""
    return hashlib.sha256(canonical_json(event_payload(event)).encode("utf-8")).hexdigest()


def rantai_for(instansi: Instansi | None) -> str:
    """The chain name of an agency (its code) or the system chain."""
    return instansi.kode if instansi is not None else RANTAI_SISTEM


@dataclass(frozen=True)
class Subjek:
    """What an event is about: a model label and a primary key (or other id)."""

    tipe: str
    id: str


def perubahan_dari(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Field changes ``{field: [old, new]}`` for the fields whose value differs; values
    become JSON text (dates as ISO) so that the hash survives a database round trip."""

    def teks(value: Any) -> Any:
        if value is None or isinstance(value, bool | int | str):
            return value
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return str(value)

    return {
        field: [teks(old.get(field)), teks(new.get(field))]
        for field in sorted(set(old) | set(new))
        if teks(old.get(field)) != teks(new.get(field))
    }


def _in_transaction() -> bool:
    return bool(transaction.get_connection().in_atomic_block)


def record_event(
    *,
    actor: User | None,
    instansi: Instansi | None,
    jenis: str,
    subjek: Subjek,
    perubahan: Mapping[str, Any] | None = None,
    alasan: str = "",
    waktu: datetime | None = None,
) -> AuditEvent:
    """Append one event to the chain of ``instansi`` (must run inside a transaction).

    The chain head is locked for the rest of the transaction, so concurrent appends to
    one chain queue up; the unique (rantai, seq) constraint refuses a fork regardless.
    An event that changes data also advances the head's data version (``seq_data``).
    """
    if not _in_transaction():
        raise RuntimeError("record_event must run inside transaction.atomic")
    rantai = rantai_for(instansi)
    head, _created = AuditHead.objects.select_for_update().get_or_create(
        rantai=rantai, defaults={"seq": 0, "hash": GENESIS}
    )
    moment = (waktu or timezone.now()).astimezone(UTC)
    event = AuditEvent(
        rantai=rantai,
        seq=head.seq + 1,
        instansi=instansi,
        waktu=moment,
        aktor=actor,
        aktor_nama=actor.get_username() if actor is not None else "sistem",
        jenis=jenis,
        subjek_tipe=subjek.tipe,
        subjek_id=subjek.id,
        perubahan=json.loads(canonical_json(dict(perubahan or {}))),
        alasan=alasan,
        prev_hash=head.hash,
    )
    event.hash = event_hash(event)
    event.save(force_insert=True)
    head.seq = event.seq
    head.hash = event.hash
    if jenis not in JENIS_TANPA_PERUBAHAN:
        head.seq_data = event.seq
    head.save(update_fields=["seq", "hash", "seq_data"])
    return event
