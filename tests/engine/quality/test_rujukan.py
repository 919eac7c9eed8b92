"""The lookups the prepared frames join (``rujukan``)."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bakat.domain.policy import load_policy
from bakat.engine.quality.prepare import siapkan, siapkan_kunci
from bakat.engine.quality.registry import Konteks
from bakat.engine.quality.rujukan import Rujukan, rencana
from bakat.engine.quality.schema import lengkapi
from tests.engine.quality.contoh import AS_OF, NIP_BUDI, NIP_SITI, data


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


def _diklat_2024(nip: str, jp: list[float]) -> list[dict[str, object]]:
    return [{"nip": nip, "tanggal": date(2024, 3, 1), "nama": "Pelatihan", "jp": j} for j in jp]


@pytest.mark.parametrize(
    "jp",
    [
        pytest.param([0.1, 0.2, 0.3, 0.7, 1.1], id="fractions"),
        pytest.param([8.0, 4.0, 12.0, 1.0, 3.0], id="whole-hours"),
    ],
)
def test_the_jp_of_a_person_whose_rows_are_apart_is_the_row_by_row_sum(jp: list[float]) -> None:
    # BUDI's rows in two runs apart (another person's row between them).
    rows = [*_diklat_2024(NIP_BUDI, jp[:2]), *_diklat_2024(NIP_SITI, [2.0])]
    rows += _diklat_2024(NIP_BUDI, jp[2:])
    tables = data(hapus={"diklat": lambda r: True}, tambah={"diklat": rows})
    kunci, rujukan, _ = _kunci(tables)
    assert rujukan.jp is not None
    per_nip = dict(rujukan.jp.iter_rows())
    harapan = (
        kunci["diklat"]
        .group_by("_kunci")
        .agg(pl.col("jp").sum())
        .filter(pl.col("_kunci") == int(NIP_BUDI))
    )
    assert per_nip[int(NIP_BUDI)] == harapan.item(0, "jp")
    assert per_nip[int(NIP_SITI)] == 2.0


def test_the_skp_years_of_a_person_whose_rows_are_apart_are_counted_together() -> None:
    tables = data()
    kinerja = tables["kinerja"]
    # The rows of every person in reverse order of year, interleaved: each run is one row.
    tables["kinerja"] = kinerja.sort("tahun", "nip", descending=[True, False])
    _, rujukan, _ = _kunci(tables)
    assert rujukan.skp is not None
    assert set(rujukan.skp.get_column("_skp_tahun").to_list()) == {2}
    assert rujukan.skp.height == kinerja.get_column("nip").n_unique()


@pytest.mark.parametrize("salinan", [1, 2])
def test_a_repeated_nip_is_listed_once_among_the_repeated_keys(salinan: int) -> None:
    tables = data()
    pertama = tables["pegawai"].head(1)
    tables["pegawai"] = pl.concat([tables["pegawai"], *[pertama] * salinan])
    _, rujukan, _ = _kunci(tables)
    assert rujukan.ganda_nip.to_list() == [int(NIP_BUDI)]
    assert rujukan.daftar.height == tables["pegawai"].height - salinan
