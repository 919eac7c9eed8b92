"""Authorization and behaviour of every talent page: role x own / same unit / other unit /
other agency, on the fixed cast with the placements of ``pemetaan``."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.audit.models import AuditEvent
from bakat.web.personnel.models import Pegawai
from bakat.web.talent.models import PermintaanTinjauan
from bakat.web.talent.services import ajukan_tinjauan
from tests.web.conftest import Cast


def _client(cast: Cast, username: str) -> Client:
    client = Client()
    client.force_login(cast.users[username])
    return client


@pytest.mark.parametrize(
    ("username", "dasbor", "kotak"),
    [
        ("admin", 200, 200),
        ("analis", 200, 200),
        ("pimpinan", 200, 200),
        ("komite", 200, 200),
        ("auditor", 403, 403),
        ("nasional", 403, 403),
        ("pegawai", 302, 403),
    ],
)
def test_who_may_open_the_dashboard_and_the_grid(
    pemetaan: Cast, username: str, dasbor: int, kotak: int
) -> None:
    client = _client(pemetaan, username)
    assert client.get(reverse("talenta_dasbor")).status_code == dasbor
    assert client.get(reverse("talenta_kotak")).status_code == kotak
    assert client.get(reverse("talenta_kotak_orang", args=[9])).status_code == kotak


def test_anonymous_visitors_are_sent_to_sign_in(pemetaan: Cast) -> None:
    for name, args in [("talenta_dasbor", []), ("talenta_kartu", [pemetaan.p_a.pk])]:
        response = Client().get(reverse(name, args=args))
        assert response.status_code == 302 and "/masuk/" in response["Location"]


@pytest.mark.parametrize(
    ("username", "cakupan"),
    [
        ("admin", "3 dari 3 pegawai terpetakan (100,0%)"),
        ("analis", "1 dari 1 pegawai terpetakan (100,0%)"),
        ("pimpinan", "2 dari 2 pegawai terpetakan (100,0%)"),
    ],
)
def test_the_dashboard_counts_only_the_latest_run_in_scope(
    pemetaan: Cast, username: str, cakupan: str
) -> None:
    body = _client(pemetaan, username).get(reverse("talenta_dasbor")).content.decode()
    assert cakupan in body
    assert "<svg" in body and "<script" not in body


def test_the_dashboard_filters_by_unit_subtree_and_jenjang(pemetaan: Cast) -> None:
    client = _client(pemetaan, "admin")
    url = reverse("talenta_dasbor")
    body = client.get(url, {"unit": pemetaan.unit_a.pk}).content.decode()
    assert "2 dari 2 pegawai terpetakan" in body
    body = client.get(url, {"jenjang": "AHLI_UTAMA"}).content.decode()
    assert "0 dari 0 pegawai terpetakan" in body


def test_a_unit_outside_the_scope_filters_to_nothing(pemetaan: Cast) -> None:
    body = (
        _client(pemetaan, "analis")
        .get(reverse("talenta_dasbor"), {"unit": pemetaan.unit_a.pk})
        .content.decode()
    )
    assert "0 dari 0 pegawai terpetakan" in body


def test_the_grid_keeps_the_regulation_layout(pemetaan: Cast) -> None:
    body = _client(pemetaan, "admin").get(reverse("talenta_kotak")).content.decode()
    order = [body.index(f'id="kotak-{n}"') for n in (4, 7, 9, 2, 5, 8, 1, 3, 6)]
    assert order == sorted(order)
    assert "Dipromosikan" in body


@pytest.mark.parametrize(
    ("username", "kotak", "terlihat", "tersembunyi"),
    [
        ("admin", 9, ["a"], ["x"]),
        ("admin", 8, ["b"], []),
        ("analis", 8, ["b"], []),
        ("analis", 9, [], ["a"]),
        ("pimpinan", 5, ["a1"], []),
        ("pimpinan", 8, [], ["b"]),
    ],
)
def test_a_box_lists_only_the_people_in_scope(
    pemetaan: Cast, username: str, kotak: int, terlihat: list[str], tersembunyi: list[str]
) -> None:
    body = (
        _client(pemetaan, username)
        .get(reverse("talenta_kotak_orang", args=[kotak]))
        .content.decode()
    )
    for name in terlihat:
        assert pemetaan.pegawai(name).nip in body
    for name in tersembunyi:
        assert pemetaan.pegawai(name).nip not in body


def test_a_recused_member_does_not_see_the_related_case_in_a_box(
    pemetaan: Cast, komite_terkait: Pegawai
) -> None:
    body = _client(pemetaan, "komite").get(reverse("talenta_kotak_orang", args=[9])).content
    assert pemetaan.p_a.nip not in body.decode()


def test_an_unknown_box_is_not_found(pemetaan: Cast) -> None:
    client = _client(pemetaan, "admin")
    assert client.get(reverse("talenta_kotak_orang", args=[10])).status_code == 404


KARTU = {
    # username: (people whose card opens, people whose card is "not found")
    "admin": (["a", "a1", "b"], ["x"]),
    "analis": (["b"], ["a", "a1", "x"]),
    "pimpinan": (["a", "a1"], ["b", "x"]),
    "komite": (["a1", "b"], ["a", "x"]),
    "pegawai": (["b"], ["a", "a1", "x"]),
    "auditor": ([], ["a", "a1", "b", "x"]),
    "nasional": ([], ["a", "a1", "b", "x"]),
}


@pytest.mark.parametrize("username", sorted(KARTU))
def test_a_talent_card_opens_only_in_scope_and_outside_recusal(
    pemetaan: Cast, komite_terkait: Pegawai, username: str
) -> None:
    client = _client(pemetaan, username)
    boleh, tidak = KARTU[username]
    for name in boleh:
        url = reverse("talenta_kartu", args=[pemetaan.pegawai(name).pk])
        assert client.get(url).status_code == 200, name
    for name in tidak:
        url = reverse("talenta_kartu", args=[pemetaan.pegawai(name).pk])
        assert client.get(url).status_code == 404, name


def test_a_card_that_does_not_exist_is_not_found(pemetaan: Cast) -> None:
    assert (
        _client(pemetaan, "admin").get(reverse("talenta_kartu", args=[999999])).status_code == 404
    )


def test_reading_someone_elses_card_is_audited_but_not_ones_own(pemetaan: Cast) -> None:
    _client(pemetaan, "pimpinan").get(reverse("talenta_kartu", args=[pemetaan.p_a.pk]))
    event = AuditEvent.objects.get(jenis="talenta.kartu_dibaca")
    assert event.aktor_nama == "pimpinan" and event.subjek_id == str(pemetaan.p_a.pk)
    _client(pemetaan, "pegawai").get(reverse("talenta_kartu", args=[pemetaan.p_b.pk]))
    assert AuditEvent.objects.filter(jenis="talenta.kartu_dibaca").count() == 1


@pytest.mark.parametrize(("username", "tersamar"), [("admin", False), ("pimpinan", True)])
def test_the_card_masks_identity_by_role(pemetaan: Cast, username: str, tersamar: bool) -> None:
    body = (
        _client(pemetaan, username)
        .get(reverse("talenta_kartu", args=[pemetaan.p_a.pk]))
        .content.decode()
    )
    assert (pemetaan.p_a.nik in body) is not tersamar
    assert ("3172**********01" in body) is tersamar


def test_the_card_explains_the_box_and_the_sub_scores(pemetaan: Cast) -> None:
    body = (
        _client(pemetaan, "admin")
        .get(reverse("talenta_kartu", args=[pemetaan.p_a.pk]))
        .content.decode()
    )
    assert "Kotak 9" in body and "Predikat SKP 2024: Sangat Baik; 2023: Baik." in body
    assert "Masuk kelompok talenta." in body and "Asesmen potensi" in body
    assert "Kirim permintaan tinjauan" not in body  # only on one's own card


def test_the_employee_is_sent_to_their_own_card(pemetaan: Cast) -> None:
    response = _client(pemetaan, "pegawai").get(reverse("talenta_saya"))
    assert response["Location"] == reverse("talenta_kartu", args=[pemetaan.p_b.pk])
    assert _client(pemetaan, "admin").get(reverse("talenta_saya")).status_code == 404


def test_the_employee_asks_for_a_review_of_their_own_placement(pemetaan: Cast) -> None:
    client = _client(pemetaan, "pegawai")
    url = reverse("talenta_tinjauan", args=[pemetaan.p_b.pk])
    assert client.post(url, {"alasan": "Predikat 2024 saya Sangat Baik."}).status_code == 302
    permintaan = PermintaanTinjauan.objects.get()
    assert permintaan.pegawai == pemetaan.p_b and permintaan.penempatan is not None
    assert permintaan.penempatan.kotak == 8
    assert AuditEvent.objects.filter(jenis="talenta.tinjauan_diajukan").count() == 1


def test_a_review_without_a_reason_is_refused(pemetaan: Cast) -> None:
    url = reverse("talenta_tinjauan", args=[pemetaan.p_b.pk])
    _client(pemetaan, "pegawai").post(url, {"alasan": " "})
    assert not PermintaanTinjauan.objects.exists()


@pytest.mark.parametrize(("username", "orang"), [("pegawai", "a"), ("admin", "b"), ("komite", "b")])
def test_nobody_asks_or_downloads_for_someone_else(
    pemetaan: Cast, username: str, orang: str
) -> None:
    client = _client(pemetaan, username)
    pk = pemetaan.pegawai(orang).pk
    assert (
        client.post(reverse("talenta_tinjauan", args=[pk]), {"alasan": "x" * 20}).status_code == 404
    )
    assert client.post(reverse("talenta_unduh", args=[pk])).status_code == 404
    assert not PermintaanTinjauan.objects.exists()


def test_the_employee_downloads_their_own_record_and_it_is_audited(pemetaan: Cast) -> None:
    client = _client(pemetaan, "pegawai")
    url = reverse("talenta_unduh", args=[pemetaan.p_b.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    data = json.loads(response.content)
    assert data["pegawai"]["nip"] == pemetaan.p_b.nip
    assert [p["kotak"] for p in data["penempatan"]] == [8]
    assert AuditEvent.objects.filter(jenis="talenta.rekam_diunduh").count() == 1


@pytest.mark.parametrize(
    ("username", "status"),
    [("admin", 200), ("komite", 200), ("analis", 403), ("pegawai", 403), ("auditor", 403)],
)
def test_who_sees_the_review_queue(pemetaan: Cast, username: str, status: int) -> None:
    assert _client(pemetaan, username).get(reverse("talenta_antrean")).status_code == status


def test_the_queue_hides_the_cases_a_member_is_recused_from(
    pemetaan: Cast, komite_terkait: Pegawai
) -> None:
    ajukan_tinjauan(actor=pemetaan.users["admin"], pegawai=pemetaan.p_a, alasan="Alasan uji 1.")
    ajukan_tinjauan(actor=pemetaan.users["pegawai"], pegawai=pemetaan.p_b, alasan="Alasan uji 2.")
    body = _client(pemetaan, "komite").get(reverse("talenta_antrean")).content.decode()
    assert "Alasan uji 2." in body and "Alasan uji 1." not in body
    body = _client(pemetaan, "admin").get(reverse("talenta_antrean")).content.decode()
    assert "Alasan uji 1." in body and "Alasan uji 2." in body


def test_the_pages_speak_english_on_request(pemetaan: Cast) -> None:
    client = _client(pemetaan, "admin")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("talenta_dasbor")).content.decode()
    assert "Talent dashboard" in body and "Dasbor talenta" not in body


def test_the_succession_tile_is_left_out_without_succession_results(pemetaan: Cast) -> None:
    body = _client(pemetaan, "admin").get(reverse("talenta_dasbor")).content.decode()
    assert 'id="ubin-suksesi"' not in body
    assert 'id="ubin-pensiun"' in body and 'id="ubin-kualitas"' in body


def test_retirements_count_the_next_five_years_from_the_stored_dates(pemetaan: Cast) -> None:
    from bakat.web.talent.models import Penempatan
    from bakat.web.talent.selectors import pensiun_per_tahun

    qs = Penempatan.objects.filter(run__instansi=pemetaan.ins_a, terpetakan=True)
    qs.update(tanggal_pensiun=None)
    # AHLI_MUDA retires at 58: born 1968-03-10 -> 2026-04-01.
    qs.filter(pegawai=pemetaan.p_a).update(tanggal_pensiun=date(2026, 4, 1))
    per_tahun = dict(pensiun_per_tahun(qs, date(2025, 10, 17)))
    assert per_tahun[2026] == 1 and sum(per_tahun.values()) == 1
    assert sorted(per_tahun) == [2025, 2026, 2027, 2028, 2029, 2030]


@pytest.mark.parametrize(
    ("pensiun", "tahun"),
    [
        (date(2025, 10, 1), None),  # before the as-of date
        (date(2025, 11, 1), 2025),  # the first month of the window
        (date(2026, 1, 1), 2026),
        (date(2030, 10, 1), 2030),  # the window's last day
        (date(2030, 11, 1), None),  # just after
    ],
)
def test_retirements_are_counted_in_the_window_only(
    pemetaan: Cast, pensiun: date, tahun: int | None
) -> None:
    from bakat.web.talent.models import Penempatan
    from bakat.web.talent.selectors import pensiun_per_tahun

    qs = Penempatan.objects.filter(run__instansi=pemetaan.ins_a)
    qs.update(tanggal_pensiun=pensiun)
    per_tahun = {t: n for t, n in pensiun_per_tahun(qs, date(2025, 10, 17)) if n}
    assert per_tahun == ({tahun: qs.count()} if tahun else {})


def test_the_unit_filter_lists_the_units_in_scope_with_the_chosen_one_selected(
    pemetaan: Cast,
) -> None:
    body = (
        _client(pemetaan, "pimpinan")
        .get(reverse("talenta_kotak"), {"unit": pemetaan.unit_a1.pk})
        .content.decode()
    )
    assert f'<option value="{pemetaan.unit_a1.pk}" selected>' in body
    assert f'<option value="{pemetaan.unit_a.pk}">' in body
    # The unit head's scope is unit A's subtree: unit B is not offered.
    assert f'<option value="{pemetaan.unit_b.pk}"' not in body


def test_the_succession_tile_counts_posts_without_a_ready_successor(pemetaan: Cast) -> None:
    from tests.web.succession.conftest import _run as run_suksesi
    from tests.web.succession.conftest import _target

    run = run_suksesi(pemetaan.ins_a)
    for unit, siap, berisiko in [
        (pemetaan.unit_a, 0, True),
        (pemetaan.unit_a1, 0, False),
        (pemetaan.unit_b, 2, False),
    ]:
        target = _target(run, unit, f"J-{unit.kode}", berisiko=berisiko)
        target.kekuatan = {"jumlah_siap_sekarang": siap, "tanpa_suksesor_siap": siap == 0}
        target.save()
    body = _client(pemetaan, "admin").get(reverse("talenta_dasbor")).content.decode()
    assert '<p class="besar" id="tanpa-suksesor-siap">2 / 3</p>' in body
    assert 'id="jabatan-berisiko">1</p>' in body
    # The unit filter: unit B's subtree has one post, with a ready successor.
    url = reverse("talenta_dasbor") + f"?unit={pemetaan.unit_b.pk}"
    body = _client(pemetaan, "admin").get(url).content.decode()
    assert 'id="tanpa-suksesor-siap">0 / 1</p>' in body


_ROLES = ["admin", "analis", "analis2", "pimpinan", "pegawai", "komite", "auditor", "nasional"]


@pytest.mark.parametrize("orang", ["a", "a1", "b", "x"])
@pytest.mark.parametrize("username", _ROLES)
def test_review_request_and_download_only_on_ones_own_record_matrix(
    pemetaan: Cast, username: str, orang: str
) -> None:
    """Own record (p_b, the employee's) vs someone else's in the same unit, another unit
    and another agency: only the owner asks or downloads; everyone else gets 404 and
    nothing is written."""
    sendiri = username == "pegawai" and orang == "b"
    client = _client(pemetaan, username)
    pk = pemetaan.pegawai(orang).pk
    response = client.post(
        reverse("talenta_tinjauan", args=[pk]), {"alasan": "Predikat 2024 saya Sangat Baik."}
    )
    assert response.status_code == (302 if sendiri else 404)
    assert PermintaanTinjauan.objects.exists() is sendiri
    if sendiri:
        assert response["Location"] == reverse("talenta_kartu", args=[pk])
        assert PermintaanTinjauan.objects.get().pegawai == pemetaan.p_b
    response = client.post(reverse("talenta_unduh", args=[pk]))
    assert response.status_code == (200 if sendiri else 404)
    if sendiri:
        assert json.loads(response.content)["pegawai"]["nip"] == pemetaan.p_b.nip
    assert AuditEvent.objects.filter(jenis="talenta.rekam_diunduh").count() == int(sendiri)
    assert AuditEvent.objects.filter(jenis="talenta.tinjauan_diajukan").count() == int(sendiri)


@pytest.mark.parametrize("orang", ["a", "b"])
def test_a_committee_member_asks_and_downloads_only_for_their_own_record(
    pemetaan: Cast, komite_bercatatan: Pegawai, orang: str
) -> None:
    """A committee member with an employee record is an employee for their own card, and
    only for it (their committee role gives no one else's download)."""
    client = _client(pemetaan, "komite")
    pk = pemetaan.pegawai(orang).pk
    data = {"alasan": "Predikat 2024 saya Sangat Baik."}
    assert client.post(reverse("talenta_tinjauan", args=[pk]), data).status_code == 404
    assert client.post(reverse("talenta_unduh", args=[pk])).status_code == 404
    assert not PermintaanTinjauan.objects.exists()
    own = komite_bercatatan.pk
    assert client.post(reverse("talenta_tinjauan", args=[own]), data).status_code == 302
    assert client.post(reverse("talenta_unduh", args=[own])).status_code == 200
    assert [p.pegawai for p in PermintaanTinjauan.objects.all()] == [komite_bercatatan]


@pytest.mark.parametrize("username", _ROLES)
def test_own_talent_card_redirect_matrix(pemetaan: Cast, username: str) -> None:
    response = _client(pemetaan, username).get(reverse("talenta_saya"))
    if username == "pegawai":
        assert response.status_code == 302
        assert response["Location"] == reverse("talenta_kartu", args=[pemetaan.p_b.pk])
    else:  # no employee record of their own
        assert response.status_code == 404


def test_own_talent_card_of_a_committee_member_with_a_record(
    pemetaan: Cast, komite_bercatatan: Pegawai
) -> None:
    response = _client(pemetaan, "komite").get(reverse("talenta_saya"))
    assert response["Location"] == reverse("talenta_kartu", args=[komite_bercatatan.pk])
