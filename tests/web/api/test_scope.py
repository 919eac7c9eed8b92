"""Every endpoint reads through the selectors of the HTML pages: the scope matrix of the
fixed cast (own record / same unit / other unit / other agency), masking, and audit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bakat.web.audit.models import AuditEvent
from bakat.web.personnel.models import Pegawai
from tests.web.api.conftest import Api, Hasil
from tests.web.conftest import Cast

NIP = {
    "198811082021012001": "a",
    "198811082021012002": "a1",
    "198811082021012003": "b",
    "198811082021012004": "x",
}


def _orang(body: Any, key: str = "nip") -> list[str]:
    return sorted(NIP[row[key]] for row in body["items"])


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("admin", ["a", "a1", "b"]),
        ("komite", ["a", "a1", "b"]),
        ("analis", ["b"]),
        ("pimpinan", ["a", "a1"]),
        ("pegawai", []),
        ("auditor", []),
        ("nasional", []),
    ],
)
def test_placements_follow_the_talent_scope(
    pemetaan: Cast, api: Callable[[str], Api], member: str, expected: list[str]
) -> None:
    status, body = api(member).get("penempatan/")
    assert status == 200
    assert _orang(body) == expected


def test_placements_carry_policy_and_sub_scores(pemetaan: Cast, api: Callable[[str], Api]) -> None:
    _status, body = api("admin").get("penempatan/", jenjang="AHLI_MUDA", unit=pemetaan.unit_a.pk)
    assert isinstance(body, dict)
    rows = {row["nip"]: row for row in body["items"]}
    assert set(rows) == {pemetaan.p_a.nip, pemetaan.p_a1.nip}
    row = rows[pemetaan.p_a.nip]
    assert (row["kotak"], row["level_kinerja"], row["level_potensi"]) == (9, "atas", "tinggi")
    assert row["rincian"]["skor_potensi"] == 81.5
    assert row["kebijakan"]["kebijakan"] == "nasional-2025"
    assert row["kebijakan"]["versi_kebijakan"] == "2025.1"


def test_placements_page_in_a_stable_order(pemetaan: Cast, api: Callable[[str], Api]) -> None:
    client = api("admin")
    pages = [client.get("penempatan/", halaman=h, per_halaman=2)[1] for h in (1, 2, 3)]
    nips = [row["nip"] for page in pages for row in page["items"]]  # type: ignore[index]
    assert nips == sorted([pemetaan.p_a.nip, pemetaan.p_a1.nip, pemetaan.p_b.nip])
    assert [page["jumlah"] for page in pages] == [3, 3, 3]  # type: ignore[index]


def test_placements_leave_out_a_recused_case(
    pemetaan: Cast, komite_terkait: Pegawai, api: Callable[[str], Api]
) -> None:
    _status, body = api("komite").get("penempatan/")
    assert _orang(body) == ["a1", "b"]


@pytest.mark.parametrize(
    ("member", "orang", "status", "tersamar"),
    [
        ("pegawai", "b", 200, False),  # own record
        ("pegawai", "a", 404, None),  # another unit
        ("pegawai", "x", 404, None),  # another agency
        ("pimpinan", "a", 200, True),  # own unit, read-only role: masked
        ("pimpinan", "a1", 200, True),  # unit below
        ("pimpinan", "b", 404, None),  # another unit
        ("pimpinan", "x", 404, None),
        ("analis", "b", 200, False),
        ("analis", "a", 404, None),
        ("admin", "a", 200, False),
        ("admin", "x", 404, None),
        ("komite", "a", 200, True),
        ("auditor", "a", 404, None),
        ("nasional", "a", 404, None),
    ],
)
def test_a_card_by_nip_follows_the_scope_and_masks_identity(
    pemetaan: Cast,
    api: Callable[[str], Api],
    member: str,
    orang: str,
    status: int,
    tersamar: bool | None,
) -> None:
    p = pemetaan.pegawai(orang)
    got, body = api(member).get(f"penempatan/{p.nip}/")
    assert got == status
    if status != 200:
        return
    assert isinstance(body, dict)
    assert body["identitas_tersamar"] is tersamar
    if tersamar:
        assert (body["nik"], body["tanggal_lahir"]) == ("3172**********0" + p.nik[-1], "1988")
    else:
        assert (body["nik"], body["tanggal_lahir"]) == (p.nik, "1988-11-08")
    assert body["penempatan"]["nip"] == p.nip


def test_an_unknown_nip_is_not_found(pemetaan: Cast, api: Callable[[str], Api]) -> None:
    assert api("admin").get("penempatan/199901012020011001/")[0] == 404


def test_reading_another_persons_card_is_audited(pemetaan: Cast, api: Callable[[str], Api]) -> None:
    api("pimpinan").get(f"penempatan/{pemetaan.p_a.nip}/")
    api("pegawai").get(f"penempatan/{pemetaan.p_b.nip}/")
    api("pimpinan").get(f"penempatan/{pemetaan.p_b.nip}/")  # out of scope: nothing read
    events = AuditEvent.objects.filter(jenis="api.kartu_dibaca")
    assert list(events.values_list("aktor__username", "subjek_tipe", "subjek_id")) == [
        ("pimpinan", "personnel.pegawai", str(pemetaan.p_a.pk))
    ]


@pytest.mark.parametrize(
    ("member", "jumlah"),
    [("admin", 3), ("pimpinan", 2), ("analis", 1), ("pegawai", 0), ("nasional", 0)],
)
def test_coverage_counts_the_scope(
    pemetaan: Cast, api: Callable[[str], Api], member: str, jumlah: int
) -> None:
    status, body = api(member).get("penempatan/cakupan/")
    assert status == 200
    assert isinstance(body, dict)
    assert body["jumlah"] == jumlah
    assert sum(body["per_kotak"].values()) == body["terpetakan"]


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("admin", ["J-A", "J-B"]),
        ("komite", ["J-A", "J-B"]),
        ("auditor", ["J-A", "J-B"]),
        ("analis", ["J-B"]),
        ("pimpinan", ["J-A"]),
        ("pegawai", []),
        ("nasional", []),
    ],
)
def test_succession_targets_follow_the_scope(
    hasil: Hasil, api: Callable[[str], Api], member: str, expected: list[str]
) -> None:
    status, body = api(member).get("suksesi/target/")
    assert status == 200
    assert isinstance(body, dict)
    assert sorted(row["jabatan_id"] for row in body["items"]) == expected


def test_a_target_lists_ranked_candidates_and_exclusions(
    cast: Cast, hasil: Hasil, api: Callable[[str], Api]
) -> None:
    status, body = api("pimpinan").get(f"suksesi/target/{hasil.j_a.pk}/")
    assert status == 200
    assert isinstance(body, dict)
    assert [(k["nip"], k["peringkat"]) for k in body["kandidat"]] == [
        (cast.p_a.nip, 1),
        (cast.p_a1.nip, 2),
    ]
    assert [(e["nip"], e["alasan"]) for e in body["pengecualian"]] == [
        (cast.p_b.nip, "hukdis_aktif")
    ]


@pytest.mark.parametrize(("member", "target"), [("pimpinan", "j_b"), ("admin", "j_x")])
def test_a_target_outside_the_scope_is_not_found(
    hasil: Hasil, api: Callable[[str], Api], member: str, target: str
) -> None:
    assert api(member).get(f"suksesi/target/{getattr(hasil, target).pk}/")[0] == 404


def test_a_related_committee_member_sees_the_post_but_not_its_list(
    hasil: Hasil, komite_terkait: Pegawai, api: Callable[[str], Api]
) -> None:
    _status, body = api("komite").get(f"suksesi/target/{hasil.j_a.pk}/")
    assert isinstance(body, dict)
    assert (body["terkait"], body["kandidat"], body["pengecualian"]) == (True, [], [])


@pytest.mark.parametrize(("member", "expected"), [("pegawai", ["J-B"]), ("admin", [])])
def test_an_employee_sees_only_their_own_nominations(
    hasil: Hasil, api: Callable[[str], Api], member: str, expected: list[str]
) -> None:
    status, body = api(member).get("suksesi/nominasi/")
    assert status == 200
    assert isinstance(body, list)
    assert [row["jabatan_id"] for row in body] == expected


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("admin", ["a", "a1", "b"]),
        ("auditor", ["a", "a1", "b"]),
        ("analis", ["b"]),
        ("pimpinan", ["a", "a1"]),
        ("pegawai", []),
        ("komite", []),
        ("nasional", []),
    ],
)
@pytest.mark.parametrize("endpoint", ["kualitas/temuan/", "kualitas/disparitas/"])
def test_quality_lists_follow_the_worklist_scope(
    kualitas: Cast, api: Callable[[str], Api], member: str, expected: list[str], endpoint: str
) -> None:
    status, body = api(member).get(endpoint)
    assert status == 200
    assert _orang(body) == expected


@pytest.mark.parametrize(
    ("endpoint", "params", "expected"),
    [
        ("kualitas/temuan/", {"tingkat": "warning"}, ["a1"]),
        ("kualitas/temuan/", {"aturan": "V01"}, ["a", "b"]),
        ("kualitas/temuan/", {"unit": "unit_a"}, ["a", "a1"]),
        ("kualitas/disparitas/", {"status": "beda"}, ["b"]),
        ("kualitas/disparitas/", {"pihak": "instansi"}, ["a", "a1"]),
        ("kualitas/disparitas/", {"unit": "unit_b"}, ["b"]),
    ],
)
def test_quality_lists_take_the_worklist_filters(
    kualitas: Cast,
    api: Callable[[str], Api],
    endpoint: str,
    params: dict[str, str],
    expected: list[str],
) -> None:
    if "unit" in params:
        params = {"unit": str(getattr(kualitas, params["unit"]).pk)}
    status, body = api("admin").get(endpoint, **params)
    assert status == 200
    assert _orang(body) == expected


@pytest.mark.parametrize(("member", "unit"), [("admin", "unit_x"), ("analis", "unit_a")])
@pytest.mark.parametrize(
    "endpoint", ["kualitas/temuan/", "kualitas/disparitas/", "kualitas/indeks/"]
)
def test_a_unit_filter_outside_the_scope_is_not_found(
    kualitas: Cast, api: Callable[[str], Api], member: str, unit: str, endpoint: str
) -> None:
    assert api(member).get(endpoint, unit=getattr(kualitas, unit).pk)[0] == 404


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("admin", [None, "R", "R.A", "R.B"]),
        ("auditor", [None, "R", "R.A", "R.B"]),
        ("pimpinan", ["R.A"]),
        ("analis", ["R.B"]),
        ("pegawai", []),
        ("nasional", []),
    ],
)
def test_the_quality_index_follows_the_scope(
    kualitas: Cast, api: Callable[[str], Api], member: str, expected: list[str | None]
) -> None:
    status, body = api(member).get("kualitas/indeks/")
    assert status == 200
    assert isinstance(body, dict)
    assert [row["unit_kerja"] for row in body["items"]] == expected
    assert {row["instansi"] for row in body["items"]} <= {"INS-A"}
