"""The individual development plan (idp.csv)."""

from __future__ import annotations

from datetime import date

import pytest

from bakat.domain.kompetensi import KOMPETENSI
from tests.engine.development.records import (
    asesmen,
    jabatan,
    levels,
    pegawai,
    rows,
    run,
)


def _plan(**kwargs: object) -> dict[str, dict[str, object]]:
    result = run(**kwargs)  # type: ignore[arg-type]
    return {row["kegiatan"]: row for row in rows(result, "idp.csv")}


def test_it_gives_no_activity_to_someone_at_the_standard_of_the_post() -> None:
    assert _plan(people=[pegawai()], assessments=[asesmen()]) == {}


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        (1, {"coaching", "pelatihan_klasikal"}),
        (2, {"pelatihan_klasikal", "mentoring"}),
        (3, {"mentoring", "pengayaan_jabatan", "rotasi"}),
        (4, {"mentoring", "pengayaan_jabatan", "rotasi"}),
    ],
)
def test_it_turns_a_gap_into_the_activities_of_its_band(gap: int, expected: set[str]) -> None:
    post = jabatan(**levels(None, komunikasi=5))
    plan = _plan(people=[pegawai()], assessments=[asesmen(komunikasi=5 - gap)], posts=[post])
    assert set(plan) == expected
    for row in plan.values():
        assert row["sumber"] == "posisi_saat_ini"
        assert row["kompetensi"] == "komunikasi"
        assert row["celah"] == gap
        assert row["prioritas"] == 1


def test_it_falls_back_on_the_standard_level_of_the_grade() -> None:
    # AHLI_MADYA's standard is 3; the person is at 2 everywhere: gap 1 on all nine.
    plan = _plan(
        people=[pegawai(jenjang_jabatan="AHLI_MADYA", jabatan_id=None)],
        assessments=[asesmen()],
    )
    assert set(plan) == {"coaching", "pelatihan_klasikal"}
    assert plan["coaching"]["kompetensi"].count(";") == 8


def test_it_lists_every_competency_of_one_activity_in_one_row() -> None:
    post = jabatan(**levels(None, integritas=3, komunikasi=4))
    plan = _plan(people=[pegawai()], assessments=[asesmen()], posts=[post])
    # integritas gap 1 -> coaching, klasikal; komunikasi gap 2 -> klasikal, mentoring.
    assert plan["pelatihan_klasikal"]["kompetensi"] == "integritas;komunikasi"
    assert plan["pelatihan_klasikal"]["celah"] == 2
    assert plan["coaching"]["kompetensi"] == "integritas"
    assert plan["mentoring"]["kompetensi"] == "komunikasi"


@pytest.mark.parametrize(
    "assessment",
    [
        asesmen(tanggal=date(2022, 10, 16), komunikasi=1),  # past its 3-year validity
        asesmen(tanggal=date(2025, 10, 18), komunikasi=1),  # after the as-of date
        asesmen(komunikasi=9),  # not a level
        asesmen(skor_potensi=None, komunikasi=1),  # not a usable assessment
    ],
)
def test_it_ignores_assessments_and_levels_that_do_not_count(assessment: dict[str, object]) -> None:
    assert _plan(people=[pegawai()], assessments=[assessment]) == {}


def test_it_uses_the_latest_valid_assessment() -> None:
    older = asesmen(tanggal=date(2023, 1, 1), komunikasi=1)
    newer = asesmen(tanggal=date(2024, 1, 1))
    assert _plan(people=[pegawai()], assessments=[older, newer]) == {}


def test_it_measures_a_named_successor_against_the_target_post() -> None:
    target = jabatan("T1", jenjang_jabatan="ADMINISTRATOR")  # standard 3: gap 1
    successors = [
        {"jabatan_id": "T2", "peringkat": 2, "nip": "1", "kesiapan": "siap_1_2_tahun"},
        {"jabatan_id": "T1", "peringkat": 1, "nip": "1", "kesiapan": "siap_sekarang"},
    ]
    plan = _plan(
        people=[pegawai()],
        assessments=[asesmen()],
        posts=[jabatan(), target, jabatan("T2", jenjang_jabatan="JPT_PRATAMA")],
        successors=successors,
    )
    assert set(plan) == {"coaching", "pelatihan_klasikal"}
    row = plan["coaching"]
    assert (row["sumber"], row["jabatan_target"], row["prioritas"]) == ("jabatan_target", "T1", 2)


def test_it_adds_the_development_actions_of_the_box() -> None:
    plan = _plan(people=[pegawai()], assessments=[asesmen()], boxes={"1": 7})
    # Box 7: retensi, krs_instansi, rotasi, pengayaan_jabatan, pengembangan_kompetensi,
    # tugas_belajar; the first two are not development activities.
    assert set(plan) == {"rotasi", "pengayaan_jabatan", "pengembangan_kompetensi", "tugas_belajar"}
    assert {row["sumber"] for row in plan.values()} == {"kotak"}
    assert {row["prioritas"] for row in plan.values()} == {3}
    assert plan["pengembangan_kompetensi"]["jp_saran"] == 20.0
    assert plan["pengembangan_kompetensi"]["jenis_kegiatan"] is None


