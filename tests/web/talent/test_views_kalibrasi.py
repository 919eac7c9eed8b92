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


def _layar(r: str, status: str = "tidak_ada_sinyal") -> dict[str, object]:
    return {"unit_kerja": r, "unit_kerja_nama": f"Unit {r}", "terpetakan": 3, "status": status}


def test_the_session_shows_the_screens_of_its_population(
    pemetaan: Cast, komite_terkait: Pegawai
) -> None:
    from bakat.web.talent.models import PlacementRun

    run = PlacementRun.objects.filter(instansi=pemetaan.ins_a).first()
    assert run is not None
    run.kalibrasi = [
        {**_layar("R"), "status": "acuan"},
        _layar("R.A"),
        _layar("R.A.1", "perlu_ditelaah"),
        _layar("R.B", "perlu_ditelaah"),
    ]
    run.keadilan = [
        {"seleksi": "kelompok_talenta", "dimensi": "jenis_kelamin", "kelompok": "L",
         "nama": None, "jumlah": 40, "terpilih": 10, "status": "tidak_ada_sinyal"},
        {"seleksi": "kelompok_talenta", "dimensi": "jenis_kelamin", "kelompok": "P",
         "nama": None, "jumlah": 40, "terpilih": 4, "status": "perlu_ditelaah"},
        {"seleksi": "kelompok_talenta", "dimensi": "unit_kerja", "kelompok": "R.A.1",
         "nama": "Unit R.A.1", "jumlah": 9, "terpilih": 1, "status": "tidak_cukup_data"},
        {"seleksi": "kelompok_talenta", "dimensi": "unit_kerja", "kelompok": "R.B",
         "nama": "Unit R.B", "jumlah": 9, "terpilih": 1, "status": "tidak_cukup_data"},
    ]  # fmt: skip
    run.save()
    s = buka_sesi(
        actor=pemetaan.users["admin"],
        unit=pemetaan.unit_a,
        nama="Biro A",
        anggota=[pemetaan.users["komite"]],
    )
    assert s.run_id == run.pk
    html = _client(pemetaan, "komite").get(reverse("talenta_kalibrasi_sesi", args=[s.pk]))
    text = html.content.decode()
    kalibrasi = text.split('id="statistik-kalibrasi"')[1].split("</table>")[0]
    # The agency's reference, the session's own unit, then its sub-units, signals first.
    assert [u for u in ("Unit R<", "Unit R.A<", "Unit R.A.1<") if u in kalibrasi] == [
        "Unit R<",
        "Unit R.A<",
        "Unit R.A.1<",
    ]
    assert kalibrasi.index("Unit R<") < kalibrasi.index("Unit R.A<") < kalibrasi.index("R.A.1")
    assert "R.B" not in kalibrasi
    keadilan = text.split('id="skrining-keadilan"')[1].split("</table>")[0]
    assert keadilan.index("perlu ditelaah") < keadilan.index("tidak ada sinyal")
    assert "R.A.1" in keadilan and "R.B" not in keadilan
