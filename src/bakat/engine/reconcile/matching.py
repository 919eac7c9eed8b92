"""Pairing local records (``pegawai``) with registry records (``siasn``).

1. **Exact**: the same NIP (white space and a leading apostrophe ignored).
2. **Fuzzy**, among the records left over on both sides (NIP typos, missing or malformed
   NIPs): candidate pairs come from *blocks* so that only plausible pairs are scored:
   the same birth date (:func:`_blok` says how it is split); the same NIK; and, only
   when the policy's weights let a pair with neither reach the threshold (``bobot.nama
   + bobot.jenis_kelamin >= ambang_cocok``), also NIPs one edit apart and the same words
   of the normalised name. Each candidate gets the explainable score of docs/policy.md
   ``[rekonsiliasi]`` (domain.md §8 V40 [I]: name, birth date and NIK when the NIP is
   missing): ``bobot.nama × s / 100 + bobot.tanggal_lahir × [same date] +
   bobot.jenis_kelamin × [same sex] + bobot.nik × [same NIK]``, ``s`` the
   similarity (0-100) of the normalised names: the higher of the token-sort ratio (words
   in any order) and the plain ratio (rapidfuzz). The plain ratio is needed because a
   typo in the first letter of a word changes the order of the sorted words: ``SAHAT
   SITORUS`` / ``SAHAT ITORUS`` score 96 plainly but far less sorted.

A candidate is accepted when ``s >= ambang_nama``, the score ``>= ambang_cocok``, and
neither the NIPs nor the NIKs are two well-formed numbers more than one edit apart
(optimal string alignment: one substitution, insertion, deletion or swap of neighbouring
digits). A NIP is kept for life (domain.md §4.1 [V]) and a NIK is never reissued (§4.3
[V]): two valid numbers further apart than one typo belong to different people, such as
two people of the same name born on the same day, who are never paired on name and birth
date alone. Pairs are then assigned one to one, best first: higher score, then closer
NIPs, then closer NIKs, then the lower ``nip_siasn``, ``nip`` and row numbers
(deterministic).
"""

from __future__ import annotations

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bakat.domain.nik import NIK_PANJANG
from bakat.domain.nip import NIP_PANJANG
from bakat.domain.policy_support import RekonsiliasiPolicy
from bakat.engine.reconcile.compare import SIASN
from bakat.engine.reconcile.normalise import enum_kunci, id_kunci, nama_kunci

