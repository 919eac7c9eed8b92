"""Placement: the box of every pair of levels, the reasons for not mapping, the actions."""

from __future__ import annotations

from itertools import product
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from bakat.domain.ninebox import (
    REKOMENDASI_KOTAK,
    AlasanTidakTerpetakan,
    LevelKinerja,
    LevelPotensi,
    kotak,
)
from bakat.domain.policy import load_policy
from bakat.engine.mapping.placement import box
from tests.engine.mapping.records import (
    JPM,
    NASIONAL,
    asesmen,
    data,
    mapped,
    one,
    pegawai,
    placed,
    skp,
)

POLICIES = Path(__file__).parent / "policies"
PREDIKAT_FOR = {
    LevelKinerja.ATAS: ("Sangat Baik", "Sangat Baik"),
    LevelKinerja.SESUAI: ("Baik", "Sangat Baik"),
    LevelKinerja.BAWAH: ("Baik", "Kurang"),
}
JPM_FOR = {LevelPotensi.TINGGI: 95.0, LevelPotensi.MENENGAH: 80.0, LevelPotensi.RENDAH: 50.0}
PAIRS = list(product(LevelKinerja, LevelPotensi))


def test_the_box_expression_numbers_every_pair_of_level_indexes_as_the_domain() -> None:
    frame = pl.DataFrame(
        {"k": [k.indeks for k, _ in PAIRS], "p": [p.indeks for _, p in PAIRS]},
        schema={"k": pl.Int8, "p": pl.Int8},
    )
    boxes = frame.select(box(pl.col("k"), pl.col("p"))).to_series().to_list()
    assert boxes == [kotak(k, p) for k, p in PAIRS]


def test_every_pair_of_levels_lands_in_its_box_with_its_actions() -> None:
    people, kinerja, tests = [], [], []
    for i, (k, p) in enumerate(PAIRS):
        nip = f"{i:02d}"
        people.append(pegawai(nip))
        kinerja += skp(nip, PREDIKAT_FOR[k])
        tests.append(asesmen(nip, skor_kompetensi=JPM_FOR[p]))
    frame = placed(data(people, kinerja=kinerja, asesmen=tests), JPM)
    for (k, p), row in zip(PAIRS, frame.iter_rows(named=True), strict=True):
        assert (row["level_kinerja"], row["level_potensi"]) == (k.value, p.value)
        assert row["kotak"] == kotak(k, p)
        assert row["tindakan"] == ";".join(REKOMENDASI_KOTAK[kotak(k, p)])


def _reason(person: dict[str, Any], tables: dict[str, Any], policy: Any = NASIONAL) -> Any:
    defaults: dict[str, Any] = {"kinerja": skp(), "asesmen": [asesmen()]}
    defaults.update(tables)
    row = one(data([person], **defaults), policy)
    return row["alasan"]


@pytest.mark.parametrize(
    ("person", "tables", "alasan"),
    [
        (pegawai(), {}, None),
        (pegawai(status_aktif=False), {}, "tidak_aktif"),
        (pegawai(status_aktif=None), {}, None),  # empty means active (the contract's default)
        (pegawai(status_kepegawaian="CPNS"), {}, "cpns"),
        (pegawai(status_kepegawaian="PPPK"), {}, None),
        (pegawai(), {"kinerja": skp(predikat=("Baik", None))}, "skp_kurang_dari_2_tahun"),
        (pegawai(), {"kinerja": []}, "skp_kurang_dari_2_tahun"),
        (pegawai(), {"asesmen": []}, "tanpa_asesmen"),
        (
            pegawai(),
            {"asesmen": [asesmen(tanggal=asesmen()["tanggal"].replace(year=2020))]},
            "asesmen_kedaluwarsa",
        ),
        # several apply: the first in the policy's order
        (pegawai(status_aktif=False, status_kepegawaian="CPNS"), {"kinerja": []}, "tidak_aktif"),
        (pegawai(status_kepegawaian="CPNS"), {"kinerja": [], "asesmen": []}, "cpns"),
        (pegawai(), {"kinerja": [], "asesmen": []}, "skp_kurang_dari_2_tahun"),
    ],
)
def test_every_reason_for_not_mapping_is_reported(
    person: dict[str, Any], tables: dict[str, Any], alasan: str | None
) -> None:
    assert _reason(person, tables) == alasan


def test_the_reason_order_is_a_policy_setting() -> None:
    policy = load_policy(POLICIES / "urutan_alasan.toml")
    person = pegawai(status_aktif=False, status_kepegawaian="CPNS")
    assert _reason(person, {"kinerja": [], "asesmen": []}, policy) == "tanpa_asesmen"
    assert _reason(person, {"kinerja": []}, policy) == "skp_kurang_dari_2_tahun"
    assert _reason(person, {}, policy) == "cpns"


def test_the_inactive_and_cpns_exclusions_can_be_switched_off() -> None:
    policy = load_policy(POLICIES / "tanpa_pengecualian.toml")
    assert _reason(pegawai(status_aktif=False, status_kepegawaian="CPNS"), {}, policy) is None


def test_every_reason_code_is_a_domain_reason() -> None:
    codes = {a.value for a in AlasanTidakTerpetakan}
    people = [
        pegawai("1", status_aktif=False),
        pegawai("2", status_kepegawaian="CPNS"),
        pegawai("3"),
        pegawai("4"),
        pegawai("5"),
    ]
    tables = data(
        people,
        kinerja=[r for nip in "1245" for r in skp(nip)],
        asesmen=[asesmen(n) for n in "123"]
        + [asesmen("5", tanggal=asesmen()["tanggal"].replace(year=2019))],
    )
    reasons = placed(tables).get_column("alasan").to_list()
    assert reasons == [
        "tidak_aktif",
        "cpns",
        "skp_kurang_dari_2_tahun",
        "tanpa_asesmen",
        "asesmen_kedaluwarsa",
    ]
    assert set(reasons) == codes


def test_an_unmapped_person_has_no_box_but_keeps_the_sub_scores() -> None:
    row = one(data([pegawai(status_kepegawaian="CPNS")], kinerja=skp(), asesmen=[asesmen()]))
    assert (row["level_kinerja"], row["level_potensi"], row["kotak"], row["tindakan"]) == (
        None,
        None,
        None,
        None,
    )
    assert row["kinerja_gabungan"] == "sesuai"
    assert row["skor_potensi"] is not None


def test_every_employee_gets_one_row_stamped_with_the_policy() -> None:
    people = [pegawai("2"), pegawai("1", status_kepegawaian="CPNS"), pegawai("3")]
    result = mapped(data(people, kinerja=skp("2"), asesmen=[asesmen("2")]))
    pemetaan = result.pemetaan
    assert pemetaan.get_column("nip").to_list() == ["1", "2", "3"]
    assert set(pemetaan.get_column("kebijakan")) == {NASIONAL.id}
    assert set(pemetaan.get_column("versi_kebijakan")) == {NASIONAL.versi}
    assert set(pemetaan.get_column("sidik_kebijakan")) == {NASIONAL.fingerprint()}
    assert "instansi" not in pemetaan.columns  # nobody has one
