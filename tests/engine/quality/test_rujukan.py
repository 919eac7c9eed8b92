"""The lookups the prepared frames join (``rujukan``)."""

from __future__ import annotations

import polars as pl

from bakat.domain.policy import load_policy
from bakat.engine.quality.prepare import siapkan, siapkan_kunci
from bakat.engine.quality.registry import Konteks
from bakat.engine.quality.rujukan import Rujukan, rencana
from bakat.engine.quality.schema import lengkapi
from tests.engine.quality.contoh import AS_OF, NIP_BUDI, data


def _kunci(tables: dict[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], Rujukan, Konteks]:
    k = Konteks(AS_OF, load_policy())
    kunci = {t: siapkan_kunci(t, lengkapi(f.lazy(), t)).collect() for t, f in tables.items()}
    rujukan = Rujukan.dari(
        {n: f.collect() for n, f in rencana({t: f.lazy() for t, f in kunci.items()}, k).items()},
        k,
    )
    return kunci, rujukan, k


def test_attaching_the_position_row_gives_the_frame_the_join_gives() -> None:
    # One employee points at a position that does not exist, one at none.
    tables = data({"jabatan_id": "TIDAK-ADA"}, baris={"pegawai": {1: {"jabatan_id": None}}})
    kunci, rujukan, k = _kunci(tables)
    bergabung = siapkan("pegawai", kunci["pegawai"].lazy(), rujukan, k).collect()
    tertempel = siapkan(
        "pegawai", rujukan.tempel_posisi(kunci["pegawai"]).lazy(), rujukan, k
    ).collect()
    # The join does not keep the row order; attaching does.
    assert tertempel.get_column("_baris").is_sorted()
    assert tertempel.select(bergabung.columns).equals(bergabung.sort("_baris"))
    ada = dict(tertempel.select("nip", "_jab_ada").iter_rows())
    assert ada[NIP_BUDI] is False


def test_the_first_record_of_a_repeated_nip_is_the_one_looked_up() -> None:
    tables = data()
    kedua = tables["pegawai"].head(1).with_columns(pl.lit("LAIN").alias("unit_kerja"))
    tables["pegawai"] = pl.concat([tables["pegawai"], kedua])
    _, rujukan, _ = _kunci(tables)
    baris = rujukan.daftar.filter(pl.col("_kunci") == int(NIP_BUDI))
    assert baris.height == 1
    assert baris.item(0, "_peg_jabatan") == tables["pegawai"].item(0, "jabatan_id")