#: Columns a leftover record needs for fuzzy matching.
KOLOM_SISA: tuple[str, ...] = (
    "_id",
    "_nip",
    "nip",
    "nama",
    "tanggal_lahir",
    "jenis_kelamin",
    "nik",
)
#: Candidate columns (``pencocokan``), in output order.
KOLOM_KANDIDAT: tuple[str, ...] = (
    "_id",
    "_id__s",
    "nip",
    "nip_siasn",
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
#: Why a candidate was not accepted, in the order they are checked.
ALASAN_NAMA = "nama_di_bawah_ambang"
ALASAN_SKOR = "skor_di_bawah_ambang"
ALASAN_NIP = "nip_berbeda_lebih_dari_satu_digit"
ALASAN_NIK = "nik_berbeda_lebih_dari_satu_digit"
ALASAN_KALAH = "rekaman_dipasangkan_dengan_calon_lain"
#: Tolerance of the threshold comparisons (scores are sums of floating-point products).
_EPS = 1e-9


def kunci_nip(e: pl.Expr) -> pl.Expr:
    """The exact-match key: the NIP without spaces or a leading apostrophe."""
    return e.str.replace_all(" ", "", literal=True).str.strip_chars_start("'")


def pasangkan(lokal: pl.DataFrame, siasn: pl.DataFrame, kunci: str) -> pl.DataFrame:
    """The exact stage over the key ``kunci`` and the fingerprints ``_h`` of both sides
    (:func:`~bakat.engine.reconcile.compare.sidik`): ``_id`` and ``_id__s`` of each pair
    with the same key (an empty key never matches) and ``_beda``, whether the pair's
    fingerprints differ."""
    return (
        lokal.lazy()
        .select("_id", kunci, "_h")
        .join(siasn.lazy().select("_id", kunci, "_h"), on=kunci, how="inner", suffix=SIASN)
        .select("_id", f"_id{SIASN}", (pl.col("_h") != pl.col(f"_h{SIASN}")).alias("_beda"))
        .collect()
    )


def tanpa_pasangan(frame: pl.DataFrame, dipakai: pl.Series) -> pl.DataFrame:
    """The rows of ``frame`` whose ``_id`` is not in ``dipakai``, in their order."""
    if frame.height == 0:
        return frame
    posisi = frame["_id"].to_numpy()
    bebas = np.ones(int(posisi.max()) + 1, dtype=np.bool_)
    bebas[dipakai.to_numpy()] = False
    return frame.filter(pl.Series(bebas[posisi]))


def _kunci_sisa(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(
        "_id",
        "_nip",
        "tanggal_lahir",
        nama_kunci(pl.col("nama")).alias("_nama_k"),
        nama_kunci(pl.col("nama")).str.split(" ").list.sort().list.join(" ").alias("_nama_urut"),
        enum_kunci(pl.col("jenis_kelamin"), "jenis_kelamin").alias("_jk"),
        id_kunci(pl.col("nik")).alias("_nik"),
    )


def _varian_nip(frame: pl.DataFrame) -> pl.DataFrame:
    """Each NIP and every one-digit deletion of it: two NIPs one edit apart share one."""
    nip = pl.col("_nip")
    varian = [nip] + [
        pl.concat_str(nip.str.slice(0, i), nip.str.slice(i + 1)) for i in range(NIP_PANJANG)
    ]
    return (
        frame.filter(nip.is_not_null())
        .select("_id", pl.concat_list(varian).alias("_kunci"))
        .explode("_kunci")
        .unique()
    )


def _blok(lokal: pl.DataFrame, siasn: pl.DataFrame, kebijakan: RekonsiliasiPolicy) -> pl.DataFrame:
    """Candidate pairs (``_id``, ``_id__s``, ``blok``): the first block that found each.

    A pair can reach the threshold only through the fields it agrees on. With the same
    birth date it has the same sex unless the name points alone reach the rest (under
    the default weights only a name similarity of 100, the same words in any order) or
    the NIKs agree too (then the NIK block finds it): so the birth-date block is split
    by sex, plus the same birth date and the same words of the name, whenever that loses
    no pair that could be accepted. Without the same birth date a pair needs the same
    NIK, unless the weights of name and sex alone reach the threshold: the NIK block is
    added when name, sex and NIK can reach it, and the NIP, NIK and name blocks when
    name and sex alone can.
    """
    b = kebijakan.bobot
    ambang = kebijakan.ambang_cocok - _EPS
    kiri, kanan = lokal.lazy(), siasn.lazy()

    def satu(nama: str, kunci: list[str], kr: pl.LazyFrame, kn: pl.LazyFrame) -> pl.LazyFrame:
        return (
            kr.select("_id", *kunci)
            .drop_nulls(kunci)
            .join(kn.select("_id", *kunci).drop_nulls(kunci), on=kunci, suffix=SIASN)
            .select("_id", f"_id{SIASN}", pl.lit(nama).alias("blok"))
        )

    tanpa_tanggal = b.nama + b.jenis_kelamin >= ambang
    blok_nik = b.nik > 0 and (tanpa_tanggal or b.nama + b.jenis_kelamin + b.nik >= ambang)
    # Below 100 a different sex could pass with the same date and no other field; with
    # the same NIK as well, the NIK block must be there to find it.
    nama_min = (kebijakan.ambang_cocok - b.tanggal_lahir) / b.nama * 100 if b.nama else 101.0
    nik_beda_jk = b.nik > 0 and b.nama + b.tanggal_lahir + b.nik >= ambang
    if nama_min >= 100 - _EPS and (blok_nik or not nik_beda_jk):
        blok = [
            satu("tanggal_lahir", ["tanggal_lahir", "_jk"], kiri, kanan),
            satu("tanggal_lahir", ["tanggal_lahir", "_nama_urut"], kiri, kanan),
        ]
    else:
        blok = [satu("tanggal_lahir", ["tanggal_lahir"], kiri, kanan)]
    if blok_nik:
        blok.append(satu("nik", ["_nik"], kiri, kanan))
    if tanpa_tanggal:
        blok.append(satu("nip", ["_kunci"], _varian_nip(lokal).lazy(), _varian_nip(siasn).lazy()))
        if not b.nik:
            blok.append(satu("nik", ["_nik"], kiri, kanan))
        blok.append(satu("nama", ["_nama_urut"], kiri, kanan))
    return (
        pl.concat(blok, how="vertical")
        .unique(["_id", f"_id{SIASN}"], keep="first", maintain_order=True)
        .collect()
    )


def _jarak(kandidat: pl.DataFrame, kolom: str) -> pl.Expr:
    """Optimal-string-alignment distance of the two sides' ``kolom`` (null if one is empty)."""
    kiri = kandidat[kolom].fill_null("").to_list()
    kanan = kandidat[kolom + SIASN].fill_null("").to_list()
    jarak = process.cpdist(kiri, kanan, scorer=OSA.distance, workers=-1)
    ada = pl.col(kolom).is_not_null() & pl.col(kolom + SIASN).is_not_null()
    return pl.when(ada).then(pl.Series(jarak, dtype=pl.Int64))


def _skor(kandidat: pl.DataFrame, kebijakan: RekonsiliasiPolicy) -> pl.DataFrame:
    nama_l = kandidat["_nama_k"].fill_null("").to_list()
    nama_s = kandidat[f"_nama_k{SIASN}"].fill_null("").to_list()
    kemiripan = np.maximum(
        process.cpdist(nama_l, nama_s, scorer=fuzz.token_sort_ratio, workers=-1),
        process.cpdist(nama_l, nama_s, scorer=fuzz.ratio, workers=-1),
    )
    b = kebijakan.bobot
    return (
        kandidat.with_columns(
            kemiripan_nama=pl.Series(kemiripan, dtype=pl.Float64),
            jarak_nip=_jarak(kandidat, "_nip"),
            jarak_nik=_jarak(kandidat, "_nik"),
            _tgl_sama=(pl.col("tanggal_lahir") == pl.col(f"tanggal_lahir{SIASN}")).fill_null(False),
            _jk_sama=(pl.col("_jk") == pl.col(f"_jk{SIASN}")).fill_null(False),
            _nik_sama=(pl.col("_nik") == pl.col(f"_nik{SIASN}")).fill_null(False),
        )
        .with_columns(
            skor_nama=pl.col("kemiripan_nama") * b.nama / 100,
            skor_tanggal_lahir=pl.when("_tgl_sama").then(b.tanggal_lahir).otherwise(0.0),
            skor_jenis_kelamin=pl.when("_jk_sama").then(b.jenis_kelamin).otherwise(0.0),
            skor_nik=pl.when("_nik_sama").then(b.nik).otherwise(0.0),
        )
        .with_columns(
            skor=pl.sum_horizontal(
                "skor_nama", "skor_tanggal_lahir", "skor_jenis_kelamin", "skor_nik"
            )
        )
    )


def _jauh(kolom: str, pola: str) -> pl.Expr:
    """Both identifiers well-formed and more than one edit apart: different people."""
    return (
        pl.col(kolom).str.contains(pola).fill_null(False)
        & pl.col(kolom + SIASN).str.contains(pola).fill_null(False)
        & (pl.col(f"jarak{kolom}") > 1)
    )


def _alasan(kebijakan: RekonsiliasiPolicy) -> pl.Expr:
    return (
        pl.when(pl.col("kemiripan_nama") < kebijakan.ambang_nama - _EPS)
        .then(pl.lit(ALASAN_NAMA))
        .when(pl.col("skor") < kebijakan.ambang_cocok - _EPS)
        .then(pl.lit(ALASAN_SKOR))
        .when(_jauh("_nip", rf"^\d{{{NIP_PANJANG}}}$"))
        .then(pl.lit(ALASAN_NIP))
        .when(_jauh("_nik", rf"^\d{{{NIK_PANJANG}}}$"))
        .then(pl.lit(ALASAN_NIK))
    )


def _satu_lawan_satu(layak: pl.DataFrame) -> set[tuple[int, int]]:
    """Greedy one-to-one assignment over candidates already in priority order."""
    dipakai_l: set[int] = set()
    dipakai_s: set[int] = set()
    terpilih: set[tuple[int, int]] = set()
    for i, j in layak.select("_id", f"_id{SIASN}").iter_rows():
        if i in dipakai_l or j in dipakai_s:
            continue
        dipakai_l.add(i)
        dipakai_s.add(j)
        terpilih.add((i, j))
    return terpilih


def cocokkan_fuzzy(
    lokal: pl.DataFrame, siasn: pl.DataFrame, kebijakan: RekonsiliasiPolicy
) -> pl.DataFrame:
    """Score the candidate pairs of the leftover records and assign them one to one.

    ``lokal``/``siasn``: leftover records with the columns of :data:`KOLOM_SISA` (a few
    per thousand of a national file, so this step works on collected frames). Returns
    every candidate (columns of :data:`KOLOM_KANDIDAT`) sorted best first; ``diterima``
    marks the accepted pairs, ``alasan`` says why any other was not.
    """
    kl, ks = _kunci_sisa(lokal), _kunci_sisa(siasn)
    pasangan = _blok(kl, ks, kebijakan)
    kandidat = pasangan.join(kl, on="_id").join(
        ks, left_on=f"_id{SIASN}", right_on="_id", suffix=SIASN
    )
    kandidat = _skor(kandidat, kebijakan).with_columns(alasan=_alasan(kebijakan))
    kandidat = (
        kandidat.join(lokal.select("_id", "nip"), on="_id", how="left")
        .join(
            siasn.select(pl.col("_id").alias(f"_id{SIASN}"), pl.col("nip").alias("nip_siasn")),
            on=f"_id{SIASN}",
            how="left",
        )
        .sort(
            ["skor", "jarak_nip", "jarak_nik", "nip_siasn", "nip", "_id", f"_id{SIASN}"],
            descending=[True, False, False, False, False, False, False],
            nulls_last=True,
        )
    )
    terpilih = _satu_lawan_satu(kandidat.filter(pl.col("alasan").is_null()))
    pilih = pl.DataFrame(
        [(i, j, True) for i, j in sorted(terpilih)],
        schema={"_id": pl.Int64, f"_id{SIASN}": pl.Int64, "diterima": pl.Boolean},
        orient="row",
    )
    return (
        kandidat.join(pilih, on=["_id", f"_id{SIASN}"], how="left", maintain_order="left")
        .with_columns(pl.col("diterima").fill_null(False))
        .with_columns(
            alasan=pl.when(pl.col("diterima"))
            .then(None)
            .otherwise(pl.col("alasan").fill_null(pl.lit(ALASAN_KALAH)))
        )
        .select(KOLOM_KANDIDAT)
    )
