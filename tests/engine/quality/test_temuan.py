"""Findings: their order (``temuan.urutkan``)."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.engine.quality.temuan import TEMUAN_KODE, TEMUAN_SCHEMA, URUTAN_TEMUAN, urutkan

_ATURAN = [("V01", "nip_bukan_18_digit", "pegawai"), ("Q12", "diklat_nip_tidak_dikenal", "diklat")]
_ATURAN += [
    ("Q12", "kinerja_nip_tidak_dikenal", "kinerja"),
    ("V34", "jp_kurang_dari_batas", "pegawai"),
]
_NAMA_UNIT = pl.DataFrame(
    {
        "_unit": [1, 2, 3, 4, 5],
        "instansi": ["B", "A", "A", None, None],
        "unit_kerja": ["U1", "U2", None, "U1", None],
    },
    schema={"_unit": pl.UInt64, "instansi": pl.String, "unit_kerja": pl.String},
)

_temuan = st.tuples(
    st.sampled_from([None, 1, 2, 3, 4, 5, 6]),  # 6: a unit without a name
    st.sampled_from([None, "199001012015011001", "199001012015011002"]),
    st.sampled_from(_ATURAN),
    st.integers(2, 4),
    st.sampled_from(["nip", "jp"]),
    st.sampled_from([None, "1", "2"]),
    st.sampled_from(["pesan a", "pesan b"]),
)


@settings(max_examples=200)
@given(st.lists(_temuan, max_size=30))
def test_findings_come_in_the_order_of_their_columns(
    rows: list[tuple[int | None, str | None, tuple[str, str, str], int, str, str | None, str]],
) -> None:
    # Few distinct values: many findings tie on every key but value and message.
    kode = pl.DataFrame(
        [
            {
                "nip": nip,
                "aturan": aturan,
                "nama_aturan": nama,
                "tingkat": "error",
                "dimensi": "akurasi",
                "tabel": tabel,
                "baris": baris,
                "kolom": kolom,
                "nilai": nilai,
                "pesan": pesan,
                "_unit": unit,
            }
            for unit, nip, (aturan, nama, tabel), baris, kolom, nilai, pesan in rows
        ],
        schema=TEMUAN_KODE,
    )
    harapan = (
        kode.join(_NAMA_UNIT, on="_unit", how="left", nulls_equal=True)
        .select(TEMUAN_SCHEMA.names())
        .sort(URUTAN_TEMUAN, nulls_last=True)
    )
    assert urutkan(kode, _NAMA_UNIT).equals(harapan)
