"""The reconciliation job on hand-made frames: statuses, pihak, the BKN list, counts."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest

from bakat.engine.reconcile.job import KOLOM_REKONSILIASI
from tests.engine.reconcile.records import BUDI, SITI, baris, frame, orang, rekonsiliasi


@pytest.mark.parametrize(
    "siasn",
    [
        orang(BUDI, nama="BUDI SANTOSO"),
        orang(BUDI, nama="  budi   santoso "),
        orang(BUDI, nama="BUDI SANTOSO, S.Kom.", gelar_belakang=None),
        orang(BUDI, nama="Budi Santoso, S.KOM", gelar_belakang=None),
        orang(BUDI, gelar_belakang="S. Kom"),
        orang(BUDI, golongan="3C"),
        orang(BUDI, golongan="III-c"),
        orang(BUDI, golongan="III c"),
        orang(BUDI, pendidikan="S-1"),
        orang(BUDI, jenis_kelamin="M"),
        orang(BUDI, pangkat="PENATA"),
        orang(BUDI, jabatan="PRANATA KOMPUTER  AHLI MUDA"),
        orang(BUDI, nik="3171 0112 0385 0001"),
        orang(BUDI, nip="19850312 201001 1 001"),
    ],
)
def test_a_formatting_only_difference_gives_no_row(siasn: dict[str, Any]) -> None:
    hasil = rekonsiliasi([BUDI], [siasn])
    assert baris(hasil) == []
    assert hasil.statistik.cocok_nip == 1


@pytest.mark.parametrize(
    ("ubah", "kolom", "pihak"),
    [
        ({"nama": "BUDI SANTOSA"}, "nama", "bkn"),
        ({"tanggal_lahir": date(1985, 3, 13)}, "tanggal_lahir", "bkn"),
        ({"golongan": "III/d"}, "golongan", "instansi"),
        ({"gelar_belakang": "S.T."}, "gelar_belakang", "instansi"),
        (
            {"nama": "BUDI SANTOSO, S.Kom., M.T.", "gelar_belakang": None},
            "gelar_belakang",
            "instansi",
        ),
        ({"unit_kerja": "U9"}, "unit_kerja", "instansi"),
        ({"pendidikan": "D3"}, "pendidikan", "instansi"),
        ({"status_aktif": False}, "status_aktif", "instansi"),
        ({"nik": None}, "nik", "instansi"),
    ],
)
def test_a_real_difference_of_the_same_nip_is_beda_with_its_pihak(
    ubah: dict[str, Any], kolom: str, pihak: str
) -> None:
    hasil = rekonsiliasi([BUDI], [orang(BUDI, **ubah)])
    assert baris(hasil) == [(BUDI["nip"], BUDI["nip"], "beda", kolom)]
    assert hasil.rekonsiliasi["pihak"].to_list() == [pihak]


def test_it_shows_the_values_as_each_side_holds_them() -> None:
    hasil = rekonsiliasi([BUDI], [orang(BUDI, golongan="III/d", tanggal_lahir=date(1985, 3, 2))])
    nilai = hasil.rekonsiliasi.select("kolom", "nilai_lokal", "nilai_siasn").rows()
    assert nilai == [("tanggal_lahir", "1985-03-12", "1985-03-02"), ("golongan", "III/c", "III/d")]


def test_records_on_one_side_only_are_hanya_lokal_and_hanya_siasn() -> None:
    hasil = rekonsiliasi([BUDI], [SITI])
    assert baris(hasil) == [
        (BUDI["nip"], None, "hanya_lokal", None),
        (None, SITI["nip"], "hanya_siasn", None),
    ]
    assert hasil.rekonsiliasi["pihak"].to_list() == ["instansi", "instansi"]


def test_a_nip_typo_is_matched_fuzzily_with_one_row_per_differing_field() -> None:
    typo = "198503122010011007"
    hasil = rekonsiliasi([BUDI, SITI], [orang(BUDI, nip=typo, golongan="III/d"), SITI])
    assert baris(hasil) == [
        (BUDI["nip"], typo, "cocok_fuzzy", "nip"),
        (BUDI["nip"], typo, "cocok_fuzzy", "golongan"),
    ]
    assert hasil.rekonsiliasi["skor"].to_list() == [100.0, 100.0]
    assert hasil.rekonsiliasi["pihak"].to_list() == ["bkn", "instansi"]
    assert hasil.statistik.cocok_fuzzy == 1


def test_a_missing_local_nip_is_matched_on_name_birth_date_and_sex() -> None:
    hasil = rekonsiliasi([orang(BUDI, nip=None)], [BUDI])
    assert baris(hasil) == [(None, BUDI["nip"], "cocok_fuzzy", "nip")]
    assert hasil.rekonsiliasi["keterangan"].item().startswith("NIP kosong di data instansi")
    assert hasil.usulan_bkn.height == 0  # nothing to propose: the agency fills in its NIP


@pytest.mark.parametrize(
    "ubah",
    [
        {},
        {"nip": None},  # no NIP to veto: the names still differ
        {"nip": None, "nik": None},
        {"nip": "1.98503E+17", "nik": "1.23E+15"},  # malformed numbers veto nothing
        {"nip": None, "nama": "Budi Susanto"},  # close names, two NIKs
    ],
)
def test_two_people_sharing_a_birth_date_are_not_matched(ubah: dict[str, Any]) -> None:
    kembar = orang(SITI, nip="198503122012121002", tanggal_lahir=BUDI["tanggal_lahir"],
                   jenis_kelamin="L", nama="Budi Hartono") | ubah  # fmt: skip
    hasil = rekonsiliasi([BUDI], [kembar])
    assert [r[2] for r in baris(hasil)] == ["hanya_lokal", "hanya_siasn"]


def test_the_same_name_and_birth_date_with_a_distant_nip_is_not_matched() -> None:
    lain = orang(BUDI, nip="198503122014061001")
    hasil = rekonsiliasi([BUDI], [lain])
    assert [r[2] for r in baris(hasil)] == ["hanya_lokal", "hanya_siasn"]
    (kandidat,) = hasil.pencocokan.iter_rows(named=True)
    assert kandidat["alasan"] == "nip_berbeda_lebih_dari_satu_digit"
    assert not kandidat["diterima"]


def test_a_namesake_born_the_same_day_with_another_nik_is_not_matched() -> None:
    # NIPs one swap apart (serial 001 / 010), but the NIKs are those of two people.
    lain = orang(BUDI, nip="198503122010011010", nik="3273051203850004")
    hasil = rekonsiliasi([BUDI], [lain])
    assert [r[2] for r in baris(hasil)] == ["hanya_lokal", "hanya_siasn"]
    assert hasil.pencocokan["alasan"].to_list() == ["nik_berbeda_lebih_dari_satu_digit"]


def test_a_nik_typo_does_not_block_a_match() -> None:
    lain = orang(BUDI, nip="198503122010011010", nik="3171011203850009")
    hasil = rekonsiliasi([BUDI], [lain])
    assert [r[3] for r in baris(hasil)] == ["nip", "nik"]


def test_a_registry_record_is_matched_at_most_once() -> None:
    typo_a, typo_b = "198503122010011002", "198503122010011003"
    hasil = rekonsiliasi([orang(BUDI, nip=typo_a), orang(BUDI, nip=typo_b)], [BUDI])
    assert hasil.statistik.cocok_fuzzy == 1
    assert sorted(r[2] for r in baris(hasil)) == ["cocok_fuzzy", "hanya_lokal"]
    assert hasil.pencocokan.filter(~pl.col("diterima"))["alasan"].to_list() == [
        "rekaman_dipasangkan_dengan_calon_lain"
    ]


def test_the_better_candidate_wins_the_one_to_one_assignment() -> None:
    typo = "198503122010011002"
    hampir = orang(BUDI, nip="198503122010011003", nama="BUDI SANTOSA")
    hasil = rekonsiliasi([orang(BUDI, nip=typo)], [hampir, BUDI])
    cocok = hasil.rekonsiliasi.filter(pl.col("status") == "cocok_fuzzy")
    assert cocok["nip_siasn"].unique().to_list() == [BUDI["nip"]]


def test_a_birth_date_that_disagrees_with_the_nip_is_proposed_to_bkn() -> None:
    hasil = rekonsiliasi([BUDI], [orang(BUDI, tanggal_lahir=date(1985, 3, 21))])
    (usul,) = hasil.usulan_bkn.iter_rows(named=True)
    assert (usul["kolom"], usul["nilai_siasn"], usul["nilai_usulan"]) == (
        "tanggal_lahir",
        "1985-03-21",
        "1985-03-12",
    )
    assert "tidak sesuai dengan NIP" in usul["alasan"]


def test_a_local_birth_date_that_disagrees_with_the_nip_is_not_sent_to_bkn() -> None:
    hasil = rekonsiliasi([orang(BUDI, tanggal_lahir=date(1985, 3, 21))], [BUDI])
    assert hasil.rekonsiliasi["pihak"].to_list() == ["bkn"]
    assert "perbaiki data instansi" in hasil.rekonsiliasi["keterangan"].item()
    assert hasil.usulan_bkn.height == 0


def test_only_bkn_fields_go_to_the_bkn_list() -> None:
    siasn = orang(BUDI, nama="BUDI SANTOSA", golongan="III/d")
    hasil = rekonsiliasi([BUDI], [siasn])
    assert hasil.usulan_bkn.select("kolom", "nilai_siasn", "nilai_usulan").rows() == [
        ("nama", "BUDI SANTOSA", "Budi Santoso")
    ]


def test_the_summary_counts_rows_and_records_per_status_column_and_pihak() -> None:
    hasil = rekonsiliasi(
        [BUDI, SITI, orang(SITI, nip="199007252015032003", nama="Ani")],
        [orang(BUDI, golongan="III/d", nama="BUDI SANTOSA"), orang(SITI, golongan="III/b")],
    )
    assert hasil.ringkasan.rows() == [
        ("beda", "nama", "bkn", 1, 1),
        ("beda", "golongan", "instansi", 2, 2),
        ("hanya_lokal", None, "instansi", 1, 1),
    ]


@pytest.mark.parametrize(
    ("lokal", "siasn", "status"),
    [([BUDI, SITI], [], ["hanya_lokal", "hanya_lokal"]), ([], [SITI], ["hanya_siasn"])],
)
def test_an_empty_side_leaves_every_record_alone(
    lokal: list[dict[str, Any]], siasn: list[dict[str, Any]], status: list[str]
) -> None:
    assert [r[2] for r in baris(rekonsiliasi(lokal, siasn))] == status


def test_the_output_has_the_contract_columns() -> None:
    hasil = rekonsiliasi([BUDI], [SITI])
    assert hasil.rekonsiliasi.columns == [c for c in KOLOM_REKONSILIASI if c != "instansi"]


def test_instansi_is_shown_when_the_records_have_one() -> None:
    lokal = frame(BUDI).with_columns(instansi=pl.lit("A1"))
    from bakat.domain.policy import load_policy
    from bakat.engine.reconcile.job import run_reconcile

    hasil = run_reconcile(lokal, frame(SITI), policy=load_policy("nasional-2025"))
    assert hasil.rekonsiliasi["instansi"].to_list() == ["A1", None]


def test_the_same_input_gives_the_same_output_whatever_the_row_order() -> None:
    lokal = [BUDI, SITI, orang(SITI, nip="199007252015032009", nama="Ani", tanggal_lahir=None)]
    siasn = [
        orang(BUDI, nip="198503122010011009"),
        orang(SITI, nama="SITI AMINA"),
        orang(BUDI, nip="197001012000011001"),
    ]
    a = rekonsiliasi(lokal, siasn)
    b = rekonsiliasi(lokal[::-1], siasn[::-1])
    assert a.rekonsiliasi.equals(b.rekonsiliasi)
    assert a.usulan_bkn.equals(b.usulan_bkn)
    assert a.ringkasan.equals(b.ringkasan)
