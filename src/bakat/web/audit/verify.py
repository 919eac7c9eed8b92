"""Verifying the audit chains and exporting checkpoints.

``verify`` walks every chain in ``seq`` order and names the first broken link: a gap or
repeat in ``seq`` (an event deleted or reordered), a ``prev_hash`` that is not the hash
of the previous event, or a stored hash that is not the hash of the event's content (an
event edited). The chain head must agree with the last event. A checkpoint (``seq`` and
hash of each chain's head, exported to a file kept elsewhere) also catches truncation:
the events up to that ``seq`` must still be there with the same hash.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bakat.web.audit.chain import GENESIS, event_hash
from bakat.web.audit.models import AuditEvent, AuditHead


@dataclass(frozen=True)
class Pelanggaran:
    """The first broken link of a chain."""

    rantai: str
    seq: int
    masalah: str

    def __str__(self) -> str:
        return f"rantai {self.rantai}, urutan {self.seq}: {self.masalah}"


@dataclass(frozen=True)
class HasilVerifikasi:
    """Events checked per chain, and the first broken link of each broken chain."""

    jumlah: Mapping[str, int]
    pelanggaran: tuple[Pelanggaran, ...]

    @property
    def utuh(self) -> bool:
        return not self.pelanggaran


def _verify_chain(
    rantai: str, checkpoint: tuple[int, str] | None
) -> tuple[int, Pelanggaran | None]:
    expected_seq = 1
    prev = GENESIS
    seen: dict[int, str] = {}
    query = (
        AuditEvent.objects.filter(rantai=rantai).select_related("instansi").order_by("seq", "id")
    )
    for event in query.iterator(chunk_size=2000):
        if event.seq != expected_seq:
            masalah = (
                f"urutan {expected_seq} hilang / event missing"
                if event.seq > expected_seq
                else f"urutan {event.seq} berulang / repeated"
            )
            return expected_seq - 1, Pelanggaran(rantai, expected_seq, masalah)
        if event.prev_hash != prev:
            return expected_seq - 1, Pelanggaran(
                rantai, event.seq, "prev_hash tidak cocok / does not match the previous event"
            )
        if event_hash(event) != event.hash:
            return expected_seq - 1, Pelanggaran(
                rantai, event.seq, "isi telah diubah / content does not match its hash"
            )
        if checkpoint is not None and event.seq == checkpoint[0]:
            seen[event.seq] = event.hash
        prev = event.hash
        expected_seq += 1
    last = expected_seq - 1
    head = AuditHead.objects.filter(rantai=rantai).first()
    if head is not None and (head.seq != last or head.hash != prev):
        return last, Pelanggaran(
            rantai, last + 1, f"kepala rantai di urutan {head.seq}, peristiwa terakhir {last}"
        )
    if checkpoint is not None:
        seq, digest = checkpoint
        if seen.get(seq) != digest:
            return last, Pelanggaran(
                rantai,
                min(seq, last + 1),
                f"titik periksa urutan {seq} tidak ditemukan / "
                "checkpoint not found (truncated or rewritten)",
            )
    return last, None


def verify(checkpoints: Mapping[str, tuple[int, str]] | None = None) -> HasilVerifikasi:
    """Verify every chain (and each given checkpoint ``{rantai: (seq, hash)}``)."""
    marks = dict(checkpoints or {})
    chains = set(AuditEvent.objects.values_list("rantai", flat=True).distinct())
    chains |= set(AuditHead.objects.values_list("rantai", flat=True)) | set(marks)
    jumlah: dict[str, int] = {}
    broken: list[Pelanggaran] = []
    for rantai in sorted(chains):
        count, problem = _verify_chain(rantai, marks.get(rantai))
        jumlah[rantai] = count
        if problem is not None:
            broken.append(problem)
    return HasilVerifikasi(jumlah, tuple(broken))


def checkpoint() -> dict[str, dict[str, object]]:
    """The head of every chain, ``{rantai: {"seq": n, "hash": h}}``, for export."""
    return {
        head.rantai: {"seq": head.seq, "hash": head.hash}
        for head in AuditHead.objects.order_by("rantai")
    }
