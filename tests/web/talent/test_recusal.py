from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.personnel.models import Jabatan, Pegawai, UnitKerja
from bakat.web.talent.kalibrasi import buka_sesi
from bakat.web.talent.models import Relasi, UsulanPindah
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


# Direct superior derived from the positions (Jabatan) and the unit tree, without any
# ``atasan_langsung`` row. ``anggota`` is the committee member's own employee record, in
# unit A, related to nobody through ``Relasi``.


@pytest.fixture
def anggota(cast: Cast) -> Pegawai:
    sendiri = _orang(cast, cast.unit_a, "198811082021012020")
    Penugasan.objects.create(
        user=cast.users["komite"], peran=Peran.PEGAWAI, instansi=cast.ins_a, pegawai=sendiri
    )
    return sendiri


def _orang(cast: Cast, unit: UnitKerja, nip: str) -> Pegawai:
    return Pegawai.objects.create(
        instansi=cast.ins_a, unit=unit, unit_kerja=unit.kode, nip=nip, nama=f"Orang {nip[-3:]}"
    )


def _jabatan(cast: Cast, unit: UnitKerja, jabatan_id: str, jenjang: str, nip: str = "") -> None:
    Jabatan.objects.create(
        instansi=cast.ins_a,
        unit=unit,
        jabatan_id=jabatan_id,
        nama=f"{jenjang} {unit.kode}",
        jenjang_jabatan=jenjang,
        nip_pemangku=nip,
    )


def _terkait(cast: Cast) -> set[str]:
    """Every NIP of INS-A the member is recused from (``is_recused`` asks the same)."""
    return nip_terkait(cast.users["komite"], cast.ins_a.pk)


def test_the_head_of_a_unit_is_recused_from_its_staff_and_its_headless_sub_units(
    cast: Cast, anggota: Pegawai
) -> None:
    _jabatan(cast, cast.unit_a, "J-A", "ADMINISTRATOR", anggota.nip)
    assert is_recused(cast.users["komite"], cast.p_a)
    assert is_recused(cast.users["komite"], cast.p_a1)
    assert not is_recused(cast.users["komite"], cast.p_b)
    assert _terkait(cast) == {anggota.nip, cast.p_a.nip, cast.p_a1.nip}


def test_a_sub_unit_with_its_own_head_leaves_only_that_head_to_the_member(
    cast: Cast, anggota: Pegawai
) -> None:
    kepala_a1 = _orang(cast, cast.unit_a1, "198811082021012021")
    _jabatan(cast, cast.unit_a, "J-A", "ADMINISTRATOR", anggota.nip)
    _jabatan(cast, cast.unit_a1, "J-A1", "PENGAWAS", kepala_a1.nip)
    assert is_recused(cast.users["komite"], kepala_a1)
    assert not is_recused(cast.users["komite"], cast.p_a1)  # their superior is kepala_a1
    assert _terkait(cast) == {anggota.nip, cast.p_a.nip, kepala_a1.nip}


def test_the_member_is_recused_from_their_own_superior(cast: Cast, anggota: Pegawai) -> None:
    kepala_r = _orang(cast, cast.unit_r, "198811082021012022")
    _jabatan(cast, cast.unit_r, "J-R", "JPT_PRATAMA", kepala_r.nip)
    _jabatan(cast, cast.unit_a, "J-A", "ADMINISTRATOR", anggota.nip)
    assert is_recused(cast.users["komite"], kepala_r)
    assert not is_recused(cast.users["komite"], cast.p_b)  # B has no head: kepala_r's staff
    assert _terkait(cast) == {anggota.nip, kepala_r.nip, cast.p_a.nip, cast.p_a1.nip}


def test_a_member_on_the_staff_is_recused_from_the_head_only(cast: Cast, anggota: Pegawai) -> None:
    _jabatan(cast, cast.unit_a, "J-A", "ADMINISTRATOR", cast.p_a.nip)
    assert is_recused(cast.users["komite"], cast.p_a)
    assert not is_recused(cast.users["komite"], cast.p_a1)  # a colleague, not a subordinate
    assert _terkait(cast) == {anggota.nip, cast.p_a.nip}


def test_a_head_s_superior_is_the_nearest_head_above_when_the_parent_has_none(
    cast: Cast, anggota: Pegawai
) -> None:
    # The member heads R; A has no head; A.1 is headed by p_a1: p_a (A's staff) and p_a1
    # (A.1's head) both report to the member, p_b too (B has no head).
    anggota.unit = cast.unit_r
    anggota.save()
    _jabatan(cast, cast.unit_r, "J-R", "JPT_PRATAMA", anggota.nip)
    _jabatan(cast, cast.unit_a1, "J-A1", "PENGAWAS", cast.p_a1.nip)
    staf_a1 = _orang(cast, cast.unit_a1, "198811082021012023")
    assert _terkait(cast) == {anggota.nip, cast.p_a.nip, cast.p_a1.nip, cast.p_b.nip}
    assert not is_recused(cast.users["komite"], staf_a1)


