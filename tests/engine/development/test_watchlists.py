"""Rotation candidates (rotasi.csv) and the retention watch list (retensi.csv)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.engine.development.records import diklat, pegawai, rows, run

SUCCESSOR = {"jabatan_id": "T1", "peringkat": 1, "nip": "9", "kesiapan": "siap_sekarang"}


def _rotation(box: int | None = None, **values: object) -> str | None:
    result = run(people=[pegawai(**values)], boxes={"1": box} if box else None)
    table = rows(result, "rotasi.csv")
    return table[0]["alasan"] if table else None


@pytest.mark.parametrize(
    ("tmt_jabatan", "box", "expected"),
    [
        (date(2020, 10, 17), None, "masa_jabatan"),  # exactly 5 years
        (date(2020, 10, 18), None, None),  # one day short
        (date(2020, 10, 17), 5, "masa_jabatan"),  # box 5 has no rotation
        (date(2023, 10, 17), 4, "perlakuan_kotak"),  # box 4: rotation after 2 years
        (date(2023, 10, 18), 8, None),
        (date(2019, 1, 1), 7, "masa_jabatan;perlakuan_kotak"),
        (None, 8, None),  # no date in post, no tenure
    ],
)
def test_it_lists_rotation_candidates_with_their_reasons(
    tmt_jabatan: date | None, box: int | None, expected: str | None
) -> None:
    assert _rotation(box, tmt_jabatan=tmt_jabatan) == expected


def test_a_rotation_row_explains_itself() -> None:
    result = run(people=[pegawai(tmt_jabatan=date(2019, 1, 1))], boxes={"1": 4})
    (row,) = rows(result, "rotasi.csv")
    assert row["masa_jabatan_tahun"] == 6
    assert row["keterangan"] == (
        "menduduki jabatan yang sama 6 tahun (batas 5 tahun); "
        "perlakuan kotak 4 mencakup rotasi; 6 tahun di jabatan (minimal 2 tahun)"
    )


def _retention(
    box: int = 8, successors: tuple[dict[str, object], ...] = (SUCCESSOR,), **values: object
) -> str | None:
    result = run(
        people=[pegawai(**values)],
        boxes={"1": box},
        training=[diklat("1", date(2024, 5, 1), 20.0)],
        successors=successors,
    )
    table = rows(result, "retensi.csv")
    return table[0]["alasan"] if table else None


def test_it_watches_a_pool_member_named_for_no_position() -> None:
    assert _retention() == "bukan_suksesor"


def test_a_named_successor_without_risk_is_not_watched() -> None:
    named = ({**SUCCESSOR, "nip": "1"},)
    assert _retention(successors=named) is None


def test_it_does_not_judge_succession_when_the_result_is_empty() -> None:
    assert _retention(successors=()) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # AHLI_MUDA, BUP 58: born 1967-11-05 retires 2025-12-01; 1969-10-05: 2027-11-01.
        ({"tanggal_lahir": date(1967, 11, 5)}, "menjelang_bup"),
        ({"tanggal_lahir": date(1969, 9, 5)}, "menjelang_bup"),  # 2027-10-01, 2 years
        ({"tanggal_lahir": date(1969, 10, 5)}, None),
        # No new rank or post for 4 years: the later of the two dates counts.
        ({"tmt_golongan": date(2021, 10, 17), "tmt_jabatan": date(2020, 1, 1)}, "tanpa_promosi"),
        ({"tmt_golongan": date(2021, 10, 17), "tmt_jabatan": date(2022, 1, 1)}, None),
        ({"tmt_golongan": None, "tmt_jabatan": date(2021, 1, 1)}, "tanpa_promosi"),
    ],
)
def test_it_watches_pool_members_at_risk(values: dict[str, object], expected: str | None) -> None:
    named = ({**SUCCESSOR, "nip": "1"},)
    assert _retention(successors=named, **values) == expected


def test_it_watches_a_talent_below_the_yearly_jp() -> None:
    result = run(people=[pegawai()], boxes={"1": 9}, successors=[{**SUCCESSOR, "nip": "1"}])
    (row,) = rows(result, "retensi.csv")
    assert row["alasan"] == "jp_kurang"
    assert row["keterangan"] == "JP 2024: 0.0, di bawah 20 JP"


@pytest.mark.parametrize("box", [1, 4, 5, 6])
def test_only_the_retention_boxes_are_watched(box: int) -> None:
    assert _retention(box=box, tanggal_lahir=date(1967, 11, 5)) is None


def test_it_lists_every_reason_that_applies_in_order() -> None:
    result = run(
        people=[
            pegawai(
                tanggal_lahir=date(1967, 11, 5),
                tmt_golongan=date(2010, 1, 1),
                tmt_jabatan=date(2010, 1, 1),
            )
        ],
        boxes={"1": 7},
        successors=[SUCCESSOR],
    )
    (row,) = rows(result, "retensi.csv")
    assert row["alasan"] == "menjelang_bup;tanpa_promosi;bukan_suksesor;jp_kurang"
    assert row["jumlah_jabatan_suksesi"] == 0
    assert row["tanggal_pensiun"] == date(2025, 12, 1)
