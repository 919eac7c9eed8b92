"""The SIASN export and the disparity ground truth agree with the two files."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from bakat.domain.golongan import parse_golongan
from bakat.domain.jenjang import parse_jenjang
from bakat.domain.kepegawaian import parse_jenis_kelamin
from bakat.domain.pendidikan import parse_pendidikan
from bakat.synth.disparitas import KOLOM_BANDING
from bakat.synth.siasn_format import HEADER
from tests.synth.conftest import baca

Baris = dict[str, Any]


def _tanggal(nilai: Any) -> date | None:
    if nilai is None or nilai == "":
        return None
    if isinstance(nilai, int | float):
        return date(1899, 12, 30) + timedelta(days=int(nilai))
    for pola in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(str(nilai), pola).date()
        except ValueError:
            pass
    raise AssertionError(nilai)


def _nama(teks: str | None) -> str | None:
    if teks is None:
        return None
    teks = re.sub(r"^(Dr\.)\s+", "", teks.strip()).split(",")[0]
    return " ".join(teks.upper().split())


def _normal(kolom: str, nilai: Any) -> Any:
    if nilai is None or nilai == "":
        return None
    if kolom == "nama":
        return _nama(nilai)
    if kolom.startswith("tmt") or kolom == "tanggal_lahir":
        return _tanggal(nilai)
    if kolom == "golongan":
        return parse_golongan(nilai)
    if kolom == "pendidikan":
        return parse_pendidikan(nilai)
    if kolom == "jenjang_jabatan":
        return parse_jenjang(nilai)
    if kolom == "jenis_kelamin":
        return parse_jenis_kelamin(nilai)
    return str(nilai)


@pytest.fixture(scope="module")
def siasn(acuan: Path) -> list[Baris]:
    df = pl.read_excel(acuan / "siasn.xlsx", infer_schema_length=0)
    balik = {v: k for k, v in HEADER.items()}
    assert set(df.columns) <= set(balik)
    for kolom in ("nipBaru", "tglLahir", "golRuangAkhir", "tmtCpns", "jenisKelamin"):
        assert kolom in df.columns
    rows = df.rename({a: b for a, b in balik.items() if a in df.columns}).to_dicts()
    for r in rows:
        for kolom in ("tanggal_lahir", "tmt_cpns", "tmt_pensiun"):
            if r[kolom] is not None:
                r[kolom] = float(r[kolom])  # Excel serial numbers
    return rows


@pytest.fixture(scope="module")
def pegawai(acuan: Path) -> list[Baris]:
    return baca(acuan, "pegawai").to_dicts()


def _gelar_di_nama(r: Baris) -> bool:
    return (
        r["gelar_depan"] is None
        and r["gelar_belakang"] is None
        and ("," in (r["nama"] or "") or (r["nama"] or "").startswith("Dr. "))
    )


def _beda(lokal: Baris, reg: Baris) -> set[str]:
    out = set()
    for kolom in KOLOM_BANDING:
        if kolom in ("gelar_depan", "gelar_belakang") and _gelar_di_nama(reg):
            continue
        a = (
            lokal[kolom]
            if kolom.startswith("tmt") or kolom == "tanggal_lahir"
            else _normal(kolom, lokal[kolom])
        )
        if _normal(kolom, reg[kolom]) != a:
            out.add(kolom)
    return out


def test_disparity_ground_truth_matches_the_two_files(
    acuan: Path, pegawai: list[Baris], siasn: list[Baris]
) -> None:
    benar = baca(acuan / "ground_truth", "disparitas")
    cocok = dict(baca(acuan / "ground_truth", "pencocokan").select("nip", "nip_siasn").iter_rows())
    lokal = {r["nip"]: r for r in pegawai}
    reg = {r["nip"]: r for r in siasn}
    hitung: set[tuple[str | None, str | None, str, str | None]] = set()
    dipasang = set()
    for nip, r in lokal.items():
        nip_s = cocok.get(nip, nip)
        if nip_s not in reg:
            hitung.add((nip, None, "hanya_lokal", None))
            continue
        dipasang.add(nip_s)
        status = "beda" if nip == nip_s else "cocok_fuzzy"
        if nip != nip_s:
            hitung.add((nip, nip_s, status, "nip"))
        for kolom in _beda(r, reg[nip_s]):
            hitung.add((nip, nip_s, status, kolom))
    for nip_s in set(reg) - dipasang:
        hitung.add((None, nip_s, "hanya_siasn", None))
    tercatat = set(benar.select("nip", "nip_siasn", "status", "kolom").iter_rows())
    assert tercatat == hitung
    assert {s for _, _, s, _ in tercatat} == {"beda", "cocok_fuzzy", "hanya_lokal", "hanya_siasn"}
    pihak = benar.select(
        ok=(pl.col("pihak") == "bkn") == pl.col("kolom").is_in(["nama", "nip", "tanggal_lahir"])
    )
    assert pihak["ok"].all()


def test_spelling_only_differences_vanish_after_normalisation(
    acuan: Path, siasn: list[Baris]
) -> None:
    beda = baca(acuan / "ground_truth", "beda_format")
    assert set(beda["jenis"].unique()) == {"gelar_di_nama", "spasi", "ejaan_golongan"}
    reg = {r["nip"]: r for r in siasn}
    for e in beda.iter_rows(named=True):
        assert e["nilai_lokal"] != e["nilai_siasn"]
        assert _normal(e["kolom"], e["nilai_lokal"]) == _normal(e["kolom"], e["nilai_siasn"])
        assert reg[e["nip_siasn"]][e["kolom"]] == e["nilai_siasn"]


def test_true_pairs_with_different_nips_are_one_typo_apart(acuan: Path) -> None:
    cocok = baca(acuan / "ground_truth", "pencocokan")
    assert cocok.height > 0
    for nip, nip_s in cocok.iter_rows():
        if len(nip) == len(nip_s):
            assert sum(a != b for a, b in zip(nip, nip_s, strict=True)) == 1
        else:
            assert len(nip) == 17 and any(nip_s[:i] + nip_s[i + 1 :] == nip for i in range(18))


def test_hard_negatives_share_the_birth_date_but_not_the_identity(
    acuan: Path, pegawai: list[Baris], siasn: list[Baris]
) -> None:
    lain = baca(acuan / "ground_truth", "bukan_pasangan")
    assert lain.height > 0
    lokal = {r["nip"]: r for r in pegawai}
    reg = {r["nip"]: r for r in siasn}
    for nip, nip_s, kemiripan in lain.iter_rows():
        a, b = lokal[nip], reg[nip_s]
        assert a["tanggal_lahir"] == _tanggal(b["tanggal_lahir"])
        assert sum(x != y for x, y in zip(nip, nip_s, strict=True)) >= 2
        assert a["nik"] != b["nik"]
        if "nama_depan" in kemiripan:
            assert parse_jenis_kelamin(b["jenis_kelamin"]).value == a["jenis_kelamin"]
            assert _nama(b["nama"]).split()[0] == a["nama"].upper().split()[0]  # type: ignore[union-attr]


def test_the_export_uses_siasn_spellings(siasn: list[Baris]) -> None:
    assert {r["jenis_kelamin"] for r in siasn} == {"M", "F"}
    assert all(r["nama"] == r["nama"].upper() for r in siasn if not _gelar_di_nama(r))
    assert {r["status_aktif"] for r in siasn} <= {"Aktif", "Tidak Aktif"}
    assert any(r["golongan"] and "/" not in r["golongan"] for r in siasn)
