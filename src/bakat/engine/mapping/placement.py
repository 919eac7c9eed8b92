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
from bakat.engine.mapping.keys import KEY, NipKeys, nip_permutation

_A = AlasanTidakTerpetakan
#: Each person's place in NIP order (see :func:`keyed_pegawai`).
ORDER = "_urutan"
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
    """The first reason of ``pemetaan.urutan_alasan`` that applies; null when mapped."""
    tests = _reason_tests(policy)
    expr: pl.Expr | None = None
    for code in reversed(policy.pemetaan.urutan_alasan):
        test = tests[code].fill_null(False)
        expr = (
            pl.when(test)
            .then(pl.lit(code.value))
            .otherwise(pl.lit(None, dtype=pl.String) if expr is None else expr)
        )
    assert expr is not None  # the policy checks that every reason is listed
    return expr


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
    """``pegawai`` read, in file order, with the integer NIP key
    (:data:`~bakat.engine.mapping.keys.KEY`) and :data:`ORDER`, each row's place when
    sorted by NIP (then file row, for a repeated NIP; no NIP last); and the keys."""
    pegawai = data.table("pegawai").collect()
    nips = pegawai.get_column("nip")
    keys = NipKeys.of(nips)
    permutation = nip_permutation(nips, pegawai.get_column(ROW))
    rows = pl.int_range(pegawai.height, dtype=pl.UInt32, eager=True)
    places = pl.zeros(pegawai.height, dtype=pl.UInt32, eager=True).scatter(permutation, rows)
    return pegawai.with_columns(keys.key(nips), places.alias(ORDER)), keys


def person_tables(
    data: MappingData, keys: NipKeys, as_of: date, policy: Policy
) -> list[pl.LazyFrame]:
    """The per-person tables, one row per NIP key: SKP years, sanctions, the assessment
    used and training hours; and the education minimum per ``jabatan_id``."""
    kinerja_columns = ["tahun", "predikat", "hasil_kerja", "perilaku_kerja"]
    hukdis_columns = ["tingkat", "tmt", "tanggal_akhir"]
    asesmen_columns = ["tanggal", "skor_kompetensi", "skor_potensi", ROW]
    posts = (
        data.table("jabatan")
        .filter(pl.col("jabatan_id").is_not_null() & pl.col("pendidikan_minimal").is_not_null())
        .unique("jabatan_id", keep="first", maintain_order=True)
        .select("jabatan_id", pl.col("pendidikan_minimal").alias("_pendidikan_minimal_jabatan"))
    )
    return [
        kinerja.skp_per_person(
            keys.keyed(data.table("kinerja"), kinerja_columns), as_of, policy, key=KEY
        ),
        discipline.per_person(
            keys.keyed(data.table("hukdis"), hukdis_columns), as_of, policy, key=KEY
        ),
        potensi.assessment_used(
            keys.keyed(data.table("asesmen"), asesmen_columns), as_of, policy, key=KEY
        ),
        potensi.jp_per_person(
            keys.keyed(data.table("diklat"), ["tanggal", "jp"]), as_of, policy, key=KEY
        ),
        posts,
    ]


def place(data: MappingData, as_of: date, policy: Policy) -> pl.LazyFrame:
    """Every ``pegawai`` record, in file order, with the sub-scores, levels, box, reason
    and actions (the internal columns of later steps start with ``_``; :data:`ORDER`
    sorts by NIP).

    ``pegawai`` and the per-person tables are read and aggregated here (group-bys run
    best on the streaming engine); the joins and the rules on them stay a lazy plan over
    frames in memory (to be run on the in-memory engine, which keeps the file order of
    a join at no cost)."""
    pegawai, keys = keyed_pegawai(data)
    *per_key, posts = pl.collect_all(person_tables(data, keys, as_of, policy), engine="streaming")
    # The per-person tables are joined to the keys alone, in file order, and the result
    # set beside ``pegawai``: its texts are never moved.
    joined = pegawai.select(KEY, "jabatan_id").lazy()
    for table in per_key:
        joined = joined.join(table.lazy(), on=KEY, how="left", maintain_order="left")
    joined = joined.join(posts.lazy(), on="jabatan_id", how="left", maintain_order="left")
    together = pl.concat(
        [pegawai.drop(KEY).lazy(), joined.drop(KEY, "jabatan_id")], how="horizontal"
    )
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
