"""Development pages: scope per role (own / same unit / other unit / other agency),
filters, and the audited, formula-neutralised Excel export."""

from __future__ import annotations

import io

import polars as pl
import pytest
from django.test import Client
from django.urls import reverse

from bakat.web.accounts.models import Peran
from bakat.web.audit.models import AuditEvent
from bakat.web.development.models import BarisPengembangan
from tests.web.conftest import Cast, _user
from tests.web.succession.conftest import Hasil


def _client(cast: Cast, role: str) -> Client:
    client = Client()
    client.force_login(cast.users[role])
    return client


def _nips(body: str, cast: Cast) -> set[str]:
    return {k for k in ("a", "a1", "b", "x") if cast.pegawai(k).nip in body}


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("admin", {"a", "a1", "b"}),
        ("komite", {"a", "a1", "b"}),
        ("auditor", {"a", "a1", "b"}),
        ("pimpinan", {"a", "a1"}),  # unit A and A1 below it
        ("analis", {"b"}),
        ("pegawai", {"b"}),  # own plan only
    ],
)
@pytest.mark.parametrize("berkas", ["idp", "rotasi", "retensi", "kepatuhan_jp"])
def test_each_list_shows_the_rows_in_scope(
    cast: Cast, hasil: Hasil, role: str, sees: set[str], berkas: str
) -> None:
    body = _client(cast, role).get(reverse("pengembangan_daftar", args=[berkas])).content
    assert _nips(body.decode(), cast) == sees


def test_the_national_monitor_sees_no_development_page(cast: Cast, hasil: Hasil) -> None:
    assert _client(cast, "nasional").get(reverse("pengembangan")).status_code == 403


def test_an_unknown_list_is_not_found(cast: Cast, hasil: Hasil) -> None:
    assert _client(cast, "admin").get("/pengembangan/gaji/").status_code == 404


@pytest.mark.parametrize(
    ("role", "units"),
    [("admin", {"R.A", "R.A.1", "R.B"}), ("pimpinan", {"R.A", "R.A.1"}), ("pegawai", set())],
)
def test_unit_compliance_rows_follow_the_unit_scope(
    cast: Cast, hasil: Hasil, role: str, units: set[str]
) -> None:
    body = (
        _client(cast, role)
        .get(reverse("pengembangan_daftar", args=["kepatuhan_jp"]), {"cakupan": "unit"})
        .content.decode()
    )
    shown = {u for u in ("R.A", "R.A.1", "R.B", "X") if f"<td>{u}</td>" in body}
    assert shown == units
    if units:
        assert "75,0" in body and "80,0" in body


def test_the_lists_filter_by_unit_nip_and_reason(cast: Cast, hasil: Hasil) -> None:
    client = _client(cast, "admin")
    url = reverse("pengembangan_daftar", args=["rotasi"])
    assert _nips(client.get(url, {"unit": cast.unit_a.pk}).content.decode(), cast) == {"a", "a1"}
    assert _nips(client.get(url, {"nip": cast.p_b.nip}).content.decode(), cast) == {"b"}
    assert _nips(client.get(url, {"alasan": "perlakuan"}).content.decode(), cast) == set()
    assert len(_nips(client.get(url, {"alasan": "MASA_jab"}).content.decode(), cast)) == 3


def test_the_export_is_an_audited_workbook_of_the_rows_in_scope(cast: Cast, hasil: Hasil) -> None:
    BarisPengembangan.objects.filter(nip=cast.p_a.nip, berkas="retensi").update(
        data={"nip": cast.p_a.nip, "alasan": '=HYPERLINK("x")', "keterangan": "k"}
    )
    response = _client(cast, "pimpinan").post(reverse("pengembangan_ekspor", args=["retensi"]))
    assert response.status_code == 200
    frame = pl.read_excel(io.BytesIO(response.content), sheet_name="retensi")
    assert set(frame.get_column("nip").cast(pl.String)) == {cast.p_a.nip, cast.p_a1.nip}
    assert '\'=HYPERLINK("x")' in frame.get_column("alasan").to_list()
    event = AuditEvent.objects.get(jenis="pengembangan.diekspor")
    assert event.perubahan["baris"] == 2 and event.rantai == "INS-A"


@pytest.mark.parametrize("role", ["auditor", "pegawai", "nasional"])
def test_read_only_roles_may_not_export(cast: Cast, hasil: Hasil, role: str) -> None:
    response = _client(cast, role).post(reverse("pengembangan_ekspor", args=["idp"]))
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(jenis="pengembangan.diekspor").exists()


