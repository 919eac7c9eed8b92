"""``idp.csv``: the individual development plan (rencana pengembangan individu).

domain.md §2.9 [S] builds the IDP from the gap between a person's competencies and the
standard of the current and of the target position (PermenPANRB 38/2017 levels 1-5,
§4.11). For every active employee:

- **posisi_saat_ini**: the nine levels of the latest valid assessment (both scores
  present, dated in ``[A - potensi.masa_berlaku_asesmen_tahun years, A]``, the latest
  date then the last row, as the mapping chooses it) against the required levels of the
  current position (``jabatan`` by ``jabatan_id``; a missing level falls back on
  ``bakat.domain.jenjang.level_kompetensi_standar`` of the position's grade, else the
  person's grade; domain.md §4.11 [I]);
- **jabatan_target**: for a person named in ``suksesi``, the same levels against the
  position where they rank best (lowest ``peringkat``, then ``jabatan_id``);
- a gap ``g = required - actual >= 1`` leads to the activities of the band of
  ``pengembangan.celah`` with the largest ``minimal <= g``; levels outside 1-5 are
  ignored;
- **kotak**: the development actions of the box's treatment (``perlakuan_kotak``,
  domain.md §2.4 [S]; :mod:`.activities`);
- **pendidikan**: ``pengembangan.kegiatan_pendidikan_kurang`` (``tugas_belajar``) when
  education is below the minimum of the current or target position (the position's
  ``pendidikan_minimal``, else ``bakat.domain.jenjang.pendidikan_minimal``; PP 11/2017
  Pasal 54, 107 [S]; D4 and S1 share a level).

One row per (nip, kegiatan): an activity asked for by several sources or competencies
is one row that lists them. ``prioritas`` 1: the person falls short of the current
position (competency gap or education); 2: only of the target position; 3: the box's
treatment only.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.hukdis import mundur_tahun
from bakat.domain.jenjang import LEVEL_KOMPETENSI_STANDAR, PENDIDIKAN_MINIMAL
from bakat.domain.kompetensi import KOMPETENSI, LEVEL_MAKSIMAL, LEVEL_MINIMAL
from bakat.domain.pendidikan import TINGKAT_PENDIDIKAN
from bakat.domain.policy import Policy
from bakat.engine.development.activities import Activity, activities, in_band
from bakat.engine.development.frames import KEY as NIP_KEY
from bakat.engine.development.frames import ORDER, nip_key
from bakat.engine.mapping.frames import ROW

#: The sources of an IDP row, in the order ``sumber`` lists them.
SOURCES = ("posisi_saat_ini", "jabatan_target", "kotak", "pendidikan")
#: Sort key of the rows: NIP order, then priority, then activity order.
KEY = "_kunci_idp"
#: Columns of ``idp.csv``, in order (docs/development.md).
COLUMNS = (
    "nip",
    "instansi",
    "unit_kerja",
    "jabatan_id",
    "jenjang_jabatan",
    "kotak",
    "prioritas",
    "kegiatan",
    "nama_kegiatan",
    "jenis_kegiatan",
    "jp_saran",
    "sumber",
    "kompetensi",
    "celah",
    "jabatan_target",
    "alasan",
)

_STANDARD = {j.value: n for j, n in LEVEL_KOMPETENSI_STANDAR.items()}
_MINIMUM = {j.value: p.value for j, p in PENDIDIKAN_MINIMAL.items() if p is not None}
_TINGKAT = {p.value: n for p, n in TINGKAT_PENDIDIKAN.items()}


def _level(expr: pl.Expr) -> pl.Expr:
    """A level 1-5, or null."""
    return pl.when(expr.is_between(LEVEL_MINIMAL, LEVEL_MAKSIMAL)).then(expr).cast(pl.Int8)


def assessed_levels(asesmen: pl.LazyFrame, as_of: date, policy: Policy) -> pl.LazyFrame:
    """The NIP key and ``_aktual_<k>`` for the nine competencies of the assessment used."""
    start = mundur_tahun(as_of, policy.potensi.masa_berlaku_asesmen_tahun)
    valid = asesmen.filter(
        pl.col("nip").is_not_null()
        & pl.col("tanggal").is_between(pl.lit(start), pl.lit(as_of))
        & pl.col("skor_kompetensi").is_not_null()
        & pl.col("skor_potensi").is_not_null()
    ).with_columns((pl.col("tanggal").cast(pl.Int64) * 2**32 + pl.col(ROW)).alias("_kunci"))
    # The row with the largest key per person (latest date, then last row): a window
    # maximum on the integer NIP key, far cheaper than a group-by that gathers nine
    # columns. ``_baris`` is unique, so one row remains; a repeated one keeps the first.
    keyed = valid.with_columns(nip_key().alias(NIP_KEY))
    return (
        keyed.filter(pl.col("_kunci") == pl.col("_kunci").max().over(NIP_KEY))
        .filter(pl.col(NIP_KEY).is_first_distinct())
        .select(NIP_KEY, *(_level(pl.col(k)).alias(f"_aktual_{k}") for k in KOMPETENSI))
    )


def primary_targets(suksesi: pl.LazyFrame) -> pl.LazyFrame:
    """NIP key -> ``jabatan_target``: the position where the person ranks best."""
    return (
        suksesi.sort("peringkat", "jabatan_id", nulls_last=True)
        .unique(NIP_KEY, keep="first", maintain_order=True)
        .select(NIP_KEY, pl.col("jabatan_id").alias("jabatan_target"))
    )


def _requirements(posts: pl.LazyFrame, prefix: str) -> pl.LazyFrame:
    """Per position: the nine required levels ``<prefix>_<k>`` (the position's own, else
    the standard of its grade; null when neither is known), the minimum education
    ``<prefix>_min`` and the grade ``<prefix>_jenjang``."""
    return posts.select(
        "jabatan_id",
        pl.col("jenjang_jabatan").alias(f"{prefix}_jenjang"),
        *(_level(pl.col(k)).alias(f"{prefix}_{k}") for k in KOMPETENSI),
        pl.col("pendidikan_minimal").alias(f"{prefix}_min"),
    )


def _standard(grade: pl.Expr) -> pl.Expr:
    return grade.replace_strict(_STANDARD, default=None, return_dtype=pl.Int8)


def _minimum(grade: pl.Expr) -> pl.Expr:
    return grade.replace_strict(_MINIMUM, default=None, return_dtype=pl.String)


def _order(education: pl.Expr) -> pl.Expr:
    return education.replace_strict(_TINGKAT, default=None, return_dtype=pl.Int8)


def gap_frame(
    people: pl.LazyFrame,
    asesmen: pl.LazyFrame,
    posts: pl.LazyFrame,
    suksesi: pl.LazyFrame,
    as_of: date,
    policy: Policy,
) -> pl.LazyFrame:
    """One row per active person: ``_g_cur_<k>`` and ``_g_tgt_<k>`` (gap levels, null
    when not computable), ``jabatan_target``, ``_edu_cur`` / ``_edu_tgt`` (education
    below the minimum) and the minimums ``_min_cur`` / ``_min_tgt``."""
    target = primary_targets(suksesi).join(
        _requirements(posts, "_tgt").rename({"jabatan_id": "jabatan_target"}),
        on="jabatan_target",
        how="left",
    )
    frame = (
        people.select(
            "nip",
            "instansi",
            "unit_kerja",
            "jabatan_id",
            "jenjang_jabatan",
            "kotak",
            "pendidikan",
            ORDER,
            NIP_KEY,
        )
        .join(assessed_levels(asesmen, as_of, policy), on=NIP_KEY, how="left")
        .join(_requirements(posts, "_cur"), on="jabatan_id", how="left")
        .join(target, on=NIP_KEY, how="left")
    )
    cur_grade = pl.coalesce(pl.col("_cur_jenjang"), pl.col("jenjang_jabatan"))
    tgt_grade = pl.col("_tgt_jenjang")
    frame = frame.with_columns(
        _standard(cur_grade).alias("_std_cur"),
        _standard(tgt_grade).alias("_std_tgt"),
        pl.coalesce(pl.col("_cur_min"), _minimum(cur_grade)).alias("_min_cur"),
        pl.when(pl.col("jabatan_target").is_not_null())
        .then(pl.coalesce(pl.col("_tgt_min"), _minimum(tgt_grade)))
        .alias("_min_tgt"),
    )
    education = _order(pl.col("pendidikan"))

    def gap(prefix: str, k: str) -> pl.Expr:
        required = pl.coalesce(pl.col(f"{prefix}_{k}"), pl.col(f"_std{prefix}"))
        return (required - pl.col(f"_aktual_{k}")).alias(f"_g{prefix}_{k}")

    return frame.with_columns(
        *(gap("_cur", k) for k in KOMPETENSI),
        *(gap("_tgt", k) for k in KOMPETENSI),
        (education < _order(pl.col("_min_cur"))).fill_null(False).alias("_edu_cur"),
        (education < _order(pl.col("_min_tgt"))).fill_null(False).alias("_edu_tgt"),
    )


def _text(*parts: pl.Expr) -> pl.Expr:
    return pl.concat_str(list(parts), separator="; ", ignore_nulls=True)


def _rows(frame: pl.LazyFrame, activity: Activity, policy: Policy) -> pl.LazyFrame:
    """The rows of one activity: the people whom any source sends to it."""
    kode = activity.kode
    cur = [in_band(pl.col(f"_g_cur_{k}"), kode, policy).alias(f"_c_{k}") for k in KOMPETENSI]
    tgt = [in_band(pl.col(f"_g_tgt_{k}"), kode, policy).alias(f"_t_{k}") for k in KOMPETENSI]
    box = pl.col("kotak").is_in(list(activity.kotak)).fill_null(False)
    edu = activity.pendidikan
    flags = [
        pl.any_horizontal(cur).alias("_s_cur"),
        pl.any_horizontal(tgt).alias("_s_tgt"),
        box.alias("_s_box"),
        (pl.col("_edu_cur") & edu).alias("_s_edu_cur"),
        (pl.col("_edu_tgt") & edu).alias("_s_edu_tgt"),
    ]
    competent = [pl.col(f"_c_{k}") | pl.col(f"_t_{k}") for k in KOMPETENSI]
    gaps = [
        gap
        for k in KOMPETENSI
        for gap in (
            pl.when(pl.col(f"_c_{k}")).then(pl.col(f"_g_cur_{k}")),
            pl.when(pl.col(f"_t_{k}")).then(pl.col(f"_g_tgt_{k}")),
        )
    ]
    s_cur, s_tgt, s_box = pl.col("_s_cur"), pl.col("_s_tgt"), pl.col("_s_box")
    s_edu_cur, s_edu_tgt = pl.col("_s_edu_cur"), pl.col("_s_edu_tgt")
    priority = pl.when(s_cur | s_edu_cur).then(1).when(s_tgt | s_edu_tgt).then(2).otherwise(3)
    sources = [s_cur, s_tgt, s_box, s_edu_cur | s_edu_tgt]
    kompetensi = pl.concat_str(
        [pl.when(c).then(pl.lit(k)) for c, k in zip(competent, KOMPETENSI, strict=True)],
        separator=";",
        ignore_nulls=True,
    )
    education = "pendidikan " + pl.col("pendidikan") + " di bawah minimal jabatan "
    reason = _text(
        pl.when(s_cur).then(pl.lit("kompetensi di bawah standar jabatan saat ini")),
        pl.when(s_tgt).then(
            "kompetensi di bawah standar jabatan target " + pl.col("jabatan_target")
        ),
        pl.when(s_box).then("perlakuan kotak " + pl.col("kotak").cast(pl.String)),
        pl.when(s_edu_cur).then(education + "saat ini (" + pl.col("_min_cur") + ")"),
        pl.when(s_edu_tgt & ~s_edu_cur).then(education + "target (" + pl.col("_min_tgt") + ")"),
    )
    return (
        frame.with_columns(*cur, *tgt)
        .with_columns(flags)
        .filter(pl.any_horizontal(sources))
        .select(
            "nip",
            "instansi",
            "unit_kerja",
            "jabatan_id",
            "jenjang_jabatan",
            "kotak",
            priority.cast(pl.Int8).alias("prioritas"),
            pl.lit(kode).alias("kegiatan"),
            pl.lit(activity.nama).alias("nama_kegiatan"),
            pl.lit(activity.jenis, dtype=pl.String).alias("jenis_kegiatan"),
            pl.lit(activity.jp, dtype=pl.Float64).alias("jp_saran"),
            pl.concat_str(
                [pl.when(s).then(pl.lit(name)) for s, name in zip(sources, SOURCES, strict=True)],
                separator=";",
                ignore_nulls=True,
            ).alias("sumber"),
            pl.when(kompetensi != "").then(kompetensi).alias("kompetensi"),
            pl.max_horizontal(gaps).alias("celah"),
            pl.when(s_tgt | s_edu_tgt).then(pl.col("jabatan_target")).alias("jabatan_target"),
            reason.alias("alasan"),
            (pl.col(ORDER) * 4096 + priority * 1024 + activity.urutan).alias(KEY),
        )
    )


def idp_table(gaps: pl.LazyFrame, policy: Policy) -> pl.LazyFrame:
    """``idp.csv``: every (nip, kegiatan) row, unsorted, with the sort key :data:`KEY`
    (NIP, priority, activity order; the job sorts the collected frame on it)."""
    parts = [_rows(gaps, activity, policy) for activity in activities(policy)]
    return pl.concat(parts, how="vertical")
