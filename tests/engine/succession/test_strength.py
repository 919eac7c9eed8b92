"""Bench strength per target post and the run's summary."""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.policy import load_policy
from bakat.engine.succession.job import run_succession

from .records import AS_OF, agency, person, post

POLICY = load_policy()


def _strength(people, posts):  # type: ignore[no-untyped-def]
    data, pemetaan = agency(people, posts)
    return run_succession(data, pemetaan, AS_OF, POLICY)


def test_it_counts_successors_by_readiness_band_and_people_on_several_lists() -> None:
    people = [
        person("198001012005011001", kotak=9),
        person("198001012005011002", kotak=8, level_kinerja="sesuai"),
        person("198001012005011003", kotak=7, level_kinerja="atas", skor_potensi=70.0),
    ]
    result = _strength(people, [post("J1"), post("J2")])
    rows = {r["jabatan_id"]: r for r in result.kekuatan.iter_rows(named=True)}
    for row in rows.values():
        assert row["jumlah_kandidat"] == 3
        assert row["jumlah_suksesor"] == 3
        assert (row["jumlah_siap_sekarang"], row["jumlah_siap_1_2_tahun"]) == (2, 1)
        assert row["suksesor_di_daftar_lain"] == 3
        assert row["ada_suksesor_pertama"] and not row["berisiko"]
    assert result.ringkasan.orang_di_beberapa_daftar == 3
    assert result.ringkasan.tercakup_penuh == 2


def test_a_vacant_post_without_a_ready_successor_is_at_risk() -> None:
    result = _strength([person("198001012005011003", kotak=7)], [post("J1")])
    row = result.kekuatan.row(0, named=True)
    assert (row["jumlah_suksesor"], row["jumlah_siap_sekarang"], row["berisiko"]) == (1, 0, True)
    assert result.ringkasan.berisiko == 1


def test_a_critical_post_with_a_young_incumbent_is_not_at_risk_even_without_successors() -> None:
    incumbent = person(
        "198501012010011001", jenjang_jabatan="ADMINISTRATOR", tanggal_lahir=date(1985, 1, 1)
    )
    result = _strength([incumbent], [post("J1", kritikal=True, nip_pemangku=incumbent["nip"])])
    row = result.kekuatan.row(0, named=True)
    assert (row["jumlah_suksesor"], row["berisiko"]) == (0, False)


def test_the_summary_reads_in_indonesian() -> None:
    result = _strength([person("198001012005011001")], [post("J1"), post("J2")])
    lines = result.ringkasan.lines()
    assert lines[0] == "2 jabatan target; 2 punya suksesor (100,0%), 0 dengan daftar penuh"
    assert result.kekuatan.get_column("jabatan_id").to_list() == ["J1", "J2"]
    assert result.kekuatan.schema["berisiko"] == pl.Boolean
