"""The rule catalogue: every rule is named, documented and has a violating test case."""

from __future__ import annotations

import re

import pytest

from bakat.domain.policy import load_policy
from bakat.engine.quality.catalog import ATURAN, cari
from bakat.engine.quality.registry import Konteks, Rule
from tests.engine.quality import (
    test_rules_identitas,
    test_rules_jabatan,
    test_rules_karier,
    test_rules_kelengkapan,
    test_rules_nik,
    test_rules_posisi,
    test_rules_riwayat,
    test_rules_talenta,
)
from tests.engine.quality.contoh import AS_OF, data, siap

_DIUJI = {
    k.aturan
    for modul in (
        test_rules_identitas,
        test_rules_jabatan,
        test_rules_karier,
        test_rules_kelengkapan,
        test_rules_nik,
        test_rules_posisi,
        test_rules_riwayat,
        test_rules_talenta,
    )
    for k in modul.KASUS
}
_PEMBACA = {"tanggal_tidak_terbaca", "nilai_tidak_dikenal", "nomor_tertulis_sebagai_angka"}


def test_it_has_at_least_35_rules_with_unique_names() -> None:
    names = [r.name for r in ATURAN]
    assert len(names) >= 35
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("rule", ATURAN, ids=lambda r: r.name)
def test_every_rule_has_a_violating_case(rule: Rule) -> None:
    assert rule.name in _DIUJI | _PEMBACA


@pytest.mark.parametrize("rule", ATURAN, ids=lambda r: r.name)
def test_every_rule_is_named_documented_and_cited(rule: Rule) -> None:
    assert re.fullmatch(r"[VQ]\d\d", rule.id)
    assert re.fullmatch(r"[a-z][a-z0-9_]*", rule.name)
    assert rule.dasar and rule.pesan and rule.message
    assert rule.violated.__doc__ or rule.dari_pembaca


_SKEMA = {t: set(f.columns) for t, f in siap(data()).items()}
_SKEMA_PERIKSA = {t: set(f.columns) for t, f in siap(data(), rinci=False).items()}


@pytest.mark.parametrize("rule", [r for r in ATURAN if not r.dari_pembaca], ids=lambda r: r.name)
def test_every_value_and_message_reads_columns_of_its_table(rule: Rule) -> None:
    k = Konteks(AS_OF, load_policy())
    exprs = [
        rule.expr_violated(k),
        rule.expr_nilai(k),
        rule.expr_pesan(k),
        rule.expr_pesan(k, True),
    ]
    for expr in exprs:
        assert set(expr.meta.root_names()) <= _SKEMA[rule.tabel]


def test_it_finds_a_rule_by_name() -> None:
    assert cari("nip_ganda").id == "V06"
    with pytest.raises(KeyError):
        cari("tidak_ada")
