"""The frames the development job reads, and the person frame every output starts from.

The mapping's :class:`~bakat.engine.mapping.frames.MappingData` keeps the raw tables; the
mapping conforms them to the columns *it* reads. Development reads more of them (the
nine competency levels of ``asesmen`` and ``jabatan``, ``tmt_golongan``, the incumbent
``nip_pemangku``), so it conforms the same raw frames to its own list here: absent
columns become typed nulls (formats.md "Tables and canonical columns").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

import polars as pl

from bakat.domain.errors import InputError
from bakat.domain.jenjang import BUP
from bakat.domain.kompetensi import KOMPETENSI
from bakat.engine.mapping.frames import ROW, MappingData
from bakat.engine.mapping.pool import retirement_date

_S, _D, _I, _F, _B = pl.String(), pl.Date(), pl.Int64(), pl.Float64(), pl.Boolean()

#: Columns read from each table, with their canonical dtypes.
COLUMNS: Mapping[str, Mapping[str, pl.DataType]] = MappingProxyType(
    {
        "pegawai": MappingProxyType(
            {
                "nip": _S,
                "tanggal_lahir": _D,
                "status_kepegawaian": _S,
                "tmt_cpns": _D,
                "tmt_pns": _D,
                "tmt_golongan": _D,
                "jenjang_jabatan": _S,
                "jabatan_id": _S,
                "tmt_jabatan": _D,
                "unit_kerja": _S,
                "unit_kerja_nama": _S,
                "pendidikan": _S,
                "status_aktif": _B,
                "instansi": _S,
            }
        ),
        "asesmen": MappingProxyType(
            {
                "nip": _S,
                "tanggal": _D,
                "skor_kompetensi": _F,
                "skor_potensi": _F,
                **{name: _I for name in KOMPETENSI},
            }
        ),
        "diklat": MappingProxyType({"nip": _S, "tanggal": _D, "jp": _F}),
        "jabatan": MappingProxyType(
            {
                "jabatan_id": _S,
                "jenjang_jabatan": _S,
                "nip_pemangku": _S,
                "pendidikan_minimal": _S,
                **{name: _I for name in KOMPETENSI},
            }
        ),
        "suksesi": MappingProxyType(
            {"jabatan_id": _S, "peringkat": _I, "nip": _S, "skor": _F, "kesiapan": _S}
        ),
        "pemetaan": MappingProxyType({"nip": _S, "kotak": _I}),
    }
)

_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "pegawai": ("nip",),
        "asesmen": ("nip", "tanggal"),
        "diklat": ("nip", "tanggal"),
        "jabatan": ("jabatan_id",),
        "suksesi": ("jabatan_id", "nip"),
        "pemetaan": ("nip",),
    }
)
#: The person's rank in NIP order (1 = first), the sort key of the person-level outputs.
ORDER = "_urutan_nip"
#: The integer join key of a NIP (:func:`nip_key`).
KEY = "_kunci_nip"
#: Hash seed of :func:`nip_key` (any fixed value; the same within a run).
_SEED = 20_170_411
_NUMERIC_FROM = 10**17
_WITH_ROW = frozenset({"pegawai", "asesmen"})
_BUP = {j.value: n for j, n in BUP.items()}


def conform(name: str, frame: pl.LazyFrame | None) -> pl.LazyFrame:
    """``frame`` with exactly the columns of :data:`COLUMNS` ``[name]`` in their dtypes
    (absent ones null; ``_baris`` numbered from 2 when missing); ``None`` gives an empty
    frame. InputError when a key column is missing."""
    schema = COLUMNS[name]
    if frame is not None and not frame.collect_schema():
        frame = None  # a frame without columns (an empty result) is read as empty
    if frame is None:
        empty = dict(schema)
        if name in _WITH_ROW:
            empty[ROW] = _I
        return pl.LazyFrame(schema=empty)
    present = frame.collect_schema()
    missing = [column for column in _KEYS[name] if column not in present]
    if missing:
        raise InputError(
            f"kolom wajib tidak ada: {', '.join(missing)} / required column missing",
            file=name,
            column=missing[0],
        )
    columns = [
        (pl.col(c) if c in present else pl.lit(None)).cast(dtype).alias(c)
        for c, dtype in schema.items()
    ]
    if name in _WITH_ROW:
        row = pl.col(ROW) if ROW in present else pl.int_range(pl.len(), dtype=pl.Int64) + 2
        columns.append(row.cast(_I).alias(ROW))
    return frame.select(columns)


def nip_key(column: str = "nip") -> pl.Expr:
    """An integer that stands for the identifier in ``column``, for joins and grouping
    (an integer join costs about a third of a text join at national scale). An 18-digit
    NIP or NI PPPK (the first digit is a year of birth, 1 or 2) is its own number, exact;
    any other identifier is its 64-bit hash made negative, so it can never meet a proper
    NIP, and two non-standard identifiers share a key only with odds of about
    k²/2^64 for k of them."""
    text = pl.col(column)
    number = text.cast(pl.Int64, strict=False)
    hashed = -((text.hash(_SEED) // 2).cast(pl.Int64)) - 1
    proper = (text.str.len_bytes() == 18) & (number >= _NUMERIC_FROM)
    return pl.when(text.is_null()).then(None).when(proper).then(number).otherwise(hashed)


def whole_years(start: pl.Expr, as_of: date) -> pl.Expr:
    """Whole years from ``start`` to ``as_of`` (an anniversary not yet reached does not
    count; null when ``start`` is null)."""
    before = start.dt.month().cast(pl.Int32) * 100 + start.dt.day().cast(pl.Int32)
    late = (before > as_of.month * 100 + as_of.day).cast(pl.Int32)
    return pl.lit(as_of.year, dtype=pl.Int32) - start.dt.year().cast(pl.Int32) - late


def jp_per_person(diklat: pl.LazyFrame, as_of: date) -> pl.LazyFrame:
    """One row per NIP key (:data:`KEY`) with training in the last complete year or the as-of year:
    ``jp_tahun_lalu`` (all of A.year - 1) and ``jp_tahun_berjalan`` (A.year up to A);
    a missing ``jp`` counts 0, training dated after A is not counted yet."""
    year = pl.col("tanggal").dt.year()
    jp = pl.col("jp").fill_null(0.0)
    return (
        diklat.filter(
            pl.col("nip").is_not_null()
            & (year >= as_of.year - 1)
            & (pl.col("tanggal") <= pl.lit(as_of))
        )
        .with_columns(nip_key().alias(KEY))
        .group_by(KEY)
        .agg(
            jp.filter(year == as_of.year - 1).sum().alias("jp_tahun_lalu"),
            jp.filter(year == as_of.year).sum().alias("jp_tahun_berjalan"),
        )
    )


def nip_order() -> pl.Expr:
    """The rank (from 1) of each NIP in text order, the sort key of every person-level
    output, from a frame with :data:`KEY`. The 18-digit NIPs are ranked on their number
    (for equal lengths of digits the same order as text, and far cheaper to rank at
    national scale); any other identifier comes after them, in text order."""
    numeric = pl.when(pl.col(KEY) >= 0).then(pl.col(KEY))
    other = pl.when(pl.col(KEY) < 0).then(pl.col("nip"))
    return pl.coalesce(
        numeric.rank("ordinal").cast(pl.Int64),
        numeric.count().cast(pl.Int64) + other.rank("ordinal").cast(pl.Int64),
    )


def people(data: MappingData, pemetaan: pl.DataFrame, as_of: date) -> pl.LazyFrame:
    """Active employees, one row per NIP (the first record of a repeated NIP, as read;
    :data:`ORDER` is the rank of the NIP),
    with their box (``kotak``, from ``pemetaan``; null when not mapped), retirement date
    (``tanggal_pensiun``: the 1st of the month after reaching the BUP of the grade, PP
    11/2017 Pasal 239 [S]; null without birth date or grade) and the JP of
    :func:`jp_per_person` (0 without training). Inactive records (``status_aktif`` false)
    are left out: none of the development outputs concerns them."""
    boxes = (
        conform("pemetaan", pemetaan.lazy())
        .filter(pl.col("nip").is_not_null() & pl.col("kotak").is_not_null())
        .select(nip_key().alias(KEY), "kotak")
        .filter(pl.col(KEY).is_first_distinct())
    )
    bup = pl.col("jenjang_jabatan").replace_strict(_BUP, default=None, return_dtype=pl.Int32)
    return (
        conform("pegawai", data.pegawai)
        .filter(pl.col("nip").is_not_null() & pl.col("status_aktif").fill_null(True))
        .with_columns(nip_key().alias(KEY))
        .filter(pl.col(KEY).is_first_distinct())
        .drop(ROW, "status_aktif")
        .join(boxes, on=KEY, how="left")
        .join(jp_per_person(conform("diklat", data.diklat), as_of), on=KEY, how="left")
        .with_columns(
            pl.col("kotak").cast(pl.Int8),
            retirement_date(pl.col("tanggal_lahir"), bup).alias("tanggal_pensiun"),
            bup.alias("bup"),
            pl.col("jp_tahun_lalu").fill_null(0.0),
            pl.col("jp_tahun_berjalan").fill_null(0.0),
            nip_order().alias(ORDER),
        )
    )


def positions(data: MappingData) -> pl.LazyFrame:
    """``jabatan``, one row per ``jabatan_id`` (the first, as read)."""
    return (
        conform("jabatan", data.jabatan)
        .filter(pl.col("jabatan_id").is_not_null())
        .filter(pl.col("jabatan_id").is_first_distinct())
    )


def in_order(frame: pl.DataFrame, key: str) -> pl.DataFrame:
    """``frame`` sorted on the unique integer column ``key`` (then dropped): one numeric
    sort of the collected frame, far cheaper than a sort on the text NIP at national
    scale; the frame is made one chunk first, which makes the sort's gather cheaper."""
    return frame.rechunk().sort(key).drop(key)


def successions(suksesi: pl.DataFrame) -> pl.LazyFrame:
    """The succession result (``suksesi``) with its named rows only, keyed by
    :data:`KEY`."""
    return (
        conform("suksesi", suksesi.lazy())
        .filter(pl.col("nip").is_not_null() & pl.col("jabatan_id").is_not_null())
        .select("jabatan_id", "peringkat", nip_key().alias(KEY), "kesiapan")
    )
