"""Findings: the violating rows of each rule, worded, and the readers' problems.

The job (``check.run_check``) evaluates every rule as flag columns ``v:<name>``
(violated) and ``b:<name>`` (applicable) over each table; here the rows with a finding
are prepared again with the values the messages read (:func:`rinci`) and turned into
rows of the findings table (:data:`TEMUAN_SCHEMA`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import polars as pl

from bakat.engine.quality import rules_pembaca
from bakat.engine.quality.prepare import siapkan
from bakat.engine.quality.registry import Konteks, Rule
from bakat.engine.quality.rujukan import Rujukan
from bakat.engine.quality.schema import BARIS

#: Columns of the findings table (temuan.csv), in order.
TEMUAN_SCHEMA = pl.Schema(
    {
        "nip": pl.String,
        "aturan": pl.String,
        "nama_aturan": pl.String,
        "tingkat": pl.String,
        "dimensi": pl.String,
        "tabel": pl.String,
        "baris": pl.Int64,
        "kolom": pl.String,
        "nilai": pl.String,
        "pesan": pl.String,
        "unit_kerja": pl.String,
        "instansi": pl.String,
    }
)
TEMUAN_KODE = pl.Schema(
    [(c, t) for c, t in TEMUAN_SCHEMA.items() if c not in ("unit_kerja", "instansi")]
    + [("_unit", pl.UInt64())]
)
URUTAN_TEMUAN = ["instansi", "unit_kerja", "nip", "aturan", "nama_aturan", "tabel", "baris"]
URUTAN_TEMUAN += ["kolom", "nilai", "pesan"]
LAPORAN = ["_nip_laporan", "_unit", BARIS]
#: The Polars engine of every collect. The streaming engine of Polars 2.1 panics on some
#: string expressions over frames built here (``binview`` index assertion), so the
#: in-memory engine is used throughout.
ENGINE: Literal["in-memory"] = "in-memory"


def kolom_v(rule: Rule) -> str:
    """The flag column of ``rule``'s violations."""
    return f"v:{rule.name}"


def kolom_b(rule: Rule) -> str:
    """The flag column of ``rule``'s applicability."""
    return f"b:{rule.name}"


def rinci(
    tabel: str,
    kunci: pl.LazyFrame,
    flags: pl.DataFrame,
    rules: Sequence[Rule],
    masalah: pl.DataFrame | None,
    rujukan: Rujukan,
    k: Konteks,
    teks: pl.LazyFrame | None = None,
) -> pl.LazyFrame:
    """The prepared rows of ``tabel`` that have a finding (a violated rule or a reader
    problem) with their flags: only these rows are needed to word the findings.
    ``teks`` (``_baris`` and the columns only the wording reads, kept out of ``kunci``)
    is read for these rows and joined."""
    flag = [kolom_v(r) for r in rules]
    ada = pl.any_horizontal(flag) if flag else pl.lit(False)
    baris = flags.filter(ada).get_column(BARIS)
    if masalah is not None:
        baris = pl.concat([baris, masalah.get_column("baris").cast(baris.dtype)]).unique()
    pilih = pl.col(BARIS).is_in(baris.implode())
    subset = kunci.filter(pilih).collect(engine=ENGINE)
    if teks is not None:
        tambahan = teks.filter(pilih).collect(engine=ENGINE)
        subset = subset.join(tambahan, on=BARIS, how="left", maintain_order="left")
    kolom_kunci = [c for c in ("_kunci", "_kunci_pemangku", "_kunci_a", "_kunci_b") if c in subset]
    nip = pl.concat([subset.get_column(c) for c in kolom_kunci]) if kolom_kunci else None
    jab = subset.get_column("_jab_kunci") if "_jab_kunci" in subset else None
    kosong = pl.Series([], dtype=pl.UInt64)
    sempit = rujukan.saring(kosong if nip is None else nip, kosong if jab is None else jab, tabel)
    return siapkan(tabel, subset.lazy(), sempit, k, rinci=True).join(
        flags.lazy().filter(pilih).drop("_unit"), on=BARIS, how="left"
    )


def temuan_aturan(frame: pl.LazyFrame, rule: Rule, k: Konteks) -> pl.LazyFrame:
    """The findings of ``rule`` from the prepared rows with a finding (:func:`rinci`)."""
    return frame.filter(pl.col(kolom_v(rule))).select(
        pl.col("_nip_laporan").cast(pl.String).alias("nip"),
        pl.lit(rule.id).alias("aturan"),
        pl.lit(rule.name).alias("nama_aturan"),
        pl.lit(rule.tingkat.value).alias("tingkat"),
        pl.lit(rule.dimensi.value).alias("dimensi"),
        pl.lit(rule.tabel).alias("tabel"),
        pl.col(BARIS).cast(pl.Int64).alias("baris"),
        pl.lit(rule.kolom).alias("kolom"),
        rule.expr_nilai(k).alias("nilai"),
        rule.expr_pesan(k).alias("pesan"),
        pl.col("_unit"),
    )


