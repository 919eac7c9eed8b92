"""The generated folder is read by ``bakat.io`` without a contract break or finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from bakat.io.readers import read_table

TABEL = ("pegawai", "siasn", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "relasi")


@pytest.mark.parametrize("nama", TABEL)
def test_every_table_reads_cleanly(acuan: Path, nama: str) -> None:
    dimuat = read_table(acuan, nama)
    frame = dimuat.frame.collect()
    assert frame.height > 0
    assert dimuat.masalah.height == 0, dimuat.masalah.head()


def test_the_registry_export_reads_as_the_same_people(acuan: Path) -> None:
    pegawai = read_table(acuan, "pegawai").frame.collect()
    siasn = read_table(acuan, "siasn").frame.collect()
    sama = pegawai.join(siasn, on="nip", how="inner")
    assert sama.height > 0.95 * pegawai.height
    lahir_sama = (sama["tanggal_lahir"] == sama["tanggal_lahir_right"]).mean()
    assert lahir_sama is not None and float(lahir_sama) > 0.98
