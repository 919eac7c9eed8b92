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

from collections.abc import Sequence
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
#: Bits of the sources of a row in ``_sumber`` (education split by position).
_CUR, _TGT, _BOX, _EDU_CUR, _EDU_TGT = 1, 2, 4, 8, 16
_SOURCE, _COMPETENT, _ACTIVITY = "_sumber", "_kompetensi", "_urutan_kegiatan"
#: The person columns a row repeats or its text reads.
PERSON_COLUMNS = (
    "nip",
    "instansi",
    "unit_kerja",
    "jabatan_id",
    "jenjang_jabatan",
    "kotak",
    "pendidikan",
    "jabatan_target",
    "_min_cur",
    "_min_tgt",
)
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
    primary = primary_targets(suksesi)
    # Only the target positions are looked up (a semi join hashes the few targets, not
    # every position).
    targeted = posts.join(
        primary.select(pl.col("jabatan_target").alias("jabatan_id")), on="jabatan_id", how="semi"
    )
    target = primary.join(
        _requirements(targeted, "_tgt").rename({"jabatan_id": "jabatan_target"}),
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


def _flag(bit: int) -> pl.Expr:
    return (pl.col(_SOURCE) & bit) != 0


def _rows(frame: pl.LazyFrame, activity: Activity, policy: Policy) -> pl.LazyFrame:
    """The rows of one activity, numbers only: the people whom any source sends to it
    (:data:`ORDER`), the sources (bits of ``_sumber``), the competencies (bits of
    ``_kompetensi``, in :data:`KOMPETENSI` order), ``celah`` and the activity's
    ``urutan``. :func:`idp_frame` turns them into the text of ``idp.csv``."""
    kode = activity.kode
    cur = [in_band(pl.col(f"_g_cur_{k}"), kode, policy).alias(f"_c_{k}") for k in KOMPETENSI]
    tgt = [in_band(pl.col(f"_g_tgt_{k}"), kode, policy).alias(f"_t_{k}") for k in KOMPETENSI]
    bits = [
        pl.when(pl.any_horizontal(pl.col(f"_c_{k}") for k in KOMPETENSI)).then(_CUR),
        pl.when(pl.any_horizontal(pl.col(f"_t_{k}") for k in KOMPETENSI)).then(_TGT),
        pl.when(pl.col("kotak").is_in(list(activity.kotak)).fill_null(False)).then(_BOX),
    ]
    if activity.pendidikan:
        bits.append(pl.when(pl.col("_edu_cur")).then(_EDU_CUR))
        bits.append(pl.when(pl.col("_edu_tgt")).then(_EDU_TGT))
    source = pl.sum_horizontal(bits).cast(pl.Int8)
    competent = pl.sum_horizontal(
        pl.when(pl.col(f"_c_{k}") | pl.col(f"_t_{k}")).then(1 << i)
        for i, k in enumerate(KOMPETENSI)
    ).cast(pl.Int16)
    gaps = [
        gap
        for k in KOMPETENSI
        for gap in (
            pl.when(pl.col(f"_c_{k}")).then(pl.col(f"_g_cur_{k}")),
            pl.when(pl.col(f"_t_{k}")).then(pl.col(f"_g_tgt_{k}")),
        )
    ]
    priority = (
        pl.when(_flag(_CUR) | _flag(_EDU_CUR))
        .then(1)
        .when(_flag(_TGT) | _flag(_EDU_TGT))
        .then(2)
        .otherwise(3)
    )
    return (
        frame.with_columns(*cur, *tgt)
        .select(
            ORDER,
            source.alias(_SOURCE),
            competent.alias(_COMPETENT),
            pl.max_horizontal(gaps).alias("celah"),
            pl.lit(activity.urutan, dtype=pl.Int16).alias(_ACTIVITY),
        )
        .filter(pl.col(_SOURCE) != 0)
        .with_columns(priority.cast(pl.Int8).alias("prioritas"))
    )


def idp_table(gaps: pl.LazyFrame, policy: Policy) -> pl.LazyFrame:
    """The rows of ``idp.csv`` as numbers (:func:`_rows` of every activity), unsorted;
    :func:`idp_frame` sorts them and writes their text."""
    parts = [_rows(gaps, activity, policy) for activity in activities(policy)]
    return pl.concat(parts, how="vertical")


def idp_people(gaps: pl.LazyFrame) -> pl.LazyFrame:
    """The person columns an ``idp.csv`` row repeats, one row per person."""
    return gaps.select(ORDER, *PERSON_COLUMNS)


def _table(values: Sequence[object], dtype: pl.DataType) -> pl.Series:
    return pl.Series(values, dtype=dtype)


def _texts(width: int, names: tuple[str, ...]) -> list[str | None]:
    """The text of every set of ``width`` bits: the names of the bits set, ``;``-joined
    (null for none)."""
    texts = [
        ";".join(n for i, n in enumerate(names) if code >> i & 1) for code in range(1 << width)
    ]
    return [text or None for text in texts]


def idp_frame(rows: pl.DataFrame, persons: pl.DataFrame, policy: Policy) -> pl.DataFrame:
    """``idp.csv`` from the collected :func:`idp_table` and :func:`idp_people`: rows
    sorted on NIP order, priority and activity order (one integer sort of the numbers),
    then the person's columns gathered by NIP rank (:data:`ORDER` numbers the people
    from 1 without a gap), the activity's columns and the lists of sources and
    competencies taken from small tables by number, and the reasons written once on the
    sorted rows."""
    rows = rows.sort(
        pl.col(ORDER) * 4096 + pl.col("prioritas").cast(pl.Int64) * 1024 + pl.col(_ACTIVITY)
    )
    # One chunk first: a gather from the many chunks the joins leave costs ten times more.
    persons = persons.rechunk()
    position = persons.get_column(ORDER).arg_sort()
    people = persons.select(PERSON_COLUMNS)[position.gather(rows.get_column(ORDER) - 1)]
    listed = activities(policy)
    activity = rows.get_column(_ACTIVITY).cast(pl.UInt32)
    source = rows.get_column(_SOURCE).cast(pl.UInt32)
    competent = rows.get_column(_COMPETENT).cast(pl.UInt32)
    sumber = _table([_sumber(code) for code in range(_EDU_TGT << 1)], pl.String()).gather(source)

    def column(values: Sequence[object], dtype: pl.DataType) -> pl.Series:
        return _table([None, *values], dtype).gather(activity)

    s_tgt, s_edu_tgt = _flag(_TGT), _flag(_EDU_TGT)
    frame = pl.concat([people, rows.select(_SOURCE, "prioritas", "celah")], how="horizontal")
    return frame.with_columns(
        column([a.kode for a in listed], pl.String()).alias("kegiatan"),
        column([a.nama for a in listed], pl.String()).alias("nama_kegiatan"),
        column([a.jenis for a in listed], pl.String()).alias("jenis_kegiatan"),
        column([a.jp for a in listed], pl.Float64()).alias("jp_saran"),
        sumber.alias("sumber"),
        _table(_texts(len(KOMPETENSI), KOMPETENSI), pl.String())
        .gather(competent)
        .alias("kompetensi"),
        pl.when(s_tgt | s_edu_tgt).then(pl.col("jabatan_target")).alias("jabatan_target"),
        _reasons(frame).alias("alasan"),
    ).select(COLUMNS)


#: ``alasan`` of the current-position source.
_CURRENT = "kompetensi di bawah standar jabatan saat ini"
#: Boxes 0-15 have a ready-made ``alasan`` (:func:`_reasons`).
_BOXES = 16


def _reason() -> pl.Expr:
    """``alasan`` of a row: its sources, in the order of :data:`SOURCES`."""
    s_cur, s_tgt, s_box = _flag(_CUR), _flag(_TGT), _flag(_BOX)
    s_edu_cur, s_edu_tgt = _flag(_EDU_CUR), _flag(_EDU_TGT)
    education = "pendidikan " + pl.col("pendidikan") + " di bawah minimal jabatan "
    return _text(
        pl.when(s_cur).then(pl.lit(_CURRENT)),
        pl.when(s_tgt).then(
            "kompetensi di bawah standar jabatan target " + pl.col("jabatan_target")
        ),
        pl.when(s_box).then("perlakuan kotak " + pl.col("kotak").cast(pl.String)),
        pl.when(s_edu_cur).then(education + "saat ini (" + pl.col("_min_cur") + ")"),
        pl.when(s_edu_tgt & ~s_edu_cur).then(education + "target (" + pl.col("_min_tgt") + ")"),
    )


def _reasons(frame: pl.DataFrame) -> pl.Series:
    """:func:`_reason` of every row of ``frame``. Most rows come only from the current
    position and the box, whose text depends on the box alone: theirs is taken from a
    small table; only the others are written row by row."""
    texts = [
        "; ".join(
            ([_CURRENT] if code & _CUR else [])
            + ([f"perlakuan kotak {box}"] if code & _BOX else [])
        )
        or None
        for box in range(_BOXES)
        for code in range(8)
    ]
    box = pl.when(_flag(_BOX)).then(pl.col("kotak").cast(pl.Int64)).otherwise(0)
    simple = (((pl.col(_SOURCE) & ~(_CUR | _BOX)) == 0) & box.is_between(0, _BOXES - 1)).fill_null(
        False
    )
    keys = frame.select(
        simple.alias("_simple"),
        pl.when(simple).then(box * 8 + pl.col(_SOURCE).cast(pl.Int64)).cast(pl.UInt32).alias("_t"),
    )
    reasons = _table(texts, pl.String()).gather(keys.get_column("_t"))
    others = keys.get_column("_simple").not_().arg_true()
    if others.len():
        written = frame[others].select(_reason()).to_series()
        reasons = reasons.scatter(others, written)
    return reasons


def _sumber(code: int) -> str | None:
    """``sumber`` of the source bits ``code``."""
    names = [SOURCES[0], SOURCES[1], SOURCES[2]]
    named = [n for i, n in enumerate(names) if code >> i & 1]
    if code & (_EDU_CUR | _EDU_TGT):
        named.append(SOURCES[3])
    return ";".join(named) or None
