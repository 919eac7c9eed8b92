"""The job: one collect, deterministic frames, the agency column only when there is one."""

from __future__ import annotations

import polars as pl

from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.job import pemetaan_columns, run_mapping
from bakat.engine.mapping.output import result_files
from tests.engine.mapping.records import AS_OF, NASIONAL, asesmen, data, mapped, pegawai, skp


def _tables(order: list[str], instansi: str | None = None) -> MappingData:
    people = [pegawai(nip, instansi=instansi, unit_kerja=f"U{int(nip) % 2}") for nip in order]
    return data(
        people,
        kinerja=[r for nip in order for r in skp(nip, ("Sangat Baik", "Baik"))],
        asesmen=[asesmen(nip, skor_kompetensi=60.0 + int(nip)) for nip in order],
        diklat=[{"nip": nip, "tanggal": AS_OF.replace(year=2024), "jp": 7.0} for nip in order],
    )


def test_the_same_input_gives_the_same_files_whatever_the_row_order() -> None:
    first = result_files(mapped(_tables(["3", "1", "2", "4"])))
    second = result_files(mapped(_tables(["4", "2", "1", "3"])))
    assert first.keys() == second.keys()
    for name in first:
        assert first[name].write_csv() == second[name].write_csv(), name


def test_pemetaan_has_the_documented_columns_in_order() -> None:
    result = run_mapping(_tables(["1"], instansi="K"), as_of=AS_OF, policy=NASIONAL)
    assert result.pemetaan.columns == pemetaan_columns(AS_OF, NASIONAL)
    assert result.kelompok_talenta.columns[:4] == ["nip", "kotak", "masuk", "alasan_pengecualian"]


def test_the_agency_column_is_kept_when_the_data_has_one() -> None:
    result = mapped(_tables(["1", "2"], instansi="K"))
    for frame in (result.pemetaan, result.kelompok_talenta, result.cakupan, result.keadilan):
        assert "instansi" in frame.columns
    assert "instansi" not in mapped(_tables(["1", "2"])).pemetaan.columns


def test_a_frame_with_only_nip_is_enough() -> None:
    result = run_mapping(
        MappingData(pegawai=pl.LazyFrame({"nip": ["9", "8"]})), as_of=AS_OF, policy=NASIONAL
    )
    assert result.pemetaan.select("nip", "alasan").rows() == [
        ("8", "skp_kurang_dari_2_tahun"),
        ("9", "skp_kurang_dari_2_tahun"),
    ]
