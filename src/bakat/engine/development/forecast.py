"""``proyeksi.csv``: the 5-year retirement forecast against ready successors and the pool.

For the active employees, the retirement date is the 1st of the month after reaching the
BUP of the grade (PP 11/2017 Pasal 239 [S]; ``bakat.domain.jenjang.tanggal_pensiun``);
a date already past (still recorded as active) counts in the as-of year. PPPK are
counted too: their contract does not run past the age limit of the post (PP 49/2018
[S]). Without a birth date or a grade there is no retirement date; the data checks
report the gap.

For each year ``A.year .. A.year + 4`` (:data:`HORIZON_YEARS`):

- per unit and grade (``cakupan = unit``, rows with at least one retirement so far):
  the retirements of the year and cumulated, how many of those retiring hold a position
  (``jabatan.nip_pemangku``) and how many of those positions all have a successor
  ready by that year in ``suksesi`` (``siap_sekarang``: from the as-of year;
  ``siap_1_2_tahun``: from A.year + :data:`READY_IN_YEARS`; ``potensi_masa_depan`` is
  not counted as ready within the horizon; domain.md §2.8 [S]);
- per agency and grade (``cakupan = instansi``, every grade with staff): the same, plus
  the talent pool of the grades one step below (``bakat.domain.jenjang.jenjang_di_bawah``,
  domain.md §2.8, §4.6), counting the members of ``talenta.kotak`` still in service
  after that year, and ``kekurangan``: the cumulated retirements the pool cannot cover
  in number (0 when it can; empty for an entry grade, which is filled by recruitment).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.jenjang import JENJANG_DI_BAWAH, Jenjang
from bakat.domain.policy import Policy
from bakat.engine.development.frames import KEY, nip_key

#: Years of the forecast, starting with the as-of year.
HORIZON_YEARS = 5
#: A successor "ready in 1-2 years" is counted ready from this many years after A.year.
READY_IN_YEARS = 2
#: Readiness band -> years after A.year from which the successor counts as ready.
READY_FROM = {"siap_sekarang": 0, "siap_1_2_tahun": READY_IN_YEARS}
#: Columns of ``proyeksi.csv``, in order (docs/development.md).
COLUMNS = (
    "cakupan",
    "instansi",
    "unit_kerja",
    "jenjang_jabatan",
    "tahun",
    "pegawai_aktif",
    "pensiun",
    "pensiun_kumulatif",
    "pensiun_pemangku",
    "pemangku_suksesor_siap",
    "pemangku_tanpa_suksesor_siap",
    "kelompok_talenta_di_bawah",
    "kekurangan",
)
_GRADE_ORDER = {j.value: i for i, j in enumerate(Jenjang)}
#: (grade, feeder grade) pairs of the succession ladder.
_FEEDERS = pl.LazyFrame(
    [(t.value, f.value) for t, below in JENJANG_DI_BAWAH.items() for f in sorted(below)],
    schema={"jenjang_jabatan": pl.String, "_pengisi": pl.String},
    orient="row",
)


def _holders(
    leaving: pl.LazyFrame, posts: pl.LazyFrame, suksesi: pl.LazyFrame, as_of: date
) -> pl.LazyFrame:
    """NIP key of each retiring incumbent -> ``_siap_tahun``: the year by which every
    position they hold has a ready successor (null when one has none). Only the
    positions of ``leaving`` are looked at (a small share of all positions)."""
    offset = pl.col("kesiapan").replace_strict(READY_FROM, default=None, return_dtype=pl.Int32)
    ready = suksesi.group_by("jabatan_id").agg((offset.min() + as_of.year).alias("_siap"))
    return (
        posts.filter(pl.col("nip_pemangku").is_not_null())
        .select("jabatan_id", nip_key("nip_pemangku").alias(KEY))
        .join(leaving.select(KEY), on=KEY, how="inner")
        .join(ready, on="jabatan_id", how="left")
        .group_by(KEY)
        .agg(
            pl.when(pl.col("_siap").null_count() == 0)
            .then(pl.col("_siap").max())
            .alias("_siap_tahun"),
        )
        .with_columns(pl.lit(True).alias("_pemangku"))
    )


def _by_year(frame: pl.LazyFrame, keys: list[str], years: list[int]) -> pl.LazyFrame:
    """Per ``keys`` and forecast year: the retirements of the year and cumulated, and
    those of position holders with and without a ready successor. Counted once per
    retirement year, then spread over the years (a small table), so that 5.6 million
    people are grouped once."""
    holder = pl.col("_pemangku")
    per_year = frame.group_by([*keys, "_tahun_pensiun"]).agg(
        pl.len().cast(pl.Int64).alias("_n"),
        holder.sum().cast(pl.Int64).alias("_pemangku_n"),
        # Ready by the retirement year: the only year in which the count is used.
        (holder & (pl.col("_siap_tahun") <= pl.col("_tahun_pensiun")).fill_null(False))
        .sum()
        .cast(pl.Int64)
        .alias("_siap_n"),
    )
    spread = per_year.join(
        pl.LazyFrame({"tahun": years}, schema={"tahun": pl.Int32}), how="cross"
    ).filter(pl.col("_tahun_pensiun") <= pl.col("tahun"))
    this_year = pl.col("_tahun_pensiun") == pl.col("tahun")
    return spread.group_by(["tahun", *keys]).agg(
        pl.col("_n").filter(this_year).sum().alias("pensiun"),
        pl.col("_n").sum().alias("pensiun_kumulatif"),
        pl.col("_pemangku_n").filter(this_year).sum().alias("pensiun_pemangku"),
        pl.col("_siap_n").filter(this_year).sum().alias("pemangku_suksesor_siap"),
    )


def forecast_table(
    people: pl.LazyFrame,
    posts: pl.LazyFrame,
    suksesi: pl.LazyFrame,
    as_of: date,
    policy: Policy,
    units: pl.LazyFrame | None = None,
) -> pl.LazyFrame:
    """``proyeksi.csv``: agency rows then unit rows, each by grade and year. ``units``:
    the person frame's ``compliance.unit_counts`` when already planned (its
    ``_pegawai`` are the staff)."""
    years = list(range(as_of.year, as_of.year + HORIZON_YEARS))
    base = people.select(
        KEY,
        "instansi",
        "unit_kerja",
        "jenjang_jabatan",
        "kotak",
        pl.when(pl.col("tanggal_pensiun").is_not_null())
        .then(pl.max_horizontal(pl.col("tanggal_pensiun").dt.year(), pl.lit(as_of.year)))
        .cast(pl.Int32)
        .alias("_tahun_pensiun"),
    )
    retiring = base.filter(pl.col("_tahun_pensiun") <= years[-1]).cache()
    leaving = retiring.join(
        _holders(retiring, posts, suksesi, as_of), on=KEY, how="left"
    ).with_columns(pl.col("_pemangku").fill_null(False))
    unit_keys = ["instansi", "unit_kerja", "jenjang_jabatan"]
    if units is None:
        units = base.group_by(unit_keys).agg(pl.len().cast(pl.Int64).alias("_pegawai"))
    staff = units.select(*unit_keys, pl.col("_pegawai").alias("pegawai_aktif")).cache()
    units = (
        _by_year(leaving, unit_keys, years)
        .join(staff, on=unit_keys, how="left", nulls_equal=True)
        .with_columns(pl.lit("unit").alias("cakupan"))
    )
    agency_keys = ["instansi", "jenjang_jabatan"]
    grid = (
        staff.filter(pl.col("jenjang_jabatan").is_not_null())
        .group_by(agency_keys)
        .agg(pl.col("pegawai_aktif").sum())
        .join(pl.LazyFrame({"tahun": years}, schema={"tahun": pl.Int32}), how="cross")
    )
    counts = _by_year(leaving, agency_keys, years)
    pool = _pool_below(base, years, policy)
    agencies = (
        grid.join(counts, on=["tahun", *agency_keys], how="left", nulls_equal=True)
        .join(pool, on=["tahun", *agency_keys], how="left", nulls_equal=True)
        .with_columns(
            pl.col("pensiun", "pensiun_kumulatif", "pensiun_pemangku").fill_null(0),
            pl.col("pemangku_suksesor_siap").fill_null(0),
            pl.when(pl.col("jenjang_jabatan").is_in(list(_entry_grades())).not_()).then(
                pl.col("kelompok_talenta_di_bawah").fill_null(0)
            ),
            pl.lit("instansi").alias("cakupan"),
        )
        .with_columns(
            (pl.col("pensiun_kumulatif") - pl.col("kelompok_talenta_di_bawah"))
            .clip(lower_bound=0)
            .alias("kekurangan")
        )
    )
    return (
        pl.concat([agencies, units], how="diagonal_relaxed")
        .with_columns(
            (pl.col("pensiun_pemangku") - pl.col("pemangku_suksesor_siap")).alias(
                "pemangku_tanpa_suksesor_siap"
            ),
            pl.col("jenjang_jabatan")
            .replace_strict(_GRADE_ORDER, default=None, return_dtype=pl.Int8)
            .alias("_urutan_jenjang"),
            (pl.col("cakupan") == "unit").alias("_unit"),
        )
        .sort("_unit", "instansi", "unit_kerja", "_urutan_jenjang", "tahun", nulls_last=True)
        .select(COLUMNS)
    )


def _entry_grades() -> frozenset[str]:
    """Grades with no grade below them (filled by recruitment)."""
    return frozenset(t.value for t, below in JENJANG_DI_BAWAH.items() if not below)


def _pool_below(base: pl.LazyFrame, years: list[int], policy: Policy) -> pl.LazyFrame:
    """Per year, agency and grade: the pool members of its feeder grades still in
    service after that year (``kelompok_talenta_di_bawah``)."""
    members = (
        base.filter(pl.col("kotak").is_in(list(policy.talenta.kotak)).fill_null(False))
        .group_by("instansi", pl.col("jenjang_jabatan").alias("_pengisi"), "_tahun_pensiun")
        .agg(pl.len().cast(pl.Int64).alias("_n"))
    )
    staying = members.join(
        pl.LazyFrame({"tahun": years}, schema={"tahun": pl.Int32}), how="cross"
    ).filter(pl.col("_tahun_pensiun").is_null() | (pl.col("_tahun_pensiun") > pl.col("tahun")))
    return (
        staying.join(_FEEDERS, on="_pengisi", how="inner")
        .group_by(["tahun", "instansi", "jenjang_jabatan"])
        .agg(pl.col("_n").sum().alias("kelompok_talenta_di_bawah"))
    )
