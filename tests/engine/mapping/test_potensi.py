"""The potential axis: the Kepka BKN 411/2025 composite, sub-score by sub-score
(docs/policy.md "Sub-score formulas"), the assessment used, and the ``jpm`` preset."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.domain.hukdis import TingkatHukdis
from bakat.domain.ninebox import LevelPotensi
from bakat.domain.pendidikan import Pendidikan
from bakat.domain.policy import Policy, level_potensi
from tests.engine.mapping.records import (
    AS_OF,
    JPM,
    NASIONAL,
    asesmen,
    data,
    one,
    pegawai,
    placed,
    skp,
)


def _row(
    person: dict[str, Any] | None = None,
    *,
    policy: Policy = NASIONAL,
    tests: list[dict[str, Any]] | None = None,
    **tables: Any,
) -> dict[str, Any]:
    return one(
        data(
            [person or pegawai()],
            kinerja=skp(),
            asesmen=[asesmen()] if tests is None else tests,
            **tables,
        ),
        policy,
    )


def test_a_complete_record_scores_each_sub_score_by_the_formula() -> None:
    diklat = [
        {"nip": "1", "tanggal": date(2024, 3, 1), "jp": 30.0},  # capped at 20 JP: 1.0
        {"nip": "1", "tanggal": date(2023, 3, 1), "jp": 6.0},
        {"nip": "1", "tanggal": date(2023, 9, 1), "jp": 4.0},  # 10 JP in 2023: 0.5
        {"nip": "1", "tanggal": date(2025, 2, 1), "jp": 40.0},  # the as-of year: not counted
    ]
    row = _row(tests=[asesmen(skor_kompetensi=80.0, skor_potensi=60.0)], diklat=diklat)
    assert (row["jp_t1"], row["jp_t2"]) == (30.0, 10.0)
    assert row["nilai_asesmen_kompetensi"] == 16.0  # 20 x 0.80
    assert row["nilai_pengembangan_kompetensi"] == 7.5  # 10 x mean(1.0, 0.5)
    assert row["nilai_pengalaman_jabatan"] == 10.0  # 20.8 years >= 10
    assert row["nilai_potensi"] == 15.0  # 25 x 0.60
    assert row["nilai_pendidikan"] == 8.0  # S1 = 80% of 10
    assert row["nilai_kesesuaian_jurusan"] == 10.0
    assert row["nilai_integritas"] == 15.0
    assert row["skor_potensi"] == 81.5
    assert row["level_potensi"] == "tinggi"


@pytest.mark.parametrize(
    ("changes", "years"),
    [
        ({}, (date(2025, 10, 17) - date(2005, 1, 1)).days / 365.25),
        ({"tmt_cpns": None, "tmt_pns": date(2020, 10, 17)}, 1826 / 365.25),
        ({"tmt_cpns": None, "tmt_jabatan": date(2023, 10, 17)}, 731 / 365.25),
        ({"tmt_cpns": None}, 0.0),
    ],
)
def test_service_years_count_from_tmt_cpns_then_tmt_pns_then_tmt_jabatan(
    changes: dict[str, Any], years: float
) -> None:
    row = _row(pegawai(**changes))
    assert row["masa_kerja_tahun"] == years
    assert row["nilai_pengalaman_jabatan"] == 10 * min(years / 10, 1.0)


@pytest.mark.parametrize(
    ("changes", "jabatan", "education", "fit"),
    [
        ({"pendidikan": "S3"}, [], 10.0, 10.0),
        ({"pendidikan": "D4"}, [], 8.0, 10.0),  # D4 meets "S1/D4"
        ({"pendidikan": "S1", "jurusan": "  "}, [], 8.0, 5.0),  # field of study empty
        ({"pendidikan": "D3"}, [], 6.0, 0.0),  # below the ahli muda minimum (S1)
        ({"pendidikan": None}, [], 0.0, 0.0),
        # the position's own minimum beats the jenjang's
        ({"jabatan_id": "J1"}, [{"jabatan_id": "J1", "pendidikan_minimal": "S2"}], 8.0, 0.0),
        ({"jenjang_jabatan": None, "pendidikan": "SD"}, [], 1.0, 10.0),  # no minimum known
    ],
)
def test_qualification_scores_education_and_its_fit_to_the_post(
    changes: dict[str, Any], jabatan: list[dict[str, Any]], education: float, fit: float
) -> None:
    row = _row(pegawai(**changes), jabatan=jabatan)
    assert (row["nilai_pendidikan"], row["nilai_kesesuaian_jurusan"]) == (education, fit)


@pytest.mark.parametrize(
    ("tingkat", "tmt", "akhir", "value"),
    [
        ("ringan", date(2024, 1, 1), date(2024, 3, 1), 7.5),
        ("sedang", date(2024, 1, 1), date(2024, 12, 31), 3.0),
        ("berat", date(2023, 1, 1), None, 0.0),
        ("berat", date(2021, 1, 1), date(2022, 10, 17), 0.0),  # ends on the window's first day
        ("berat", date(2021, 1, 1), date(2022, 10, 16), 15.0),  # three years and a day ago
    ],
)
def test_integrity_takes_the_heaviest_sanction_of_the_last_three_years(
    tingkat: str, tmt: date, akhir: date | None, value: float
) -> None:
    hukdis = [{"nip": "1", "tingkat": tingkat, "tmt": tmt, "tanggal_akhir": akhir}]
    assert _row(hukdis=hukdis)["nilai_integritas"] == value


# --- the assessment used ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("tanggal", "alasan"),
    [
        (date(2022, 10, 17), None),  # exactly 3 years before the as-of date: valid
        (date(2022, 10, 16), "asesmen_kedaluwarsa"),  # one day older: stale
        (date(2025, 10, 17), None),  # on the as-of date
        (date(2025, 10, 18), "tanpa_asesmen"),  # after the as-of date: ignored
    ],
)
def test_an_assessment_counts_for_three_years(tanggal: date, alasan: str | None) -> None:
    row = _row(tests=[asesmen(tanggal=tanggal)])
    assert (row["terpetakan"], row["alasan"]) == (alasan is None, alasan)


@pytest.mark.parametrize(
    ("tanggal", "valid"), [(date(2021, 2, 28), True), (date(2021, 2, 27), False)]
)
def test_the_stale_boundary_of_29_february_falls_on_28_february(tanggal: date, valid: bool) -> None:
    kinerja = [{"nip": "1", "tahun": y, "predikat": "Baik"} for y in (2022, 2023)]
    tables = data([pegawai()], kinerja=kinerja, asesmen=[asesmen(tanggal=tanggal)])
    row = one(tables, as_of=date(2024, 2, 29))
    assert row["alasan"] == (None if valid else "asesmen_kedaluwarsa")


def test_the_latest_valid_assessment_is_used_and_a_tie_goes_to_the_last_row() -> None:
    tests = [
        asesmen(tanggal=date(2023, 1, 1), skor_kompetensi=70.0),
        asesmen(tanggal=date(2024, 5, 1), skor_kompetensi=75.0),
        asesmen(tanggal=date(2024, 5, 1), skor_kompetensi=85.0),
        asesmen(tanggal=date(2025, 12, 1), skor_kompetensi=99.0),  # future: ignored
    ]
    row = _row(tests=tests)
    assert (row["asesmen_tanggal"], row["asesmen_skor_kompetensi"]) == (date(2024, 5, 1), 85.0)


def test_an_assessment_without_both_scores_does_not_count() -> None:
    row = _row(tests=[asesmen(skor_potensi=None)])
    assert row["alasan"] == "tanpa_asesmen"


# --- the jpm preset --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("skor", "level"),
    [
        (90.0, "tinggi"),
        (89.99, "menengah"),
        (78.0, "menengah"),
        (77.99, "rendah"),
        (77.995, "menengah"),
    ],
)
def test_the_jpm_preset_bands_the_job_person_match_at_90_and_78(skor: float, level: str) -> None:
    row = _row(policy=JPM, tests=[asesmen(skor_kompetensi=skor, skor_potensi=10.0)])
    assert row["skor_potensi"] == round(skor, 2)
    assert row["level_potensi"] == level
    assert row["nilai_potensi"] == 2.5  # the composite sub-scores stay as explanation


def test_the_default_preset_bands_the_composite_at_80_and_60() -> None:
    assert NASIONAL.potensi.batas.tinggi == 80 and NASIONAL.potensi.batas.menengah == 60
    low = _row(tests=[asesmen(skor_kompetensi=0.0, skor_potensi=0.0)])
    assert (low["skor_potensi"], low["level_potensi"]) == (43.0, "rendah")


# --- the engine agrees with the formula and the domain banding, and is monotone ---------

TINGKAT = st.sampled_from([None, *TingkatHukdis])
PERSON = st.fixed_dictionaries(
    {
        "kompetensi": st.floats(min_value=0, max_value=110, allow_nan=False),
        "potensi": st.floats(min_value=0, max_value=110, allow_nan=False),
        "jp_1": st.floats(min_value=0, max_value=60, allow_nan=False),
        "jp_2": st.floats(min_value=0, max_value=60, allow_nan=False),
        "hari_kerja": st.integers(min_value=-100, max_value=15000),
        "pendidikan": st.sampled_from([None, *Pendidikan]),
        "jurusan": st.booleans(),
        "hukdis": TINGKAT,
    }
)


def _tables(people: list[dict[str, Any]]) -> Any:
    rows, tests, diklat, hukdis = [], [], [], []
    for i, p in enumerate(people):
        nip = f"{i:03d}"
        rows.append(
            pegawai(
                nip,
                tmt_cpns=AS_OF - timedelta(days=p["hari_kerja"]),
                pendidikan=p["pendidikan"] and p["pendidikan"].value,
                jurusan="Hukum" if p["jurusan"] else None,
            )
        )
        tests.append(asesmen(nip, skor_kompetensi=p["kompetensi"], skor_potensi=p["potensi"]))
        diklat.append({"nip": nip, "tanggal": date(2024, 6, 1), "jp": p["jp_1"]})
        diklat.append({"nip": nip, "tanggal": date(2023, 6, 1), "jp": p["jp_2"]})
        if p["hukdis"] is not None:
            hukdis.append({"nip": nip, "tingkat": p["hukdis"].value, "tmt": date(2024, 1, 1)})
    kinerja = [r for row in rows for r in skp(row["nip"])]
    return data(rows, kinerja=kinerja, asesmen=tests, diklat=diklat, hukdis=hukdis)


def _score(p: dict[str, Any], policy: Policy) -> float:
    """docs/policy.md "Sub-score formulas", written out independently."""
    k = policy.potensi.komposit
    w = k.bobot

    def c(x: float) -> float:
        return min(max(x, 0.0), 1.0)

    jp = (c(p["jp_1"] / k.jp_penuh_per_tahun) + c(p["jp_2"] / k.jp_penuh_per_tahun)) / 2
    service = p["hari_kerja"] / 365.25
    education = 0.0 if p["pendidikan"] is None else k.nilai_pendidikan[p["pendidikan"]]
    meets = p["pendidikan"] is not None and p["pendidikan"] not in (
        Pendidikan.SD,
        Pendidikan.SLTP,
        Pendidikan.SLTA,
        Pendidikan.D1,
        Pendidikan.D2,
        Pendidikan.D3,
    )
    fit = k.kesesuaian_jurusan
    fit_value = (
        fit.di_bawah_minimal if not meets else fit.memenuhi if p["jurusan"] else fit.jurusan_kosong
    )
    integrity = 100.0 if p["hukdis"] is None else k.integritas.nilai_hukdis[p["hukdis"]]
    parts = [
        w.asesmen_kompetensi * c(p["kompetensi"] / 100),
        w.pengembangan_kompetensi * jp,
        w.pengalaman_jabatan * c(service / k.pengalaman_tahun_penuh),
        w.potensi * c(p["potensi"] / 100),
        w.pendidikan * education / 100,
        w.kesesuaian_jurusan * fit_value / 100,
        w.integritas * integrity / 100,
    ]
    return sum(parts)


@settings(max_examples=60, deadline=None)
@given(people=st.lists(PERSON, min_size=1, max_size=25))
def test_the_engine_agrees_with_the_formula_and_the_domain_banding(
    people: list[dict[str, Any]],
) -> None:
    frame = placed(_tables(people))
    for p, row in zip(people, frame.iter_rows(named=True), strict=True):
        raw = _score(p, NASIONAL)
        assert row["skor_potensi"] == round(raw, 2)
        assert row["level_potensi"] == level_potensi(raw, NASIONAL).value


@settings(max_examples=60, deadline=None)
@given(people=st.lists(PERSON, min_size=1, max_size=25))
def test_the_jpm_engine_agrees_with_the_domain_banding(people: list[dict[str, Any]]) -> None:
    frame = placed(_tables(people), JPM)
    levels = frame.get_column("level_potensi").to_list()
    assert levels == [level_potensi(p["kompetensi"], JPM).value for p in people]


BETTER_EDUCATION = list(Pendidikan)


def _improve(p: dict[str, Any], what: str, amount: float) -> dict[str, Any]:
    better = dict(p)
    if what in ("kompetensi", "potensi", "jp_1", "jp_2"):
        better[what] = p[what] + amount
    elif what == "hari_kerja":
        better[what] = p[what] + int(amount * 100)
    elif what == "pendidikan":
        order = [None, *Pendidikan]
        better[what] = order[min(order.index(p[what]) + 1 + int(amount) % 3, len(order) - 1)]
        if better[what] is Pendidikan.D4 and p[what] is Pendidikan.S1:
            better[what] = Pendidikan.S1  # D4 and S1 are one level
    elif what == "jurusan":
        better[what] = True
    else:
        levels = [TingkatHukdis.BERAT, TingkatHukdis.SEDANG, TingkatHukdis.RINGAN, None]
        better[what] = levels[min(levels.index(p[what]) + 1, 3)]
    return better


@pytest.mark.parametrize("policy", [NASIONAL, JPM], ids=lambda p: p.id)
@settings(max_examples=40, deadline=None)
@given(
    person=PERSON,
    what=st.sampled_from(
        ["kompetensi", "potensi", "jp_1", "jp_2", "hari_kerja", "pendidikan", "jurusan", "hukdis"]
    ),
    amount=st.floats(min_value=0, max_value=30, allow_nan=False),
)
def test_a_higher_sub_score_never_lowers_the_potential_level(
    policy: Policy, person: dict[str, Any], what: str, amount: float
) -> None:
    frame = placed(_tables([person, _improve(person, what, amount)]), policy)
    base, better = (LevelPotensi(v).indeks for v in frame.get_column("level_potensi"))
    scores = frame.get_column("skor_potensi").to_list()
    assert better >= base
    assert scores[1] >= scores[0]
