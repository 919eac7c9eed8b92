"""The succession job: target posts, each eligibility rule, the score, first successors,
exclusions and the frames it returns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bakat.domain.policy import load_policy
from bakat.engine.succession.job import run_succession
from bakat.engine.succession.rules import SuccessionSettings

from .records import AS_OF, agency, person, policy_with, post

POLICY = load_policy()
WIDE = SuccessionSettings(pengecualian_per_jabatan=20)


def _run(people, posts, hukdis=None, policy=POLICY, settings=WIDE):  # type: ignore[no-untyped-def]
    data, pemetaan = agency(people, posts, hukdis)
    return run_succession(data, pemetaan, AS_OF, policy, settings=settings)


#: One person per rule, each failing exactly that rule for a vacant ADMINISTRATOR post.
FAILING = [
    ("198001012005011002", {"kotak": 5, "level_kinerja": "sesuai"}, "bukan_kotak_kandidat"),
    ("198001012005011003", {}, "hukdis_aktif"),
    ("198001012005011004", {}, "hukdis_dalam_jendela"),
    ("196801012005011005", {"tanggal_lahir": date(1968, 1, 1)}, "menjelang_bup"),
    ("198001012005011006", {"pendidikan": "D3"}, "pendidikan_kurang"),
    ("198001012005011007", {"golongan": "III/b"}, "golongan_kurang"),
]
HUKDIS = [
    {
        "nip": "198001012005011003",
        "tingkat": "ringan",
        "tmt": date(2025, 9, 1),
        "tanggal_akhir": None,
    },
    {
        "nip": "198001012005011004",
        "tingkat": "sedang",
        "tmt": date(2024, 1, 1),
        "tanggal_akhir": date(2024, 12, 31),
    },
]


@pytest.fixture(scope="module")
def ruled():  # type: ignore[no-untyped-def]
    people = [person("198001012005011001")]
    people += [person(nip, **fields) for nip, fields, _ in FAILING]
    people += [
        person("198001012005011008", instansi="B", unit_kerja="B.01"),
        person("198001012005011009", jenjang_jabatan="PELAKSANA"),
        person("199001012020121010", status_kepegawaian="PPPK", golongan=None),
    ]
    return _run(people, [post("J1", kritikal=True)], HUKDIS)


@pytest.mark.parametrize(("nip", "code"), [(nip, code) for nip, _, code in FAILING])
def test_each_rule_excludes_the_one_person_who_fails_it(ruled, nip: str, code: str) -> None:  # type: ignore[no-untyped-def]
    row = ruled.pengecualian.filter(pl.col("nip") == nip)
    assert row.get_column("alasan").to_list() == [code]
    assert nip not in ruled.suksesi.get_column("nip").to_list()


def test_it_names_the_eligible_and_never_crosses_agency_or_grade_ladder(ruled) -> None:  # type: ignore[no-untyped-def]
    named = set(ruled.suksesi.get_column("nip"))
    assert named == {"198001012005011001", "199001012020121010"}  # PPPK: no golongan check
    listed = set(ruled.pengecualian.get_column("nip"))
    assert not listed & {"198001012005011008", "198001012005011009"}
    strength = ruled.kekuatan.row(0, named=True)
    assert strength["jumlah_kandidat"] == 2
    assert strength["alasan_target"] == "kritikal;lowong"


def test_the_exclusion_text_is_readable_in_both_languages(ruled) -> None:  # type: ignore[no-untyped-def]
    text = ruled.pengecualian.filter(pl.col("alasan") == "golongan_kurang")["keterangan"][0]
    assert text == "golongan di bawah syarat minimal jabatan / golongan below the post's minimum"


def test_the_score_is_the_sum_of_its_explained_parts() -> None:
    someone = person(
        "198001012005011001",
        tmt_jabatan=date(2023, 10, 17),
        kotak=8,
        level_kinerja="sesuai",
        skor_potensi=90.0,
        level=2,
    )
    result = _run([someone], [post("J1")])
    row = result.suksesi.row(0, named=True)
    # Required level 3 (administrator standard) for all nine; actual 2 -> fit 2/3.
    assert row["nilai_kesesuaian_kompetensi"] == pytest.approx(35 * 2 / 3)
    assert row["nilai_kotak"] == pytest.approx(25 * 7 / 8)
    assert row["nilai_kinerja"] == pytest.approx(7.5)
    assert row["nilai_potensi"] == pytest.approx(13.5)
    assert row["nilai_pengalaman"] == pytest.approx(10 * (731 / 365.25) / 4)
    parts = sum(
        row[f"nilai_{p}"]
        for p in ("kesesuaian_kompetensi", "kotak", "kinerja", "potensi", "pengalaman")
    )
    assert row["skor"] == round(parts, 2)
    assert row["kesiapan"] == "siap_sekarang"
    assert "integritas 2/3" in row["celah_kompetensi"]


def test_the_posts_own_required_levels_replace_the_standard() -> None:
    someone = person("198001012005011001", level=4)
    required = {k: 5 for k in ("integritas", "komunikasi")}
    result = _run([someone], [post("J1", **required)])
    assert result.suksesi["kesesuaian_kompetensi"][0] == pytest.approx(80.0)


def test_a_person_is_first_successor_for_at_most_one_post() -> None:
    star = person("198001012005011001", skor_potensi=99.0)
    others = [person(f"19800101200501101{i}", skor_potensi=60.0 + i) for i in range(4)]
    result = _run([star, *others], [post("J1"), post("J2")])
    firsts = result.suksesi.filter(pl.col("peringkat") == 1)
    assert firsts.height == 2
    assert firsts.get_column("nip").to_list().count(star["nip"]) == 1
    ranks = result.suksesi.filter(pl.col("nip") == star["nip"]).get_column("peringkat")
    assert sorted(ranks.to_list()) == [1, 2]


@pytest.mark.parametrize(
    ("born", "reason", "vacancy"),
    [
        (date(1967, 11, 20), "pensiun", date(2025, 12, 1)),
        (date(1970, 3, 5), None, None),
    ],
)
def test_a_post_whose_incumbent_retires_within_the_horizon_is_a_target(
    born: date, reason: str | None, vacancy: date | None
) -> None:
    incumbent = person("196711202005011001", jenjang_jabatan="ADMINISTRATOR", tanggal_lahir=born)
    result = _run(
        [incumbent, person("198001012005011001")], [post("J1", nip_pemangku=incumbent["nip"])]
    )
    if reason is None:
        assert result.kekuatan.height == 0
    else:
        row = result.kekuatan.row(0, named=True)
        assert (row["alasan_target"], row["tanggal_lowong"]) == (reason, vacancy)


def test_entry_grades_are_not_targets_since_nobody_is_below_them() -> None:
    result = _run([person("198001012005011001")], [post("J1", jenjang_jabatan="PELAKSANA")])
    assert result.kekuatan.height == 0
    assert result.ringkasan.target == 0


def test_the_incumbent_is_excluded_when_lateral_candidates_are_allowed(tmp_path: Path) -> None:
    policy = policy_with(tmp_path, "hanya_jenjang_di_bawah = false")
    holder = person("198001012005011001", jenjang_jabatan="ADMINISTRATOR")
    result = _run(
        [holder, person("198001012005011002")],
        [post("J1", kritikal=True, nip_pemangku=holder["nip"])],
        policy=policy,
    )
    excluded = result.pengecualian.filter(pl.col("nip") == holder["nip"])
    assert excluded.get_column("alasan").to_list() == ["pemangku"]


def test_other_agencies_are_candidates_only_when_the_policy_allows(tmp_path: Path) -> None:
    outsider = person("198001012005011008", instansi="B")
    closed = _run([outsider], [post("J1")])
    opened = _run([outsider], [post("J1")], policy=policy_with(tmp_path, "lintas_instansi = true"))
    assert closed.suksesi.height == 0
    assert opened.suksesi.get_column("nip").to_list() == [outsider["nip"]]


def test_exclusions_are_bounded_per_post() -> None:
    people = [person(f"1980010120050110{i:02d}", pendidikan="D3") for i in range(12)]
    result = _run(people, [post("J1")], settings=SuccessionSettings(pengecualian_per_jabatan=5))
    assert result.pengecualian.height == 5
    scores = result.pengecualian.get_column("skor").to_list()
    assert scores == sorted(scores, reverse=True)


def test_a_full_list_keeps_only_exclusions_scoring_above_its_last_successor() -> None:
    good = [person(f"1980010120050110{i:02d}", skor_potensi=90.0) for i in range(3)]
    weak = person("198001012005011050", pendidikan="D3", skor_potensi=10.0)
    strong = person("198001012005011051", pendidikan="D3", skor_potensi=100.0)
    result = _run([*good, weak, strong], [post("J1")])
    assert result.pengecualian.get_column("nip").to_list() == [strong["nip"]]


def test_without_a_jabatan_table_there_is_nothing_to_plan() -> None:
    data, pemetaan = agency([person("198001012005011001")], [post("J1")])
    bare = type(data)(pegawai=data.pegawai, asesmen=data.asesmen)
    result = run_succession(bare, pemetaan, AS_OF, POLICY)
    assert (result.suksesi.height, result.kekuatan.height) == (0, 0)
    assert result.catatan


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_the_first_successor_limit_is_a_policy_setting(tmp_path: Path, limit: int) -> None:
    policy = policy_with(tmp_path, f"maks_suksesor_pertama = {limit}")
    star = person("198001012005011001", skor_potensi=99.0)
    others = [person(f"19800101200501102{i}", skor_potensi=60.0 + i) for i in range(5)]
    result = _run([star, *others], [post("J1"), post("J2"), post("J3")], policy=policy)
    firsts = result.suksesi.filter(pl.col("peringkat") == 1).get_column("nip").to_list()
    assert len(firsts) == 3
    assert firsts.count(star["nip"]) == limit


@pytest.mark.parametrize(
    ("settings", "targets"),
    [
        (SuccessionSettings(), ["J2"]),
        (SuccessionSettings(semua_manajerial=True), ["J1", "J2"]),
        (SuccessionSettings(semua_manajerial=True, hanya_manajerial=True), ["J1"]),
    ],
)
def test_every_structural_post_can_be_made_a_target(
    settings: SuccessionSettings, targets: list[str]
) -> None:
    incumbent = person(
        "198501012010011001", jenjang_jabatan="ADMINISTRATOR", tanggal_lahir=date(1985, 1, 1)
    )
    posts = [
        post("J1", nip_pemangku=incumbent["nip"]),
        post("J2", jenjang_jabatan="AHLI_MADYA", kritikal=True, nip_pemangku=incumbent["nip"]),
    ]
    result = _run([incumbent], posts, settings=settings)
    assert result.kekuatan.get_column("jabatan_id").to_list() == targets


@pytest.mark.parametrize(("selisih", "named"), [(1, True), (0, False)])
def test_a_candidate_one_ruang_below_the_minimum_is_eligible_only_within_the_tolerance(
    tmp_path: Path, selisih: int, named: bool
) -> None:
    # An administrator post asks for III/d at least (the grade's range); III/c is one below.
    policy = policy_with(tmp_path, f"selisih_golongan = {selisih}")
    result = _run([person("198001012005011001", golongan="III/c")], [post("J1")], policy=policy)
    assert ("198001012005011001" in result.suksesi.get_column("nip").to_list()) is named
