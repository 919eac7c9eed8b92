"""The audit chain: append-only in the database, and any tampering that bypasses the
trigger (edit, delete, reorder, truncate) is caught by verification at the first
broken link."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from django.db import DatabaseError, connection, transaction

from bakat.web.audit import chain
from bakat.web.audit.chain import GENESIS, Subjek, event_hash, record_event
from bakat.web.audit.models import AuditEvent
from bakat.web.audit.triggers import statements
from bakat.web.audit.verify import checkpoint, verify
from tests.web.conftest import Cast


def _events(cast: Cast, n: int) -> list[AuditEvent]:
    events = []
    for i in range(n):
        with transaction.atomic():
            events.append(
                record_event(
                    actor=cast.users["admin"],
                    instansi=cast.ins_a,
                    jenis="uji.peristiwa",
                    subjek=Subjek("personnel.pegawai", cast.p_a.nip),
                    perubahan={"golongan": ["III/a", f"III/{'abcd'[i % 4]}"]},
                    alasan=f"alasan {i}",
                )
            )
    return events


@pytest.fixture
def no_trigger(db: None) -> Iterator[None]:
    """Drop the append-only trigger (as an attacker with DDL rights would), restore it.
    Both databases run DDL inside the test's transaction, so its rollback restores too."""
    for sql in statements(connection.vendor, create=False):
        _raw(sql, [])
    yield
    for sql in statements(connection.vendor, create=True):
        _raw(sql, [])


def _raw(sql: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_an_untouched_chain_verifies(cast: Cast) -> None:
    events = _events(cast, 5)
    hasil = verify()
    assert hasil.utuh
    assert hasil.jumlah["INS-A"] == 5
    assert events[0].prev_hash == GENESIS
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]


def test_each_event_hash_covers_its_content(cast: Cast) -> None:
    (event,) = _events(cast, 1)
    stored = AuditEvent.objects.select_related("instansi").get(pk=event.pk)
    assert event_hash(stored) == stored.hash


def test_recording_outside_a_transaction_is_refused(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test itself runs inside a transaction (and a transactional test cannot flush
    # the append-only table on PostgreSQL), so the connection is made to look idle.
    monkeypatch.setattr(chain, "_in_transaction", lambda: False)
    with pytest.raises(RuntimeError):
        record_event(actor=None, instansi=None, jenis="x", subjek=Subjek("x", "1"))


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET alasan = 'diubah' WHERE seq = 2",
        "DELETE FROM audit_auditevent WHERE seq = 2",
    ],
)
def test_the_database_refuses_update_and_delete(cast: Cast, sql: str) -> None:
    _events(cast, 3)
    with pytest.raises(DatabaseError), transaction.atomic():
        _raw(sql, [])
    assert verify().utuh


@pytest.mark.parametrize("seq", [1, 3, 5])
def test_an_edited_event_is_caught_at_its_seq(cast: Cast, no_trigger: None, seq: int) -> None:
    _events(cast, 5)
    _raw(
        "UPDATE audit_auditevent SET alasan = %s WHERE rantai = %s AND seq = %s",
        ["disamarkan", "INS-A", seq],
    )
    (problem,) = verify().pelanggaran
    assert (problem.rantai, problem.seq) == ("INS-A", seq)
    assert "hash" in problem.masalah


def test_an_edit_that_also_rewrites_the_hash_is_caught_at_the_next_link(
    cast: Cast, no_trigger: None
) -> None:
    _events(cast, 4)
    event = AuditEvent.objects.select_related("instansi").get(rantai="INS-A", seq=2)
    event.perubahan = {"golongan": ["III/a", "IV/e"]}
    new_hash = event_hash(event)
    _raw(
        "UPDATE audit_auditevent SET perubahan = %s, hash = %s WHERE id = %s",
        ['{"golongan": ["III/a", "IV/e"]}', new_hash, event.pk],
    )
    (problem,) = verify().pelanggaran
    assert problem.seq == 3
    assert "prev_hash" in problem.masalah


@pytest.mark.parametrize("seq", [1, 2, 4])
def test_a_deleted_event_is_caught(cast: Cast, no_trigger: None, seq: int) -> None:
    _events(cast, 5)
    _raw("DELETE FROM audit_auditevent WHERE rantai = %s AND seq = %s", ["INS-A", seq])
    (problem,) = verify().pelanggaran
    assert problem.seq == seq


def test_two_swapped_events_are_caught(cast: Cast, no_trigger: None) -> None:
    _events(cast, 4)
    _raw("UPDATE audit_auditevent SET seq = 99 WHERE rantai = %s AND seq = 2", ["INS-A"])
    _raw("UPDATE audit_auditevent SET seq = 2 WHERE rantai = %s AND seq = 3", ["INS-A"])
    _raw("UPDATE audit_auditevent SET seq = 3 WHERE rantai = %s AND seq = 99", ["INS-A"])
    (problem,) = verify().pelanggaran
    assert problem.seq == 2


def test_a_truncated_tail_is_caught_by_the_head_and_by_a_checkpoint(
    cast: Cast, no_trigger: None
) -> None:
    _events(cast, 5)
    marks = {k: (int(v["seq"]), str(v["hash"])) for k, v in checkpoint().items()}  # type: ignore[call-overload]
    _raw("DELETE FROM audit_auditevent WHERE rantai = %s AND seq >= 4", ["INS-A"])
    assert not verify().utuh
    # Also rewinding the head leaves the chain self-consistent: only the checkpoint knows.
    last = AuditEvent.objects.get(rantai="INS-A", seq=3)
    _raw("UPDATE audit_audithead SET seq = 3, hash = %s WHERE rantai = %s", [last.hash, "INS-A"])
    assert verify().utuh
    (problem,) = verify(marks).pelanggaran
    assert problem.rantai == "INS-A"
    assert "titik periksa" in problem.masalah


def test_chains_of_two_agencies_are_independent(cast: Cast) -> None:
    _events(cast, 2)
    with transaction.atomic():
        other = record_event(
            actor=None,
            instansi=cast.ins_b,
            jenis="uji",
            subjek=Subjek("x", "1"),
            waktu=datetime(2025, 10, 17, tzinfo=UTC),
        )
    assert (other.seq, other.prev_hash) == (1, GENESIS)
    assert verify().jumlah == {"INS-A": 2, "INS-B": 1}
