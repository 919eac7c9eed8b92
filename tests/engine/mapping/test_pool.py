"""The talent pool: boxes of ``talenta.kotak`` minus the sanction and retirement exclusions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.domain.jenjang import tanggal_pensiun
from bakat.domain.policy import Policy, load_policy
from bakat.engine.mapping.pool import retirement_date, retires_by
from tests.engine.mapping.records import JPM, asesmen, data, mapped, pegawai, skp

POLICIES = Path(__file__).parent / "policies"
AS_OF = date(2025, 10, 1)
STAR = ("Sangat Baik", "Sangat Baik")


def _pool(
    people: list[dict[str, Any]], hukdis: Sequence[dict[str, Any]] = (), policy: Policy = JPM
) -> pl.DataFrame:
    tables = data(
        people,
        kinerja=[r for p in people for r in skp(p["nip"], STAR)],
        asesmen=[asesmen(p["nip"], skor_kompetensi=95.0) for p in people],
        hukdis=list(hukdis),
    )
    return mapped(tables, policy, AS_OF).kelompok_talenta


def _sanction(tingkat: str, tmt: date, akhir: date | None) -> dict[str, Any]:
    return {"nip": "1", "tingkat": tingkat, "tmt": tmt, "tanggal_akhir": akhir}


def test_a_box_9_person_without_exclusions_is_in_the_pool() -> None:
    pool = _pool([pegawai()])
    assert pool.select("nip", "kotak", "masuk", "alasan_pengecualian").row(0) == (
        "1",
        9,
        True,
        None,
    )


def test_people_outside_the_pool_boxes_are_not_listed() -> None:
    tables = data([pegawai()], kinerja=skp(predikat=("Kurang", "Kurang")), asesmen=[asesmen()])
    assert mapped(tables, JPM, AS_OF).kelompok_talenta.height == 0


def test_a_sanction_in_force_keeps_a_person_out() -> None:
    pool = _pool([pegawai()], [_sanction("ringan", date(2025, 9, 1), date(2025, 12, 1))])
    assert pool.select("kotak", "masuk", "alasan_pengecualian").row(0) == (
        8,  # a light sanction caps performance at sesuai
        False,
        "hukdis_aktif",
    )


def test_a_medium_sanction_in_the_window_keeps_a_person_out() -> None:
    # With the performance cap limited to sanctions in force, a medium sanction that
    # ended last year leaves performance "atas" (box 7 with the integrity penalty), and
    # only the pool rule keeps the person out.
    policy = load_policy(POLICIES / "jendela_kinerja_0.toml")
    pool = _pool([pegawai()], [_sanction("sedang", date(2024, 1, 1), date(2024, 12, 31))], policy)
    assert pool.select("kotak", "masuk", "alasan_pengecualian", "hukdis_talenta").row(0) == (
        7,
        False,
        "hukdis_dalam_jendela",
        "sedang",
    )


def test_a_light_sanction_that_has_ended_does_not_keep_a_person_out() -> None:
    pool = _pool([pegawai()], [_sanction("ringan", date(2024, 1, 1), date(2024, 3, 1))])
    assert pool.select("kotak", "masuk").row(0) == (8, True)


@pytest.mark.parametrize(
    ("lahir", "jenjang", "out"),
    [
        (date(1968, 9, 15), "AHLI_MUDA", True),  # BUP 58: retires 1 Oct 2026 = A + 1 year
        (date(1968, 10, 1), "AHLI_MUDA", False),  # retires 1 Nov 2026
        (date(1968, 9, 15), "AHLI_MADYA", False),  # BUP 60
        (date(1961, 9, 15), "AHLI_UTAMA", True),  # BUP 65
        (date(1968, 9, 15), None, False),  # no jenjang: no retirement date
    ],
)
def test_people_within_a_year_of_retirement_are_out(
    lahir: date, jenjang: str | None, out: bool
) -> None:
    pool = _pool([pegawai(tanggal_lahir=lahir, jenjang_jabatan=jenjang)])
    assert pool.get_column("masuk").to_list() == [not out]
    assert pool.get_column("alasan_pengecualian").to_list() == ["menjelang_bup" if out else None]


def test_every_reason_that_applies_is_listed() -> None:
    person = pegawai(tanggal_lahir=date(1968, 1, 1))
    pool = _pool([person], [_sanction("ringan", date(2025, 9, 1), None)])
    assert pool.get_column("alasan_pengecualian").to_list() == ["hukdis_aktif;menjelang_bup"]


@pytest.mark.parametrize(
    "lahir", [date(1966, 3, 15), date(1966, 3, 1), date(1966, 12, 31), date(1964, 2, 29)]
)
def test_the_retirement_date_is_the_domain_rule(lahir: date) -> None:
    frame = pl.DataFrame({"lahir": [lahir], "bup": [58]})
    value = frame.select(retirement_date(pl.col("lahir"), pl.col("bup"))).item()
    assert value == tanggal_pensiun(lahir, 58)


@given(
    lahir=st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31)),
    bup=st.sampled_from([58, 60, 65]),
    cakrawala=st.dates(min_value=date(1995, 1, 1), max_value=date(2080, 12, 31)),
)
@settings(max_examples=200, deadline=None)
def test_the_retirement_test_on_months_agrees_with_the_retirement_date(
    lahir: date, bup: int, cakrawala: date
) -> None:
    frame = pl.DataFrame({"lahir": [lahir], "bup": [bup]})
    value = frame.select(retires_by(pl.col("lahir"), pl.col("bup"), cakrawala)).item()
    assert value == (tanggal_pensiun(lahir, bup) <= cakrawala)
