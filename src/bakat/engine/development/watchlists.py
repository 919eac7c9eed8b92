"""``rotasi.csv`` and ``retensi.csv``: the rotation candidates and the retention watch list.

Rotation (domain.md §2.9 [S]; docs/policy.md ``[rotasi_retensi]``), for active employees:

- ``masa_jabatan``: in the same position (``tmt_jabatan``) for
  ``rotasi_masa_jabatan_tahun`` (5) whole years or more (JPT usually 2-5 years in a post,
  UU 5/2014 Pasal 116-117 [I]);
- ``perlakuan_kotak``: the box's treatment (``pengembangan.perlakuan_kotak``) includes
  ``rotasi`` (boxes 4, 7, 8, domain.md §2.4 [S]) and the person has been in the post for
  ``rotasi_minimal_tahun`` (2) whole years or more (a JPT is not moved within 2 years
  [I]).

Retention, for active members of the boxes ``retensi_kotak`` (7, 8, 9: "retain",
domain.md §2.4, §2.9 [S]), each risk that applies:

- ``menjelang_bup``: retires (``tanggal_pensiun``, PP 11/2017 Pasal 239 [S]) within
  ``retensi_menjelang_bup_tahun`` (2) years of A: knowledge transfer [I];
- ``tanpa_promosi``: no new rank or post for ``retensi_tanpa_promosi_tahun`` (4) whole
  years, counted from the later of ``tmt_golongan`` and ``tmt_jabatan`` (regular rank
  promotion every 4 years [I]);
- ``bukan_suksesor``: named as successor for no position in ``suksesi``; judged only
  when the succession result has rows (an empty result cannot tell "none named" from
  "not run");
- ``jp_kurang``: counted for the 20 JP rule and below it in the last complete year: a
  talent that is not being developed (PP 11/2017 Pasal 203 [S]).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.hukdis import maju_tahun
from bakat.domain.policy import Policy
from bakat.engine.development.frames import KEY, ORDER, whole_years

#: Columns of ``rotasi.csv``, in order (docs/development.md).
ROTATION_COLUMNS = (
    "nip",
    "instansi",
    "unit_kerja",
    "jabatan_id",
    "jenjang_jabatan",
    "kotak",
    "tmt_jabatan",
    "masa_jabatan_tahun",
    "alasan",
    "keterangan",
)
#: Columns of ``retensi.csv``, in order.
RETENTION_COLUMNS = (
    "nip",
    "instansi",
    "unit_kerja",
    "jabatan_id",
    "jenjang_jabatan",
    "kotak",
    "tanggal_pensiun",
    "tmt_terakhir",
    "tahun_tanpa_promosi",
    "jumlah_jabatan_suksesi",
    "jp_tahun_lalu",
    "alasan",
    "keterangan",
)
#: Reason codes, in the order they are listed.
ROTATION_REASONS = ("masa_jabatan", "perlakuan_kotak")
RETENTION_REASONS = ("menjelang_bup", "tanpa_promosi", "bukan_suksesor", "jp_kurang")


def _listed(tests: dict[str, pl.Expr], texts: dict[str, pl.Expr]) -> list[pl.Expr]:
    """``alasan`` (codes joined by ``;``) and ``keterangan`` (texts joined by ``; ``)."""
    return [
        pl.concat_str(
            [pl.when(t).then(pl.lit(code)) for code, t in tests.items()],
            separator=";",
            ignore_nulls=True,
        ).alias("alasan"),
        pl.concat_str(
            [pl.when(tests[code]).then(text) for code, text in texts.items()],
            separator="; ",
            ignore_nulls=True,
        ).alias("keterangan"),
    ]


def rotation_table(people: pl.LazyFrame, as_of: date, policy: Policy) -> pl.LazyFrame:
    """``rotasi.csv``: the active employees with a rotation reason (sort key ``ORDER``)."""
    rr = policy.rotasi_retensi
    boxes = sorted(
        n for n, codes in policy.pengembangan.perlakuan_kotak.items() if "rotasi" in codes
    )
    years = pl.col("masa_jabatan_tahun")
    tests = {
        "masa_jabatan": (years >= rr.rotasi_masa_jabatan_tahun).fill_null(False),
        "perlakuan_kotak": (
            pl.col("kotak").is_in(boxes) & (years >= rr.rotasi_minimal_tahun)
        ).fill_null(False),
    }
    n = years.cast(pl.String)
    texts = {
        "masa_jabatan": "menduduki jabatan yang sama "
        + n
        + f" tahun (batas {rr.rotasi_masa_jabatan_tahun} tahun)",
        "perlakuan_kotak": "perlakuan kotak "
        + pl.col("kotak").cast(pl.String)
        + " mencakup rotasi; "
        + n
        + f" tahun di jabatan (minimal {rr.rotasi_minimal_tahun} tahun)",
    }
    return (
        people.with_columns(whole_years(pl.col("tmt_jabatan"), as_of).alias("masa_jabatan_tahun"))
        .filter(pl.any_horizontal(tests.values()))
        .with_columns(_listed(tests, texts))
        .select(*ROTATION_COLUMNS, ORDER)
    )


def retention_table(
    people: pl.LazyFrame, suksesi: pl.LazyFrame, as_of: date, policy: Policy, *, judged: bool
) -> pl.LazyFrame:
    """``retensi.csv``: the watched members with at least one risk (sort key ``ORDER``).
    ``judged``: whether ``bukan_suksesor`` applies (the succession result has rows)."""
    rr = policy.rotasi_retensi
    named = suksesi.group_by(KEY).agg(
        pl.col("jabatan_id").n_unique().cast(pl.Int64).alias("jumlah_jabatan_suksesi")
    )
    last_move = pl.max_horizontal("tmt_golongan", "tmt_jabatan")
    horizon = maju_tahun(as_of, rr.retensi_menjelang_bup_tahun)
    jp_year = as_of.year - 1
    stalled = pl.col("tahun_tanpa_promosi")
    tests = {
        "menjelang_bup": (pl.col("tanggal_pensiun") <= pl.lit(horizon)).fill_null(False),
        "tanpa_promosi": (stalled >= rr.retensi_tanpa_promosi_tahun).fill_null(False),
        "bukan_suksesor": pl.lit(judged) & (pl.col("jumlah_jabatan_suksesi") == 0),
        "jp_kurang": pl.col("memenuhi").not_().fill_null(False),
    }
    texts = {
        "menjelang_bup": "pensiun "
        + pl.col("tanggal_pensiun").dt.to_string("%Y-%m-%d")
        + " (BUP "
        + pl.col("bup").cast(pl.String)
        + f"), dalam {rr.retensi_menjelang_bup_tahun} tahun: perlu alih pengetahuan",
        "tanpa_promosi": "tanpa kenaikan pangkat atau pindah jabatan sejak "
        + pl.col("tmt_terakhir").dt.to_string("%Y-%m-%d")
        + " ("
        + stalled.cast(pl.String)
        + " tahun)",
        "bukan_suksesor": pl.lit("tidak disebut sebagai suksesor jabatan mana pun"),
        "jp_kurang": f"JP {jp_year}: "
        + pl.col("jp_tahun_lalu").round(1).cast(pl.String)
        + f", di bawah {policy.pengembangan.jp_per_tahun:g} JP",
    }
    return (
        people.filter(pl.col("kotak").is_in(list(rr.retensi_kotak)).fill_null(False))
        .join(named, on=KEY, how="left")
        .with_columns(
            pl.col("jumlah_jabatan_suksesi").fill_null(0),
            last_move.alias("tmt_terakhir"),
            whole_years(last_move, as_of).alias("tahun_tanpa_promosi"),
        )
        .filter(pl.any_horizontal(tests.values()))
        .with_columns(_listed(tests, texts))
        .select(*RETENTION_COLUMNS, ORDER)
    )