def test_the_export_of_an_empty_selection_is_a_valid_workbook(cast: Cast, hasil: Hasil) -> None:
    response = _client(cast, "admin").post(
        reverse("pengembangan_ekspor", args=["idp"]), {"nip": "000"}
    )
    frame = pl.read_excel(io.BytesIO(response.content), sheet_name="idp")
    assert frame.height == 0


def test_each_nip_links_to_that_employees_plan(cast: Cast, hasil: Hasil) -> None:
    body = _client(cast, "admin").get(reverse("pengembangan_daftar", args=["idp"])).content
    assert f'href="/pengembangan/idp/?nip={cast.p_a.nip}"' in body.decode()


def test_the_pages_speak_english_on_request(cast: Cast, hasil: Hasil) -> None:
    client = _client(cast, "admin")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("pengembangan_daftar", args=["idp"])).content.decode()
    assert "Employee development" in body and "Pengembangan pegawai" not in body


def test_the_development_home_is_the_idp_list(cast: Cast, hasil: Hasil) -> None:
    body = _client(cast, "admin").get(reverse("pengembangan")).content.decode()
    assert 'id="judul">Rencana pengembangan individu<' in body
    assert _nips(body, cast) == {"a", "a1", "b"}


def _workbook(content: bytes, berkas: str) -> pl.DataFrame:
    return pl.read_excel(io.BytesIO(content), sheet_name=berkas)


def _people(frame: pl.DataFrame, cast: Cast) -> set[str]:
    nips = {str(n) for n in frame.get_column("nip").to_list() if n is not None}
    known = {cast.pegawai(k).nip: k for k in ("a", "a1", "b", "x")}
    assert nips <= set(known)  # no row of anybody else
    return {known[n] for n in nips}


# Export per role: status, the people and units in the workbook (nothing outside the
# scope), and the audit event in the exporter's agency only.
@pytest.mark.parametrize(
    ("role", "status", "sees", "units"),
    [
        ("admin", 200, {"a", "a1", "b"}, {"R.A", "R.A.1", "R.B"}),
        ("komite", 200, {"a", "a1", "b"}, {"R.A", "R.A.1", "R.B"}),
        ("pimpinan", 200, {"a", "a1"}, {"R.A", "R.A.1"}),  # unit A and A1 below it
        ("analis", 200, {"b"}, {"R.B"}),
        ("analis2", 200, {"b"}, {"R.B"}),
        ("auditor", 403, set(), set()),  # reads, but may not export
        ("pegawai", 403, set(), set()),
        ("nasional", 403, set(), set()),
    ],
)
@pytest.mark.parametrize("berkas", ["idp", "rotasi", "retensi", "kepatuhan_jp"])
def test_the_export_holds_only_the_rows_in_scope_matrix(
    cast: Cast,
    hasil: Hasil,
    role: str,
    status: int,
    sees: set[str],
    units: set[str],
    berkas: str,
) -> None:
    response = _client(cast, role).post(reverse("pengembangan_ekspor", args=[berkas]))
    assert response.status_code == status
    events = AuditEvent.objects.filter(jenis="pengembangan.diekspor")
    if status != 200:
        assert not events.exists()
        return
    frame = _workbook(response.content, berkas)
    assert _people(frame, cast) == sees
    # The stored person rows carry no unit column of their own; JP's unit rows do.
    shown = {u for u in frame.get_column("unit_kerja").cast(pl.String).to_list() if u}
    assert shown == (units if berkas == "kepatuhan_jp" else set())
    event = events.get()
    assert event.rantai == "INS-A" and event.perubahan["baris"] == frame.height


def test_a_unit_filter_outside_the_scope_exports_nothing(cast: Cast, hasil: Hasil) -> None:
    client = _client(cast, "analis")
    for unit in (cast.unit_a, cast.unit_x):  # another unit, another agency
        response = client.post(reverse("pengembangan_ekspor", args=["idp"]), {"unit": unit.pk})
        assert response.status_code == 200
        assert _workbook(response.content, "idp").height == 0


def test_another_agencys_admin_exports_only_their_agency(cast: Cast, hasil: Hasil) -> None:
    client = Client()
    client.force_login(_user("admin_b", Peran.ADMIN, instansi=cast.ins_b))
    response = client.post(reverse("pengembangan_ekspor", args=["idp"]))
    assert response.status_code == 200
    assert _people(_workbook(response.content, "idp"), cast) == {"x"}
    assert AuditEvent.objects.get(jenis="pengembangan.diekspor").rantai == "INS-B"


def test_the_export_needs_a_signed_in_user(cast: Cast, hasil: Hasil) -> None:
    response = Client().post(reverse("pengembangan_ekspor", args=["idp"]))
    assert response.status_code == 302 and "/masuk/" in response["Location"]
    assert not AuditEvent.objects.filter(jenis="pengembangan.diekspor").exists()
