"""The potential axis (sumbu potensial) of the Nine Box, as Polars expressions.

PermenPANRB 20/2025 Pasal 17 huruf b [V] places potential in three levels from the
competency assessment, the potential assessment and the track record (domain.md §2.2).
Kepka BKN 411/2025 [S] weighs them (domain.md §2.6): competency 40 (assessment 20,
development 10, job experience 10), potential 25, qualification 20 (education 10,
field-of-study fit 10), integrity 15. Every formula is that of docs/policy.md
"Sub-score formulas", every number comes from ``policy.potensi``:

- the assessment used is the latest (then the last in the file) with both scores dated in
  ``[A - masa_berlaku_asesmen_tahun years, A]`` (``bakat.domain.policy.asesmen_berlaku``);
- each sub-score ``nilai_<key>`` lies in ``[0, komposit.bobot.<key>]``; ``skor_potensi``
  is their sum in the order of the weight table, rounded to ``potensi.desimal`` places as
  Python rounds (:func:`~bakat.engine.mapping.numeric.round_like_python`);
- ``metode = "jpm"``: ``skor_potensi`` is the assessment's ``skor_kompetensi`` (the
  job-person match), rounded the same way; the composite sub-scores stay as explanation;
- the level compares ``skor_potensi`` with the active cut-offs (``potensi.batas``), as
  ``bakat.domain.policy.level_potensi`` does.

Levels are carried as their index (rendah 0, menengah 1, tinggi 2; ``LevelPotensi.indeks``).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.hukdis import TingkatHukdis, mundur_tahun
from bakat.domain.jenjang import PENDIDIKAN_MINIMAL
from bakat.domain.ninebox import LevelPotensi
from bakat.domain.pendidikan import TINGKAT_PENDIDIKAN, Pendidikan
from bakat.domain.policy import MetodePotensi, Policy
from bakat.engine.mapping.frames import ROW
from bakat.engine.mapping.numeric import clamp01, divide, round_like_python

#: The composite sub-scores in the order of ``potensi.komposit.bobot`` (summed in it).
SUBSCORES = (
    "asesmen_kompetensi",
    "pengembangan_kompetensi",
    "pengalaman_jabatan",
    "potensi",
    "pendidikan",
    "kesesuaian_jurusan",
    "integritas",
)
#: Level index -> level name.
LEVEL = {level.indeks: level.value for level in LevelPotensi}
_TINGKAT = {p.value: n for p, n in TINGKAT_PENDIDIKAN.items()}
_MINIMAL_JENJANG = {j.value: p.value for j, p in PENDIDIKAN_MINIMAL.items() if p is not None}
#: Days per year of service (docs/policy.md ``pengalaman_jabatan``).
DAYS_PER_YEAR = 365.25


def jp_labels(as_of: date, policy: Policy) -> list[tuple[str, int]]:
    """``(suffix, year)`` of each training year, newest first: ``t1`` is A's year - 1."""
    count = policy.potensi.komposit.jp_jumlah_tahun
    return [(f"t{k}", as_of.year - k) for k in range(1, count + 1)]


def usable_assessment(as_of: date) -> pl.Expr:
    """An assessment that has both scores and is dated on or before A."""
    return (
        pl.col("tanggal").is_not_null()
        & (pl.col("tanggal") <= as_of)
        & pl.col("skor_kompetensi").is_not_null()
        & pl.col("skor_potensi").is_not_null()
    )


def _within(first: int, last: int) -> pl.Expr:
    # Years as date ranges: a comparison of day numbers, no calendar arithmetic.
    tanggal = pl.col("tanggal")
    return (tanggal >= date(first, 1, 1)) & (tanggal < date(last + 1, 1, 1))


def jp_window(as_of: date, policy: Policy) -> pl.Expr:
    """The training rows dated in the years of :func:`jp_labels`."""
    years = [year for _, year in jp_labels(as_of, policy)]
    return _within(min(years), max(years))


