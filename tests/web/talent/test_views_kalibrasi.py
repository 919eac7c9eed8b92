from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.personnel.models import Pegawai
from bakat.web.talent.kalibrasi import buka_sesi
from bakat.web.talent.models import SesiKalibrasi, StatusSesi, UsulanPindah
from tests.web.conftest import Cast


def _client(cast: Cast, username: str) -> Client:
    client = Client()
    client.force_login(cast.users[username])
    return client


@pytest.fixture
def sesi(pemetaan: Cast, komite_terkait: Pegawai) -> SesiKalibrasi:
    return buka_sesi(
        actor=pemetaan.users["admin"],
        unit=pemetaan.unit_r,
        nama="Sesi uji",
        anggota=[pemetaan.users["komite"]],
    )


@pytest.mark.parametrize(
    ("username", "daftar", "detail"),
    [
        ("admin", 200, 200),
        ("komite", 200, 200),
        ("analis", 403, 404),
        ("pimpinan", 403, 404),
        ("pegawai", 403, 404),
        ("auditor", 403, 404),
        ("nasional", 403, 404),
    ],
)
def test_who_sees_the_sessions(
    pemetaan: Cast, sesi: SesiKalibrasi, username: str, daftar: int, detail: int
) -> None:
    client = _client(pemetaan, username)
    assert client.get(reverse("talenta_kalibrasi")).status_code == daftar
    assert client.get(reverse("talenta_kalibrasi_sesi", args=[sesi.pk])).status_code == detail


def test_the_admin_opens_a_session_from_the_page(pemetaan: Cast, komite_terkait: Pegawai) -> None:
    response = _client(pemetaan, "admin").post(
        reverse("talenta_kalibrasi"),
        {"nama": "Biro A", "unit": pemetaan.unit_a.pk, "anggota": [pemetaan.users["komite"].pk]},
    )
    s = SesiKalibrasi.objects.get()
    assert response["Location"] == reverse("talenta_kalibrasi_sesi", args=[s.pk])
    assert list(s.anggota.all()) == [pemetaan.users["komite"]]


def test_the_committee_cannot_open_a_session(pemetaan: Cast) -> None:
    response = _client(pemetaan, "komite").post(
        reverse("talenta_kalibrasi"), {"nama": "x", "unit": pemetaan.unit_a.pk}
    )
    assert response.status_code == 403 and not SesiKalibrasi.objects.exists()


def test_a_recused_member_neither_sees_nor_moves_the_related_case(
    pemetaan: Cast, sesi: SesiKalibrasi
) -> None:
    client = _client(pemetaan, "komite")
    body = client.get(reverse("talenta_kalibrasi_sesi", args=[sesi.pk])).content.decode()
    assert pemetaan.p_b.nip in body and pemetaan.p_a.nip not in body
    url = reverse("talenta_kalibrasi_usul", args=[sesi.pk])
    data = {"nip": pemetaan.p_a.nip, "kotak": 5, "alasan": "Alasan yang cukup panjang."}
    assert client.post(url, data).status_code == 404
    data["nip"] = pemetaan.p_b.nip
    assert client.post(url, data).status_code == 302
    assert [u.pegawai for u in UsulanPindah.objects.all()] == [pemetaan.p_b]


def test_the_admin_closes_and_freezes_the_session(pemetaan: Cast, sesi: SesiKalibrasi) -> None:
    assert (
        _client(pemetaan, "komite")
        .post(reverse("talenta_kalibrasi_tutup", args=[sesi.pk]))
        .status_code
        == 403
    )
    _client(pemetaan, "admin").post(reverse("talenta_kalibrasi_tutup", args=[sesi.pk]))
    sesi.refresh_from_db()
    assert sesi.status == StatusSesi.DITUTUP and sesi.sidik_masukan
    client = _client(pemetaan, "komite")
    data = {"nip": pemetaan.p_b.nip, "kotak": 9, "alasan": "Alasan yang cukup panjang."}
    client.post(reverse("talenta_kalibrasi_usul", args=[sesi.pk]), data)
    assert not UsulanPindah.objects.exists()
