"""What a user may see and do, from their role assignments (``Penugasan``).

Every selector filters with :meth:`Akses.q`, so a record outside the user's scope is
simply not found (the views answer 404, never revealing that it exists). Scopes:

- admin SDM, komite talenta, auditor: their whole agency;
- analis SDM, pimpinan unit: their assigned unit and every unit below it;
- pegawai: their own record only;
- nasional: no individual record, only aggregates across agencies.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Q

from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.audit.models import AuditHead
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja

#: Who may read employee records (each within their scope).
BACA_PEGAWAI = frozenset(
    {Peran.ADMIN, Peran.ANALIS, Peran.KOMITE, Peran.PIMPINAN, Peran.PEGAWAI, Peran.AUDITOR}
)
#: Who may read the data-quality worklist (each within their scope).
BACA_KUALITAS = frozenset({Peran.ADMIN, Peran.ANALIS, Peran.PIMPINAN, Peran.AUDITOR})
#: Who may request a correction (the employee only on their own record).
AJUKAN_KOREKSI = frozenset({Peran.ADMIN, Peran.ANALIS, Peran.PEGAWAI})
#: Who may approve or reject a correction made by someone else.
PUTUSKAN_KOREKSI = frozenset({Peran.ADMIN, Peran.ANALIS})
#: Who may see NIK and full birth date (besides the employee on their own record).
LIHAT_IDENTITAS = frozenset({Peran.ADMIN, Peran.ANALIS, Peran.PEGAWAI})
#: Who may read and verify the audit trail of their agency.
BACA_AUDIT = frozenset({Peran.ADMIN, Peran.AUDITOR})


@dataclass(frozen=True)
class Grant:
    """One role with its scope (agency, unit subtree path, or own record)."""

    peran: Peran
    instansi_id: int | None
    unit_path: str | None
    pegawai_id: int | None
    #: The agency's code (the name of its audit chain), with ``instansi_id``.
    instansi_kode: str | None = None


@dataclass(frozen=True)
class Akses:
    """The grants of one user, and the filters and checks derived from them."""

    user_id: int
    grants: tuple[Grant, ...]
    #: The data version of each of the user's agencies, read with the grants at the
    #: start of the request (:func:`muat_pengguna`); None when not read then.
    versi_awal: tuple[tuple[str, int], ...] | None = field(default=None, compare=False)

    def punya(self, roles: Collection[Peran]) -> bool:
        """Whether the user holds any of ``roles``."""
        return any(g.peran in roles for g in self.grants)

    @property
    def nasional(self) -> bool:
        return self.punya({Peran.NASIONAL})

    def instansi_ids(self, roles: Collection[Peran]) -> set[int]:
        """The agencies in which the user holds one of ``roles``."""
        return {g.instansi_id for g in self.grants if g.peran in roles and g.instansi_id}

    def instansi_penuh(self, roles: Collection[Peran]) -> set[int]:
        """The agencies of which the user sees every row under ``roles`` (no unit
        subtree or own-record limit)."""
        return {
            g.instansi_id
            for g in self.grants
            if g.peran in roles
            and g.instansi_id
            and g.peran is not Peran.PEGAWAI
            and not (g.unit_path is not None and g.peran in {Peran.ANALIS, Peran.PIMPINAN})
        }

    def q(
        self,
        roles: Collection[Peran],
        *,
        instansi: str = "instansi_id",
        unit: str = "unit",
        pegawai: str | None = "pk",
    ) -> Q | None:
        """A filter selecting the rows the user may see under ``roles`` (None: none).

        ``instansi``/``unit``/``pegawai`` name the lookups of the filtered model (for
        example ``pegawai="pegawai_id"`` on findings; None where no row is personal;
        ``unit=""`` when filtering units themselves).
        """
        parts: list[Q] = []
        for g in self.grants:
            if g.peran not in roles or g.instansi_id is None:
                continue
            if g.peran is Peran.PEGAWAI:
                if pegawai is not None and g.pegawai_id is not None:
                    parts.append(Q(**{instansi: g.instansi_id, pegawai: g.pegawai_id}))
            elif g.unit_path is not None and g.peran in {Peran.ANALIS, Peran.PIMPINAN}:
                if unit:
                    # The subtree's unit ids as a subquery: the database then reads the
                    # rows of those units from an index on the unit column instead of
                    # joining every row to its unit to test the path.
                    subtree = UnitKerja.objects.filter(
                        instansi_id=g.instansi_id, path__startswith=g.unit_path
                    ).values("pk")
                    parts.append(Q(**{instansi: g.instansi_id, f"{unit}__in": subtree}))
                else:
                    parts.append(Q(**{instansi: g.instansi_id, "path__startswith": g.unit_path}))
            else:
                parts.append(Q(**{instansi: g.instansi_id}))
        if not parts:
            return None
        combined = parts[0]
        for part in parts[1:]:
            combined |= part
        return combined

    def mencakup(self, roles: Collection[Peran], pegawai: Pegawai) -> bool:
        """Whether ``pegawai`` lies within the scope of one of ``roles``."""
        path = pegawai.unit.path if pegawai.unit_id and pegawai.unit else ""
        for g in self.grants:
            if g.peran not in roles or g.instansi_id != pegawai.instansi_id:
                continue
            if g.peran is Peran.PEGAWAI:
                if g.pegawai_id == pegawai.pk:
                    return True
            elif g.peran in {Peran.ANALIS, Peran.PIMPINAN}:
                if g.unit_path and path.startswith(g.unit_path):
                    return True
            else:
                return True
        return False


#: A user's grants: role, agency, unit path, own record, agency code (one row each).
_KOLOM_PENUGASAN = 5


def _sql_penugasan(*, dengan_pengguna: bool = False) -> str:
    """The grants of one user with their unit's path and agency's code, in the order
    they were given; with ``dengan_pengguna``, the user's own columns first and each
    agency's data version last (one row per grant, one with null grant columns when
    there is none). Written out: every request of a signed-in user runs it, and the
    ORM's compilation cost more than the query."""
    qn = connection.ops.quote_name
    g, u, i = (qn(m._meta.db_table) for m in (Penugasan, UnitKerja, Instansi))
    pilih = (
        f"{g}.{qn('peran')}, {g}.{qn('instansi_id')}, {u}.{qn('path')}, "
        f"{g}.{qn('pegawai_id')}, {i}.{qn('kode')}"
    )
    gabung = (
        f"LEFT OUTER JOIN {u} ON {g}.{qn('unit_id')} = {u}.{qn('id')} "
        f"LEFT OUTER JOIN {i} ON {g}.{qn('instansi_id')} = {i}.{qn('id')} "
    )
    if not dengan_pengguna:
        urut = f"ORDER BY {g}.{qn('id')}"
        return f"SELECT {pilih} FROM {g} {gabung}WHERE {g}.{qn('user_id')} = %s {urut}"
    us, h = qn(User._meta.db_table), qn(AuditHead._meta.db_table)
    kolom = ", ".join(f"{us}.{qn(f.column)}" for f in User._meta.concrete_fields)
    return (
        f"SELECT {kolom}, {pilih}, {h}.{qn('seq_data')} FROM {us} "
        f"LEFT OUTER JOIN {g} ON {g}.{qn('user_id')} = {us}.{qn('id')} {gabung}"
        f"LEFT OUTER JOIN {h} ON {h}.{qn('rantai')} = {i}.{qn('kode')} "
        f"WHERE {us}.{qn('id')} = %s ORDER BY {g}.{qn('id')}"
    )


