"""Field-by-field comparison of matched pairs: one row per real difference.

A pair frame holds one row per matched pair: the local columns under their own names and
the SIASN columns with the suffix :data:`SIASN` (``nama__s``), plus ``_id``/``_id__s``
(row numbers of each side). The comparison runs in passes so that national files stay
fast: a 64-bit fingerprint of each record's *cheap values* (the values as read; names
upper-cased), :func:`sidik`, finds the pairs that may differ without bringing the two
sides together column by column (two different values hash alike with probability about
2^-64); :func:`tandai` marks, for those pairs only, the columns whose cheap values
differ; :func:`bandingkan` compares the marked columns by the full normalised keys of
:mod:`bakat.engine.reconcile.normalise`.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from bakat.engine.reconcile import normalise as nm
from bakat.engine.reconcile.bukti import lahir_sesuai_nip, nip_sesuai_rekaman
from bakat.engine.reconcile.normalise import KOLOM_BANDING, Jenis

#: Suffix of the SIASN columns in a pair frame.
SIASN = "__s"
#: Columns of one difference row (before the status and the pihak are added).
KOLOM_BARIS: tuple[str, ...] = (
    "_id",
    "_id__s",
    "nip",
    "nip_siasn",
    "kolom",
    "nilai_lokal",
    "nilai_siasn",
    "nama",
    "unit_kerja",
    "unit_kerja_nama",
    "instansi",
    "_urutan",
    "_bukti_lokal",
    "_bukti_siasn",
)


def _s(kolom: str) -> str:
    return kolom + SIASN


def _murah(kolom: str, sisi: str = "") -> pl.Expr:
    """The cheap value of ``kolom``: as read, names upper-cased."""
    e = pl.col(kolom + sisi)
    return e.str.to_uppercase() if KOLOM_BANDING[kolom] is Jenis.NAMA else e


def sidik(kolom: Sequence[str]) -> pl.Expr:
    """``_h``: the hash of the record's cheap values over ``kolom`` (and of the
    upper-cased name when titles are compared: they may sit inside it)."""
    nilai = [_murah(c).alias(c) for c in kolom]
    if any(KOLOM_BANDING[c] is Jenis.GELAR for c in kolom) and "nama" not in kolom:
        nilai.append(_murah("nama").alias("nama"))
    # Sum (modulo 2^64) of one hash per column, each with its own seed: a value that
    # changes in any column changes the sum, and a value moved to another column too.
    hash_kolom = [v.hash(i) for i, v in enumerate(nilai)]
    sidik_baris = pl.sum_horizontal(hash_kolom) if nilai else pl.lit(0, dtype=pl.UInt64)
    return sidik_baris.alias("_h")


def _mungkin_beda(kolom: str) -> pl.Expr:
    """The cheap pass: the pair may differ in ``kolom``."""
    a, b = pl.col(kolom), pl.col(_s(kolom))
    jenis = KOLOM_BANDING[kolom]
    if jenis is Jenis.NAMA:
        return ~_murah(kolom).eq_missing(_murah(kolom, SIASN))
    if jenis is Jenis.GELAR:
        # An empty title field may have its titles inside the name: then the names differ
        # beyond case.
        kosong = a.is_null() | b.is_null()
        return ~a.eq_missing(b) | (pl.col("_m_nama_huruf") & kosong)
    return ~a.eq_missing(b)


def _kunci(kolom: str, sisi: str) -> pl.Expr:
    """The full comparison key of ``kolom`` on one side (``""`` local, :data:`SIASN`)."""
    e = pl.col(kolom + sisi)
    jenis = KOLOM_BANDING[kolom]
    if jenis is Jenis.ID:
        return nm.id_kunci(e)
    if jenis is Jenis.TEKS:
        return nm.teks_kunci(e)
    if jenis is Jenis.NAMA:
        return nm.nama_kunci(e)
    if jenis is Jenis.GELAR:
        return nm.gelar_kunci(_tampil(kolom, sisi))
    if jenis is Jenis.PANGKAT:
        return nm.pangkat_kunci(e)
    if jenis is Jenis.ENUM:
        return nm.enum_kunci(e, kolom)
    return e


def _tampil(kolom: str, sisi: str) -> pl.Expr:
    """The value shown in ``nilai_lokal``/``nilai_siasn``: as read, except the titles,
    which include those written inside the name."""
    e = pl.col(kolom + sisi)
    if KOLOM_BANDING[kolom] is Jenis.GELAR:
        return nm.gelar_efektif(e, pl.col("nama" + sisi), depan=kolom == "gelar_depan")
    return e.cast(pl.String)


def _nip_sesuai(sisi: str) -> pl.Expr:
    return nip_sesuai_rekaman(
        pl.col("nip" + sisi),
        pl.col("tanggal_lahir" + sisi),
        pl.col("jenis_kelamin" + sisi),
        pl.col("tmt_cpns" + sisi),
        pl.col("status_kepegawaian" + sisi),
    )


def _bukti(kolom: str) -> tuple[pl.Expr, pl.Expr]:
    """Whether each side's value agrees with its own NIP (for ``tanggal_lahir`` and
    ``nip``; null for the other columns): :mod:`bakat.engine.reconcile.bukti`."""
    if kolom == "tanggal_lahir":
        return (
            lahir_sesuai_nip(pl.col("nip"), pl.col("tanggal_lahir")),
            lahir_sesuai_nip(pl.col(_s("nip")), pl.col(_s("tanggal_lahir"))),
        )
    if kolom == "nip":
        return _nip_sesuai(""), _nip_sesuai(SIASN)
    kosong = pl.lit(None, dtype=pl.Boolean)
    return kosong, kosong


def _baris(frame: pl.LazyFrame, kolom: str, urutan: int) -> pl.LazyFrame:
    """One difference row per pair of ``frame`` for ``kolom``."""
    lokal, siasn = _bukti(kolom)
    return frame.select(
        "_id",
        _s("_id"),
        "nip",
        pl.col(_s("nip")).alias("nip_siasn"),
        pl.lit(kolom).alias("kolom"),
        (pl.col("nip") if kolom == "nip" else _tampil(kolom, "")).alias("nilai_lokal"),
        (pl.col(_s("nip")) if kolom == "nip" else _tampil(kolom, SIASN)).alias("nilai_siasn"),
        pl.coalesce("nama", _s("nama")).alias("nama"),
        pl.coalesce("unit_kerja", _s("unit_kerja")).alias("unit_kerja"),
        pl.coalesce("unit_kerja_nama", _s("unit_kerja_nama")).alias("unit_kerja_nama"),
        pl.coalesce("instansi", _s("instansi")).alias("instansi"),
        pl.lit(urutan, dtype=pl.Int32).alias("_urutan"),
        lokal.alias("_bukti_lokal"),
        siasn.alias("_bukti_siasn"),
    )


def tandai(pasangan: pl.LazyFrame, kolom: Sequence[str]) -> pl.LazyFrame:
    """The pairs that may differ in some column of ``kolom``, with a boolean
    ``_m_<kolom>`` per column (the cheap values differ)."""
    if not kolom:
        return pasangan.head(0)
    perlu_nama = any(KOLOM_BANDING[c] is Jenis.GELAR for c in kolom)
    bendera = pasangan.with_columns(
        *([_mungkin_beda("nama").alias("_m_nama_huruf")] if perlu_nama else []),
    ).with_columns(_mungkin_beda(c).alias(f"_m_{c}") for c in kolom)
    return bendera.filter(pl.any_horizontal(f"_m_{c}" for c in kolom))


def bandingkan(calon: pl.LazyFrame, kolom: Sequence[str]) -> pl.LazyFrame:
    """The difference rows (columns of :data:`KOLOM_BARIS`) of the pairs marked by
    :func:`tandai`. ``_urutan`` orders the rows of one pair: the columns in the order of
    :data:`KOLOM_BANDING` (from 1; ``nip`` rows, :func:`baris_nip`, are 0)."""
    urutan = {c: i for i, c in enumerate(KOLOM_BANDING, start=1)}
    bagian: list[pl.LazyFrame] = []
    for c in kolom:
        frame = calon.filter(pl.col(f"_m_{c}"))
        if KOLOM_BANDING[c] not in (Jenis.TANGGAL, Jenis.BOOL):
            frame = frame.with_columns(
                _kunci(c, "").alias("_k_lokal"), _kunci(c, SIASN).alias("_k_siasn")
            ).filter(~pl.col("_k_lokal").eq_missing(pl.col("_k_siasn")))
        bagian.append(_baris(frame, c, urutan[c]))
    if not bagian:
        return _baris(calon.head(0), "nip", 0)
    return pl.concat(bagian, how="vertical")


def baris_nip(pasangan: pl.LazyFrame) -> pl.LazyFrame:
    """A ``nip`` row for every pair whose NIPs differ (the fuzzy pairs)."""
    return _baris(pasangan.filter(~pl.col("_nip").eq_missing(pl.col(_s("_nip")))), "nip", 0)
