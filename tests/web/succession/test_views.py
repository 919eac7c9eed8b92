"""Succession pages: who sees which post, its candidates and exclusions, and who may
endorse (role x own / same unit / other unit / other agency)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.accounts.models import Peran
from bakat.web.audit.models import AuditEvent
from bakat.web.personnel.models import Pegawai
from bakat.web.personnel.services import load_data
from bakat.web.succession.models import KeputusanSlate, SuccessionRun
from tests.web.conftest import Cast, _user
from tests.web.succession.conftest import Hasil


def _client(cast: Cast, role: str) -> Client:
    client = Client()
    client.force_login(cast.users[role])
    return client


# Which posts each role finds in the list: J-A lies in unit A, J-B in unit B (INS-A);
# J-X in INS-B, seen by nobody of the cast.
@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("admin", {"J-A", "J-B"}),
        ("komite", {"J-A", "J-B"}),
        ("auditor", {"J-A", "J-B"}),
        ("pimpinan", {"J-A"}),  # unit head of A: own subtree only
        ("analis", {"J-B"}),  # analyst of B
    ],
)
def test_the_list_shows_the_posts_in_scope(
    cast: Cast, hasil: Hasil, role: str, sees: set[str]
) -> None:
    body = _client(cast, role).get(reverse("suksesi_daftar")).content.decode()
    shown = {j for j in ("J-A", "J-B", "J-X") if f">{j}</a>" in body}
    assert shown == sees


def test_the_national_monitor_sees_no_succession_page(cast: Cast, hasil: Hasil) -> None:
    assert _client(cast, "nasional").get(reverse("suksesi_daftar")).status_code == 403


def test_an_employee_is_sent_to_their_own_nominations(cast: Cast, hasil: Hasil) -> None:
    client = _client(cast, "pegawai")
    response = client.get(reverse("suksesi_daftar"))
    assert response.status_code == 302 and response["Location"] == reverse("suksesi_saya")
    body = client.get(reverse("suksesi_saya")).content.decode()
    # p_b is named for J-B only (excluded from J-A: not shown as a nomination)
    assert "J-B" in body and "J-A" not in body
    assert cast.p_a.nip not in body and cast.p_a1.nip not in body


@pytest.mark.parametrize(
    ("role", "target", "status"),
    [
        ("admin", "j_a", 200),
        ("komite", "j_a", 200),
        ("auditor", "j_b", 200),
        ("pimpinan", "j_a", 200),  # same unit
        ("pimpinan", "j_b", 404),  # other unit
        ("analis", "j_b", 200),
        ("analis", "j_a", 404),
        ("pegawai", "j_b", 404),  # employees see no list, even where they are named
        ("nasional", "j_a", 404),
        ("admin", "j_x", 404),  # other agency
        ("komite", "j_x", 404),
    ],
)
def test_the_detail_page_answers_404_outside_the_scope(
    cast: Cast, hasil: Hasil, role: str, target: str, status: int
) -> None:
    pk = getattr(hasil, target).pk
    assert _client(cast, role).get(reverse("suksesi_detail", args=[pk])).status_code == status


def test_the_detail_shows_ranked_candidates_sub_scores_and_exclusions(
    cast: Cast, hasil: Hasil
) -> None:
    body = _client(cast, "admin").get(reverse("suksesi_detail", args=[hasil.j_a.pk])).content
    text = body.decode()
    assert text.index(cast.p_a.nip) < text.index(cast.p_a1.nip)
    assert "80,50" in text and "70,25" in text and "siap_sekarang" in text
    assert "hukdis_aktif" in text and cast.p_b.nip in text
    assert 'id="slate"' in text and 'name="urutan_' not in text  # admin does not endorse


def test_the_committee_endorses_through_the_page(cast: Cast, hasil: Hasil) -> None:
    client = _client(cast, "komite")
    url = reverse("suksesi_detail", args=[hasil.j_a.pk])
    form = {f"urutan_{cast.p_a.nip}": "2", f"urutan_{cast.p_a1.nip}": "1", "alasan": ""}
    body = client.post(url, form).content.decode()
    assert 'id="galat"' in body and not KeputusanSlate.objects.exists()
    response = client.post(url, {**form, "alasan": "pengalaman lapangan"})
    assert response.status_code == 302
    k = KeputusanSlate.objects.get()
    assert k.urutan == [cast.p_a1.nip, cast.p_a.nip] and k.menyimpang
    assert AuditEvent.objects.filter(jenis="suksesi.slate_ditetapkan").count() == 1
    assert "pengalaman lapangan" in client.get(url).content.decode()


@pytest.mark.parametrize("role", ["admin", "auditor", "pimpinan", "analis"])
def test_no_one_else_may_post_a_slate(cast: Cast, hasil: Hasil, role: str) -> None:
    target = hasil.j_a if role != "analis" else hasil.j_b
    nip = cast.p_a.nip if role != "analis" else cast.p_b.nip
    response = _client(cast, role).post(
        reverse("suksesi_detail", args=[target.pk]), {f"urutan_{nip}": "1"}
    )
    assert response.status_code == 403
    assert not KeputusanSlate.objects.exists()


def test_a_recused_member_sees_neither_the_case_nor_the_form(
    cast: Cast, hasil: Hasil, komite_terkait: Pegawai
) -> None:
    client = _client(cast, "komite")
    url = reverse("suksesi_detail", args=[hasil.j_a.pk])
    body = client.get(url).content.decode()
    assert 'id="terkait"' in body and cast.p_a1.nip not in body and 'name="urutan_' not in body
    assert client.post(url, {f"urutan_{cast.p_a.nip}": "1"}).status_code == 403


def test_the_list_filters_by_unit_grade_and_risk(cast: Cast, hasil: Hasil) -> None:
    client = _client(cast, "admin")
    url = reverse("suksesi_daftar")
    assert ">J-B</a>" not in client.get(url, {"berisiko": "1"}).content.decode()
    body = client.get(url, {"unit": cast.unit_b.pk}).content.decode()
    assert ">J-B</a>" in body and ">J-A</a>" not in body
    assert ">J-A</a>" not in client.get(url, {"jenjang": "JPT_MADYA"}).content.decode()
    # a unit outside the scope filters to nothing rather than widening the scope
    assert ">J-A</a>" not in client.get(url, {"unit": cast.unit_x.pk}).content.decode()


@pytest.mark.parametrize("role", ["komite", "auditor", "analis", "pimpinan", "pegawai"])
def test_only_the_hr_admin_may_recompute(cast: Cast, hasil: Hasil, role: str) -> None:
    assert _client(cast, role).post(reverse("suksesi_hitung")).status_code == 403


def test_recomputing_without_a_load_says_so(cast: Cast, hasil: Hasil) -> None:
    response = _client(cast, "admin").post(reverse("suksesi_hitung"), follow=True)
    assert "belum pernah dimuat" in response.content.decode()


def test_the_pages_speak_english_on_request(cast: Cast, hasil: Hasil) -> None:
    client = _client(cast, "komite")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("suksesi_detail", args=[hasil.j_a.pk])).content.decode()
    assert "Endorse slate" in body and "Tetapkan slate" not in body
    assert "Succession target positions" in client.get(reverse("suksesi_daftar")).content.decode()


def test_the_admin_recomputes_from_the_last_load(cast: Cast, small_agency: Path) -> None:
    load_data(actor=None, folder=small_agency, as_of=date(2025, 10, 17), instansi_kode="INS-A")
    client = _client(cast, "admin")
    response = client.post(reverse("suksesi_hitung"), follow=True)
    run = SuccessionRun.objects.get(instansi=cast.ins_a)
    assert run.as_of == date(2025, 10, 17) and run.dijalankan_oleh == cast.users["admin"]
    assert run.target.exists()
    body = response.content.decode()
    assert "Suksesi dihitung ulang." in body and "nasional-2025 2025.1" in body
    assert (
        f">{run.target.order_by('-berisiko', 'tanggal_lowong', 'jabatan_id')[0].jabatan_id}<"
        in body
    )


_POSTS = ("J-A", "J-B", "J-X")


@pytest.mark.parametrize(
    ("role", "status", "posts"),
    [
        ("pegawai", 200, {"J-B"}),  # own nomination only (p_b is excluded from J-A)
        ("admin", 403, set()),
        ("analis", 403, set()),
        ("analis2", 403, set()),
        ("pimpinan", 403, set()),
        ("komite", 403, set()),  # no employee record of their own in the cast
        ("auditor", 403, set()),
        ("nasional", 403, set()),
    ],
)
def test_own_nominations_page_matrix(
    cast: Cast, hasil: Hasil, role: str, status: int, posts: set[str]
) -> None:
    response = _client(cast, role).get(reverse("suksesi_saya"))
    assert response.status_code == status
    body = response.content.decode()
    assert {j for j in _POSTS if j in body} == posts
    for other in (cast.p_a, cast.p_a1, cast.p_x):
        assert other.nip not in body


def test_own_nominations_of_a_committee_member_list_their_own_places_only(
    cast: Cast, hasil: Hasil, komite_terkait: Pegawai
) -> None:
    """A member with an employee record sees their own (here: no) nominations, never the
    posts their committee role reads elsewhere."""
    body = _client(cast, "komite").get(reverse("suksesi_saya")).content.decode()
    assert 'id="tabel-pencalonan"' in body
    assert {j for j in _POSTS if j in body} == set()


def test_own_nominations_of_another_agencys_employee(cast: Cast, hasil: Hasil) -> None:
    client = Client()
    client.force_login(_user("pegawai_x", Peran.PEGAWAI, instansi=cast.ins_b, pegawai=cast.p_x))
    body = client.get(reverse("suksesi_saya")).content.decode()
    assert {j for j in _POSTS if j in body} == {"J-X"}


def test_own_nominations_need_a_signed_in_user(cast: Cast, hasil: Hasil) -> None:
    response = Client().get(reverse("suksesi_saya"))
    assert response.status_code == 302 and "/masuk/" in response["Location"]
