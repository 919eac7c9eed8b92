"""The talent pool (kelompok talenta) and who is kept out of it, and why.

The promotable pool is the mapped people whose box is in ``talenta.kotak`` (boxes 7, 8, 9
by default: Aceh Barat code, Kab. Kuningan BKPSDM, SIMATA-ASN [S]; domain.md §2.4). A
person of those boxes stays out when (docs/policy.md ``[talenta]``):

- ``hukdis_aktif``: a sanction is in force on A and ``talenta.hukdis.kecualikan_aktif``
  (V35 [S]);
- ``hukdis_dalam_jendela``: a sanction of a level in ``talenta.hukdis.tingkat`` (sedang,
  berat) falls in the last ``talenta.hukdis.jendela_tahun`` years (Buleleng SIMATA;
  V35 [S]);
- ``menjelang_bup``: the retirement date, the 1st of the month after reaching the BUP of
  the person's jenjang (PP 11/2017 Pasal 239 [S]; ``bakat.domain.jenjang.tanggal_pensiun``),
  is on or before A + ``talenta.kecualikan_menjelang_bup_tahun`` years (domain.md §2.8,
  V37 [S]). Without a birth date or a jenjang there is no retirement date and no
  exclusion; the data checks report the gap.

Every reason that applies is listed, joined by ``;``, in the order above.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.hukdis import maju_tahun
from bakat.domain.jenjang import BUP
from bakat.domain.policy import Policy

#: Exclusion codes, in the order they are listed.
EXCLUSIONS = ("hukdis_aktif", "hukdis_dalam_jendela", "menjelang_bup")
_BUP = {j.value: n for j, n in BUP.items()}


def retirement_date(birth: pl.Expr, bup: pl.Expr) -> pl.Expr:
    """``bakat.domain.jenjang.tanggal_pensiun``: the 1st of the month after the month in
    which the person reaches ``bup`` (PP 11/2017 Pasal 239 [S]; the TMT rule [I])."""
    month = birth.dt.month().cast(pl.Int32)
    year = birth.dt.year().cast(pl.Int32) + bup.cast(pl.Int32) + (month == 12).cast(pl.Int32)
    return pl.date(year, month % 12 + 1, 1)


def retires_by(birth: pl.Expr, bup: pl.Expr, horizon: date) -> pl.Expr:
    """``retirement_date(birth, bup) <= horizon``, on month numbers: the retirement date
    is the 1st of month ``(year + bup) * 12 + month`` (counting months from 0), so it is
    on or before ``horizon`` exactly when that month is at most the horizon's."""
    month = (birth.dt.year().cast(pl.Int32) + bup.cast(pl.Int32)) * 12 + birth.dt.month().cast(
        pl.Int32
    )
    return month <= horizon.year * 12 + horizon.month - 1


#: Exclusion bits (1, 2, 4 in the order of :data:`EXCLUSIONS`) -> the codes, joined.
_LISTED = {
    bits: ";".join(code for i, code in enumerate(EXCLUSIONS) if bits & (1 << i))
    for bits in range(1, 2 ** len(EXCLUSIONS))
}


def _bup() -> pl.Expr:
    return pl.col("jenjang_jabatan").replace_strict(_BUP, default=None, return_dtype=pl.Int32)


def columns(as_of: date, policy: Policy) -> list[pl.Expr]:
    """``alasan_pengecualian`` (null when none) and ``_masuk_talenta`` (in the pool
    after exclusions) of a placed person frame. Each exclusion is a bit; the text is
    looked up from the few combinations, not built row by row."""
    talenta = policy.talenta
    horizon = maju_tahun(as_of, talenta.kecualikan_menjelang_bup_tahun)
    tests = {
        "hukdis_aktif": pl.col("_hukdis_aktif") & talenta.hukdis.kecualikan_aktif,
        "hukdis_dalam_jendela": pl.col("_hukdis_talenta").is_not_null(),
        "menjelang_bup": retires_by(pl.col("tanggal_lahir"), _bup(), horizon),
    }
    bits = pl.sum_horizontal(
        tests[code].fill_null(False).cast(pl.Int8) * (1 << i) for i, code in enumerate(EXCLUSIONS)
    ).cast(pl.Int8)
    candidate = pl.col("kotak").is_in(list(talenta.kotak)).fill_null(False)
    return [
        pl.when(candidate & (bits > 0))
        .then(bits.replace_strict(_LISTED, default=None, return_dtype=pl.String))
        .alias("alasan_pengecualian"),
        (candidate & (bits == 0)).alias("_masuk_talenta"),
    ]


def pool_table(people: pl.LazyFrame, policy: Policy) -> pl.LazyFrame:
    """``kelompok_talenta``: every mapped person of a pool box, with ``masuk``, the
    exclusion reasons and ``tanggal_pensiun``, in the order of ``people``."""
    return people.filter(pl.col("kotak").is_in(list(policy.talenta.kotak)).fill_null(False)).select(
        "nip",
        "instansi",
        "unit_kerja",
        "jenjang_jabatan",
        "kotak",
        pl.col("_masuk_talenta").alias("masuk"),
        "alasan_pengecualian",
        retirement_date(pl.col("tanggal_lahir"), _bup()).alias("tanggal_pensiun"),
        pl.col("_hukdis_talenta").alias("hukdis_talenta"),
    )
