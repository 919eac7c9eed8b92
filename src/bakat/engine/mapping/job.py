"""The mapping job: every step of the Nine Box mapping, each table read once.

``run_mapping`` reads ``pegawai`` and reduces the per-person tables to one row per NIP
key (:func:`~bakat.engine.mapping.placement.place`), collects the person-level frame
once, sorts it by NIP once, then collects the results on it (talent pool, coverage, box
counts per unit, fairness aggregates) with one ``polars.collect_all`` call, and runs the
calibration statistics on the small table of box counts. It opens no file itself and
reads no clock: the tables come in as LazyFrames and the date as ``as_of``
(architecture.md conventions 2 and 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import polars as pl

from bakat.domain.policy import Policy
from bakat.engine.mapping import calibration, coverage, fairness, kinerja, placement, pool, potensi
from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.settings import ScreeningSettings

#: Notes (Indonesian / English) the job may attach to its result.
NOTE_NO_REGION = (
    "tabel unit_kerja (provinsi per unit) tidak ada: skrining keadilan per wilayah dilewati / "
    "no unit_kerja table (province per unit): the fairness screen by region is skipped"
)


def pemetaan_columns(as_of: date, policy: Policy) -> list[str]:
    """The columns of ``pemetaan``, in order (docs/mapping.md explains each)."""
    years = [f"predikat_{suffix}" for suffix, _ in kinerja.year_labels(as_of, policy)]
    jp = [f"jp_{suffix}" for suffix, _ in potensi.jp_labels(as_of, policy)]
    return [
        "nip",
        "instansi",
        "unit_kerja",
        "jenjang_jabatan",
        "terpetakan",
        "alasan",
        "level_kinerja",
        "level_potensi",
        "kotak",
        "tindakan",
        *years,
        "jumlah_tahun_skp",
        "kinerja_gabungan",
        "hukdis_kinerja",
        "batas_kinerja",
        "batas_diterapkan",
        "asesmen_tanggal",
        "asesmen_skor_kompetensi",
        "asesmen_skor_potensi",
        *jp,
        "masa_kerja_tahun",
        "pendidikan",
        "pendidikan_minimal",
        "jurusan",
        "hukdis_integritas",
        *(f"nilai_{key}" for key in potensi.SUBSCORES),
        "skor_potensi",
        "metode_potensi",
        "kebijakan",
        "versi_kebijakan",
        "sidik_kebijakan",
        "tanggal_acuan",
    ]


#: Columns of ``kelompok_talenta``, in order.
POOL_COLUMNS = (
    "nip",
    "kotak",
    "masuk",
    "alasan_pengecualian",
    "instansi",
    "unit_kerja",
    "jenjang_jabatan",
    "tanggal_pensiun",
    "hukdis_talenta",
)


#: Pool columns that are not in ``pemetaan``.
_POOL_ONLY = ("_masuk_talenta", "alasan_pengecualian", "tanggal_lahir", "_hukdis_talenta")
#: Person-level columns the results read besides those of ``pemetaan``.
_INTERNAL = (
    *_POOL_ONLY,
    "unit_kerja_nama",
    "jenis_kelamin",
    "_kelompok_usia",
    placement.POSITION,
)


@dataclass(frozen=True)
class MappingResult:
    """What the mapping produces, each a collected frame sorted deterministically.

    ``pemetaan``: one row per employee. ``kelompok_talenta``: the people of the pool boxes,
    in or out. ``cakupan``: coverage by group. ``kalibrasi``: the box-distribution screen
    per unit. ``keadilan``: the selection-rate screen. ``catatan``: notes for the reader.
    The ``instansi`` column is dropped everywhere when no employee has one.
    """

    as_of: date
    policy: Policy
    settings: ScreeningSettings
    pemetaan: pl.DataFrame
    kelompok_talenta: pl.DataFrame
    cakupan: pl.DataFrame
    kalibrasi: pl.DataFrame
    keadilan: pl.DataFrame
    catatan: tuple[str, ...] = field(default=())


def people_frame(
    data: MappingData, as_of: date, policy: Policy, settings: ScreeningSettings
) -> pl.LazyFrame:
    """The person-level plan: placement, pool and fairness groups."""
    return placement.place(data, as_of, policy).with_columns(
        *pool.columns(as_of, policy),
        *fairness.group_columns(as_of, settings),
    )


def stamp(as_of: date, policy: Policy) -> list[pl.Expr]:
    """The columns every ``pemetaan`` row carries: the method, the policy and the date."""
    return [
        pl.lit(policy.potensi.metode.value).alias("metode_potensi"),
        pl.lit(policy.id).alias("kebijakan"),
        pl.lit(policy.versi).alias("versi_kebijakan"),
        pl.lit(policy.fingerprint()).alias("sidik_kebijakan"),
        pl.lit(as_of).alias("tanggal_acuan"),
    ]


def _regions(data: MappingData) -> pl.LazyFrame | None:
    """Unit -> province, from the optional unit table."""
    if data.unit_kerja is None:
        return None
    return (
        data.table("unit_kerja")
        .filter(pl.col("unit_kerja").is_not_null())
        .unique("unit_kerja", keep="first", maintain_order=True)
        .select("unit_kerja", "provinsi", "provinsi_nama")
    )


def run_mapping(
    data: MappingData,
    *,
    as_of: date,
    policy: Policy,
    settings: ScreeningSettings | None = None,
) -> MappingResult:
    """Map every employee of ``data`` on the Nine Box at ``as_of`` under ``policy``, and
    derive the talent pool, coverage, calibration and fairness screens."""
    settings = settings or ScreeningSettings()
    # Every result reads the person-level frame, collected once, already in NIP order
    # (``placement.keyed_pegawai``), on the columns kept only.
    columns = pemetaan_columns(as_of, policy)
    stamped = stamp(as_of, policy)
    computed = [c for c in columns if c not in {e.meta.output_name() for e in stamped}]
    kept = [*computed, *(c for c in _INTERNAL if c not in computed)]
    frame = people_frame(data, as_of, policy, settings).select(kept).collect(engine="in-memory")
    people = frame.lazy()
    # A unit's name is the first in the file: the order of ``placement.POSITION``.
    units = coverage.unit_summary(people, policy, placement.POSITION).cache()
    plans = [
        # ``alasan`` is an enumeration in the person frame (``placement.reason``).
        people.select(pl.col(c).cast(pl.String) if c == "alasan" else pl.col(c) for c in computed),
        pool.pool_table(people, policy).select(POOL_COLUMNS),
        coverage.coverage_table(units, people, policy),
        calibration.box_counts(units),
        fairness.fairness_table(people, units, _regions(data), settings),
        data.table("unit_kerja"),
    ]
    pemetaan, talenta, cakupan, counts, keadilan, tree = pl.collect_all(plans)
    # The constant columns are added to the collected frame, not carried through the plan.
    pemetaan = pemetaan.with_columns(stamped).select(columns)
    tree_or_none = tree if data.unit_kerja is not None else None
    kalibrasi = calibration.calibration_table(counts, tree_or_none, policy, settings)
    frames = {
        "pemetaan": pemetaan,
        "kelompok_talenta": talenta,
        "cakupan": cakupan,
        "kalibrasi": kalibrasi,
        "keadilan": keadilan,
    }
    if pemetaan.height == 0 or pemetaan.get_column("instansi").null_count() == pemetaan.height:
        frames = {name: frame.drop("instansi") for name, frame in frames.items()}
    notes = () if data.unit_kerja is not None else (NOTE_NO_REGION,)
    return MappingResult(as_of, policy, settings, **frames, catatan=notes)
