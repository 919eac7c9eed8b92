"""The two frames the succession reads: candidates (mapped people) and target posts.

Both are lazy plans over the tables of :class:`~bakat.engine.mapping.frames.MappingData`
and the mapping's ``pemetaan``; the job collects them once. Columns absent from a table
read as nulls, so that a frame from a file, the web app or a test works alike.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bakat.domain.golongan import URUTAN_GOLONGAN
from bakat.domain.hukdis import maju_tahun
from bakat.domain.jenjang import (
    BUP,
    JENJANG_DI_BAWAH,
    KATEGORI,
    LEVEL_KOMPETENSI_STANDAR,
    PENDIDIKAN_MINIMAL,
    RENTANG_GOLONGAN,
    KategoriJabatan,
)
from bakat.domain.kompetensi import KOMPETENSI
from bakat.domain.pendidikan import TINGKAT_PENDIDIKAN
from bakat.domain.policy import Policy
from bakat.engine.mapping.discipline import per_person
from bakat.engine.mapping.frames import ROW, MappingData
from bakat.engine.mapping.pool import retirement_date
from bakat.engine.succession.rules import SuccessionSettings

_S, _D, _I, _F, _B = pl.String(), pl.Date(), pl.Int64(), pl.Float64(), pl.Boolean()

_PEGAWAI = {
    "nip": _S,
    "instansi": _S,
    "unit_kerja": _S,
    "jenjang_jabatan": _S,
    "tanggal_lahir": _D,
    "status_kepegawaian": _S,
    "golongan": _S,
    "tmt_golongan": _D,
    "tmt_jabatan": _D,
}
_ASESMEN = {
    "nip": _S,
    "tanggal": _D,
    "skor_kompetensi": _F,
    "skor_potensi": _F,
    **dict.fromkeys(KOMPETENSI, _I),
}
_JABATAN = {
    "jabatan_id": _S,
    "nama": _S,
    "jenjang_jabatan": _S,
    "unit_kerja": _S,
    "kritikal": _B,
    "nip_pemangku": _S,
    "instansi": _S,
    "pendidikan_minimal": _S,
    "golongan_minimal": _S,
    **dict.fromkeys(KOMPETENSI, _I),
}

_BUP = {j.value: n for j, n in BUP.items()}
_TINGKAT = {p.value: n for p, n in TINGKAT_PENDIDIKAN.items()}
_GOLONGAN = {g.value: n for g, n in URUTAN_GOLONGAN.items()}
_PENDIDIKAN_JENJANG = {
    j.value: (TINGKAT_PENDIDIKAN[p] if p is not None else None)
    for j, p in PENDIDIKAN_MINIMAL.items()
}
_GOLONGAN_JENJANG = {
    j.value: (URUTAN_GOLONGAN[r[0]] if r is not None else None) for j, r in RENTANG_GOLONGAN.items()
}
_STANDAR = {j.value: n for j, n in LEVEL_KOMPETENSI_STANDAR.items()}
_MANAJERIAL = [j.value for j, k in KATEGORI.items() if k is KategoriJabatan.MANAJERIAL]
_DAYS_PER_YEAR = 365.25


def select(frame: pl.LazyFrame | None, columns: dict[str, pl.DataType]) -> pl.LazyFrame:
    """``frame`` with exactly ``columns`` in their dtypes (absent ones as nulls), plus
    ``_baris`` (numbered from 2 when absent); an empty frame for ``None``."""
    if frame is None:
        return pl.LazyFrame(schema={**columns, ROW: _I})
    present = frame.collect_schema()
    exprs = [
        (pl.col(c) if c in present else pl.lit(None)).cast(t).alias(c) for c, t in columns.items()
    ]
    row = pl.col(ROW) if ROW in present else pl.int_range(pl.len(), dtype=pl.Int64) + 2
    return frame.select(*exprs, row.cast(_I).alias(ROW))


def _people(data: MappingData) -> pl.LazyFrame:
    """The ``pegawai`` rows with a NIP. The readers refuse a repeated NIP (the key of
    ``pegawai``, formats.md), so a NIP is one row."""
    return select(data.pegawai, _PEGAWAI).filter(pl.col("nip").is_not_null()).drop(ROW)


def _years_since(start: pl.Expr, as_of: date) -> pl.Expr:
    days = (pl.lit(as_of) - start).dt.total_days().cast(pl.Float64)
    return (days / _DAYS_PER_YEAR).clip(lower_bound=0.0)


#: The integer key of a NIP in the candidate plan (:func:`_nip_key`).
_KEY = "_kunci_nip"
_NUMERIC_FROM = 10**17


def _proper(text: pl.Expr) -> pl.Expr:
    """Whether a NIP is 18 digits without a leading zero (then it is its own number)."""
    number = text.cast(pl.Int64, strict=False)
    return ((text.str.len_bytes() == 18) & (number >= _NUMERIC_FROM)).fill_null(False)


def _nip_key(odd: dict[str, int]) -> pl.Expr:
    """An integer standing for the NIP, one to one: an 18-digit NIP is its own number; any
    other NIP of ``odd`` (the mapped ones) its negative number there; any other is null
    (it matches no mapped person). Integer joins cost far less than text joins at
    national scale."""
    text = pl.col("nip")
    number = text.cast(pl.Int64, strict=False)
    other = text.replace_strict(odd, default=None, return_dtype=pl.Int64)
    return pl.when(_proper(text)).then(number).otherwise(other)


def candidates(
    data: MappingData, pemetaan: pl.DataFrame, as_of: date, policy: Policy
) -> pl.LazyFrame:
    """Every mapped person (a box on the grid) with what the rules and the score read.

    ``pengalaman_tahun``: years from ``tmt_jabatan`` (else ``tmt_golongan``) to A, 0 when
    neither is known. ``tanggal_pensiun``: ``jenjang.tanggal_pensiun`` with the BUP of the
    person's grade. The competency levels are those of the assessment the mapping used
    (``asesmen_tanggal``; on equal dates the last row of the file). ``_urutan_nip``
    orders the NIPs as text (a rank among the mapped people).
    """
    placed = pemetaan.filter(pl.col("kotak").is_not_null())
    nips = placed.select(pl.col("nip").cast(_S)).filter(
        pl.col("nip").is_not_null() & ~_proper(pl.col("nip"))
    )
    odd = {nip: -1 - i for i, nip in enumerate(nips.get_column("nip").unique().sort())}
    key = _nip_key(odd)
    mapped = placed.lazy().select(
        pl.col("nip").cast(_S),
        key.alias(_KEY),
        pl.col("kotak").cast(pl.Int8),
        pl.col("level_kinerja"),
        pl.col("skor_potensi").cast(_F),
        pl.col("asesmen_tanggal").cast(_D),
        pl.col("asesmen_skor_kompetensi").cast(_F).alias("skor_kompetensi"),
        pl.col("pendidikan").cast(_S),
        pl.col("nip").cast(_S).rank("ordinal").cast(pl.Int64).alias("_urutan_nip"),
    )
    used = mapped.select(_KEY, pl.col("asesmen_tanggal").alias("tanggal"))
    levels = (
        select(data.asesmen, _ASESMEN)
        .select(key.alias(_KEY), pl.exclude("nip", ROW))
        .join(used, on=[_KEY, "tanggal"], how="semi")
        .filter(pl.col("skor_kompetensi").is_not_null() & pl.col("skor_potensi").is_not_null())
        .unique([_KEY, "tanggal"], keep="last", maintain_order=True)
        .select(_KEY, pl.col("tanggal").alias("asesmen_tanggal"), *KOMPETENSI)
    )
    hukdis = data.table("hukdis").with_columns(key.alias(_KEY))
    sanctions = per_person(hukdis, as_of, policy, key=_KEY).select(
        _KEY,
        pl.col("_hukdis_aktif").alias("hukdis_aktif"),
        pl.col("_hukdis_talenta").is_not_null().alias("hukdis_jendela"),
    )
    people = _people(data).select(key.alias(_KEY), pl.exclude("nip"))
    bup = pl.col("jenjang_jabatan").replace_strict(_BUP, default=None, return_dtype=pl.Int32)
    start = pl.coalesce("tmt_jabatan", "tmt_golongan")
    return (
        mapped.join(people, on=_KEY, how="inner")
        .join(levels, on=[_KEY, "asesmen_tanggal"], how="left")
        .join(sanctions, on=_KEY, how="left")
        .select(
            "nip",
            "instansi",
            "unit_kerja",
            "jenjang_jabatan",
            "kotak",
            "level_kinerja",
            "skor_potensi",
            "skor_kompetensi",
            pl.when(start.is_not_null())
            .then(_years_since(start, as_of))
            .otherwise(0.0)
            .alias("pengalaman_tahun"),
            pl.col("pendidikan")
            .replace_strict(_TINGKAT, default=None, return_dtype=pl.Int8)
            .alias("tingkat_pendidikan"),
            pl.col("golongan")
            .replace_strict(_GOLONGAN, default=None, return_dtype=pl.Int8)
            .alias("urutan_golongan"),
            (pl.col("status_kepegawaian") == "PPPK").fill_null(False).alias("pppk"),
            retirement_date(pl.col("tanggal_lahir"), bup).alias("tanggal_pensiun"),
            pl.col("hukdis_aktif").fill_null(False),
            pl.col("hukdis_jendela").fill_null(False),
            *(pl.col(k).cast(pl.Int8) for k in KOMPETENSI),
            "_urutan_nip",
        )
        .filter(pl.col("jenjang_jabatan").is_not_null())
    )


def _unit_agency(people: pl.LazyFrame) -> pl.LazyFrame:
    """The most common ``instansi`` of each unit's employees (ties: the smallest)."""
    return (
        people.filter(pl.col("unit_kerja").is_not_null() & pl.col("instansi").is_not_null())
        .group_by("unit_kerja", "instansi")
        .len()
        .sort(["unit_kerja", "len", "instansi"], descending=[False, True, False])
        .unique("unit_kerja", keep="first", maintain_order=True)
        .select("unit_kerja", pl.col("instansi").alias("_instansi_unit"))
    )


