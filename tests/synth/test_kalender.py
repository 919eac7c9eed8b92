"""Vectorised dates agree with the standard library and the domain rules."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.domain.jenjang import tanggal_pensiun
from bakat.domain.jenjang import usia as umur
from bakat.synth import kalender as k

TANGGAL = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(TANGGAL)
def test_day_numbers_round_trip_through_year_month_day(d: date) -> None:
    t, b, h = k.ymd([k.hari(d)])
    assert date(int(t[0]), int(b[0]), int(h[0])) == d
    assert int(k.dari_ymd(t, b, h)[0]) == k.hari(d)


@given(TANGGAL, st.integers(min_value=50, max_value=70))
def test_retirement_date_matches_the_domain_rule(lahir: date, bup: int) -> None:
    hasil = k.tanggal_pensiun([k.hari(lahir)], [bup])
    assert k.tanggal(int(hasil[0])) == tanggal_pensiun(lahir, bup)


@given(TANGGAL, TANGGAL)
def test_age_matches_the_domain_rule(lahir: date, pada: date) -> None:
    if pada < lahir:
        lahir, pada = pada, lahir
    assert int(k.umur_tahun([k.hari(lahir)], [k.hari(pada)])[0]) == umur(lahir, pada)


def _kp_ref(d: date) -> date:
    while True:
        if d.day == 1 and (
            (d < date(2024, 1, 1) and d.month in (4, 10))
            or (date(2024, 1, 1) <= d < date(2025, 10, 1) and d.month % 2 == 0)
            or d >= date(2025, 10, 1)
        ):
            return d
        d -= timedelta(days=1)


@pytest.mark.parametrize(
    ("d", "harap"),
    [
        (date(2023, 3, 31), date(2022, 10, 1)),
        (date(2023, 4, 1), date(2023, 4, 1)),
        (date(2024, 1, 15), date(2023, 10, 1)),
        (date(2024, 3, 2), date(2024, 2, 1)),
        (date(2025, 9, 30), date(2025, 8, 1)),
        (date(2025, 11, 20), date(2025, 11, 1)),
    ],
)
def test_promotion_dates_follow_the_kp_calendar(d: date, harap: date) -> None:
    assert k.tanggal(int(k.awal_bulan_kp([k.hari(d)])[0])) == harap == _kp_ref(d)


def test_promotion_dates_agree_with_a_day_by_day_search() -> None:
    hari = np.arange(k.hari(date(2018, 1, 1)), k.hari(date(2027, 1, 1)), 7)
    hasil = k.awal_bulan_kp(hari)
    assert all(
        k.tanggal(int(h)) == _kp_ref(k.tanggal(int(x))) for h, x in zip(hasil, hari, strict=True)
    )


def test_the_vectorised_kp_calendar_agrees_with_the_domain_rule_every_day() -> None:
    from datetime import timedelta

    from bakat.domain.golongan import tmt_kp_sah

    first = date(2019, 1, 1)
    days = [first + timedelta(days=i) for i in range(365 * 9)]
    sah = k.bulan_kp_sah(np.array([k.hari(d) for d in days]))
    assert [bool(x) for x in sah] == [tmt_kp_sah(d) for d in days]
