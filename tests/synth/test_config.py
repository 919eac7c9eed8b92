"""Settings: the scaling rule of the unmappable share, error-rate scaling, validation."""

from __future__ import annotations

from datetime import date

import pytest

from bakat.domain.errors import InputError
from bakat.synth.config import (
    ALASAN_ACUAN,
    Format,
    KonfigurasiSintesis,
    TingkatGalat,
    jumlah_per_alasan,
)


def test_the_reference_headcount_gives_the_reference_split() -> None:
    assert jumlah_per_alasan(3414) == dict(ALASAN_ACUAN)
    assert sum(jumlah_per_alasan(3414).values()) == 3414 - 2757


@pytest.mark.parametrize("n", [20, 100, 999, 3415, 50_000, 5_600_000])
def test_other_headcounts_keep_the_unmappable_share(n: int) -> None:
    assert sum(jumlah_per_alasan(n).values()) == round(n * 657 / 3414)


def test_scaling_the_error_rate_keeps_the_shapes() -> None:
    nol = TingkatGalat().skala(0)
    assert nol.v02_nip_tanggal_lahir == 0 and nol.hanya_siasn == 0
    assert nol.kembar == TingkatGalat().kembar
    assert TingkatGalat().skala(2).beda_nama == pytest.approx(2 * TingkatGalat().beda_nama)
    with pytest.raises(InputError):
        TingkatGalat().skala(-1)


@pytest.mark.parametrize(
    "config",
    [
        KonfigurasiSintesis(pegawai=10),
        KonfigurasiSintesis(pegawai=100, instansi=6),
        KonfigurasiSintesis(instansi=0),
        KonfigurasiSintesis(as_of=date(2019, 1, 1)),
        KonfigurasiSintesis(seed=-1),
    ],
)
def test_it_refuses_settings_it_cannot_honour(config: KonfigurasiSintesis) -> None:
    with pytest.raises(InputError):
        config.periksa()


def test_auto_format_switches_to_parquet_for_the_nation() -> None:
    assert KonfigurasiSintesis().format_tabel is Format.CSV
    assert KonfigurasiSintesis(pegawai=5_600_000, instansi=600).format_tabel is Format.PARQUET
