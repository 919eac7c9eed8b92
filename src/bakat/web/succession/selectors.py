"""Reads of the succession pages, always through the user's scope (``Akses.q``).

Who sees what (the merit principle: decisions on evidence, people's data only to those
who need it; UU 20/2023 Pasal 1 and 24; domain.md §2.8):

- HR admin, talent committee, auditor: every target post of their agency with its
  ranked candidates, sub-scores and exclusions (the auditor read-only);
- HR analyst and unit head: the target posts of their unit subtree, with the candidates
  of those posts (who may come from other units: that is what succession is for);
- employee: no list; only the posts for which they themselves are named, with their
  own readiness and sub-scores (what they can develop), never the other names;
- national monitor: nothing;
- a committee member related to a candidate sees the post but not its case (recusal).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404, QueryDict

from bakat.web.accounts.access import Akses
from bakat.web.accounts.models import Peran
from bakat.web.personnel.models import UnitKerja
from bakat.web.succession.models import JabatanTarget, Kandidat, SuccessionRun

#: Who may read target posts and their lists (each within their scope).
BACA_SUKSESI = frozenset({Peran.ADMIN, Peran.KOMITE, Peran.AUDITOR, Peran.ANALIS, Peran.PIMPINAN})


def latest_runs(instansi_ids: set[int]) -> list[int]:
    """The latest run of each of these agencies (primary keys)."""
    ids = []
    for instansi_id in sorted(instansi_ids):
        run = (
            SuccessionRun.objects.filter(instansi_id=instansi_id)
            .order_by("-dijalankan_pada", "-pk")
            .first()
        )
        if run is not None:
            ids.append(run.pk)
    return ids


def targets_visible(akses: Akses) -> QuerySet[JabatanTarget]:
    """Target posts of the latest run of each agency, within the user's scope."""
    q = akses.q(BACA_SUKSESI, pegawai=None)
    if q is None:
        return JabatanTarget.objects.none()
    runs = latest_runs(akses.instansi_ids(BACA_SUKSESI))
    return JabatanTarget.objects.filter(q, run_id__in=runs)


def units_visible(akses: Akses) -> QuerySet[UnitKerja]:
    q = akses.q(BACA_SUKSESI, unit="", pegawai=None)
    return UnitKerja.objects.filter(q) if q is not None else UnitKerja.objects.none()


@dataclass(frozen=True)
class Filter:
    """The list filters: unit subtree, grade, at risk only."""

    unit: int | None = None
    jenjang: str = ""
    berisiko: bool = False

    @classmethod
    def dari(cls, query: QueryDict) -> Filter:
        unit = query.get("unit", "")
        return cls(
            unit=int(unit) if unit.isdigit() else None,
            jenjang=query.get("jenjang", "").strip()[:32],
            berisiko=query.get("berisiko") == "1",
        )


def target_list(akses: Akses, f: Filter) -> QuerySet[JabatanTarget]:
    rows = targets_visible(akses).select_related("unit", "instansi")
    if f.unit is not None:
        unit = units_visible(akses).filter(pk=f.unit).first()
        rows = rows.filter(unit__path__startswith=unit.path) if unit else rows.none()
    if f.jenjang:
        rows = rows.filter(jenjang_jabatan=f.jenjang)
    if f.berisiko:
        rows = rows.filter(berisiko=True)
    return rows.order_by("-berisiko", "tanggal_lowong", "jabatan_id")


def jenjang_options(akses: Akses) -> list[str]:
    return sorted(set(targets_visible(akses).values_list("jenjang_jabatan", flat=True)))


def target_detail(akses: Akses, pk: int) -> JabatanTarget:
    """One target post in scope of any run (404 outside the scope)."""
    q = akses.q(BACA_SUKSESI, pegawai=None)
    target = (
        JabatanTarget.objects.filter(q, pk=pk).select_related("run", "unit", "instansi").first()
        if q is not None
        else None
    )
    if target is None:
        raise Http404
    return target


def own_nominations(akses: Akses) -> QuerySet[Kandidat]:
    """The employee's own places on lists of the latest runs (no other names)."""
    own = [g.pegawai_id for g in akses.grants if g.peran is Peran.PEGAWAI and g.pegawai_id]
    instansi = {g.instansi_id for g in akses.grants if g.peran is Peran.PEGAWAI and g.instansi_id}
    runs = latest_runs(instansi)
    return (
        Kandidat.objects.filter(pegawai_id__in=own, target__run_id__in=runs)
        .select_related("target")
        .order_by("target__jabatan_id")
    )
