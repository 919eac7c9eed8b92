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
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

from bakat.web.accounts.models import Penugasan, Peran, User
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


def _sql_penugasan() -> str:
    """The grants of one user with their unit's path and agency's code, in the order
    they were given: one query, written out (every request of a signed-in user runs
    it; the ORM's compilation cost more than the query)."""
    qn = connection.ops.quote_name
    g, u, i = (qn(m._meta.db_table) for m in (Penugasan, UnitKerja, Instansi))
    return (
        f"SELECT {g}.{qn('peran')}, {g}.{qn('instansi_id')}, {u}.{qn('path')}, "
        f"{g}.{qn('pegawai_id')}, {i}.{qn('kode')} FROM {g} "
        f"LEFT OUTER JOIN {u} ON {g}.{qn('unit_id')} = {u}.{qn('id')} "
        f"LEFT OUTER JOIN {i} ON {g}.{qn('instansi_id')} = {i}.{qn('id')} "
        f"WHERE {g}.{qn('user_id')} = %s ORDER BY {g}.{qn('id')}"
    )


def akses_untuk(user: User) -> Akses:
    """The grants of ``user`` (cached on the user object for the request)."""
    cached = getattr(user, "_bakat_akses", None)
    if isinstance(cached, Akses):
        return cached
    with connection.cursor() as cursor:
        cursor.execute(_sql_penugasan(), [user.pk])
        rows = cursor.fetchall()
    grants = tuple(
        Grant(
            peran=Peran(peran),
            instansi_id=instansi_id,
            unit_path=path,
            pegawai_id=pegawai_id,
            instansi_kode=kode,
        )
        for peran, instansi_id, path, pegawai_id, kode in rows
    )
    akses = Akses(user_id=int(user.pk), grants=grants)
    user._bakat_akses = akses  # type: ignore[attr-defined]
    return akses
