"""The authorization matrix: role x page x whose record (own agency's units A, A1, B,
and another agency's X). Outside the scope a record is 404, exactly like a missing one."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.conftest import Cast

# Who may open the detail page of the employee in unit a / a1 / b, and of agency X.
DETAIL = {
    "admin": {"a": 200, "a1": 200, "b": 200, "x": 404},
    "analis": {"a": 404, "a1": 404, "b": 200, "x": 404},
    "pimpinan": {"a": 200, "a1": 200, "b": 404, "x": 404},
    "pegawai": {"a": 404, "a1": 404, "b": 200, "x": 404},
    "komite": {"a": 200, "a1": 200, "b": 200, "x": 404},
    "auditor": {"a": 200, "a1": 200, "b": 200, "x": 404},
    "nasional": {"a": 404, "a1": 404, "b": 404, "x": 404},
}
# Pages without a record: worklist, audit trail, correction list, employee list.
PAGES = {
    "admin": {"worklist": 200, "audit": 200, "koreksi_daftar": 200, "pegawai_daftar": 200},
    "analis": {"worklist": 200, "audit": 403, "koreksi_daftar": 200, "pegawai_daftar": 200},
    "pimpinan": {"worklist": 200, "audit": 403, "koreksi_daftar": 200, "pegawai_daftar": 200},
    "pegawai": {"worklist": 403, "audit": 403, "koreksi_daftar": 200, "pegawai_daftar": 200},
    "komite": {"worklist": 403, "audit": 403, "koreksi_daftar": 200, "pegawai_daftar": 200},
    "auditor": {"worklist": 200, "audit": 200, "koreksi_daftar": 200, "pegawai_daftar": 200},
    "nasional": {"worklist": 403, "audit": 403, "koreksi_daftar": 200, "pegawai_daftar": 403},
}
# Who may open the correction form for the employee of unit a / b / x.
KOREKSI = {
    "admin": {"a": 200, "b": 200, "x": 404},
    "analis": {"a": 404, "b": 200, "x": 404},
    "pimpinan": {"a": 403, "b": 404, "x": 404},
    "pegawai": {"a": 404, "b": 200, "x": 404},
    "komite": {"a": 403, "b": 403, "x": 404},
    "auditor": {"a": 403, "b": 403, "x": 404},
    "nasional": {"a": 404, "b": 404, "x": 404},
}


def _client(cast: Cast, role: str) -> Client:
    client = Client()
    client.force_login(cast.users[role])
    return client


@pytest.mark.parametrize(
    ("role", "whose", "status"),
    [(role, whose, status) for role, row in DETAIL.items() for whose, status in row.items()],
)
def test_employee_detail_is_visible_only_within_the_scope(
    cast: Cast, role: str, whose: str, status: int
) -> None:
    url = reverse("pegawai_detail", args=[cast.pegawai(whose).pk])
    assert _client(cast, role).get(url).status_code == status


@pytest.mark.parametrize(
    ("role", "page", "status"),
    [(role, page, status) for role, row in PAGES.items() for page, status in row.items()],
)
def test_pages_answer_by_role(cast: Cast, role: str, page: str, status: int) -> None:
    assert _client(cast, role).get(reverse(page)).status_code == status


@pytest.mark.parametrize(
    ("role", "whose", "status"),
    [(role, whose, status) for role, row in KOREKSI.items() for whose, status in row.items()],
)
def test_correction_form_is_open_to_analysts_in_scope_and_to_the_employee(
    cast: Cast, role: str, whose: str, status: int
) -> None:
    url = reverse("koreksi_baru", args=[cast.pegawai(whose).pk])
    assert _client(cast, role).get(url).status_code == status


@pytest.mark.parametrize("page", ["beranda", "pegawai_daftar", "worklist", "audit"])
def test_anonymous_visitors_are_sent_to_the_login_page(cast: Cast, page: str) -> None:
    response = Client().get(reverse(page))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "masked"),
    [("admin", False), ("pegawai", False), ("analis", False), ("komite", True), ("auditor", True)],
)
def test_nik_and_birth_date_are_masked_for_roles_without_identity_access(
    cast: Cast, role: str, masked: bool
) -> None:
    body = _client(cast, role).get(reverse("pegawai_detail", args=[cast.p_b.pk])).content.decode()
    assert ("3172184811880003" in body) is not masked
    assert ("1988-11-08" in body) is not masked
    if masked:
        assert "3172**********03" in body


def test_employee_list_shows_only_records_in_scope(cast: Cast) -> None:
    body = _client(cast, "pimpinan").get(reverse("pegawai_daftar")).content.decode()
    assert cast.p_a.nip in body and cast.p_a1.nip in body
    assert cast.p_b.nip not in body and cast.p_x.nip not in body


def test_national_monitor_sees_counts_per_agency_but_no_names(cast: Cast) -> None:
    body = _client(cast, "nasional").get(reverse("beranda")).content.decode()
    assert "Instansi A" in body and "Instansi B" in body
    assert cast.p_a.nama not in body


@pytest.mark.parametrize(
    ("peran", "scope"),
    [
        ("analis_sdm", {"instansi": "a"}),  # a unit role without its unit
        ("pegawai", {"instansi": "a"}),  # an employee role without the record
        ("admin_sdm", {}),  # an agency role without the agency
        ("nasional", {"instansi": "a"}),  # the national role tied to one agency
    ],
)
def test_a_role_without_its_scope_is_refused_by_the_database(
    cast: Cast, peran: str, scope: dict[str, str]
) -> None:
    from django.db import IntegrityError, transaction

    from bakat.web.accounts.models import Penugasan

    kwargs = {"instansi": cast.ins_a} if scope else {}
    with pytest.raises(IntegrityError), transaction.atomic():
        Penugasan.objects.create(user=cast.users["admin"], peran=peran, **kwargs)


# The talent committee's review requests: the queue, then one request of the employee of
# unit a / b / agency X, opened (GET) and answered (POST). Roles without the queue get
# 403 before any lookup; a request outside the agency is 404, like a missing one.
TINJAUAN = {
    "admin": {"antrean": 200, "a": 200, "b": 200, "x": 404},
    "komite": {"antrean": 200, "a": 200, "b": 200, "x": 404},
    "analis": {"antrean": 403, "a": 403, "b": 403, "x": 403},
    "pimpinan": {"antrean": 403, "a": 403, "b": 403, "x": 403},
    "pegawai": {"antrean": 403, "a": 403, "b": 403, "x": 403},
    "auditor": {"antrean": 403, "a": 403, "b": 403, "x": 403},
    "nasional": {"antrean": 403, "a": 403, "b": 403, "x": 403},
}


@pytest.mark.parametrize(
    ("role", "whose", "status"),
    [(role, whose, status) for role, row in TINJAUAN.items() for whose, status in row.items()],
)
def test_review_requests_are_opened_and_answered_only_by_the_agencys_committee(
    cast: Cast, role: str, whose: str, status: int
) -> None:
    from bakat.web.talent.models import PermintaanTinjauan
    from bakat.web.talent.services import ajukan_tinjauan

    client = _client(cast, role)
    if whose == "antrean":
        assert client.get(reverse("talenta_antrean")).status_code == status
        return
    pegawai = cast.pegawai(whose)
    permintaan = ajukan_tinjauan(
        actor=cast.users["admin"], pegawai=pegawai, alasan="Permintaan tinjauan uji."
    )
    url = reverse("talenta_tinjauan_detail", args=[permintaan.pk])
    assert client.get(url).status_code == status
    jawaban = {"keputusan": "tetap", "tanggapan": "Penempatan sudah sesuai data."}
    assert client.post(url, jawaban).status_code == (302 if status == 200 else status)
    dijawab = PermintaanTinjauan.objects.get(pk=permintaan.pk).status == "ditanggapi"
    assert dijawab is (status == 200)


# The upload page (GET), its confirmation (POST, here of an unknown token: sent back to
# the form) and the page of a load of agency A: the HR admin only, 403 for the others.
UNGGAH = {
    "admin": {"unggah": 200, "konfirmasi": 302, "hasil": 200},
    "analis": {"unggah": 403, "konfirmasi": 403, "hasil": 403},
    "pimpinan": {"unggah": 403, "konfirmasi": 403, "hasil": 403},
    "pegawai": {"unggah": 403, "konfirmasi": 403, "hasil": 403},
    "komite": {"unggah": 403, "konfirmasi": 403, "hasil": 403},
    "auditor": {"unggah": 403, "konfirmasi": 403, "hasil": 403},
    "nasional": {"unggah": 403, "konfirmasi": 403, "hasil": 403},
}


@pytest.mark.parametrize(
    ("role", "page", "status"),
    [(role, page, status) for role, row in UNGGAH.items() for page, status in row.items()],
)
def test_only_the_hr_admin_may_load_data(cast: Cast, role: str, page: str, status: int) -> None:
    from datetime import date

    from django.utils import timezone

    from bakat.web.personnel.models import Muatan

    client = _client(cast, role)
    if page == "unggah":
        response = client.get(reverse("pegawai_unggah"))
    elif page == "konfirmasi":
        response = client.post(reverse("pegawai_unggah_konfirmasi"), {"token": "0" * 32})
    else:
        muatan = Muatan.objects.create(
            instansi=cast.ins_a, dimuat_pada=timezone.now(), as_of=date(2025, 10, 17)
        )
        response = client.get(reverse("pegawai_unggah_hasil", args=[muatan.pk]))
    assert response.status_code == status
