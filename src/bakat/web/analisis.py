"""Loading an agency's data and analysing it, as one step for the command line
(``bakat load``, ``bakat demo``) and the upload page.

``load_data`` stores the records, findings and disparities (one transaction, one audit
event). ``analyse`` then reads the stored source files once, maps them once with the
engine, and stores the Nine Box placement (``talenta.dipetakan``) and the succession and
development results (``suksesi.dihitung``) from that one mapping, each in its own
transaction with its own audit event: a failed analysis leaves the load in place and
says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import connection

from bakat.domain.policy import PRESET_BAKU, load_policy
from bakat.engine.mapping.job import run_mapping
from bakat.web.accounts.models import User
from bakat.web.personnel.models import Instansi
from bakat.web.personnel.services import HasilMuat, load_data
from bakat.web.personnel.sources import last_load_folder
from bakat.web.succession.models import SuccessionRun
from bakat.web.succession.services import refresh_succession
from bakat.web.talent.models import PlacementRun
from bakat.web.talent.services import store_placements
from bakat.web.talent.sumber import baca_data


@dataclass(frozen=True)
class HasilAnalisis:
    """The stored placement run and succession run of one analysis."""

    penempatan: PlacementRun
    suksesi: SuccessionRun


def analyse(
    *,
    actor: User | None,
    instansi: Instansi,
    as_of: date,
    folder: Path | None = None,
    policy_name: str = PRESET_BAKU,
) -> HasilAnalisis:
    """Map ``instansi`` and plan its succession and development from ``folder`` (by
    default the stored source files of its last load), reading and mapping once."""
    if folder is None:
        with last_load_folder(instansi) as stored:
            return analyse(
                actor=actor, instansi=instansi, as_of=as_of, folder=stored, policy_name=policy_name
            )
    policy = load_policy(policy_name)
    dibaca = baca_data(folder)
    hasil = run_mapping(dibaca.data, as_of=as_of, policy=policy)
    penempatan = store_placements(
        actor=actor, instansi=instansi, dibaca=dibaca, hasil=hasil, as_of=as_of, policy=policy
    )
    suksesi = refresh_succession(
        actor=actor,
        instansi=instansi,
        folder=folder,
        as_of=as_of,
        policy_name=policy_name,
        mapped=(dibaca.data, hasil.pemetaan),
    )
    # Fresh planner statistics for the rows just stored (as after a load).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return HasilAnalisis(penempatan=penempatan, suksesi=suksesi)


def load_and_analyse(
    *,
    actor: User | None,
    folder: Path,
    as_of: date,
    instansi_kode: str | None = None,
    instansi_nama: str | None = None,
    policy_name: str = PRESET_BAKU,
) -> tuple[HasilMuat, HasilAnalisis]:
    """``load_data`` then ``analyse`` on the files just stored."""
    muat = load_data(
        actor=actor,
        folder=folder,
        as_of=as_of,
        instansi_kode=instansi_kode,
        instansi_nama=instansi_nama,
        policy=policy_name,
    )
    instansi = Instansi.objects.get(kode=muat.instansi)
    return muat, analyse(actor=actor, instansi=instansi, as_of=as_of, policy_name=policy_name)