def _grants(rows: list[tuple[Any, ...]]) -> tuple[Grant, ...]:
    return tuple(
        Grant(
            peran=Peran(peran),
            instansi_id=instansi_id,
            unit_path=path,
            pegawai_id=pegawai_id,
            instansi_kode=kode,
        )
        for peran, instansi_id, path, pegawai_id, kode in rows
        if peran is not None
    )


def akses_untuk(user: User) -> Akses:
    """The grants of ``user`` (cached on the user object for the request)."""
    cached = getattr(user, "_bakat_akses", None)
    if isinstance(cached, Akses):
        return cached
    with connection.cursor() as cursor:
        cursor.execute(_sql_penugasan(), [user.pk])
        rows = cursor.fetchall()
    akses = Akses(user_id=int(user.pk), grants=_grants(rows))
    user._bakat_akses = akses  # type: ignore[attr-defined]
    return akses


def muat_pengguna(user_id: Any) -> User | None:
    """The user ``user_id`` with their grants and the data version of each of their
    agencies, by one query (the authentication backend's, once per request): the
    grants are cached on the user as :func:`akses_untuk` does, and the versions, read
    before the request computes anything, as :attr:`Akses.versi_awal`."""
    with connection.cursor() as cursor:
        cursor.execute(_sql_penugasan(dengan_pengguna=True), [user_id])
        rows = cursor.fetchall()
    if not rows:
        return None
    fields = User._meta.concrete_fields
    n = len(fields)
    user = User.from_db(connection.alias, [f.attname for f in fields], _nilai_db(rows[0][:n]))
    per_grant = [row[n : n + _KOLOM_PENUGASAN] for row in rows]
    versi = sorted({(str(row[n + 4]), int(row[-1])) for row in rows if row[-1] is not None})
    akses = Akses(user_id=int(user.pk), grants=_grants(per_grant), versi_awal=tuple(versi))
    user._bakat_akses = akses  # type: ignore[attr-defined]
    return user


#: Per database vendor: each user column with the converters the ORM applies to it.
_KONVERTER: dict[str, list[tuple[Any, list[Any]]]] = {}


def _nilai_db(values: tuple[Any, ...]) -> list[Any]:
    """The user's column values as the ORM would give them (the backend's and the
    fields' converters: SQLite returns booleans as integers and datetimes as text).
    ``User.objects.raw`` would do this too, but its setup makes this query, which every
    signed-in request runs, a third more costly (0.085 against 0.065 ms a call on SQLite,
    2026-11-28, ``benchmarks/profile_web_pages.py --sesi``)."""
    konverter = _KONVERTER.get(connection.vendor)
    if konverter is None:
        konverter = []
        for f in User._meta.concrete_fields:
            col = f.get_col(User._meta.db_table)
            konverter.append(
                (col, connection.ops.get_db_converters(col) + col.get_db_converters(connection))
            )
        _KONVERTER[connection.vendor] = konverter
    hasil = []
    for value, (col, fungsi) in zip(values, konverter, strict=True):
        for f in fungsi:
            value = f(value, col, connection)
        hasil.append(value)
    return hasil
