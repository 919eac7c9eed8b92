"""What the latest succession run holds about a person, on their talent card and in
their own record's download: IDP, rotation and retention reasons, nominations."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.talent.selectors import rencana_pegawai
from tests.web.conftest import Cast
from tests.web.succession import conftest as suksesi
from tests.web.succession.conftest import Hasil

pytestmark = pytest.mark.django_db
#: The stored succession runs of the succession tests (a fixture).
hasil = suksesi.hasil


def _client(cast: Cast, username: str) -> Client:
    client = Client()
    client.force_login(cast.users[username])
    return client


def test_a_persons_plan_and_nominations_from_the_latest_run(cast: Cast, hasil: Hasil) -> None:
    rencana = rencana_pegawai(cast.p_a1)
    assert [r["nama_kegiatan"] for r in rencana.idp] == [f"Coaching {cast.p_a1.nip[-3:]}"]
    assert [r["alasan"] for r in rencana.rotasi] == ["masa_jabatan"]
    assert [r["alasan"] for r in rencana.retensi] == ["tanpa_promosi"]
    assert [(n["jabatan_id"], n["peringkat"]) for n in rencana.nominasi] == [("J-A", 2)]
    # Another agency's run says nothing about this person; nobody else's name appears.
    assert all("nip" not in n for n in rencana.nominasi)
    assert rencana_pegawai(cast.p_x).nominasi[0]["jabatan_id"] == "J-X"


def test_no_succession_run_means_an_empty_plan(cast: Cast) -> None:
    rencana = rencana_pegawai(cast.p_a)
    assert (rencana.idp, rencana.rotasi, rencana.retensi, rencana.nominasi) == ([], [], [], [])


def test_the_card_shows_the_idp_and_the_nominations(cast: Cast, hasil: Hasil) -> None:
    body = _client(cast, "admin").get(reverse("talenta_kartu", args=[cast.p_b.pk])).content
    text = body.decode()
    idp = text.split('id="idp"')[1].split("</table>")[0]
    assert f"Coaching {cast.p_b.nip[-3:]}" in idp and ">10,0<" in idp
    nominasi = text.split('id="nominasi"')[1].split("</ul>")[0]
    assert "Kepala R.B" in nominasi and "peringkat 1" in nominasi
    assert "Kepala R.A" not in nominasi  # p_b is excluded from J-A, not nominated
    assert f"retensi {cast.p_b.nip[-3:]}" in text


def test_the_employees_download_holds_their_plan_and_nominations(cast: Cast, hasil: Hasil) -> None:
    response = _client(cast, "pegawai").post(reverse("talenta_unduh", args=[cast.p_b.pk]))
    data = json.loads(response.content)
    assert [r["prioritas"] for r in data["rencana_pengembangan"]] == [1]
    assert [r["alasan"] for r in data["kandidat_rotasi"]] == ["masa_jabatan"]
    assert [r["alasan"] for r in data["daftar_pantau_retensi"]] == ["tanpa_promosi"]
    assert [n["jabatan_id"] for n in data["nominasi_suksesi"]] == ["J-B"]
    assert data["usulan_kalibrasi"] == []
