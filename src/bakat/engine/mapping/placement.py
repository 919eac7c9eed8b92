"""Placement on the Nine Box: who is mapped, why not, which box, which actions.

One row per ``pegawai`` record, mapped or not. A person is mapped when no reason of
``pemetaan.urutan_alasan`` applies; otherwise the first reason that applies, in that
order, is reported (``bakat.domain.ninebox.AlasanTidakTerpetakan``; docs/policy.md
``[pemetaan]``):

- ``tidak_aktif``: ``status_aktif`` is false (empty counts as active, as the data
  contract's default) and ``pemetaan.kecualikan_tidak_aktif``;
- ``cpns``: ``status_kepegawaian`` is CPNS and ``pemetaan.kecualikan_cpns`` (probation,
  PP 11/2017 Pasal 34 [I]);
- ``skp_kurang_dari_2_tahun``: fewer than ``kinerja.minimal_tahun`` valid SKP years (V33);
- ``tanpa_asesmen``: no assessment with both scores dated on or before A;
- ``asesmen_kedaluwarsa``: such assessments exist, none within its validity.

A mapped person's box is ``bakat.domain.ninebox.kotak(level_kinerja, level_potensi)``
(domain.md §2.3: the two levels are the truth, the number is derived) and their actions
are ``pengembangan.perlakuan_kotak[kotak]`` (domain.md §2.4 [S]).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.ninebox import AlasanTidakTerpetakan, LevelKinerja, LevelPotensi, kotak
from bakat.domain.policy import Policy
from bakat.engine.mapping import discipline, kinerja, potensi
from bakat.engine.mapping.frames import ROW, MappingData
from bakat.engine.mapping.keys import KEY, NipKeys, nip_permutation, plain_numbers
from bakat.engine.mapping.lookup import lookup, lookup_text

_A = AlasanTidakTerpetakan
#: Each person's row in the ``pegawai`` file, from 0 (see :func:`keyed_pegawai`).
POSITION = "_posisi_berkas"
#: (potential index * 3 + performance index) -> box, from the domain numbering.
BOX = {p.indeks * 3 + k.indeks: kotak(k, p) for p in LevelPotensi for k in LevelKinerja}


def _reason_tests(policy: Policy) -> dict[AlasanTidakTerpetakan, pl.Expr]:
    pemetaan = policy.pemetaan
    inactive = ~pl.col("status_aktif").fill_null(True)
    cpns = pl.col("status_kepegawaian") == "CPNS"
    return {
        _A.TIDAK_AKTIF: inactive & pemetaan.kecualikan_tidak_aktif,
        _A.CPNS: cpns.fill_null(False) & pemetaan.kecualikan_cpns,
        _A.SKP_KURANG: pl.col("jumlah_tahun_skp") < policy.kinerja.minimal_tahun,
        _A.TANPA_ASESMEN: ~pl.col("_ada_asesmen"),
        _A.ASESMEN_KEDALUWARSA: pl.col("_ada_asesmen") & pl.col("asesmen_tanggal").is_null(),
    }


def reason(policy: Policy) -> pl.Expr:
    """The first reason of ``pemetaan.urutan_alasan`` that applies; null when mapped.

    An enumeration of the reason codes in that order (:func:`reason_codes`): the choice
    is a small integer and the counts per group compare integers; the text is made
    once, for ``pemetaan``."""
    tests = _reason_tests(policy)
    codes = policy.pemetaan.urutan_alasan
    index: pl.Expr = pl.lit(None, dtype=pl.Int8)
    for position in reversed(range(len(codes))):
        test = tests[codes[position]].fill_null(False)
        index = pl.when(test).then(pl.lit(position, dtype=pl.Int8)).otherwise(index)
    labels = dict(enumerate(reason_codes(policy)))
    return index.replace_strict(labels, default=None, return_dtype=pl.Enum(labels.values()))


def reason_codes(policy: Policy) -> list[str]:
    """The reason codes, in the order of ``pemetaan.urutan_alasan``."""
    return [code.value for code in policy.pemetaan.urutan_alasan]


def box(kinerja_index: pl.Expr, potensi_index: pl.Expr) -> pl.Expr:
    """The box number of two level indexes (domain.md §2.3)."""
    return (potensi_index.cast(pl.Int16) * 3 + kinerja_index.cast(pl.Int16)).replace_strict(
        BOX, default=None, return_dtype=pl.Int8
    )


def actions(box_number: pl.Expr, policy: Policy) -> pl.Expr:
    """The action codes of ``pengembangan.perlakuan_kotak`` for a box, joined by ``;``."""
    table = {n: ";".join(codes) for n, codes in policy.pengembangan.perlakuan_kotak.items()}
    return box_number.replace_strict(table, default=None, return_dtype=pl.String)


def _fill(columns: list[str], value: object) -> list[pl.Expr]:
    return [pl.col(c).fill_null(value) for c in columns]


def _if_mapped(expr: pl.Expr) -> pl.Expr:
    return pl.when(pl.col("terpetakan")).then(expr)


def keyed_pegawai(data: MappingData) -> tuple[pl.DataFrame, NipKeys]:
    """``pegawai`` read and sorted by NIP (then file row, for a repeated NIP; no NIP
    last), with the integer NIP key (:data:`~bakat.engine.mapping.keys.KEY`) and
    :data:`POSITION`, each row's place in the file; and the keys. Sorted here, on the
    columns read only, every later frame keeps this order: nothing is sorted later."""
    # Read on the streaming engine (half the work of the in-memory one), then one chunk
    # per column: a gather from many chunks costs ten times more.
    pegawai = data.table("pegawai").collect(engine="streaming").rechunk()
    nips = pegawai.get_column("nip")
    plain = plain_numbers(nips)
    keys = NipKeys.of(nips, plain)
    permutation = nip_permutation(nips, pegawai.get_column(ROW), plain)
    # The file row is not read again (its order is :data:`POSITION`): it is not moved.
    keyed = pegawai.drop(ROW).with_columns(keys.key(nips, plain))
    return keyed[permutation].with_columns(permutation.alias(POSITION)), keys


def person_tables(
    data: MappingData, keys: NipKeys, as_of: date, policy: Policy
) -> list[pl.LazyFrame]:
    """The per-person tables, one row per NIP key: SKP years, sanctions, the assessment
    used and training hours; and the education minimum of the posts (``jabatan``: every
    row with both, the lookup keeps the first of each ``jabatan_id``)."""
    kinerja_columns = ["tahun", "predikat", "hasil_kerja", "perilaku_kerja"]
    hukdis_columns = ["tingkat", "tmt", "tanggal_akhir"]
    asesmen_columns = ["tanggal", "skor_kompetensi", "skor_potensi", ROW]
    posts = (
        data.table("jabatan")
        .filter(pl.col("jabatan_id").is_not_null() & pl.col("pendidikan_minimal").is_not_null())
        .select("jabatan_id", pl.col("pendidikan_minimal").alias("_pendidikan_minimal_jabatan"))
    )
    # Each table is cut to the rows its rule reads before its NIPs are parsed.
    kinerja_rows = data.table("kinerja").filter(kinerja.in_window(as_of, policy))
    hukdis_rows = data.table("hukdis").filter(pl.col("tmt").is_not_null())
    asesmen_rows = data.table("asesmen").filter(potensi.usable_assessment(as_of))
    diklat_rows = data.table("diklat").filter(potensi.jp_window(as_of, policy))
    # Each per-person table comes out sorted by key, as :func:`lookup` joins them (the
    # assessments are sorted by their rule already).
    return [
        kinerja.skp_per_person(
            keys.keyed(kinerja_rows, kinerja_columns), as_of, policy, key=KEY
        ).sort(KEY),
        discipline.per_person(keys.keyed(hukdis_rows, hukdis_columns), as_of, policy, key=KEY).sort(
            KEY
        ),
        potensi.assessment_used(keys.keyed(asesmen_rows, asesmen_columns), as_of, policy, key=KEY),
        potensi.jp_per_person(
            keys.keyed(diklat_rows, ["tanggal", "jp"]), as_of, policy, key=KEY
        ).sort(KEY),
        posts,
    ]


def place(data: MappingData, as_of: date, policy: Policy) -> pl.LazyFrame:
    """Every ``pegawai`` record, in NIP order (:func:`keyed_pegawai`), with the
    sub-scores, levels, box, reason and actions (the internal columns of later steps
    start with ``_``).

    ``pegawai`` and the per-person tables are read, aggregated and sorted by key here
    (group-bys run best on the streaming engine) and joined on sorted keys
    (:mod:`~bakat.engine.mapping.lookup`); the rules on them stay a lazy plan over
    frames in memory (to be run on the in-memory engine)."""
    pegawai, keys = keyed_pegawai(data)
    tables = pl.collect_all(person_tables(data, keys, as_of, policy), engine="streaming")
    # One chunk per column, as each join gathers from them.
    *per_key, posts = (table.rechunk() for table in tables)
    del tables
    # The per-person tables are joined to the keys alone, in NIP order, and the result
    # set beside ``pegawai``: its texts are not moved again.
    joined = lookup(pegawai.get_column(KEY), per_key)
    del per_key
    posted = lookup_text(pegawai.get_column("jabatan_id"), posts)
    together = pl.concat([pegawai.drop(KEY).lazy(), joined.lazy(), posted.lazy()], how="horizontal")
    return _rules(together, as_of, policy)


def _rules(together: pl.LazyFrame, as_of: date, policy: Policy) -> pl.LazyFrame:
    """The rules of the module docstring on ``pegawai`` beside its per-person columns."""
    jp_columns = [f"jp_{suffix}" for suffix, _ in potensi.jp_labels(as_of, policy)]
    frame = (
        together.with_columns(
            pl.col("jumlah_tahun_skp").fill_null(0),
            pl.col("_ada_asesmen").fill_null(False),
            pl.col("_hukdis_aktif").fill_null(False),
            *_fill(jp_columns, 0.0),
            potensi.minimum_education().alias("pendidikan_minimal"),
        )
        .with_columns(potensi.subscores(as_of, policy))
        .with_columns(potensi.raw_score(policy).alias("_skor_mentah"))
        .with_columns(
            reason(policy).alias("alasan"),
            kinerja.capped_level(pl.col("_kinerja_gabungan"), pl.col("_batas_kinerja")).alias(
                "_kinerja"
            ),
            potensi.score(pl.col("_skor_mentah"), policy).alias("skor_potensi"),
        )
        .with_columns(
            pl.col("alasan").is_null().alias("terpetakan"),
            (pl.col("_kinerja") < pl.col("_kinerja_gabungan"))
            .fill_null(False)
            .alias("batas_diterapkan"),
            potensi.level_index(pl.col("skor_potensi"), policy).alias("_potensi"),
        )
    )
    return frame.with_columns(
        kinerja.level_name(pl.col("_kinerja_gabungan")).alias("kinerja_gabungan"),
        kinerja.level_name(pl.col("_batas_kinerja")).alias("batas_kinerja"),
        _if_mapped(kinerja.level_name(pl.col("_kinerja"))).alias("level_kinerja"),
        _if_mapped(potensi.level_name(pl.col("_potensi"))).alias("level_potensi"),
        _if_mapped(box(pl.col("_kinerja"), pl.col("_potensi"))).alias("kotak"),
    ).with_columns(actions(pl.col("kotak"), policy).alias("tindakan"))
