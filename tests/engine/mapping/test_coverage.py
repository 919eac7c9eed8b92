"""Coverage: mapped out of total, overall and per agency, unit and jenjang, with reasons."""

from __future__ import annotations

from typing import Any

import polars as pl

from tests.engine.mapping.records import asesmen, data, mapped, pegawai, skp


def _coverage(people: list[dict[str, Any]]) -> pl.DataFrame:
    mappable = [p["nip"] for p in people if p.get("status_kepegawaian") != "CPNS"]
    tables = data(
        people,
        kinerja=[r for p in people for r in skp(p["nip"])],
        asesmen=[asesmen(nip) for nip in mappable if nip != "4"],
    )
    return mapped(tables).cakupan


PEOPLE = [
    pegawai("1", unit_kerja="U1"),
    pegawai("2", unit_kerja="U1", status_kepegawaian="CPNS"),
    pegawai("3", unit_kerja="U2", jenjang_jabatan="PELAKSANA"),
    pegawai("4", unit_kerja="U2", jenjang_jabatan="PELAKSANA"),  # no assessment
]


def _row(frame: pl.DataFrame, dimensi: str, kelompok: str | None) -> dict[str, Any]:
    match = pl.col("kelompok").is_null() if kelompok is None else pl.col("kelompok") == kelompok
    return frame.filter((pl.col("dimensi") == dimensi) & match).row(0, named=True)


def test_the_overall_row_counts_everyone_and_every_reason() -> None:
    row = _row(_coverage(PEOPLE), "semua", None)
    assert (row["jumlah_pegawai"], row["terpetakan"], row["tidak_terpetakan"]) == (4, 2, 2)
    assert row["persen_terpetakan"] == 50.0
    assert (row["cpns"], row["tanpa_asesmen"], row["tidak_aktif"]) == (1, 1, 0)


def test_each_unit_and_each_jenjang_has_its_row() -> None:
    frame = _coverage(PEOPLE)
    u1, u2 = _row(frame, "unit_kerja", "U1"), _row(frame, "unit_kerja", "U2")
    assert (u1["jumlah_pegawai"], u1["terpetakan"], u1["cpns"], u1["nama"]) == (
        2,
        1,
        1,
        "Unit Satu",
    )
    assert (u2["jumlah_pegawai"], u2["terpetakan"], u2["tanpa_asesmen"]) == (2, 1, 1)
    pelaksana = _row(frame, "jenjang_jabatan", "PELAKSANA")
    assert (pelaksana["jumlah_pegawai"], pelaksana["terpetakan"]) == (2, 1)
    assert frame.get_column("dimensi").to_list() == [
        "semua",
        "unit_kerja",
        "unit_kerja",
        "jenjang_jabatan",
        "jenjang_jabatan",
    ]


def test_agencies_get_rows_when_the_data_names_them() -> None:
    people = [pegawai("1", instansi="A"), pegawai("2", instansi="B"), pegawai("3", instansi="B")]
    frame = _coverage(people)
    assert "instansi" in frame.columns
    b = _row(frame, "instansi", "B")
    assert (b["instansi"], b["jumlah_pegawai"], b["terpetakan"]) == ("B", 2, 2)
    units = frame.filter(pl.col("dimensi") == "unit_kerja")
    assert units.select("instansi", "kelompok", "jumlah_pegawai").rows() == [
        ("A", "U1", 1),
        ("B", "U1", 2),
    ]


def test_a_unit_is_named_after_its_first_named_employee_in_the_file() -> None:
    people = [
        pegawai("3", unit_kerja="U1", unit_kerja_nama=None),
        pegawai("2", unit_kerja="U1", unit_kerja_nama="Biro Umum"),
        pegawai("1", unit_kerja="U1", unit_kerja_nama="Bagian Umum"),
    ]
    row = _row(_coverage(people), "unit_kerja", "U1")
    assert row["nama"] == "Biro Umum"
