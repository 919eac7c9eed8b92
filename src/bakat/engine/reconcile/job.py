"""The reconciliation job: the agency's records (``pegawai``) against the national registry
export (``siasn``).

Steps (docs/reconciliation.md): prepare both sides
(:mod:`~bakat.engine.reconcile.prepare`), pair them on the NIP and compare the pairs
(:mod:`~bakat.engine.reconcile.compare`), match the leftovers fuzzily
(:mod:`~bakat.engine.reconcile.matching`), and say who corrects what
(:mod:`~bakat.engine.reconcile.usulan`). The national registry holds about 5.6 million
records, so everything is vectorised and only small frames meet column by column: each
side is read once, with its needed columns, its integer NIP key and its record
fingerprint (:func:`~bakat.engine.reconcile.compare.sidik`) computed in the same pass;
the exact match joins only integer keys and fingerprints; the fuzzy stage sees the
leftovers (a few per thousand); the full comparison sees the pairs whose fingerprints
differ (about one in eight). The output is sorted and has no clock: the same input gives
the same rows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import polars as pl

from bakat.domain.policy import Policy
from bakat.engine.reconcile.compare import SIASN, bandingkan, baris_nip, sidik, tandai
from bakat.engine.reconcile.matching import (
    ALASAN_NAMA,
    KOLOM_SISA,
    cocokkan_fuzzy,
    kunci_nip,
    pasangkan,
    tanpa_pasangan,
)
from bakat.engine.reconcile.normalise import KOLOM_BANDING
from bakat.engine.reconcile.prepare import siapkan
from bakat.engine.reconcile.usulan import (
    URUTAN_KOLOM,
    Status,
    keterangan,
    pihak,
    ringkasan,
    usulan_bkn,
)

#: Columns of ``rekonsiliasi.csv`` (``instansi`` only when some record has one).
KOLOM_REKONSILIASI: tuple[str, ...] = (
    "nip",
    "nip_siasn",
    "status",
    "kolom",
    "nilai_lokal",
    "nilai_siasn",
    "pihak",
    "skor",
    "nama",
    "unit_kerja",
    "instansi",
    "keterangan",
)
#: Columns of ``pencocokan.csv``: the fuzzy candidates worth a look.
KOLOM_PENCOCOKAN: tuple[str, ...] = (
    "nip",
    "nip_siasn",
    "nama",
    "nama_siasn",
    "tanggal_lahir",
    "tanggal_lahir_siasn",
    "blok",
    "kemiripan_nama",
    "skor_nama",
    "skor_tanggal_lahir",
    "skor_jenis_kelamin",
    "skor_nik",
    "skor",
    "jarak_nip",
    "jarak_nik",
    "diterima",
    "alasan",
)


@dataclass(frozen=True)
class Statistik:
    """Record counts of one run."""

    lokal: int
    siasn: int
    cocok_nip: int
    cocok_nip_beda: int
    cocok_fuzzy: int
    hanya_lokal: int
    hanya_siasn: int
    usulan_bkn: int
    kolom: tuple[str, ...]


@dataclass(frozen=True)
class HasilRekonsiliasi:
    """What a run produces (each frame is one output file; docs/reconciliation.md)."""

    rekonsiliasi: pl.DataFrame
    usulan_bkn: pl.DataFrame
    pencocokan: pl.DataFrame
    ringkasan: pl.DataFrame
    statistik: Statistik
    policy_id: str
    policy_versi: str


def _kolom(kolom: Collection[str] | None) -> tuple[str, ...]:
    if kolom is None:
        return tuple(KOLOM_BANDING)
    asing = sorted(set(kolom) - set(KOLOM_BANDING))
    if asing:
        raise ValueError(f"kolom tidak dapat dibandingkan / cannot compare: {asing}")
    return tuple(c for c in KOLOM_BANDING if c in kolom)


def _hanya(frame: pl.DataFrame, status: Status) -> pl.DataFrame:
    """One row per record present on one side only."""
    lokal = status is Status.HANYA_LOKAL
    kosong_s = pl.lit(None, dtype=pl.String)
    kosong_i = pl.lit(None, dtype=pl.Int64)
    return frame.select(
        (pl.col("_id") if lokal else kosong_i).alias("_id"),
        (kosong_i if lokal else pl.col("_id")).alias(f"_id{SIASN}"),
        (pl.col("nip") if lokal else kosong_s).alias("nip"),
        (kosong_s if lokal else pl.col("nip")).alias("nip_siasn"),
        kosong_s.alias("kolom"),
        kosong_s.alias("nilai_lokal"),
        kosong_s.alias("nilai_siasn"),
        "nama",
        "unit_kerja",
        "unit_kerja_nama",
        "instansi",
        pl.lit(0, dtype=pl.Int32).alias("_urutan"),
        pl.lit(None, dtype=pl.Boolean).alias("_bukti_lokal"),
        pl.lit(None, dtype=pl.Boolean).alias("_bukti_siasn"),
        pl.lit(None, dtype=pl.Float64).alias("skor"),
        pl.lit(status.value).alias("status"),
    )


def _pencocokan(kandidat: pl.DataFrame, lokal: pl.DataFrame, siasn: pl.DataFrame) -> pl.DataFrame:
    """Accepted pairs and the rejected candidates whose names agree (near misses)."""
    return (
        kandidat.filter(pl.col("diterima") | pl.col("alasan").ne(ALASAN_NAMA))
        .join(lokal.select("_id", "nama", "tanggal_lahir"), on="_id", how="left")
        .join(
            siasn.select(
                pl.col("_id").alias(f"_id{SIASN}"),
                pl.col("nama").alias("nama_siasn"),
                pl.col("tanggal_lahir").alias("tanggal_lahir_siasn"),
            ),
            on=f"_id{SIASN}",
            how="left",
        )
        .with_columns(pl.col(c).round(2) for c in ("kemiripan_nama", "skor_nama", "skor"))
        .sort(
            ["diterima", "nip", "nip_siasn", "skor"],
            descending=[True, False, False, True],
            nulls_last=True,
        )
        .select(KOLOM_PENCOCOKAN)
    )


def _gabung(lokal: pl.DataFrame, siasn: pl.DataFrame, pasangan: pl.DataFrame) -> pl.LazyFrame:
    """The pair frame of ``pasangan`` (``_id``, ``_id__s``: row numbers of each side)."""
    urut = pasangan.sort("_id")  # rows in file order gather faster
    kunci = ["_k", "_h"]  # the exact-stage keys: not needed any more
    kiri = lokal.drop(kunci, strict=False)[urut["_id"]]
    kanan = siasn.drop(kunci, strict=False)[urut[f"_id{SIASN}"]]
    return pl.concat(
        [kiri, kanan.rename({c: c + SIASN for c in kanan.columns})], how="horizontal"
    ).lazy()


def run_reconcile(
    pegawai: pl.LazyFrame,
    siasn: pl.LazyFrame,
    *,
    policy: Policy,
    kolom: Collection[str] | None = None,
) -> HasilRekonsiliasi:
    """Reconcile ``pegawai`` against ``siasn`` (canonical frames of bakat.io; each side's
    non-empty NIPs unique) under ``policy.rekonsiliasi``.

    ``kolom``: the columns to compare (default: every column of
    :data:`~bakat.engine.reconcile.normalise.KOLOM_BANDING`); the command line passes
    those present in both files.
    """
    banding = _kolom(kolom)
    # One read of each side: the needed columns, the keys and the fingerprint together.
    lokal, registri = pl.collect_all(
        [siapkan(f, banding).with_columns(sidik(banding)) for f in (pegawai, siasn)]
    )
    kunci = pasangkan(lokal, registri, "_k")
    # NIPs written otherwise than as 18 digits (spaces, an apostrophe, typos) meet among
    # the leftovers, so the bulk of the records is joined on integers.
    bersih = kunci_nip(pl.col("nip")).alias("_nip")
    sisa_l = tanpa_pasangan(lokal, kunci["_id"]).with_columns(bersih)
    sisa_s = tanpa_pasangan(registri, kunci[f"_id{SIASN}"]).with_columns(bersih)
    kunci_sisa = pasangkan(sisa_l, sisa_s, "_nip")
    pasangan_nip = pl.concat([kunci, kunci_sisa])
    sisa_l = tanpa_pasangan(sisa_l, kunci_sisa["_id"])
    sisa_s = tanpa_pasangan(sisa_s, kunci_sisa[f"_id{SIASN}"])
    kandidat = cocokkan_fuzzy(
        sisa_l.select(KOLOM_SISA), sisa_s.select(KOLOM_SISA), policy.rekonsiliasi
    )
    terima = kandidat.filter("diterima")
    pasangan_fuzzy = _gabung(lokal, registri, terima)
    beda_nip = _gabung(lokal, registri, pasangan_nip.filter("_beda"))
    calon, calon_fuzzy = pl.collect_all(
        [tandai(beda_nip, banding), tandai(pasangan_fuzzy, banding)]
    )
    beda, fuzzy = pl.collect_all(
        [
            bandingkan(calon.lazy(), banding),
            pl.concat(
                [
                    baris_nip(pasangan_fuzzy),
                    bandingkan(calon_fuzzy.lazy(), banding),
                ]
            ).join(terima.lazy().select("_id", pl.col("skor").round(2)), on="_id", how="left"),
        ]
    )
    baris = pl.concat(
        [
            beda.with_columns(
                skor=pl.lit(None, dtype=pl.Float64), status=pl.lit(Status.BEDA.value)
            ),
            fuzzy.with_columns(status=pl.lit(Status.COCOK_FUZZY.value)),
            _hanya(sisa_l.join(terima, on="_id", how="anti"), Status.HANYA_LOKAL),
            _hanya(
                sisa_s.join(
                    terima.select(pl.col(f"_id{SIASN}").alias("_id")), on="_id", how="anti"
                ),
                Status.HANYA_SIASN,
            ),
        ],
        how="diagonal",
    )
    baris = baris.with_columns(pihak=pihak(), keterangan=keterangan()).sort(
        ["nip", "nip_siasn", "_id", f"_id{SIASN}", "_urutan"], nulls_last=True
    )
    usulan = usulan_bkn(baris)
    ada_instansi = baris["instansi"].null_count() < baris.height
    keluar = [c for c in KOLOM_REKONSILIASI if c != "instansi" or ada_instansi]
    statistik = Statistik(
        lokal=lokal.height,
        siasn=registri.height,
        cocok_nip=pasangan_nip.height,
        cocok_nip_beda=beda["_id"].n_unique(),
        cocok_fuzzy=terima.height,
        hanya_lokal=sisa_l.height - terima.height,
        hanya_siasn=sisa_s.height - terima.height,
        usulan_bkn=usulan.height,
        kolom=banding,
    )
    return HasilRekonsiliasi(
        rekonsiliasi=baris.select(keluar),
        usulan_bkn=usulan if ada_instansi else usulan.drop("instansi"),
        pencocokan=_pencocokan(kandidat, sisa_l, sisa_s),
        ringkasan=ringkasan(baris),
        statistik=statistik,
        policy_id=policy.id,
        policy_versi=policy.versi,
    )


__all__ = ["KOLOM_REKONSILIASI", "URUTAN_KOLOM", "HasilRekonsiliasi", "Statistik", "run_reconcile"]
