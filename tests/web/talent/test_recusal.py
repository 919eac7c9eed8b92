from __future__ import annotations

import pytest

from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.personnel.models import Pegawai
from bakat.web.talent.models import Relasi
from bakat.web.talent.recusal import is_recused, nip_terkait
from tests.web.conftest import Cast


@pytest.mark.parametrize(
    ("orang", "terlibat"),
    [("a", True), ("a1", False), ("b", False), ("x", False)],
)
def test_it_recuses_the_committee_member_from_their_spouse_only(
    cast: Cast, komite_terkait: Pegawai, orang: str, terlibat: bool
) -> None:
    assert is_recused(cast.users["komite"], cast.pegawai(orang)) is terlibat


def test_it_recuses_a_member_from_their_own_case(cast: Cast, komite_terkait: Pegawai) -> None:
    assert is_recused(cast.users["komite"], komite_terkait)


def test_it_recuses_in_either_direction_of_the_relation(cast: Cast) -> None:
    Penugasan.objects.create(
        user=cast.users["komite"], peran=Peran.PEGAWAI, instansi=cast.ins_a, pegawai=cast.p_b
    )
    Relasi.objects.create(
        instansi=cast.ins_a, nip_a=cast.p_a1.nip, nip_b=cast.p_b.nip, hubungan="atasan_langsung"
    )
    assert is_recused(cast.users["komite"], cast.p_a1)


def test_a_relation_in_another_agency_does_not_recuse(cast: Cast, komite_terkait: Pegawai) -> None:
    Relasi.objects.filter(instansi=cast.ins_a).update(instansi=cast.ins_b)
    assert not is_recused(cast.users["komite"], cast.p_a)


@pytest.mark.parametrize("username", ["admin", "analis", "pimpinan", "auditor", "nasional"])
def test_a_user_without_an_employee_record_is_recused_from_nobody(
    cast: Cast, komite_terkait: Pegawai, username: str
) -> None:
    user: User = cast.users[username]
    assert not any(is_recused(user, cast.pegawai(n)) for n in ("a", "a1", "b", "x"))


def test_the_employee_is_recused_from_their_own_case(cast: Cast) -> None:
    assert is_recused(cast.users["pegawai"], cast.p_b)
    assert not is_recused(cast.users["pegawai"], cast.p_a)


def test_it_lists_every_nip_the_member_is_recused_from(cast: Cast, komite_terkait: Pegawai) -> None:
    assert nip_terkait(cast.users["komite"], cast.ins_a.pk) == {komite_terkait.nip, cast.p_a.nip}
