from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.personnel.models import Pegawai
from bakat.web.talent.kalibrasi import buka_sesi
from bakat.web.talent.models import LayarPemetaan, SesiKalibrasi, StatusSesi, UsulanPindah
from tests.web.conftest import Cast, _user


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
    layar = LayarPemetaan(run=run)
    layar.kalibrasi = [
        {**_layar("R"), "status": "acuan"},
        _layar("R.A"),
        _layar("R.A.1", "perlu_ditelaah"),
        _layar("R.B", "perlu_ditelaah"),
    ]
    layar.keadilan = [
        {"seleksi": "kelompok_talenta", "dimensi": "jenis_kelamin", "kelompok": "L",
         "nama": None, "jumlah": 40, "terpilih": 10, "status": "tidak_ada_sinyal"},
        {"seleksi": "kelompok_talenta", "dimensi": "jenis_kelamin", "kelompok": "P",
         "nama": None, "jumlah": 40, "terpilih": 4, "status": "perlu_ditelaah"},
        {"seleksi": "kelompok_talenta", "dimensi": "unit_kerja", "kelompok": "R.A.1",
         "nama": "Unit R.A.1", "jumlah": 9, "terpilih": 1, "status": "tidak_cukup_data"},
        {"seleksi": "kelompok_talenta", "dimensi": "unit_kerja", "kelompok": "R.B",
         "nama": "Unit R.B", "jumlah": 9, "terpilih": 1, "status": "tidak_cukup_data"},
    ]  # fmt: skip
    layar.save()
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


# Authorization matrix of the session writes (role x own agency / other agency): the
# expected answer and whether the write took place. A refused request writes nothing.
_ALASAN = "Alasan tertulis yang cukup panjang."


def _client_user(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("username", "status", "dibuka"),
    [
        ("admin", 302, True),
        ("komite", 403, False),  # a member sits, only the HR admin opens
        ("analis", 403, False),
        ("analis2", 403, False),
        ("pimpinan", 403, False),
        ("pegawai", 403, False),
        ("auditor", 403, False),
        ("nasional", 403, False),
    ],
)
def test_only_the_hr_admin_opens_a_session_matrix(
    pemetaan: Cast, komite_bercatatan: Pegawai, username: str, status: int, dibuka: bool
) -> None:
    data = {"nama": "Sesi R", "unit": pemetaan.unit_r.pk, "anggota": [pemetaan.users["komite"].pk]}
    response = _client(pemetaan, username).post(reverse("talenta_kalibrasi"), data)
    assert response.status_code == status
    assert SesiKalibrasi.objects.exists() is dibuka
    if dibuka:
        s = SesiKalibrasi.objects.get()
        assert response["Location"] == reverse("talenta_kalibrasi_sesi", args=[s.pk])
        assert s.instansi == pemetaan.ins_a and s.unit == pemetaan.unit_r


@pytest.mark.parametrize(
    ("username", "status", "tercatat"),
    [
        ("komite", 302, True),  # the session's member
        ("admin", 302, False),  # sees the session but is no member: refused with a message
        ("analis", 404, False),
        ("analis2", 404, False),
        ("pimpinan", 404, False),
        ("pegawai", 404, False),
        ("auditor", 404, False),
        ("nasional", 404, False),
    ],
)
def test_only_a_member_proposes_a_move_matrix(
    pemetaan: Cast, sesi: SesiKalibrasi, username: str, status: int, tercatat: bool
) -> None:
    data = {"nip": pemetaan.p_b.nip, "kotak": 5, "alasan": _ALASAN}
    response = _client(pemetaan, username).post(
        reverse("talenta_kalibrasi_usul", args=[sesi.pk]), data
    )
    assert response.status_code == status
    assert UsulanPindah.objects.exists() is tercatat
    if tercatat:
        usulan = UsulanPindah.objects.get()
        assert usulan.pegawai == pemetaan.p_b and usulan.pengusul == pemetaan.users["komite"]


