"""The 20 JP rule (kepatuhan_jp.csv): PP 11/2017 Pasal 203."""

from __future__ import annotations

from datetime import date

import pytest

from tests.engine.development.records import AS_OF, diklat, pegawai, rows, run


def _person(*training: tuple[date, float | None], **values: object) -> dict[str, object]:
    result = run(
        people=[pegawai(**values)], training=[diklat("1", when, jp) for when, jp in training]
    )
    (row,) = [r for r in rows(result, "kepatuhan_jp.csv") if r["cakupan"] == "pegawai"]
    return row


@pytest.mark.parametrize(
    ("training", "meets"),
    [
        ([(date(2024, 3, 1), 20.0)], True),  # exactly 20 JP meets it
        ([(date(2024, 3, 1), 19.5)], False),
        ([(date(2024, 1, 1), 8.0), (date(2024, 12, 31), 12.0)], True),  # both year ends
        ([(date(2023, 12, 31), 40.0)], False),  # the year before does not count
        ([(date(2025, 2, 1), 40.0)], False),  # nor the as-of year
        ([(date(2024, 3, 1), None), (date(2024, 4, 1), 19.0)], False),  # missing jp is 0
        ([], False),
    ],
)
def test_it_checks_the_last_complete_year(
    training: list[tuple[date, float | None]], meets: bool
) -> None:
    row = _person(*training)
    assert row["tahun"] == 2024
    assert row["dinilai"] is True
    assert row["memenuhi"] is meets


def test_it_counts_the_as_of_year_up_to_the_as_of_date_only() -> None:
    row = _person((date(2025, 3, 1), 6.0), (AS_OF, 4.0), (date(2025, 10, 18), 30.0))
    assert row["jp_tahun_berjalan"] == 10.0
    assert row["kekurangan_jp_tahun_berjalan"] == 10.0


def test_nothing_is_missing_once_the_year_s_jp_is_reached() -> None:
    row = _person((date(2025, 3, 1), 26.0))
    assert row["kekurangan_jp_tahun_berjalan"] == 0.0


@pytest.mark.parametrize(
    ("values", "counted"),
    [
        ({"tmt_cpns": date(2024, 1, 1)}, True),  # in service on 1 January
        ({"tmt_cpns": date(2024, 1, 2)}, False),  # joined during the year
        ({"tmt_cpns": None, "tmt_pns": date(2020, 1, 1)}, True),
        ({"tmt_cpns": None}, False),  # unknown start
        # PPPK: the appointment year in the NI PPPK (digits 9-12).
        ({"nip": "198001012023011001", "status_kepegawaian": "PPPK"}, True),
        ({"nip": "198001012024011001", "status_kepegawaian": "PPPK"}, False),
        # PPPK without a readable NI PPPK: TMT jabatan.
        ({"nip": "P1", "status_kepegawaian": "PPPK", "tmt_jabatan": date(2023, 5, 1)}, True),
        ({"nip": "P1", "status_kepegawaian": "PPPK", "tmt_jabatan": date(2024, 5, 1)}, False),
    ],
)
def test_it_counts_only_people_in_service_for_the_whole_year(
    values: dict[str, object], counted: bool
) -> None:
    nip = str(values.get("nip", "1"))
    result = run(people=[pegawai(**values)], training=[diklat(nip, date(2024, 6, 1), 30.0)])
    (row,) = [r for r in rows(result, "kepatuhan_jp.csv") if r["cakupan"] == "pegawai"]
    assert row["dinilai"] is counted
    assert row["memenuhi"] is (True if counted else None)


@pytest.mark.parametrize(("reaching", "share", "met"), [(4, 80.0, True), (3, 60.0, False)])
def test_it_compares_the_unit_share_with_the_80_percent_target(
    reaching: int, share: float, met: bool
) -> None:
    people = [pegawai(str(i)) for i in range(5)]
    training = [diklat(str(i), date(2024, 5, 1), 20.0) for i in range(reaching)]
    result = run(people=people, training=training)
    table = rows(result, "kepatuhan_jp.csv")
    assert [r["cakupan"] for r in table] == ["semua", "unit", *["pegawai"] * 5]
    for summary in table[:2]:
        assert (summary["pegawai_dinilai"], summary["pegawai_memenuhi"]) == (5, reaching)
        assert summary["persen_memenuhi"] == share
        assert summary["target_persen"] == 80.0
        assert summary["target_tercapai"] is met
    assert table[1]["unit_kerja_nama"] == "Unit Satu"


def test_a_unit_with_nobody_counted_has_no_share() -> None:
    result = run(people=[pegawai(tmt_cpns=date(2025, 1, 1))])
    unit = next(r for r in rows(result, "kepatuhan_jp.csv") if r["cakupan"] == "unit")
    assert unit["pegawai_dinilai"] == 0
    assert unit["persen_memenuhi"] is None
    assert unit["target_tercapai"] is None


def test_it_reports_each_agency_when_the_data_has_agencies() -> None:
    people = [pegawai("1", instansi="A"), pegawai("2", instansi="B", unit_kerja="U2")]
    result = run(people=people, training=[diklat("1", date(2024, 5, 1), 25.0)])
    table = rows(result, "kepatuhan_jp.csv")
    assert [(r["cakupan"], r["instansi"]) for r in table[:3]] == [
        ("semua", None),
        ("instansi", "A"),
        ("instansi", "B"),
    ]
    assert [r["persen_memenuhi"] for r in table[1:3]] == [100.0, 0.0]
