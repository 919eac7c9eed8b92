"""The spread of agency sizes across the nation."""

from __future__ import annotations

import numpy as np

from bakat.synth.national import daftar_instansi, semua_unit


def test_sizes_sum_to_the_headcount_with_a_realistic_spread() -> None:
    df = daftar_instansi(600, 5_600_000, np.random.default_rng(1))
    assert df.height == 600 and df["ukuran"].sum() == 5_600_000
    assert df["instansi"].is_unique().all()
    jenis = dict(df.group_by("jenis").len().iter_rows())
    assert jenis["pusat"] == 80 and jenis["provinsi"] == 38
    pusat = df.filter(df["jenis"] == "pusat")["ukuran"].sum() / 5_600_000
    assert abs(pusat - 0.24) < 0.01
    assert df["ukuran"].max() > 10 * df["ukuran"].median()
    assert df["ukuran"].min() >= 20
    assert df["instansi"][0] == "KEMENSOS"


def test_every_agency_gets_a_unit_tree() -> None:
    df = daftar_instansi(5, 2000, np.random.default_rng(2))
    unit = semua_unit(df, np.random.default_rng(2))
    assert set(unit["instansi"].unique()) == set(df["instansi"])
    assert unit["unit_kerja"].is_unique().all()
    akar = unit.filter(unit["induk"].is_null())
    assert akar.height == 5