def assessment_used(
    asesmen: pl.LazyFrame, as_of: date, policy: Policy, key: str = "nip"
) -> pl.LazyFrame:
    """One row per ``key`` (the NIP, or its integer key) with an assessment that has
    both scores and is dated on or before A, sorted by ``key``: ``_ada_asesmen`` (true),
    and the assessment used (``asesmen_tanggal``, ``asesmen_skor_kompetensi``,
    ``asesmen_skor_potensi``), null when none is valid."""
    start = mundur_tahun(as_of, policy.potensi.masa_berlaku_asesmen_tahun)
    # Latest date first, then the row that comes last in the file: one integer, unique
    # per row as ``_baris`` is unique in the table, null outside the validity window.
    # Each person's maximum (a plain aggregation) is joined back to its row (no row when
    # none is valid: the person has ``_ada_asesmen`` but no assessment used), then the
    # people are sorted (a third faster than sorting every row on two columns).
    order = pl.when(pl.col("tanggal") >= start).then(
        pl.col("tanggal").cast(pl.Int64) * 2**32 + pl.col(ROW)
    )
    used = pl.col("_kunci").is_not_null()
    rows = asesmen.filter(pl.col(key).is_not_null() & usable_assessment(as_of)).select(
        key, order.alias("_kunci"), "tanggal", "skor_kompetensi", "skor_potensi"
    )
    latest = rows.group_by(key).agg(pl.col("_kunci").max())
    return (
        latest.join(rows.filter(used), on=[key, "_kunci"], how="left")
        .sort(key)
        .select(
            key,
            pl.col("tanggal").alias("asesmen_tanggal"),
            pl.col("skor_kompetensi").alias("asesmen_skor_kompetensi"),
            pl.col("skor_potensi").alias("asesmen_skor_potensi"),
            pl.lit(True).alias("_ada_asesmen"),
        )
    )


def jp_per_person(
    diklat: pl.LazyFrame, as_of: date, policy: Policy, key: str = "nip"
) -> pl.LazyFrame:
    """One row per ``key`` (the NIP, or its integer key) with training in the window:
    ``jp_<t>`` = the JP of the rows dated in each year (a missing ``jp`` counts 0)."""
    labels = jp_labels(as_of, policy)
    # One column per year before grouping, so that the aggregation is a plain sum.
    return (
        diklat.filter(pl.col(key).is_not_null() & jp_window(as_of, policy))
        .select(
            key,
            *(
                pl.when(_within(y, y))
                .then(pl.col("jp").fill_null(0.0))
                .otherwise(0.0)
                .alias(f"jp_{suffix}")
                for suffix, y in labels
            ),
        )
        .group_by(key)
        .agg(pl.col(f"jp_{suffix}").sum() for suffix, _ in labels)
    )


def minimum_education() -> pl.Expr:
    """The education minimum of the current post: the position's ``pendidikan_minimal``
    (table ``jabatan``, joined as ``_pendidikan_minimal_jabatan``), else
    ``jenjang.pendidikan_minimal(jenjang_jabatan)`` (PP 11/2017 Pasal 54, 107 [S])."""
    from_jenjang = pl.col("jenjang_jabatan").replace_strict(
        _MINIMAL_JENJANG, default=None, return_dtype=pl.String
    )
    return pl.coalesce(pl.col("_pendidikan_minimal_jabatan"), from_jenjang)


def _education_order(column: str) -> pl.Expr:
    return pl.col(column).replace_strict(_TINGKAT, default=None, return_dtype=pl.Int8)


