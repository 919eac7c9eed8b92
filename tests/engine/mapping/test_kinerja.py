"""The performance axis: predikat per year, the lower year, discipline caps (docs/policy.md
``[kinerja]``), checked against the domain rule ``bakat.domain.policy.level_kinerja``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.domain.hukdis import TingkatHukdis, dalam_jendela
from bakat.domain.ninebox import LevelKinerja
from bakat.domain.policy import Policy, level_kinerja, load_policy
from bakat.domain.skp import Predikat
from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.kinerja import year_labels
from tests.engine.mapping.records import (
    AS_OF,
    NASIONAL,
    asesmen,
    data,
    one,
    pegawai,
    placed,
    skp,
)

POLICIES = Path(__file__).parent / "policies"
RATA_RATA = load_policy(POLICIES / "rata_rata.toml")
SATU_TAHUN = load_policy(POLICIES / "satu_tahun.toml")
SB, B, BP, K, SK = (p.value for p in Predikat)


def _level(
    predikat: tuple[str | None, str | None], hukdis: Sequence[dict[str, object]] = ()
) -> object:
    row = one(data([pegawai()], kinerja=skp(predikat=predikat), asesmen=[asesmen()], hukdis=hukdis))
    return row["level_kinerja"]


def test_the_window_is_the_two_calendar_years_before_the_as_of_year() -> None:
    assert year_labels(date(2025, 10, 17), NASIONAL) == [("t1", 2024), ("t2", 2023)]
    assert year_labels(date(2026, 1, 1), NASIONAL) == [("t1", 2025), ("t2", 2024)]


@pytest.mark.parametrize(
    ("predikat", "expected"),
    [
        ((SB, SB), "atas"),
        ((B, B), "sesuai"),
        ((SB, B), "sesuai"),  # the lower of the two years
        ((B, SB), "sesuai"),
        ((SB, BP), "bawah"),
        ((K, SB), "bawah"),
        ((SK, SK), "bawah"),
    ],
)
def test_the_level_is_the_lower_of_the_two_years(predikat: tuple[str, str], expected: str) -> None:
    assert _level(predikat) == expected


def test_a_year_without_predikat_takes_the_matrix_of_its_ratings() -> None:
    rows = skp(predikat=(SB, None))
    rows[1].update(hasil_kerja="di atas ekspektasi", perilaku_kerja="di atas ekspektasi")
    row = one(data([pegawai()], kinerja=rows, asesmen=[asesmen()]))
    assert (row["predikat_t1"], row["level_kinerja"]) == (SB, "atas")


def test_the_worst_row_of_a_year_counts() -> None:
    rows = [*skp(predikat=(SB, SB)), {"nip": "1", "tahun": 2024, "predikat": K}]
    row = one(data([pegawai()], kinerja=rows, asesmen=[asesmen()]))
    assert (row["predikat_t1"], row["level_kinerja"]) == (K, "bawah")


def test_years_outside_the_window_are_ignored() -> None:
    rows = [*skp(predikat=(B, B)), {"nip": "1", "tahun": 2025, "predikat": SK}]
    rows.append({"nip": "1", "tahun": 2022, "predikat": SK})
    assert one(data([pegawai()], kinerja=rows, asesmen=[asesmen()]))["level_kinerja"] == "sesuai"


def _sanction(tingkat: str, tmt: date, akhir: date | None) -> dict[str, object]:
    return {"nip": "1", "tingkat": tingkat, "tmt": tmt, "tanggal_akhir": akhir}


@pytest.mark.parametrize(
    ("tingkat", "predikat", "expected"),
    [
        ("ringan", (SB, SB), "sesuai"),  # a light sanction: at most sesuai
        ("ringan", (B, B), "sesuai"),
        ("ringan", (K, K), "bawah"),
        ("sedang", (SB, SB), "bawah"),  # medium or heavy: bawah
        ("berat", (B, B), "bawah"),
    ],
)
def test_a_sanction_in_the_window_caps_the_level(
    tingkat: str, predikat: tuple[str, str], expected: str
) -> None:
    hukdis = [_sanction(tingkat, date(2024, 3, 1), date(2024, 9, 1))]
    row = one(data([pegawai()], kinerja=skp(predikat=predikat), asesmen=[asesmen()], hukdis=hukdis))
    assert row["level_kinerja"] == expected
    assert row["hukdis_kinerja"] == tingkat
    assert row["batas_diterapkan"] == (expected != row["kinerja_gabungan"])


@pytest.mark.parametrize(
    ("tmt", "akhir", "capped"),
    [
        (date(2023, 1, 1), date(2023, 10, 17), True),  # ends on the first day of the window
        (date(2023, 1, 1), date(2023, 10, 16), False),  # ends the day before
        (date(2020, 1, 1), None, True),  # no end date: still running
        (date(2025, 10, 18), None, False),  # imposed after the as-of date
    ],
)
def test_the_discipline_window_is_two_years_back_from_the_as_of_date(
    tmt: date, akhir: date | None, capped: bool
) -> None:
    level = _level((SB, SB), [_sanction("berat", tmt, akhir)])
    assert level == ("bawah" if capped else "atas")


def test_fewer_than_two_years_is_not_mapped_and_one_year_may_be_enough_by_policy() -> None:
    tables = data([pegawai()], kinerja=skp(predikat=(None, SB)), asesmen=[asesmen()])
    row = one(tables)
    assert (row["terpetakan"], row["alasan"], row["jumlah_tahun_skp"]) == (
        False,
        "skp_kurang_dari_2_tahun",
        1,
    )
    row = one(tables, SATU_TAHUN)
    assert (row["terpetakan"], row["level_kinerja"]) == (True, "atas")


@pytest.mark.parametrize(
    ("predikat", "expected"),
    [((SB, SB), "atas"), ((SB, B), "atas"), ((B, B), "sesuai"), ((SB, BP), "sesuai")],
)
def test_the_mean_points_policy_bands_the_mean(predikat: tuple[str, str], expected: str) -> None:
    row = one(data([pegawai()], kinerja=skp(predikat=predikat), asesmen=[asesmen()]), RATA_RATA)
    assert row["level_kinerja"] == expected


# --- the engine agrees with the domain rule, and is monotone -----------------------------

PREDIKAT = st.sampled_from([*Predikat, None])
SANCTION = st.tuples(
    st.sampled_from(list(TingkatHukdis)),
    st.integers(min_value=-2000, max_value=30),  # tmt, days from the as-of date
    st.one_of(st.none(), st.integers(min_value=0, max_value=1500)),  # length in days
)
PERSON = st.tuples(PREDIKAT, PREDIKAT, st.lists(SANCTION, max_size=3))


Sanction = tuple[TingkatHukdis, int, int | None]
Person = tuple[Predikat | None, Predikat | None, list[Sanction]]


def _tables(people: list[Person]) -> MappingData:
    rows, kinerja, hukdis = [], [], []
    for i, (p23, p24, sanctions) in enumerate(people):
        nip = f"{i:03d}"
        rows.append(pegawai(nip))
        kinerja += skp(nip, (p23 and p23.value, p24 and p24.value))
        for tingkat, start, length in sanctions:
            tmt = AS_OF + timedelta(days=start)
            akhir = None if length is None else tmt + timedelta(days=length)
            hukdis.append(
                {"nip": nip, "tingkat": tingkat.value, "tmt": tmt, "tanggal_akhir": akhir}
            )
    return data(rows, kinerja=kinerja, asesmen=[asesmen(r["nip"]) for r in rows], hukdis=hukdis)


def _domain(person: Person, policy: Policy) -> str | None:
    p23, p24, sanctions = person
    valid = [p for p in (p23, p24) if p is not None]
    if len(valid) < policy.kinerja.minimal_tahun:
        return None
    window = policy.kinerja.hukdis.jendela_tahun
    levels = []
    for tingkat, start, length in sanctions:
        tmt = AS_OF + timedelta(days=start)
        akhir = None if length is None else tmt + timedelta(days=length)
        if dalam_jendela(tmt, akhir, AS_OF, window):
            levels.append(tingkat)
    return level_kinerja(valid, levels, policy).value


@pytest.mark.parametrize("policy", [NASIONAL, RATA_RATA, SATU_TAHUN], ids=lambda p: p.id)
@settings(max_examples=40, deadline=None)
@given(people=st.lists(PERSON, min_size=1, max_size=25))
def test_the_engine_agrees_with_the_domain_rule(policy: Policy, people: list[Person]) -> None:
    frame = placed(_tables(people), policy)
    levels = frame.get_column("level_kinerja").to_list()
    assert levels == [_domain(person, policy) for person in people]


RANKED = list(Predikat)  # best first


@settings(max_examples=40, deadline=None)
@given(
    person=st.tuples(
        st.sampled_from(RANKED), st.sampled_from(RANKED), st.lists(SANCTION, max_size=3)
    ),
    year=st.integers(min_value=0, max_value=1),
    steps=st.integers(min_value=1, max_value=4),
    drop_sanction=st.booleans(),
)
def test_a_better_predikat_or_a_lighter_record_never_lowers_the_level(
    person: tuple[Predikat, Predikat, list[tuple[TingkatHukdis, int, int | None]]],
    year: int,
    steps: int,
    drop_sanction: bool,
) -> None:
    years = [person[0], person[1]]
    years[year] = RANKED[max(RANKED.index(years[year]) - steps, 0)]
    sanctions = person[2][1:] if drop_sanction else person[2]
    better = (years[0], years[1], sanctions)
    frame = placed(_tables([person, better]), NASIONAL)
    base, improved = (LevelKinerja(v).indeks for v in frame.get_column("level_kinerja"))
    assert improved >= base
