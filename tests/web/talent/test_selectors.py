"""The dashboard's counts: read from the run for whole agencies, counted in the database
otherwise, and the same either way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bakat.web.accounts.access import Akses, akses_untuk
from bakat.web.accounts.models import Peran
from bakat.web.accounts.services import create_user_with_role
from bakat.web.personnel.models import Instansi, UnitKerja
from bakat.web.personnel.services import load_data
from bakat.web.talent import selectors
from bakat.web.talent.services import refresh_placements

AS_OF = date(2025, 10, 17)


@pytest.fixture
def dipetakan(db: None, small_agency: Path) -> Instansi:
    hasil = load_data(actor=None, folder=small_agency, as_of=AS_OF)
    instansi = Instansi.objects.get(kode=hasil.instansi)
    refresh_placements(actor=None, instansi=instansi, as_of=AS_OF)
    return instansi


def _counted(akses: Akses, f: selectors.Filter) -> selectors.Ringkasan:
    hasil = selectors.Ringkasan(runs=[])
    selectors._hitung(hasil, selectors.penempatan_terlihat(akses, f))
    return hasil


def test_the_stored_counts_of_a_whole_agency_equal_the_counted_ones(dipetakan: Instansi) -> None:
    admin = create_user_with_role(
        actor=None, username="adm", password="x" * 12, peran=Peran.ADMIN, instansi=dipetakan
    )
    akses = akses_untuk(admin)
    assert akses.instansi_penuh(selectors.BACA_TALENTA) == {dipetakan.pk}
    stored = selectors.ringkasan(akses, selectors.Filter())
    counted = _counted(akses, selectors.Filter())
    assert stored.jumlah == counted.jumlah == 120
    assert stored.terpetakan == counted.terpetakan > 0
    assert stored.per_kotak == counted.per_kotak
    assert stored.per_alasan == counted.per_alasan
    assert (stored.kelompok, stored.kandidat_kelompok) == (
        counted.kelompok,
        counted.kandidat_kelompok,
    )


def test_a_unit_scoped_analyst_gets_the_counts_of_their_subtree_only(dipetakan: Instansi) -> None:
    root = UnitKerja.objects.get(instansi=dipetakan, induk__isnull=True)
    unit = UnitKerja.objects.filter(induk=root).order_by("kode").first()
    assert unit is not None
    analis = create_user_with_role(
        actor=None,
        username="ana",
        password="x" * 12,
        peran=Peran.ANALIS,
        instansi=dipetakan,
        unit=unit,
    )
    akses = akses_untuk(analis)
    assert akses.instansi_penuh(selectors.BACA_TALENTA) == set()
    hasil = selectors.ringkasan(akses, selectors.Filter())
    assert 0 < hasil.jumlah < 120
    assert hasil.jumlah == _counted(akses, selectors.Filter()).jumlah