def targets(
    data: MappingData, as_of: date, policy: Policy, settings: SuccessionSettings
) -> pl.LazyFrame:
    """The target posts of ``jabatan`` with the reason, the expected vacancy date
    (``tanggal_lowong``), the required competency levels and minimums.

    A post is a target when critical (``sertakan_kritikal``), vacant (``sertakan_kosong``;
    ``nip_pemangku`` empty) or when its incumbent's retirement date (BUP of the post's
    grade) is on or before A + ``horizon_tahun`` years. Vacancy date: A when vacant; the
    incumbent's retirement date (A at the earliest) when retiring; otherwise A +
    ``horizon_tahun`` years (docs/policy.md ``[suksesi]``). ``instansi``: the post's own,
    else the incumbent's, else the most common of the unit's employees.
    """
    suksesi = policy.suksesi
    people = _people(data)
    horizon = maju_tahun(as_of, suksesi.horizon_tahun)
    # Only someone born early enough can reach the lowest BUP within the horizon.
    oldest = min(BUP.values())
    born_by = date(horizon.year - oldest + 1, 1, 1)
    incumbents = people.filter(pl.col("tanggal_lahir") < born_by).select(
        pl.col("nip").alias("nip_pemangku"),
        pl.col("tanggal_lahir").alias("_lahir_pemangku"),
    )
    jabatan = (
        select(data.jabatan, _JABATAN)
        .filter(pl.col("jabatan_id").is_not_null() & pl.col("jenjang_jabatan").is_not_null())
        .drop(ROW)
        .join(incumbents, on="nip_pemangku", how="left")
    )
    bup = pl.col("jenjang_jabatan").replace_strict(_BUP, default=None, return_dtype=pl.Int32)
    pensiun = retirement_date(pl.col("_lahir_pemangku"), bup)
    vacant = pl.col("nip_pemangku").is_null()
    retiring = (~vacant & (pl.col("tanggal_pensiun_pemangku") <= horizon)).fill_null(False)
    tests = {
        "kritikal": pl.col("kritikal").fill_null(False) & suksesi.sertakan_kritikal,
        "lowong": vacant & suksesi.sertakan_kosong,
        "pensiun": retiring,
        "manajerial": pl.col("jenjang_jabatan").is_in(_MANAJERIAL) & settings.semua_manajerial,
    }
    reason = pl.concat_str(
        [pl.when(test).then(pl.lit(code)) for code, test in tests.items()],
        separator=";",
        ignore_nulls=True,
    )
    # Entry grades (nobody below them) are filled by recruitment, not succession: they are
    # targets only when lateral candidates are allowed.
    laddered = [j.value for j, below in JENJANG_DI_BAWAH.items() if below]
    grades = pl.col("jenjang_jabatan").is_in(laddered) | (not suksesi.hanya_jenjang_di_bawah)
    if settings.hanya_manajerial:
        grades = grades & pl.col("jenjang_jabatan").is_in(_MANAJERIAL)
    required = [pl.col(k).is_not_null() for k in KOMPETENSI]
    standard = pl.col("jenjang_jabatan").replace_strict(_STANDAR, default=1, return_dtype=pl.Int8)
    chosen = (
        jabatan.with_columns(pensiun.alias("tanggal_pensiun_pemangku"))
        .with_columns(reason.alias("alasan_target"))
        .filter((pl.col("alasan_target") != "") & grades)
    )
    # The post's instansi, else the incumbent's, else the most common of its unit.
    # Only the incumbents of the targets are looked up (a semi join hashes the few
    # targets, not every employee).
    agency = people.select(
        pl.col("nip").alias("nip_pemangku"),
        pl.col("instansi").alias("_ip"),
        pl.col("tanggal_lahir").alias("_lahir"),
    ).join(chosen.select("nip_pemangku"), on="nip_pemangku", how="semi")
    chosen = chosen.join(agency, on="nip_pemangku", how="left")
    if data.jabatan is not None and "instansi" in data.jabatan.collect_schema():
        chosen = chosen.with_columns(pl.lit(None, _S).alias("_instansi_unit"))
    else:
        chosen = chosen.join(_unit_agency(people), on="unit_kerja", how="left")
    return chosen.select(
        "jabatan_id",
        "nama",
        pl.coalesce("instansi", "_ip", "_instansi_unit").alias("instansi"),
        "unit_kerja",
        "jenjang_jabatan",
        pl.col("kritikal").fill_null(False),
        "nip_pemangku",
        retirement_date(pl.col("_lahir"), bup).alias("tanggal_pensiun_pemangku"),
        "alasan_target",
        pl.when(vacant)
        .then(pl.lit(as_of))
        .when(retiring)
        .then(pl.max_horizontal(pl.col("tanggal_pensiun_pemangku"), pl.lit(as_of)))
        .otherwise(pl.lit(horizon))
        .alias("tanggal_lowong"),
        *(
            pl.when(pl.any_horizontal(required))
            .then(pl.col(k).cast(pl.Int8))
            .otherwise(standard)
            .alias(k)
            for k in KOMPETENSI
        ),
        pl.coalesce(
            pl.col("pendidikan_minimal").replace_strict(
                _TINGKAT, default=None, return_dtype=pl.Int8
            ),
            pl.col("jenjang_jabatan").replace_strict(
                _PENDIDIKAN_JENJANG, default=None, return_dtype=pl.Int8
            ),
        ).alias("tingkat_pendidikan_minimal"),
        pl.coalesce(
            pl.col("golongan_minimal").replace_strict(
                _GOLONGAN, default=None, return_dtype=pl.Int8
            ),
            pl.col("jenjang_jabatan").replace_strict(
                _GOLONGAN_JENJANG, default=None, return_dtype=pl.Int8
            ),
        ).alias("urutan_golongan_minimal"),
    )