def test_a_vacant_head_post_recuses_nobody(cast: Cast, anggota: Pegawai) -> None:
    _jabatan(cast, cast.unit_a, "J-A", "ADMINISTRATOR")
    _jabatan(cast, cast.unit_r, "J-R", "JPT_PRATAMA")
    assert _terkait(cast) == {anggota.nip}


def test_the_highest_filled_post_heads_the_unit(cast: Cast, anggota: Pegawai) -> None:
    # A's ADMINISTRATOR post is vacant: the incumbent of its PENGAWAS post heads A.
    _jabatan(cast, cast.unit_a, "J-A", "ADMINISTRATOR")
    _jabatan(cast, cast.unit_a, "J-A-2", "PENGAWAS", anggota.nip)
    assert _terkait(cast) == {anggota.nip, cast.p_a.nip, cast.p_a1.nip}


@pytest.mark.parametrize("jenjang", ["AHLI_MUDA", "AHLI_UTAMA", "PELAKSANA", ""])
def test_a_functional_or_pelaksana_post_does_not_head_a_unit(
    cast: Cast, anggota: Pegawai, jenjang: str
) -> None:
    _jabatan(cast, cast.unit_a, "J-A", jenjang, anggota.nip)
    assert not is_recused(cast.users["komite"], cast.p_a)
    assert _terkait(cast) == {anggota.nip}


def test_the_higher_grade_heads_and_the_lower_jabatan_id_breaks_a_tie(
    cast: Cast, anggota: Pegawai
) -> None:
    # The member's PENGAWAS post has the lower id, p_a's ADMINISTRATOR post the higher
    # grade: p_a heads A and is the member's superior.
    _jabatan(cast, cast.unit_a, "J-01", "PENGAWAS", anggota.nip)
    _jabatan(cast, cast.unit_a, "J-09", "ADMINISTRATOR", cast.p_a.nip)
    assert _terkait(cast) == {anggota.nip, cast.p_a.nip}
    # Two ADMINISTRATOR posts: the lower jabatan_id (the member's) heads A.
    Jabatan.objects.filter(jabatan_id="J-01").update(jenjang_jabatan="ADMINISTRATOR")
    assert _terkait(cast) == {anggota.nip, cast.p_a.nip, cast.p_a1.nip}


def test_posts_of_another_agency_do_not_make_a_superior(cast: Cast, anggota: Pegawai) -> None:
    Jabatan.objects.create(
        instansi=cast.ins_b,
        unit=cast.unit_x,
        jabatan_id="J-A",
        jenjang_jabatan="JPT_UTAMA",
        nip_pemangku=anggota.nip,
    )
    assert _terkait(cast) == {anggota.nip}
    assert not is_recused(cast.users["komite"], cast.p_x)


def test_the_derived_superior_adds_to_the_explicit_relations(
    cast: Cast, komite_terkait: Pegawai
) -> None:
    # komite_terkait (unit R, spouse of p_a) heads R: every employee of INS-A below it.
    _jabatan(cast, cast.unit_r, "J-R", "JPT_MADYA", komite_terkait.nip)
    assert _terkait(cast) == {
        komite_terkait.nip,
        cast.p_a.nip,
        cast.p_a1.nip,
        cast.p_b.nip,
    }


def test_the_list_takes_a_fixed_number_of_queries(
    cast: Cast, anggota: Pegawai, django_assert_max_num_queries: Any
) -> None:
    _jabatan(cast, cast.unit_r, "J-R", "JPT_PRATAMA", cast.p_b.nip)
    _jabatan(cast, cast.unit_a, "J-A", "ADMINISTRATOR", anggota.nip)
    _jabatan(cast, cast.unit_a1, "J-A1", "PENGAWAS", cast.p_a1.nip)
    with django_assert_max_num_queries(4):
        terkait = nip_terkait(cast.users["komite"], cast.ins_a.pk)
    assert terkait == {anggota.nip, cast.p_b.nip, cast.p_a.nip, cast.p_a1.nip}


def test_a_subordinate_s_case_is_hidden_from_the_calibration_session_and_the_card(
    pemetaan: Cast, anggota: Pegawai
) -> None:
    _jabatan(pemetaan, pemetaan.unit_a, "J-A", "ADMINISTRATOR", anggota.nip)
    sesi = buka_sesi(
        actor=pemetaan.users["admin"],
        unit=pemetaan.unit_r,
        nama="Sesi uji",
        anggota=[pemetaan.users["komite"]],
    )
    client = Client()
    client.force_login(pemetaan.users["komite"])
    body = client.get(reverse("talenta_kalibrasi_sesi", args=[sesi.pk])).content.decode()
    assert pemetaan.p_b.nip in body
    assert pemetaan.p_a.nip not in body and pemetaan.p_a1.nip not in body
    url = reverse("talenta_kalibrasi_usul", args=[sesi.pk])
    data = {"nip": pemetaan.p_a1.nip, "kotak": 9, "alasan": "Alasan yang cukup panjang."}
    assert client.post(url, data).status_code == 404
    assert not UsulanPindah.objects.exists()
    kartu = reverse("talenta_kartu", args=[pemetaan.p_a1.pk])
    assert client.get(kartu).status_code == 404
    body = client.get(reverse("talenta_kotak_orang", args=[5])).content.decode()
    assert pemetaan.p_a1.nip not in body