def temuan_pembaca(
    tabel: str, masalah: pl.DataFrame, rekaman: pl.LazyFrame, rules: Sequence[Rule]
) -> pl.LazyFrame:
    """One finding per reader problem of ``tabel`` that a reader rule reports."""
    kode = {c: r for r in rules for c in r.kode_masalah if tabel in r.tabel_berlaku}
    if not kode:
        return pl.LazyFrame(schema=TEMUAN_KODE)
    cols = [c for c in ["status_kepegawaian", *LAPORAN] if c in rekaman.collect_schema()]
    joined = (
        masalah.lazy()
        .filter(pl.col("masalah").is_in(list(kode)))
        .with_columns(pl.col("baris").cast(pl.Int64))
        .join(rekaman.select(cols), left_on="baris", right_on=BARIS, how="left")
    )
    if "status_kepegawaian" not in cols:
        joined = joined.with_columns(pl.lit(None, dtype=pl.String).alias("status_kepegawaian"))
    joined = joined.filter(~rules_pembaca.dikecualikan(tabel))

    def per_kode(attr: Callable[[Rule], str]) -> pl.Expr:
        return pl.col("masalah").replace_strict(
            {c: attr(r) for c, r in kode.items()}, return_dtype=pl.String
        )

    pesan = pl.col("masalah").replace_strict(
        {c: r.pesan.replace("{kolom}", "\x00").replace("{nilai}", "\x01") for c, r in kode.items()},
        return_dtype=pl.String,
    )
    return joined.select(
        pl.col("_nip_laporan").cast(pl.String).alias("nip"),
        per_kode(lambda r: r.id).alias("aturan"),
        per_kode(lambda r: r.name).alias("nama_aturan"),
        per_kode(lambda r: r.tingkat.value).alias("tingkat"),
        per_kode(lambda r: r.dimensi.value).alias("dimensi"),
        pl.lit(tabel).alias("tabel"),
        pl.col("baris"),
        pl.col("kolom").cast(pl.String),
        pl.col("nilai").cast(pl.String),
        pesan.str.replace_all("\x00", pl.col("kolom"), literal=True)
        .str.replace_all("\x01", pl.col("nilai").fill_null("kosong"), literal=True)
        .alias("pesan"),
        pl.col("_unit"),
    )


def urutkan(temuan_kode: pl.DataFrame, nama_unit: pl.DataFrame) -> pl.DataFrame:
    """The findings (:data:`TEMUAN_KODE`) with their agency and unit names
    (``_unit``, ``instansi``, ``unit_kerja``), sorted by :data:`URUTAN_TEMUAN`, nulls last.

    The same order as sorting on the ten columns, from fewer and smaller keys: the rank of
    the (agency, unit) pair and of the rule, then NIP, table, row and column; the few
    findings equal on all of these are then ordered by value and message."""
    nama = ["instansi", "unit_kerja"]
    kosong = pl.DataFrame([[None], [None]], schema={c: pl.String for c in nama}, orient="col")
    pasangan = (
        pl.concat([nama_unit.select(nama), kosong])
        .unique()
        .sort(nama, nulls_last=True)
        .with_row_index("_u_unit")
    )
    tanpa_nama = pasangan.filter(pl.all_horizontal(pl.col(c).is_null() for c in nama))
    kode_unit = nama_unit.select("_unit", *nama).join(
        pasangan, on=nama, how="left", nulls_equal=True
    )
    pasangan_aturan = list(temuan_kode.select("aturan", "nama_aturan").unique().iter_rows())
    tabel = temuan_kode.get_column("tabel").unique().to_list()
    nama_aturan = [n for _, n in sorted(pasangan_aturan, key=lambda p: (p[0] or "", p[1] or ""))]
    kosong_ada = None in tabel or any(None in p for p in pasangan_aturan)
    if kosong_ada or len(set(nama_aturan)) != len(nama_aturan):
        # Not one rule id per name (or an empty one): sort on the columns themselves.
        return (
            temuan_kode.lazy()
            .join(kode_unit.lazy().drop("_u_unit"), on="_unit", how="left", nulls_equal=True)
            .select(TEMUAN_SCHEMA.names())
            .sort(URUTAN_TEMUAN, nulls_last=True)
            .collect(engine=ENGINE)
        )
    kunci = ["_u_unit", "nip", "_u_aturan", "_u_tabel", BARIS, "kolom"]
    urut = (
        temuan_kode.lazy()
        .join(kode_unit.lazy(), on="_unit", how="left", nulls_equal=True)
        .with_columns(
            pl.col("_u_unit").fill_null(tanpa_nama.item(0, "_u_unit")),
            pl.col("nama_aturan")
            .replace_strict({n: i for i, n in enumerate(nama_aturan)}, return_dtype=pl.UInt32)
            .alias("_u_aturan"),
            pl.col("tabel")
            .replace_strict({t: i for i, t in enumerate(sorted(tabel))}, return_dtype=pl.UInt32)
            .alias("_u_tabel"),
            pl.col("baris").alias(BARIS),
        )
        .sort(kunci, nulls_last=True)
        .collect(engine=ENGINE)
    )
    sama = pl.all_horizontal(pl.col(c).eq_missing(pl.col(c).shift(1)) for c in kunci) & (
        pl.int_range(pl.len()) > 0
    )
    tanda = urut.select(
        sama.alias("_sama"), (~sama).cum_sum().alias("_grup"), sama.shift(-1).alias("_lanjut")
    )
    ikut = (tanda.get_column("_sama") | tanda.get_column("_lanjut").fill_null(False)).alias("_ikut")
    if ikut.any():
        # Findings equal on every key but value and message: ordered by these two.
        posisi = ikut.arg_true()
        seri = (
            urut.select("nilai", "pesan")
            .with_columns(tanda.get_column("_grup"), pl.int_range(pl.len()).alias("_i"))
            .filter(ikut)
            .sort(["_grup", "nilai", "pesan"], nulls_last=True)
            .get_column("_i")
        )
        urutan = pl.int_range(urut.height, eager=True).scatter(posisi, seri)
        urut = urut[urutan]
    return urut.select(TEMUAN_SCHEMA.names())
