"""The data-quality index (Indeks Kualitas Data, IKD) per work unit, agency and overall.

BKN scores data quality on four dimensions: completeness, accuracy, consistency and
timeliness (domain.md §4.12 [S]). Here each dimension's score is the share of
(record, applicable rule) pairs that pass, over the rules of that dimension that count
in the index (errors and warnings; see ``Rule.masuk_indeks``):

    skor_d = 100 * (pairs_d - violated pairs_d) / pairs_d

and the index is the weighted mean of the dimension scores with the policy's weights
(``kualitas_data.bobot``), over the dimensions that have at least one pair:

    indeks = sum(w_d * skor_d) / sum(w_d)

A record is a row of any table, attributed to the unit of the employee it belongs to
(a ``jabatan`` row to its own unit). docs/data-quality.md states the definition.

The counts arrive per unit code (``_unit``, see ``prepare.kode_unit``) in wide form:
``b:<dimensi>`` (applicable pairs) and ``v:<dimensi>`` (violated pairs) per dimension.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from bakat.engine.quality.registry import Dimensi, Rule
from bakat.engine.quality.temuan import kolom_b, kolom_v

#: Columns of the unit names frame: code -> agency and unit.
NAMA_UNIT_SCHEMA = pl.Schema({"_unit": pl.UInt64, "instansi": pl.String, "unit_kerja": pl.String})

CAKUPAN_SEMUA, CAKUPAN_INSTANSI, CAKUPAN_UNIT = "semua", "instansi", "unit"
_URUT_CAKUPAN = {CAKUPAN_SEMUA: 0, CAKUPAN_INSTANSI: 1, CAKUPAN_UNIT: 2}
DIMENSI = tuple(d.value for d in Dimensi)


def dengan_nama(frame: pl.LazyFrame, nama_unit: pl.LazyFrame) -> pl.LazyFrame:
    """``frame`` (keyed by ``_unit``) with ``instansi`` and ``unit_kerja``."""
    return frame.join(nama_unit, on="_unit", how="left", nulls_equal=True).drop("_unit")


def jumlahkan(per_unit: Sequence[pl.LazyFrame], kolom: Sequence[str]) -> pl.LazyFrame:
    """The per-unit count frames of several tables added up per unit (absent columns
    count as zero)."""
    semua = pl.concat(list(per_unit), how="diagonal_relaxed")
    return semua.group_by("_unit").agg(pl.col(c).fill_null(0).sum().alias(c) for c in kolom)


def _tingkat(
    frame: pl.LazyFrame, kolom: Sequence[str], per_instansi: bool
) -> list[tuple[str, pl.LazyFrame]]:
    """The unit, agency and overall sums of ``kolom``, each with its ``cakupan``."""
    jumlah = [pl.col(c).sum() for c in kolom]
    levels = [
        (CAKUPAN_SEMUA, frame.select(jumlah)),
        (CAKUPAN_UNIT, frame.group_by("instansi", "unit_kerja").agg(jumlah)),
    ]
    if per_instansi:
        levels.insert(1, (CAKUPAN_INSTANSI, frame.group_by("instansi").agg(jumlah)))
    return levels


def _gabung_tingkat(
    frame: pl.LazyFrame, kolom: Sequence[str], per_instansi: bool, turunan: list[pl.Expr]
) -> pl.LazyFrame:
    parts = [
        part.with_columns(
            pl.lit(cakupan).alias("cakupan"),
            *(
                pl.lit(None, dtype=pl.String).alias(c)
                for c in ("instansi", "unit_kerja")
                if c not in part.collect_schema().names()
            ),
        ).with_columns(turunan)
        for cakupan, part in _tingkat(frame, kolom, per_instansi)
    ]
    return pl.concat(parts, how="diagonal_relaxed").sort(
        pl.col("cakupan").replace_strict(_URUT_CAKUPAN, return_dtype=pl.Int8),
        "instansi",
        "unit_kerja",
        nulls_last=True,
    )


def hitung_indeks(
    per_unit: pl.LazyFrame,
    nama_unit: pl.LazyFrame,
    bobot: Mapping[Dimensi, float],
    *,
    per_instansi: bool,
) -> pl.LazyFrame:
    """The index table: one row per unit, per agency (when ``per_instansi``) and overall.

    ``per_unit``: ``_unit``, ``jumlah_pegawai`` and ``b:<dimensi>`` / ``v:<dimensi>`` for
    the dimensions that have pairs; ``nama_unit``: :data:`NAMA_UNIT_SCHEMA`. Columns:
    ``cakupan`` (semua / instansi / unit), ``instansi``, ``unit_kerja``,
    ``jumlah_pegawai``, ``pasangan_diperiksa``, ``pasangan_lulus``, one score per
    dimension, ``indeks``.
    """
    ada = set(per_unit.collect_schema().names())
    per_unit = per_unit.with_columns(
        pl.lit(0, dtype=pl.Int64).alias(f"{jenis}:{d}")
        for d in DIMENSI
        for jenis in ("b", "v")
        if f"{jenis}:{d}" not in ada
    )
    kolom = ["jumlah_pegawai", *(f"{j}:{d}" for d in DIMENSI for j in ("b", "v"))]
    skor = {
        d: pl.when(pl.col(f"b:{d}") > 0).then(
            100.0 * (pl.col(f"b:{d}") - pl.col(f"v:{d}")) / pl.col(f"b:{d}")
        )
        for d in DIMENSI
    }
    bobot_ada = [pl.when(skor[d].is_not_null()).then(float(bobot[Dimensi(d)])) for d in DIMENSI]
    berbobot = [skor[d] * float(bobot[Dimensi(d)]) for d in DIMENSI]
    total_bobot = pl.sum_horizontal(bobot_ada)
    turunan = [
        pl.sum_horizontal(pl.col(f"b:{d}") for d in DIMENSI).alias("pasangan_diperiksa"),
        pl.sum_horizontal(pl.col(f"b:{d}") - pl.col(f"v:{d}") for d in DIMENSI).alias(
            "pasangan_lulus"
        ),
        *(skor[d].round(2).alias(d) for d in DIMENSI),
        pl.when(total_bobot > 0)
        .then(pl.sum_horizontal(berbobot) / total_bobot)
        .round(2)
        .alias("indeks"),
    ]
    hasil = _gabung_tingkat(dengan_nama(per_unit, nama_unit), kolom, per_instansi, turunan)
    return hasil.select(
        "cakupan",
        "instansi",
        "unit_kerja",
        pl.col("jumlah_pegawai").fill_null(0).cast(pl.Int64),
        pl.col("pasangan_diperiksa").cast(pl.Int64),
        pl.col("pasangan_lulus").cast(pl.Int64),
        *DIMENSI,
        "indeks",
    )


def hitung_capaian_jp(
    per_unit: pl.LazyFrame, nama_unit: pl.LazyFrame, target: float, *, per_instansi: bool
) -> pl.LazyFrame:
    """The share of employees reaching the yearly JP (rule V34) per unit, agency and
    overall, against the policy target (``pengembangan.target_unit_persen``).

    ``per_unit``: ``_unit``, ``pegawai_dinilai`` (applicable) and ``pegawai_mencapai``.
    """
    turunan = [
        pl.when(pl.col("pegawai_dinilai") > 0)
        .then((100.0 * pl.col("pegawai_mencapai") / pl.col("pegawai_dinilai")).round(2))
        .alias("persen_mencapai"),
        pl.lit(float(target)).alias("target_persen"),
    ]
    kolom = ["pegawai_dinilai", "pegawai_mencapai"]
    hasil = _gabung_tingkat(dengan_nama(per_unit, nama_unit), kolom, per_instansi, turunan)
    return hasil.select(
        "cakupan",
        "instansi",
        "unit_kerja",
        pl.col("pegawai_dinilai").cast(pl.Int64),
        pl.col("pegawai_mencapai").cast(pl.Int64),
        "persen_mencapai",
        "target_persen",
        (pl.col("persen_mencapai") >= pl.col("target_persen")).alias("target_tercapai"),
    )


def per_unit(
    frame: pl.DataFrame, rules: Sequence[Rule], aturan_jp: Rule | None = None
) -> pl.DataFrame:
    """Per unit: the number of records (``_n``), per dimension the number of applicable
    (``b:<dimensi>``) and violated (``v:<dimensi>``) (record, rule) pairs, and the
    applicable and passing counts of the 20 JP rule (``pegawai_dinilai``,
    ``pegawai_mencapai``) when it ran.

    ``frame`` holds ``_unit``, the violation flag of every rule and the applicability
    flag of the rules that have a ``berlaku`` (a rule without one applies to every
    record: its pairs are ``_n``). Violations are counted on the records that have one."""
    per_dimensi: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.masuk_indeks:
            per_dimensi.setdefault(rule.dimensi.value, []).append(rule)
    jp = [r for r in rules if r is aturan_jp]

    def jumlah(kolom: list[str]) -> pl.Expr:
        return pl.sum_horizontal([pl.col(c).cast(pl.Int32) for c in kolom])

    # Row sums first (per record: its pairs per dimension), then per-unit sums of a few
    # narrow columns; the rules that apply everywhere add ``_n`` pairs each.
    bersyarat = {
        d: [kolom_b(r) for r in rs if r.berlaku is not None] for d, rs in per_dimensi.items()
    }
    baris = [
        *(jumlah(kolom).alias(f"b:{d}") for d, kolom in bersyarat.items() if kolom),
        *(pl.col(kolom_b(r)).cast(pl.Int32).alias("pegawai_dinilai") for r in jp),
        *(
            (pl.col(kolom_b(r)) & ~pl.col(kolom_v(r))).cast(pl.Int32).alias("pegawai_mencapai")
            for r in jp
        ),
    ]
    nama = [e.meta.output_name() for e in baris]
    semua = (
        frame.lazy()
        .select("_unit", *baris)
        .group_by("_unit")
        .agg(pl.len().cast(pl.Int64).alias("_n"), *(pl.col(c).sum().cast(pl.Int64) for c in nama))
    ).with_columns(
        (
            (pl.col(f"b:{d}") if bersyarat[d] else pl.lit(0, dtype=pl.Int64))
            + pl.col("_n") * (len(rs) - len(bersyarat[d]))
        ).alias(f"b:{d}")
        for d, rs in per_dimensi.items()
    )
    v = [kolom_v(r) for rs in per_dimensi.values() for r in rs]
    langgar = (
        frame.lazy()
        .filter(pl.any_horizontal(v) if v else pl.lit(False))
        .select(
            "_unit",
            *(jumlah([kolom_v(r) for r in rs]).alias(f"v:{d}") for d, rs in per_dimensi.items()),
        )
        .group_by("_unit")
        .agg(pl.col(f"v:{d}").sum().cast(pl.Int64) for d in per_dimensi)
    )
    return (
        semua.join(langgar, on="_unit", how="left", nulls_equal=True)
        .with_columns(pl.col(f"v:{d}").fill_null(0) for d in per_dimensi)
        .select(
            "_unit",
            "_n",
            *(f"b:{d}" for d in per_dimensi),
            *(f"v:{d}" for d in per_dimensi),
            *(c for c in ("pegawai_dinilai", "pegawai_mencapai") if c in nama),
        )
        .collect(engine="in-memory")
    )


def per_unit_pembaca(
    tabel: str, per_unit: pl.DataFrame, temuan: pl.DataFrame, rules: Sequence[Rule]
) -> pl.LazyFrame | None:
    """Pair counts of the reader rules over ``tabel``, per unit and dimension: every
    record is one pair per rule; a record with one or more problems of the rule is one
    violated pair."""
    pilihan = [r for r in rules if tabel in r.tabel_berlaku and r.masuk_indeks]
    if not pilihan:
        return None
    dimensi = {r.name: r.dimensi.value for r in pilihan}
    langgar = (
        temuan.filter((pl.col("tabel") == tabel) & pl.col("nama_aturan").is_in(list(dimensi)))
        .group_by("_unit", "nama_aturan")
        .agg(pl.col("baris").n_unique().cast(pl.Int64).alias("_langgar"))
        .select(
            "_unit",
            pl.col("nama_aturan").replace_strict(dimensi, return_dtype=pl.String).alias("dimensi"),
            "_langgar",
        )
    )
    per_dimensi: dict[str, int] = {}
    for rule in pilihan:
        per_dimensi[rule.dimensi.value] = per_dimensi.get(rule.dimensi.value, 0) + 1
    berlaku = per_unit.lazy().select(
        "_unit", *(pl.col("_n").mul(n).alias(f"b:{d}") for d, n in per_dimensi.items())
    )
    langgar_lebar = (
        langgar.lazy()
        .group_by("_unit")
        .agg(
            pl.col("_langgar").filter(pl.col("dimensi") == d).sum().alias(f"v:{d}")
            for d in per_dimensi
        )
    )
    return berlaku.join(langgar_lebar, on="_unit", how="left", nulls_equal=True)