def subscores(as_of: date, policy: Policy) -> list[pl.Expr]:
    """The seven ``nilai_<key>`` sub-scores and ``masa_kerja_tahun`` of a person frame
    with the columns of :func:`assessment_used`, :func:`jp_per_person`, ``pegawai``,
    ``pendidikan_minimal`` and ``hukdis_integritas``."""
    komposit = policy.potensi.komposit
    w = komposit.bobot
    jp = [
        clamp01(divide(pl.col(f"jp_{suffix}").fill_null(0.0), komposit.jp_penuh_per_tahun))
        for suffix, _ in jp_labels(as_of, policy)
    ]
    start = pl.coalesce(pl.col("tmt_cpns"), pl.col("tmt_pns"), pl.col("tmt_jabatan"))
    days = (pl.lit(as_of) - start).dt.total_days()
    service = divide(days, DAYS_PER_YEAR).fill_null(0.0)
    education = {p.value: float(komposit.nilai_pendidikan[p]) for p in Pendidikan}
    education_value = pl.col("pendidikan").replace_strict(
        education, default=None, return_dtype=pl.Float64
    )
    fit = komposit.kesesuaian_jurusan
    meets = _education_order("pendidikan") >= _education_order("pendidikan_minimal")
    below = pl.col("pendidikan").is_null() | (
        pl.col("pendidikan_minimal").is_not_null() & ~meets.fill_null(False)
    )
    no_field = pl.col("jurusan").is_null() | (pl.col("jurusan").str.strip_chars() == "")
    fit_value = (
        pl.when(below)
        .then(fit.di_bawah_minimal)
        .when(no_field)
        .then(fit.jurusan_kosong)
        .otherwise(fit.memenuhi)
        .cast(pl.Float64)
    )
    integrity = {t.value: float(komposit.integritas.nilai_hukdis[t]) for t in TingkatHukdis}
    integrity_value = (
        pl.col("hukdis_integritas")
        .replace_strict(integrity, default=None, return_dtype=pl.Float64)
        .fill_null(100.0)
    )
    return [
        service.alias("masa_kerja_tahun"),
        (w.asesmen_kompetensi * clamp01(divide(pl.col("asesmen_skor_kompetensi"), 100.0))).alias(
            "nilai_asesmen_kompetensi"
        ),
        (w.pengembangan_kompetensi * divide(pl.sum_horizontal(jp), len(jp))).alias(
            "nilai_pengembangan_kompetensi"
        ),
        (w.pengalaman_jabatan * clamp01(divide(service, komposit.pengalaman_tahun_penuh))).alias(
            "nilai_pengalaman_jabatan"
        ),
        (w.potensi * clamp01(divide(pl.col("asesmen_skor_potensi"), 100.0))).alias("nilai_potensi"),
        divide(w.pendidikan * education_value.fill_null(0.0), 100.0).alias("nilai_pendidikan"),
        divide(w.kesesuaian_jurusan * fit_value, 100.0).alias("nilai_kesesuaian_jurusan"),
        divide(w.integritas * integrity_value, 100.0).alias("nilai_integritas"),
    ]


def raw_score(policy: Policy) -> pl.Expr:
    """The unrounded score of the active method: the sum of the ``nilai_*`` columns in
    the order of the weight table (komposit) or the assessment's ``skor_kompetensi``
    (jpm); null without a valid assessment."""
    if policy.potensi.metode is MetodePotensi.JPM:
        return pl.col("asesmen_skor_kompetensi")
    raw = pl.col(f"nilai_{SUBSCORES[0]}")
    for key in SUBSCORES[1:]:
        raw = raw + pl.col(f"nilai_{key}")
    return raw


def score(raw: pl.Expr, policy: Policy) -> pl.Expr:
    """``skor_potensi``: the raw score rounded to ``potensi.desimal`` places."""
    return round_like_python(raw, policy.potensi.desimal)


def level_index(skor: pl.Expr, policy: Policy) -> pl.Expr:
    """The potential level index of a rounded score against ``potensi.batas``
    (``bakat.domain.ninebox.level_dari_skor``)."""
    batas = policy.potensi.batas
    return (
        pl.when(skor >= batas.tinggi)
        .then(LevelPotensi.TINGGI.indeks)
        .when(skor >= batas.menengah)
        .then(LevelPotensi.MENENGAH.indeks)
        .when(skor.is_not_null())
        .then(LevelPotensi.RENDAH.indeks)
        .cast(pl.Int8)
    )


def level_name(index: pl.Expr) -> pl.Expr:
    """The level name (``tinggi``/``menengah``/``rendah``) of a level index."""
    return index.replace_strict(LEVEL, default=None, return_dtype=pl.String)
