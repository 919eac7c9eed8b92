"""The check job: findings, summary, skipped rules, determinism."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bakat.domain.errors import InputError
from bakat.engine.quality import run_check
from bakat.engine.quality.catalog import ATURAN
from bakat.engine.quality.temuan import TEMUAN_SCHEMA
from tests.engine.quality.contoh import AS_OF, NIP_BUDI, NIP_SITI, data, periksa


def _rusak() -> dict[str, pl.DataFrame]:
    ubah = {"tanggal_lahir": date(1980, 1, 2), "nik": "31710101018000", "tmt_pns": date(2004, 1, 1)}
    return data(ubah, baris={"pegawai": {1: {"golongan": "IV/e", "jenis_kelamin": "L"}}})


def test_it_finds_nothing_on_a_clean_agency() -> None:
    hasil = periksa(data())
    assert hasil.temuan.height == 0
    assert hasil.dilewati == ()
    assert hasil.ringkasan_aturan.get_column("jumlah").sum() == 0


def test_it_does_not_stop_at_the_first_bad_row() -> None:
    temuan = periksa(_rusak()).temuan
    assert set(temuan.get_column("nip")) == {NIP_BUDI, NIP_SITI}
    assert temuan.filter(pl.col("nip") == NIP_BUDI).height >= 3


def test_it_writes_the_findings_columns_in_order() -> None:
    temuan = periksa(_rusak()).temuan
    kolom = [c for c in TEMUAN_SCHEMA.names() if c != "instansi"]
    assert temuan.columns == kolom


def test_it_gives_the_same_findings_for_the_same_input_and_date() -> None:
    pertama = periksa(_rusak()).temuan
    tables = {n: f.sample(fraction=1.0, shuffle=True, seed=3) for n, f in _rusak().items()}
    kedua = periksa(tables).temuan.drop("baris")
    assert pertama.drop("baris").equals(kedua)


def test_it_sorts_findings_by_unit_nip_and_rule() -> None:
    temuan = periksa(_rusak()).temuan
    assert temuan.equals(
        temuan.sort(["unit_kerja", "nip", "aturan", "nama_aturan", "tabel", "baris"])
    )


def test_it_counts_findings_per_rule_for_every_rule() -> None:
    hasil = periksa(_rusak())
    ringkasan = hasil.ringkasan_aturan
    assert ringkasan.height == len(ATURAN)
    assert ringkasan.get_column("jumlah").sum() == hasil.temuan.height
    baris = ringkasan.filter(pl.col("nama_aturan") == "tmt_pns_sebelum_tmt_cpns").row(0, named=True)
    assert (baris["aturan"], baris["tingkat"], baris["jumlah"]) == ("V13", "error", 1)


def test_it_counts_findings_per_severity() -> None:
    hasil = periksa(_rusak())
    per = hasil.jumlah_per_tingkat()
    assert sum(per.values()) == hasil.temuan.height
    assert per["error"] >= 3


def test_it_skips_rules_of_absent_tables_and_lists_them() -> None:
    tables = data()
    del tables["kinerja"]
    hasil = periksa(tables)
    dilewati = {d.rule.name: d.alasan for d in hasil.dilewati}
    assert dilewati["predikat_tidak_sesuai_matriks"] == "tabel kinerja tidak ada"
    assert dilewati["skp_tidak_lengkap"] == "tabel kinerja tidak ada"


def test_it_needs_the_pegawai_table() -> None:
    tables = data()
    del tables["pegawai"]
    with pytest.raises(InputError):
        run_check(tables, as_of=AS_OF)


def test_it_refuses_an_unknown_table() -> None:
    with pytest.raises(ValueError, match="unknown tables"):
        run_check({**data(), "gaji": pl.DataFrame({"nip": ["1"]})}, as_of=AS_OF)


def test_it_depends_on_the_as_of_date() -> None:
    ubah = {"tanggal_lahir": date(1967, 10, 1), "nip": "196710012005011001"}
    sebelum = periksa(data(ubah), ["aktif_melewati_bup"], as_of=date(2025, 10, 31))
    sesudah = periksa(data(ubah), ["aktif_melewati_bup"], as_of=date(2025, 11, 1))
    assert (sebelum.temuan.height, sesudah.temuan.height) == (0, 1)


def test_it_groups_by_agency_when_the_data_has_one() -> None:
    tables = data()
    for nama in ("pegawai", "jabatan"):
        tables[nama] = tables[nama].with_columns(instansi=pl.lit("K01"))
    hasil = periksa(tables)
    assert "instansi" in hasil.temuan.columns
    assert hasil.indeks_kualitas.get_column("cakupan").to_list() == [
        "semua",
        "instansi",
        "unit",
        "unit",
    ]


def test_it_runs_on_lazy_frames_with_only_some_columns() -> None:
    pegawai = pl.LazyFrame({"nip": [NIP_BUDI, "123"]})
    hasil = run_check({"pegawai": pegawai}, as_of=AS_OF)
    assert hasil.temuan.get_column("nama_aturan").to_list() == ["nip_bukan_18_digit"]


def test_it_words_findings_with_the_text_the_rules_themselves_do_not_read() -> None:
    # diklat.nama, relasi.hubungan and the NIP text of the other tables are read again
    # for the rows with a finding only.
    tables = data(
        baris={
            "diklat": {0: {"jp": 0.0, "nama": "Bimtek Khusus"}},
            "relasi": {0: {"nip_b": "199912312020121999"}},
        }
    )
    temuan = periksa(tables).temuan
    jp = temuan.filter(pl.col("nama_aturan") == "jp_diklat_tidak_positif").row(0, named=True)
    assert (jp["nip"], jp["tabel"], jp["baris"]) == (NIP_BUDI, "diklat", 2)
    assert "Bimtek Khusus" in jp["pesan"]
    relasi = temuan.filter(pl.col("nama_aturan") == "relasi_nip_tidak_dikenal").row(0, named=True)
    assert relasi["nip"] == NIP_BUDI
    assert relasi["nilai"] == "199912312020121999"
    assert "(atasan_langsung)" in relasi["pesan"]