@pytest.mark.parametrize(
    ("username", "status", "ditutup"),
    [
        ("admin", 302, True),
        ("komite", 403, False),  # a member sees the session but may not close it
        ("analis", 404, False),
        ("analis2", 404, False),
        ("pimpinan", 404, False),
        ("pegawai", 404, False),
        ("auditor", 404, False),
        ("nasional", 404, False),
    ],
)
def test_only_the_hr_admin_closes_a_session_matrix(
    pemetaan: Cast, sesi: SesiKalibrasi, username: str, status: int, ditutup: bool
) -> None:
    response = _client(pemetaan, username).post(reverse("talenta_kalibrasi_tutup", args=[sesi.pk]))
    assert response.status_code == status
    sesi.refresh_from_db()
    assert (sesi.status == StatusSesi.DITUTUP) is ditutup
    assert (sesi.ditutup_oleh is not None) is ditutup


@pytest.fixture
def pihak_lain(pemetaan: Cast) -> dict[str, User]:
    """An HR admin and a committee member of INS-B (the member with an employee record
    there, as one who could sit in INS-B's sessions)."""
    komite_x = Pegawai.objects.create(
        instansi=pemetaan.ins_b,
        unit=pemetaan.unit_x,
        unit_kerja=pemetaan.unit_x.kode,
        nip="198811082021012029",
        nama="Komite Instansi B",
        status_kepegawaian="PNS",
    )
    komite_b = _user("komite_b", Peran.KOMITE, instansi=pemetaan.ins_b)
    Penugasan.objects.create(
        user=komite_b, peran=Peran.PEGAWAI, instansi=pemetaan.ins_b, pegawai=komite_x
    )
    return {"admin_b": _user("admin_b", Peran.ADMIN, instansi=pemetaan.ins_b), "komite_b": komite_b}


@pytest.mark.parametrize("username", ["admin_b", "komite_b"])
def test_another_agencys_admin_or_member_neither_sees_nor_writes_a_session(
    pemetaan: Cast, sesi: SesiKalibrasi, pihak_lain: dict[str, User], username: str
) -> None:
    client = _client_user(pihak_lain[username])
    assert sesi.nama not in client.get(reverse("talenta_kalibrasi")).content.decode()
    assert client.get(reverse("talenta_kalibrasi_sesi", args=[sesi.pk])).status_code == 404
    data = {"nip": pemetaan.p_b.nip, "kotak": 5, "alasan": _ALASAN}
    assert client.post(reverse("talenta_kalibrasi_usul", args=[sesi.pk]), data).status_code == 404
    assert client.post(reverse("talenta_kalibrasi_tutup", args=[sesi.pk])).status_code == 404
    # Opening one over a unit of INS-A: not found for INS-B's admin, refused for a member.
    buka = {"nama": "Sesi R", "unit": pemetaan.unit_r.pk, "anggota": [pemetaan.users["komite"].pk]}
    opened = client.post(reverse("talenta_kalibrasi"), buka)
    assert opened.status_code == (404 if username == "admin_b" else 403)
    assert list(SesiKalibrasi.objects.all()) == [sesi]
    assert not UsulanPindah.objects.exists()
    sesi.refresh_from_db()
    assert sesi.status == StatusSesi.DIBUKA and sesi.ditutup_oleh is None


def test_the_admin_opens_no_session_over_another_agencys_unit(
    pemetaan: Cast, komite_bercatatan: Pegawai, pihak_lain: dict[str, User]
) -> None:
    client = _client(pemetaan, "admin")
    data = {"nama": "Sesi X", "unit": pemetaan.unit_x.pk, "anggota": [pemetaan.users["komite"].pk]}
    assert client.post(reverse("talenta_kalibrasi"), data).status_code == 404
    # Nor seats another agency's committee member in a session of INS-A.
    data = {"nama": "Sesi R", "unit": pemetaan.unit_r.pk, "anggota": [pihak_lain["komite_b"].pk]}
    assert client.post(reverse("talenta_kalibrasi"), data).status_code == 302
    assert not SesiKalibrasi.objects.exists()
