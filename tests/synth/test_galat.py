"""Clean records are clean under the domain rules; every injected error is detectable."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from bakat.domain.golongan import golongan_awal, golongan_maksimal, pangkat_cocok, parse_golongan
from bakat.domain.jenjang import Jenjang, bup, pendidikan_minimal, rentang_golongan, tanggal_pensiun
from bakat.domain.jenjang import usia as umur
from bakat.domain.kepegawaian import JenisKelamin
from bakat.domain.nik import nik_cocok_dengan, parse_nik
from bakat.domain.nip import parse_ni_pppk, parse_nip
from bakat.domain.pendidikan import Pendidikan, memenuhi_pendidikan
from bakat.domain.skp import Ekspektasi, parse_predikat, predikat_matriks
from bakat.synth import kalender as k
from tests.synth.conftest import AS_OF, baca

Baris = dict[str, Any]


@pytest.fixture(scope="module")
def pegawai(acuan: Path) -> list[Baris]:
    return baca(acuan, "pegawai").to_dicts()


@pytest.fixture(scope="module")
def kesalahan(acuan: Path) -> pl.DataFrame:
    return baca(acuan / "ground_truth", "kesalahan")


@pytest.fixture(scope="module")
def bersih(pegawai: list[Baris], kesalahan: pl.DataFrame) -> list[Baris]:
    kotor = set(kesalahan.filter(pl.col("tabel") == "pegawai")["nip"].to_list())
    rows = [r for r in pegawai if r["nip"] not in kotor]
    assert len(rows) > 3000
    return rows


def _gol(r: Baris) -> Any:
    return parse_golongan(r["golongan"]) if r["golongan"] else None


def _jenjang(r: Baris) -> Jenjang:
    return Jenjang(r["jenjang_jabatan"])


def _kp_sah(d: date) -> bool:
    return bool(k.bulan_kp_sah([k.hari(d)])[0])


def test_clean_nip_and_ni_pppk_parse_and_agree_with_the_record(bersih: list[Baris]) -> None:
    for r in bersih:
        jk = JenisKelamin(r["jenis_kelamin"])
        if r["status_kepegawaian"] == "PPPK":
            hasil = parse_ni_pppk(r["nip"], as_of=AS_OF)
            assert hasil.valid and hasil.parts is not None, r["nip"]
            assert hasil.parts.tanggal_lahir == r["tanggal_lahir"]
            assert hasil.parts.jenis_kelamin is jk
        else:
            nip = parse_nip(r["nip"], as_of=AS_OF)
            assert nip.valid and nip.parts is not None, r["nip"]
            assert nip.parts.tanggal_lahir == r["tanggal_lahir"]
            assert nip.parts.jenis_kelamin is jk
            tmt = r["tmt_cpns"]
            assert (nip.parts.tmt_cpns_tahun, nip.parts.tmt_cpns_bulan) == (tmt.year, tmt.month)


def test_clean_nik_parse_agree_and_are_unique(bersih: list[Baris]) -> None:
    for r in bersih:
        assert parse_nik(r["nik"]).valid, r["nik"]
        assert nik_cocok_dengan(r["nik"], r["tanggal_lahir"], JenisKelamin(r["jenis_kelamin"]))
    assert len({r["nik"] for r in bersih}) == len(bersih)


def test_clean_dates_are_coherent(bersih: list[Baris]) -> None:
    for r in bersih:
        for kolom in ("tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_golongan", "tmt_jabatan"):
            assert r[kolom] is None or r[kolom] <= AS_OF
        if r["status_kepegawaian"] == "PPPK":
            assert r["tmt_cpns"] is None and r["golongan"] is None and r["pangkat"] is None
            continue
        assert 18 <= umur(r["tanggal_lahir"], r["tmt_cpns"]) <= 35
        assert r["tmt_jabatan"] >= r["tmt_cpns"]
        assert r["tmt_golongan"] >= r["tmt_cpns"] and _kp_sah(r["tmt_golongan"])
        if r["status_kepegawaian"] == "PNS":
            selisih = (r["tmt_pns"] - r["tmt_cpns"]).days
            assert 300 <= selisih <= 731
        else:
            assert r["tmt_pns"] is None


def test_clean_ranks_fit_education_and_grade(bersih: list[Baris]) -> None:
    for r in bersih:
        if r["status_kepegawaian"] == "PPPK":
            continue
        g = _gol(r)
        pend = Pendidikan(r["pendidikan"])
        j = _jenjang(r)
        assert g is not None and g >= golongan_awal(pend)
        assert parse_golongan(r["golongan_awal"]) is golongan_awal(pend)
        assert pangkat_cocok(g, r["pangkat"])
        rentang = rentang_golongan(j)
        if rentang is None:
            assert g <= golongan_maksimal(pend)
        else:
            assert rentang[0] <= g <= rentang[1], (r["nip"], j, g)


def test_clean_people_are_below_bup_and_meet_the_education_of_their_grade(
    bersih: list[Baris],
) -> None:
    for r in bersih:
        j = _jenjang(r)
        assert tanggal_pensiun(r["tanggal_lahir"], bup(j)) > AS_OF
        minimal = pendidikan_minimal(j)
        assert minimal is None or memenuhi_pendidikan(Pendidikan(r["pendidikan"]), minimal)
        if j is Jenjang.JPT_PRATAMA:
            assert umur(r["tanggal_lahir"], r["tmt_jabatan"]) <= 56


def test_titles_match_education(bersih: list[Baris]) -> None:
    for r in bersih:
        if r["pendidikan"] in ("SD", "SLTP", "SLTA"):
            assert r["gelar_belakang"] is None and r["gelar_depan"] is None
        else:
            assert r["gelar_belakang"]
        assert (r["gelar_depan"] == "Dr.") == (r["pendidikan"] == "S3")
        assert "," not in r["nama"] and "." not in r["nama"]


def _kinerja_bersih(acuan: Path, kesalahan: pl.DataFrame) -> pl.DataFrame:
    kinerja = baca(acuan, "kinerja")
    v31 = kesalahan.filter(pl.col("aturan") == "V31").with_columns(
        tahun=pl.col("keterangan").str.extract(r"(\d{4})").cast(pl.Int64)
    )
    return kinerja.join(v31.select("nip", "tahun"), on=["nip", "tahun"], how="anti")


def test_clean_kinerja_follows_the_predikat_matrix(acuan: Path, kesalahan: pl.DataFrame) -> None:
    for r in _kinerja_bersih(acuan, kesalahan).drop_nulls("hasil_kerja").iter_rows(named=True):
        harap = predikat_matriks(Ekspektasi(r["hasil_kerja"]), Ekspektasi(r["perilaku_kerja"]))
        assert parse_predikat(r["predikat"]) is harap


def _cek(aturan: str, r: Baris, e: Baris, semua_nik: Counter[str]) -> bool:
    """Whether the rule ``aturan`` fires on the written record ``r``."""
    status = r["status_kepegawaian"]
    nip = parse_nip(r["nip"]) if status != "PPPK" else parse_ni_pppk(r["nip"])
    parts: Any = nip.parts
    if aturan == "V01":
        return not nip.valid and any(
            m.kode.value in ("bukan_digit", "panjang_salah") for m in nip.errors
        )
    if aturan == "V02":
        return parts is not None and parts.tanggal_lahir != r["tanggal_lahir"]
    if aturan == "V03":
        return parts is not None and parts.tmt_cpns != r["tmt_cpns"].replace(day=1)
    if aturan == "V04":
        return parts is not None and parts.jenis_kelamin.value != r["jenis_kelamin"]
    if aturan == "V05":
        return r["nip"].endswith("000") and not nip.valid
    if aturan == "V09":
        return not parse_nik(r["nik"]).valid
    if aturan == "V10":
        return (
            nik_cocok_dengan(r["nik"], r["tanggal_lahir"], JenisKelamin(r["jenis_kelamin"]))
            is False
        )
    if aturan == "V11":
        return semua_nik[r["nik"]] > 1
    if aturan == "V13":
        return bool(r["tmt_pns"] < r["tmt_cpns"])
    if aturan == "V15":
        return bool(_gol(r) < golongan_awal(Pendidikan(r["pendidikan"])))
    if aturan == "V16":
        return not pangkat_cocok(_gol(r), r["pangkat"])
    if aturan == "V17":
        return not _kp_sah(r["tmt_golongan"])
    if aturan == "V20":
        return status == "PPPK" and r["golongan"] is not None
    if aturan in ("V22", "V23"):
        lo, hi = rentang_golongan(_jenjang(r)) or (None, None)
        return bool(_gol(r) < lo or _gol(r) > hi)
    if aturan == "V27":
        return tanggal_pensiun(r["tanggal_lahir"], bup(_jenjang(r))) <= AS_OF
    if aturan == "V28":
        return bool(r["tmt_jabatan"] < r["tmt_cpns"])
    raise AssertionError(f"aturan tak dikenal {aturan} ({e})")


def test_every_injected_pegawai_error_differs_and_fires_its_rule(
    pegawai: list[Baris], kesalahan: pl.DataFrame
) -> None:
    per_nip = {r["nip"]: r for r in pegawai}
    semua_nik = Counter(r["nik"] for r in pegawai)
    disuntik = kesalahan.filter((pl.col("tabel") == "pegawai") & (pl.col("jenis") == "disuntikkan"))
    assert set(disuntik["aturan"].unique()) >= {
        "V01", "V02", "V03", "V04", "V05", "V09", "V10", "V11", "V13", "V15", "V16", "V17",
        "V20", "V22", "V23", "V27", "V28",
    }  # fmt: skip
    for e in disuntik.iter_rows(named=True):
        assert e["nilai_benar"] != e["nilai_salah"], e
        r = per_nip[e["nip"]]
        tertulis = r[e["kolom"]]
        assert str(tertulis) == e["nilai_salah"], e
        assert _cek(e["aturan"], r, e, semua_nik), e


def test_the_other_holder_of_a_duplicated_nik_is_listed(kesalahan: pl.DataFrame) -> None:
    v11 = kesalahan.filter(pl.col("aturan") == "V11")
    korban = v11.filter(pl.col("jenis") == "disuntikkan")["nilai_salah"].sort().to_list()
    pemilik = v11.filter(pl.col("jenis") == "terdampak")["nilai_salah"].sort().to_list()
    assert korban == pemilik and korban


def test_injected_kinerja_errors_break_the_matrix_but_stay_valid(
    acuan: Path, kesalahan: pl.DataFrame
) -> None:
    kinerja = baca(acuan, "kinerja")
    v31 = kesalahan.filter(pl.col("aturan") == "V31")
    assert v31.height > 0
    for e in v31.iter_rows(named=True):
        tahun = int(e["keterangan"].split()[-1])
        r = kinerja.filter((pl.col("nip") == e["nip"]) & (pl.col("tahun") == tahun)).row(
            0, named=True
        )
        assert r["predikat"] == e["nilai_salah"] != e["nilai_benar"]
        assert parse_predikat(r["predikat"]) is not None
        harap = predikat_matriks(Ekspektasi(r["hasil_kerja"]), Ekspektasi(r["perilaku_kerja"]))
        assert harap.value == e["nilai_benar"]


def test_v34_lists_exactly_the_person_years_under_20_jp(
    acuan: Path, kesalahan: pl.DataFrame
) -> None:
    diklat = baca(acuan, "diklat").with_columns(tahun=pl.col("tanggal").dt.year())
    total = diklat.group_by("nip", "tahun").agg(pl.col("jp").sum())
    v34 = kesalahan.filter(pl.col("aturan") == "V34").with_columns(
        tahun=pl.col("keterangan").str.extract(r"(\d{4})").cast(pl.Int32),
        jp=pl.col("nilai_salah").cast(pl.Int64),
    )
    kurang = total.filter(pl.col("jp") < 20)
    tercatat = v34.filter(pl.col("jp") > 0).select("nip", "tahun", "jp").sort("nip", "tahun")
    assert kurang.select("nip", "tahun", "jp").sort("nip", "tahun").equals(tercatat)
    tanpa_diklat = v34.filter(pl.col("jp") == 0).join(total, on=["nip", "tahun"], how="inner")
    assert tanpa_diklat.height == 0
