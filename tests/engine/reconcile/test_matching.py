"""The fuzzy stage: blocks, the explainable score, the NIP guard, one-to-one assignment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.domain.policy import Policy, load_policy
from bakat.domain.policy_support import BobotRekonsiliasi, RekonsiliasiPolicy
from bakat.engine.reconcile.matching import cocokkan_fuzzy
from tests.engine.reconcile.records import BUDI, SITI, baris, orang, rekonsiliasi


def _kebijakan(
    nama: float, tanggal: float, jk: float, cocok: float, ambang_nama: float, nik: float = 0
) -> Policy:
    dasar = load_policy("nasional-2025")
    bobot = BobotRekonsiliasi(nama=nama, tanggal_lahir=tanggal, jenis_kelamin=jk, nik=nik)
    return replace(dasar, rekonsiliasi=RekonsiliasiPolicy(cocok, ambang_nama, bobot))


def test_the_score_is_explained_by_its_sub_scores() -> None:
    typo = "198503122010011002"
    hasil = rekonsiliasi([orang(BUDI, nip=typo, jenis_kelamin="P")], [BUDI])
    (k,) = hasil.pencocokan.iter_rows(named=True)
    sub = ("skor_nama", "skor_tanggal_lahir", "skor_jenis_kelamin", "skor_nik")
    assert tuple(k[c] for c in sub) == (60.0, 15.0, 0.0, 15.0)
    assert k["skor"] == 90.0
    assert k["diterima"]
    assert k["blok"] == "tanggal_lahir"


@pytest.mark.parametrize(
    ("ubah", "skor"),
    [
        ({}, 100.0),
        ({"nik": None}, 85.0),  # no NIK on one side: name, birth date and sex
        ({"nik": "3171011203850002"}, 85.0),  # a NIK typo: no points, and no veto
        ({"tanggal_lahir": date(1985, 3, 21)}, 85.0),  # the NIK stands for the birth date
    ],
)
def test_the_nik_adds_its_points_only_when_it_is_the_same(
    ubah: dict[str, object], skor: float
) -> None:
    hasil = rekonsiliasi([orang(BUDI, nip=None, **ubah)], [BUDI])
    (k,) = hasil.pencocokan.iter_rows(named=True)
    assert k["skor"] == skor
    assert k["diterima"]


@pytest.mark.parametrize("nama", ["BUDI ANTOSO", "SANTOSO BUDI", "BUDI SANTOS"])
def test_a_name_typo_or_word_swap_still_matches(nama: str) -> None:
    typo = "198503122010011002"
    hasil = rekonsiliasi([orang(BUDI, nip=typo)], [orang(BUDI, nama=nama)])
    assert hasil.statistik.cocok_fuzzy == 1


def test_a_name_below_the_name_threshold_is_refused_even_with_a_close_nip() -> None:
    typo = "198503122010011002"
    hasil = rekonsiliasi([orang(BUDI, nip=typo, nama="Bambang Sutrisno")], [BUDI])
    assert [r[2] for r in baris(hasil)] == ["hanya_lokal", "hanya_siasn"]


@pytest.mark.parametrize("nik", [None, "3171011203850002", "1.23E+15"])
def test_under_the_default_weights_a_different_birth_date_needs_the_same_nik(
    nik: str | None,
) -> None:
    typo = "198503122010011002"
    lokal = orang(BUDI, nip=typo, tanggal_lahir=date(1985, 3, 13), nik=nik)
    hasil = rekonsiliasi([lokal], [BUDI])
    assert hasil.statistik.cocok_fuzzy == 0


def test_a_malformed_nip_with_a_wrong_birth_date_is_matched_by_its_nik() -> None:
    lokal = orang(BUDI, nip="1985O3122010011001", tanggal_lahir=date(1985, 3, 21))
    hasil = rekonsiliasi([lokal], [BUDI])
    (k,) = hasil.pencocokan.iter_rows(named=True)
    assert (k["blok"], k["skor_tanggal_lahir"], k["skor_nik"], k["diterima"]) == (
        "nik",
        0.0,
        15.0,
        True,
    )
    assert [r[3] for r in baris(hasil)] == ["nip", "tanggal_lahir"]


def test_a_shared_nik_without_a_similar_name_is_not_matched() -> None:
    lain = orang(SITI, nip=None, nik=BUDI["nik"], jenis_kelamin="L")
    hasil = rekonsiliasi([lain], [BUDI])
    assert hasil.statistik.cocok_fuzzy == 0


@pytest.mark.parametrize(
    ("ubah", "blok"),
    [
        ({"nip": "198503122010011002"}, "nip"),
        ({"nip": "198503122010101001"}, "nip"),  # two neighbouring digits swapped
        ({"nip": "19850312201001100"}, "nip"),  # a digit lost
        ({"nip": None}, "nik"),
        ({"nip": None, "nik": None}, "nama"),
    ],
)
def test_a_policy_may_allow_a_wrong_birth_date_found_by_another_block(
    ubah: dict[str, object], blok: str
) -> None:
    kebijakan = _kebijakan(nama=70, tanggal=20, jk=10, cocok=80, ambang_nama=90)
    lokal = orang(BUDI, tanggal_lahir=date(1985, 3, 21), **ubah)
    hasil = rekonsiliasi([lokal], [BUDI], kebijakan)
    assert hasil.statistik.cocok_fuzzy == 1
    assert hasil.pencocokan["blok"].to_list() == [blok]


@pytest.mark.parametrize(
    ("bobot", "cocok"),
    [
        ((60, 15, 10, 15), 75),  # the default: the NIK block finds it
        ((50, 35, 0, 15), 90),  # no NIK block (50 + 15 < 90): the whole birth date is
    ],
)
def test_a_different_sex_with_the_same_birth_date_and_nik_is_never_lost(
    bobot: tuple[float, float, float, float], cocok: float
) -> None:
    nama, tanggal, jk, nik = bobot
    kebijakan = _kebijakan(nama, tanggal, jk, cocok, ambang_nama=85, nik=nik)
    lokal = orang(BUDI, nip=None, nama="Budi Santosa", jenis_kelamin="P")
    hasil = rekonsiliasi([lokal], [BUDI], kebijakan)
    assert hasil.statistik.cocok_fuzzy == 1


def test_the_nip_guard_allows_a_malformed_nip() -> None:
    hasil = rekonsiliasi([orang(BUDI, nip="1.98503E+17")], [BUDI])
    assert baris(hasil)[0] == ("1.98503E+17", BUDI["nip"], "cocok_fuzzy", "nip")


def _sisa(*rows: dict[str, object]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "_id": i,
                "_nip": r["nip"],
                "nip": r["nip"],
                "nama": r["nama"],
                "tanggal_lahir": r["tanggal_lahir"],
                "jenis_kelamin": r["jenis_kelamin"],
                "nik": r["nik"],
            }
            for i, r in enumerate(rows)
        ],
        schema={"_id": pl.Int64, "_nip": pl.String, "nip": pl.String, "nama": pl.String,
                "tanggal_lahir": pl.Date, "jenis_kelamin": pl.String, "nik": pl.String},
    )  # fmt: skip


_ORANG = [BUDI, SITI, orang(BUDI, nama="Budi Santosa"), orang(SITI, nama="Siti Aminah Lubis")]


@settings(max_examples=40, deadline=None)
@given(
    lokal=st.lists(st.integers(0, 3), min_size=1, max_size=6),
    siasn=st.lists(st.integers(0, 3), min_size=1, max_size=6),
    digit=st.lists(st.integers(0, 9), min_size=12, max_size=12),
)
def test_no_record_is_ever_matched_twice(
    lokal: list[int], siasn: list[int], digit: list[int]
) -> None:
    def varian(i: int, k: int) -> dict[str, object]:
        r = _ORANG[i]
        return orang(r, nip=str(r["nip"])[:-1] + str(digit[k % 12]))

    kandidat = cocokkan_fuzzy(
        _sisa(*(varian(i, k) for k, i in enumerate(lokal))),
        _sisa(*(varian(i, k + 6) for k, i in enumerate(siasn))),
        load_policy("nasional-2025").rekonsiliasi,
    )
    diterima = kandidat.filter("diterima")
    assert diterima["_id"].is_unique().all()
    assert diterima["_id__s"].is_unique().all()
    assert (diterima["skor"] >= load_policy("nasional-2025").rekonsiliasi.ambang_cocok).all()
