"""The development job: files, order, determinism, empty inputs."""

from __future__ import annotations

import io
from datetime import date

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.engine.development.job import FILES, run_development
from bakat.engine.mapping.frames import MappingData
from tests.engine.development.records import (
    AS_OF,
    NASIONAL,
    asesmen,
    diklat,
    frame,
    jabatan,
    levels,
    pegawai,
    run,
)


def _agency(order: list[int]) -> dict[str, bytes]:
    people = [
        pegawai(
            f"{i:03d}",
            jenjang_jabatan=("ADMINISTRATOR", "PENGAWAS", "AHLI_MUDA")[i % 3],
            tanggal_lahir=date(1965 + i % 30, 1 + i % 12, 1 + i % 28),
            tmt_jabatan=date(2015 + i % 10, 1, 1),
            unit_kerja=f"U{i % 4}",
            pendidikan=("D3", "S1", "S2")[i % 3],
        )
        for i in order
    ]
    result = run(
        people=people,
        assessments=[asesmen(f"{i:03d}", **levels(1 + i % 5)) for i in order],
        training=[diklat(f"{i:03d}", date(2024, 5, 1), float(i % 40)) for i in order],
        posts=[jabatan("J1", **levels(None, komunikasi=4), nip_pemangku="001")],
        boxes={f"{i:03d}": 1 + i % 9 for i in order},
        successors=[
            {"jabatan_id": "J1", "peringkat": 1, "nip": "002", "kesiapan": "siap_sekarang"}
        ],
    )
    out = {}
    for name in FILES:
        buffer = io.BytesIO()
        result.files[name].write_csv(buffer)
        out[name] = buffer.getvalue()
    return out


@settings(max_examples=5, deadline=None)
@given(st.permutations(list(range(40))))
def test_output_is_byte_identical_whatever_the_input_order(order: list[int]) -> None:
    assert _agency(order) == _agency(list(range(40)))


def test_it_writes_every_file_even_for_an_empty_agency() -> None:
    result = run(people=[])
    assert tuple(result.files) == FILES
    assert all(
        frame.height == 0 for name, frame in result.files.items() if name != "kepatuhan_jp.csv"
    )
    assert result.ringkasan["pegawai_dengan_idp"] == 0


def test_it_drops_the_agency_column_when_no_employee_has_one() -> None:
    result = run(people=[pegawai()])
    assert all("instansi" not in frame.columns for frame in result.files.values())
    with_agency = run(people=[pegawai(instansi="A")])
    assert all("instansi" in frame.columns for frame in with_agency.files.values())


def test_it_keeps_the_first_record_of_a_repeated_nip() -> None:
    result = run(people=[pegawai(unit_kerja="U1"), pegawai(unit_kerja="U2")])
    persons = result.files["kepatuhan_jp.csv"].filter(pl.col("cakupan") == "pegawai")
    assert persons.get_column("unit_kerja").to_list() == ["U1"]


def test_a_succession_result_without_columns_reads_as_empty() -> None:
    data = MappingData(pegawai=frame("pegawai", [pegawai()]))
    pemetaan = pl.DataFrame({"nip": ["1"], "kotak": [8], "terpetakan": [True]})
    result = run_development(data, pemetaan, pl.DataFrame(), AS_OF, NASIONAL)
    assert result.catatan
    # Without training the person is below 20 JP; succession is not judged.
    assert result.files["retensi.csv"].get_column("alasan").to_list() == ["jp_kurang"]
