"""The committee's pages of review requests: who may open and answer one (role x own
agency / other agency x recusal), the queue's filter, and the answer on the employee's
card."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.accounts.models import Peran
from bakat.web.audit.models import AuditEvent
from bakat.web.personnel.models import Pegawai
from bakat.web.talent.kalibrasi import buka_sesi
from bakat.web.talent.models import PermintaanTinjauan, StatusTinjauan
from bakat.web.talent.services import ajukan_tinjauan, tanggapi_tinjauan
from tests.web.conftest import Cast, _user

ALASAN = "Data SKP 2024 sudah diperiksa; penempatan sesuai."
JAWABAN = {"keputusan": "tetap", "tanggapan": ALASAN}


def _client(cast: Cast, username: str) -> Client:
    if username == "komite_b":
        user = _user("komite_b", Peran.KOMITE, instansi=cast.ins_b)
    else:
        user = cast.users[username]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def permintaan_b(pemetaan: Cast) -> PermintaanTinjauan:
    return ajukan_tinjauan(
        actor=pemetaan.users["pegawai"], pegawai=pemetaan.p_b, alasan="Predikat 2024 saya keliru."
    )


@pytest.fixture
def permintaan_a(pemetaan: Cast, komite_terkait: Pegawai) -> PermintaanTinjauan:
    """A request on the case of p_a, the spouse of the committee member (recused)."""
    return ajukan_tinjauan(
        actor=pemetaan.users["admin"], pegawai=pemetaan.p_a, alasan="Permintaan atas nama p_a."
    )


# The authorization matrix of the request page: GET (open it) and POST (answer it), for
# a request of INS-A, by role; ``komite_b`` is the talent committee of INS-B.
MATRIKS = {
    "admin": (200, 302),
    "komite": (200, 302),
    "komite_b": (404, 404),
    "analis": (403, 403),
    "analis2": (403, 403),
    "pimpinan": (403, 403),
    "pegawai": (403, 403),
    "auditor": (403, 403),
    "nasional": (403, 403),
}


@pytest.mark.parametrize("username", sorted(MATRIKS))
def test_only_the_agencys_committee_and_admin_open_and_answer_a_request(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, username: str
) -> None:
    baca, jawab = MATRIKS[username]
    client = _client(pemetaan, username)
    url = reverse("talenta_tinjauan_detail", args=[permintaan_b.pk])
    assert client.get(url).status_code == baca
    assert client.post(url, JAWABAN).status_code == jawab
    dijawab = PermintaanTinjauan.objects.get(pk=permintaan_b.pk).status == "ditanggapi"
    assert dijawab is (jawab == 302)
    assert AuditEvent.objects.filter(jenis="talenta.tinjauan_ditanggapi").count() == int(dijawab)


def test_anonymous_visitors_are_sent_to_sign_in(permintaan_b: PermintaanTinjauan) -> None:
    url = reverse("talenta_tinjauan_detail", args=[permintaan_b.pk])
    for response in (Client().get(url), Client().post(url, JAWABAN)):
        assert response.status_code == 302 and "/masuk/" in response["Location"]
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).status == "diajukan"


def test_a_request_that_does_not_exist_is_not_found(pemetaan: Cast) -> None:
    url = reverse("talenta_tinjauan_detail", args=[999999])
    assert _client(pemetaan, "komite").get(url).status_code == 404


def test_a_recused_member_neither_sees_nor_answers_the_case(
    pemetaan: Cast, permintaan_a: PermintaanTinjauan
) -> None:
    client = _client(pemetaan, "komite")
    url = reverse("talenta_tinjauan_detail", args=[permintaan_a.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, JAWABAN).status_code == 404
    assert PermintaanTinjauan.objects.get(pk=permintaan_a.pk).status == "diajukan"
    assert not AuditEvent.objects.filter(jenis="talenta.tinjauan_ditanggapi").exists()
    for status in ("terbuka", "semua"):
        body = client.get(reverse("talenta_antrean"), {"status": status}).content.decode()
        assert "Permintaan atas nama p_a." not in body
    body = _client(pemetaan, "admin").get(url).content.decode()
    assert "Permintaan atas nama p_a." in body  # the admin is not related


def test_the_request_page_shows_the_placement_the_reason_and_the_card(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan
) -> None:
    url = reverse("talenta_tinjauan_detail", args=[permintaan_b.pk])
    body = _client(pemetaan, "komite").get(url).content.decode()
    assert "Kotak 8" in body and "Predikat 2024 saya keliru." in body
    assert reverse("talenta_kartu", args=[pemetaan.p_b.pk]) in body
    assert 'name="tanggapan"' in body and 'value="dibawa_ke_kalibrasi"' in body
    event = AuditEvent.objects.get(jenis="talenta.tinjauan_dibaca")
    assert event.aktor_nama == "komite" and event.subjek_id == str(pemetaan.p_b.pk)


def test_the_committee_answers_and_returns_to_the_queue_with_a_message(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan
) -> None:
    client = _client(pemetaan, "komite")
    url = reverse("talenta_tinjauan_detail", args=[permintaan_b.pk])
    response = client.post(url, JAWABAN, follow=True)
    assert response.redirect_chain == [(reverse("talenta_antrean"), 302)]
    assert "Tanggapan komite tercatat." in response.content.decode()
    stored = PermintaanTinjauan.objects.get(pk=permintaan_b.pk)
    assert stored.status == StatusTinjauan.DITANGGAPI and stored.tanggapan == ALASAN
    event = AuditEvent.objects.get(jenis="talenta.tinjauan_ditanggapi")
    assert event.aktor_nama == "komite" and event.alasan == ALASAN
    body = client.get(url).content.decode()
    assert 'name="tanggapan"' not in body and ALASAN in body and "Penempatan tetap" in body


@pytest.mark.parametrize("tanggapan", ["", "  ", "pendek"])
def test_an_answer_without_a_written_reason_is_refused_and_the_form_kept(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, tanggapan: str
) -> None:
    url = reverse("talenta_tinjauan_detail", args=[permintaan_b.pk])
    response = _client(pemetaan, "komite").post(url, {"keputusan": "tetap", "tanggapan": tanggapan})
    assert response.status_code == 200
    assert "tanggapan tertulis wajib diisi" in response.content.decode()
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).status == "diajukan"


def test_a_second_answer_is_refused(pemetaan: Cast, permintaan_b: PermintaanTinjauan) -> None:
    url = reverse("talenta_tinjauan_detail", args=[permintaan_b.pk])
    _client(pemetaan, "komite").post(url, JAWABAN)
    response = _client(pemetaan, "admin").post(
        url, {"keputusan": "dikoreksi_data", "tanggapan": "Jawaban kedua yang lain."}, follow=True
    )
    assert "sudah ditanggapi" in response.content.decode()
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).keputusan == "tetap"
    assert AuditEvent.objects.filter(jenis="talenta.tinjauan_ditanggapi").count() == 1


def test_the_form_offers_only_open_sessions_covering_the_person(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan, komite_bercatatan: Pegawai
) -> None:
    admin, komite = pemetaan.users["admin"], [pemetaan.users["komite"]]
    meliputi = buka_sesi(actor=admin, unit=pemetaan.unit_r, nama="Sesi R", anggota=komite)
    lain = buka_sesi(actor=admin, unit=pemetaan.unit_a, nama="Sesi A", anggota=komite)
    client = _client(pemetaan, "komite")
    url = reverse("talenta_tinjauan_detail", args=[permintaan_b.pk])
    body = client.get(url).content.decode()
    assert "Sesi R" in body and "Sesi A" not in body
    data = {"keputusan": "dibawa_ke_kalibrasi", "tanggapan": ALASAN, "sesi": str(lain.pk)}
    assert client.post(url, data).status_code == 200  # refused: not covering the person
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).sesi is None
    data["sesi"] = str(meliputi.pk)
    assert client.post(url, data).status_code == 302
    assert PermintaanTinjauan.objects.get(pk=permintaan_b.pk).sesi == meliputi


def test_the_queue_shows_open_requests_by_default_and_answered_on_request(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan
) -> None:
    terbuka = ajukan_tinjauan(
        actor=pemetaan.users["admin"], pegawai=pemetaan.p_a1, alasan="Masih menunggu jawaban."
    )
    tanggapi_tinjauan(
        actor=pemetaan.users["admin"], permintaan=permintaan_b, keputusan="tetap", tanggapan=ALASAN
    )
    client = _client(pemetaan, "komite")
    url = reverse("talenta_antrean")
    cases = {
        "": (["Masih menunggu jawaban."], ["Predikat 2024 saya keliru."]),
        "terbuka": (["Masih menunggu jawaban."], ["Predikat 2024 saya keliru."]),
        "ditanggapi": (["Predikat 2024 saya keliru."], ["Masih menunggu jawaban."]),
        "semua": (["Masih menunggu jawaban.", "Predikat 2024 saya keliru."], []),
        "tidak-dikenal": (["Masih menunggu jawaban."], ["Predikat 2024 saya keliru."]),
    }
    for status, (ada, tiada) in cases.items():
        body = client.get(url, {"status": status} if status else {}).content.decode()
        for teks in ada:
            assert teks in body, status
        for teks in tiada:
            assert teks not in body, status
    body = client.get(url).content.decode()
    assert reverse("talenta_tinjauan_detail", args=[terbuka.pk]) in body


def test_the_employee_sees_the_status_and_the_answer_on_their_card(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan
) -> None:
    client = _client(pemetaan, "pegawai")
    kartu = reverse("talenta_kartu", args=[pemetaan.p_b.pk])
    body = client.get(kartu).content.decode()
    assert "Menunggu tanggapan komite talenta." in body and "Diajukan" in body
    tanggapi_tinjauan(
        actor=pemetaan.users["komite"],
        permintaan=permintaan_b,
        keputusan="dikoreksi_data",
        tanggapan="Predikat 2024 keliru; koreksi data diajukan.",
    )
    body = client.get(kartu).content.decode()
    assert "Ditanggapi" in body and "Koreksi data diajukan" in body
    assert "Predikat 2024 keliru; koreksi data diajukan." in body
    assert "Menunggu tanggapan komite talenta." not in body
    # Others reading the card do not get the employee's requests there.
    body = _client(pemetaan, "admin").get(kartu).content.decode()
    assert "Predikat 2024 keliru; koreksi data diajukan." not in body


def test_the_employees_own_download_carries_the_committees_answer(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan
) -> None:
    tanggapi_tinjauan(
        actor=pemetaan.users["komite"],
        permintaan=permintaan_b,
        keputusan="tetap",
        tanggapan="Penempatan sesuai data SKP dan asesmen.",
    )
    client = _client(pemetaan, "pegawai")
    response = client.post(reverse("talenta_unduh", args=[pemetaan.p_b.pk]))
    [tinjauan] = json.loads(response.content)["permintaan_tinjauan"]
    assert tinjauan["status"] == "ditanggapi" and tinjauan["keputusan"] == "tetap"
    assert tinjauan["tanggapan"] == "Penempatan sesuai data SKP dan asesmen."
    assert tinjauan["ditanggapi_pada"]


def test_the_answer_pages_speak_english_on_request(
    pemetaan: Cast, permintaan_b: PermintaanTinjauan
) -> None:
    client = _client(pemetaan, "komite")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("talenta_tinjauan_detail", args=[permintaan_b.pk])).content.decode()
    assert "Committee answer" in body and "Tanggapan komite" not in body
