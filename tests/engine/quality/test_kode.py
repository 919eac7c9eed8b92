"""Identifier keys and parts: the vectorised reading agrees with ``bakat.domain``."""

from __future__ import annotations

from datetime import date

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.domain.identitas import KodeMasalah
from bakat.domain.kepegawaian import JenisKelamin
from bakat.domain.nik import build_nik, parse_nik
from bakat.domain.nip import build_nip, parse_nip
from bakat.engine.quality.kode import BIT_TIDAK_BAKU, kunci_nomor, usia_ymd
from bakat.engine.quality.rules_nik import nik_sah
from tests.engine.quality.contoh import siap

AS_OF = date(2025, 10, 17)


def _siap(**kolom: list[object]) -> pl.DataFrame:
    return siap({"pegawai": pl.LazyFrame(kolom)}, AS_OF)["pegawai"]


def test_it_keys_an_18_digit_nip_by_its_value() -> None:
    frame = pl.DataFrame({"n": ["198001012005011001"]})
    assert frame.select(kunci_nomor("n", 18)).item() == 198001012005011001


def test_it_keys_other_text_by_a_hash_above_every_valid_number() -> None:
    frame = pl.DataFrame({"n": ["1980010120050110", "ABC", None, "  "]})
    keys = frame.select(kunci_nomor("n", 18)).to_series().to_list()
    assert keys[0] >= BIT_TIDAK_BAKU and keys[1] >= BIT_TIDAK_BAKU
    assert keys[2] is None and keys[3] is None


def test_it_gives_equal_keys_to_spellings_of_one_nip() -> None:
    frame = pl.DataFrame(
        {"n": ["198001012005011001", "19800101 200501 1 001", "'198001012005011001"]}
    )
    assert frame.select(kunci_nomor("n", 18)).to_series().n_unique() == 1


_NIP = st.text(alphabet="0123456789", min_size=18, max_size=18)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NIP, min_size=1, max_size=30))
def test_its_nip_parts_agree_with_the_domain_parser(nips: list[str]) -> None:
    frame = _siap(nip=nips)
    for nip, row in zip(nips, frame.iter_rows(named=True), strict=True):
        kode = set(parse_nip(nip, as_of=AS_OF).kode)
        lahir_salah = {
            KodeMasalah.TANGGAL_LAHIR_TIDAK_VALID,
            KodeMasalah.TANGGAL_LAHIR_TERLALU_LAMPAU,
            KodeMasalah.TANGGAL_LAHIR_DI_MASA_DEPAN,
        }
        assert row["_nip_lahir_sah"] is not bool(kode & lahir_salah)
        assert (row["_nip_jk"] not in (1, 2)) is (
            KodeMasalah.KODE_JENIS_KELAMIN_TIDAK_VALID in kode
        )
        assert (row["_nip_urut"] == 0) is (KodeMasalah.NOMOR_URUT_NOL in kode)


_WILAYAH = st.sampled_from(["317101", "327301", "917101", "000101", "310001", "991234", "650101"])
_DDMMYY = st.tuples(st.integers(0, 75), st.integers(0, 13), st.integers(0, 99)).map(
    lambda t: f"{t[0]:02d}{t[1]:02d}{t[2]:02d}"
)
_NIK = st.tuples(_WILAYAH, _DDMMYY, st.integers(0, 9999)).map(lambda t: f"{t[0]}{t[1]}{t[2]:04d}")


@settings(max_examples=300, deadline=None)
@given(st.lists(_NIK | st.text(alphabet="0123456789 .E+", max_size=18), min_size=1, max_size=30))
def test_its_nik_check_agrees_with_the_domain_parser(niks: list[str]) -> None:
    frame = _siap(nip=["198001012005011001"] * len(niks), nik=niks).with_columns(sah=nik_sah())
    for nik, sah in zip(niks, frame.get_column("sah"), strict=True):
        if nik.strip():
            assert sah is parse_nik(nik).valid, nik


@given(
    st.dates(date(1900, 1, 1), date(2010, 12, 31)),
    st.dates(date(1950, 1, 1), date(2060, 12, 31)),
)
def test_its_age_agrees_with_the_calendar(lahir: date, pada: date) -> None:
    ymd = pl.DataFrame(
        {
            "l": [lahir.year * 10000 + lahir.month * 100 + lahir.day],
            "p": [pada.year * 10000 + pada.month * 100 + pada.day],
        }
    )
    usia = ymd.select(usia_ymd(pl.col("l"), pl.col("p"))).item()
    ulang = (pada.month, pada.day) >= (lahir.month, lahir.day)
    if (lahir.month, lahir.day) == (2, 29) and (pada.month, pada.day) == (2, 28):
        leap = pada.year % 4 == 0 and (pada.year % 100 != 0 or pada.year % 400 == 0)
        ulang = not leap
    assert usia == pada.year - lahir.year - (0 if ulang else 1)


def test_it_finds_no_problem_in_numbers_the_domain_builds() -> None:
    nip = build_nip(date(1975, 6, 30), 2001, 4, JenisKelamin.P, 12)
    nik = build_nik("327301", date(1975, 6, 30), JenisKelamin.P, 12)
    row = (
        _siap(nip=[nip], nik=[nik], tanggal_lahir=[date(1975, 6, 30)])
        .with_columns(sah=nik_sah())
        .row(0, named=True)
    )
    assert row["_nip_lahir_sah"] and row["sah"]
    assert (row["_nik_hari"], row["_nik_perempuan"]) == (30, True)