def test_it_merges_the_sources_of_one_activity() -> None:
    post = jabatan(**levels(None, komunikasi=5))  # gap 3 -> rotasi among others
    plan = _plan(people=[pegawai()], assessments=[asesmen()], posts=[post], boxes={"1": 8})
    assert plan["rotasi"]["sumber"] == "posisi_saat_ini;kotak"
    assert plan["rotasi"]["prioritas"] == 1


@pytest.mark.parametrize(
    ("pendidikan", "expected"),
    [("D3", True), ("D4", False), ("S1", False), ("S2", False), (None, False)],
)
def test_it_proposes_study_when_education_is_below_the_post_minimum(
    pendidikan: str | None, expected: bool
) -> None:
    plan = _plan(people=[pegawai(pendidikan=pendidikan)], assessments=[asesmen()])
    assert ("tugas_belajar" in plan) is expected
    if expected:
        assert plan["tugas_belajar"]["sumber"] == "pendidikan"
        assert "D3 di bawah minimal jabatan saat ini (S1)" in plan["tugas_belajar"]["alasan"]


def test_the_post_s_own_minimum_education_wins_over_the_grade() -> None:
    post = jabatan(pendidikan_minimal="S2")
    plan = _plan(people=[pegawai()], posts=[post])
    assert plan["tugas_belajar"]["prioritas"] == 1


def test_it_leaves_inactive_employees_out() -> None:
    assert _plan(people=[pegawai(status_aktif=False, pendidikan="SLTA")], boxes={"1": 7}) == {}


def test_rows_are_sorted_by_nip_then_priority_then_activity() -> None:
    post = jabatan(**levels(None, komunikasi=3))
    result = run(
        people=[pegawai("2"), pegawai("1")],
        assessments=[asesmen("1"), asesmen("2")],
        posts=[post],
        boxes={"1": 4, "2": 4},
    )
    keys = [(r["nip"], r["prioritas"], r["kegiatan"]) for r in rows(result, "idp.csv")]
    assert keys == [
        ("1", 1, "coaching"),
        ("1", 1, "pelatihan_klasikal"),
        ("1", 3, "rotasi"),
        ("1", 3, "pengembangan_kompetensi"),
        ("2", 1, "coaching"),
        ("2", 1, "pelatihan_klasikal"),
        ("2", 3, "rotasi"),
        ("2", 3, "pengembangan_kompetensi"),
    ]


def test_each_row_repeats_the_columns_of_its_own_person() -> None:
    result = run(
        people=[pegawai(str(n), unit_kerja=f"U{n}", pendidikan="SLTA") for n in (3, 1, 2)],
        assessments=[asesmen(str(n)) for n in (2, 3, 1)],
        boxes={"3": 7, "1": 4, "2": 8},
    )
    seen = {(r["nip"], r["unit_kerja"], r["kotak"]) for r in rows(result, "idp.csv")}
    assert seen == {("1", "U1", 4), ("2", "U2", 8), ("3", "U3", 7)}


@pytest.mark.parametrize(
    ("boxes", "competency_gap", "expected"),
    [
        ({}, True, "posisi_saat_ini"),
        ({"1": 8}, False, "kotak"),
        ({"1": 8}, True, "posisi_saat_ini;kotak"),
    ],
)
def test_it_names_the_sources_and_competencies_of_a_row(
    boxes: dict[str, int], competency_gap: bool, expected: str
) -> None:
    short = {"komunikasi", "integritas"} if competency_gap else set()
    post = jabatan(**levels(None, **dict.fromkeys(short, 5)))  # gap 3 -> rotasi
    plan = _plan(people=[pegawai()], assessments=[asesmen()], posts=[post], boxes=boxes)
    assert plan["rotasi"]["sumber"] == expected
    listed = ";".join(k for k in KOMPETENSI if k in short)
    assert plan["rotasi"]["kompetensi"] == (listed or None)


@pytest.mark.parametrize(
    ("kegiatan", "alasan"),
    [
        ("mentoring", "kompetensi di bawah standar jabatan saat ini"),
        ("pengembangan_kompetensi", "perlakuan kotak 7"),
        ("pengayaan_jabatan", "kompetensi di bawah standar jabatan saat ini; perlakuan kotak 7"),
    ],
)
def test_the_reason_lists_the_current_position_then_the_box(kegiatan: str, alasan: str) -> None:
    plan = _plan(
        people=[pegawai()],
        boxes={"1": 7},
        assessments=[asesmen(integritas=1)],
        posts=[jabatan(integritas=4)],
    )
    assert plan[kegiatan]["alasan"] == alasan
