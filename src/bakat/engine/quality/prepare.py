"""The prepared frames the rules read: each table with its keys and derived columns.

Three steps, each materialised once by the job. :func:`siapkan_kunci` adds the keys
(identifiers as integers, see ``kode.kunci_nomor``; the position id as a hash) and the
unit code. ``rujukan`` builds the lookups and per-person aggregates from the keyed tables.
:func:`siapkan` then derives, for ``pegawai``: the status and enumeration codes, the NIP
and NIK parts (by the positions of ``bakat.domain.nip`` / ``bakat.domain.nik``, as integer
arithmetic), dates as ``YYYYMMDD`` integers, ages, the retirement month, the
``bakat.domain`` tables as lookups, and the lookups of the other tables (SKP years, JP
last year, the sanction in force, the position record); for the other tables: whether
their NIP is known and the unit it belongs to.

Derived columns start with ``_``. Every prepared frame carries ``_nip_laporan`` and
``_unit`` (the NIP and the unit code a finding on that record is reported under). Steps
take and return LazyFrames; nothing is collected here.
"""

from __future__ import annotations

import polars as pl

from bakat.domain.golongan import GOLONGAN_AWAL, GOLONGAN_MAKSIMAL
from bakat.domain.jenjang import BUP, PENDIDIKAN_MINIMAL, RENTANG_GOLONGAN
from bakat.domain.kepegawaian import StatusKepegawaian
from bakat.domain.nik import NIK_PANJANG, NIK_TAMBAHAN_HARI_PEREMPUAN
from bakat.domain.nip import NIP_PANJANG
from bakat.domain.pendidikan import TINGKAT_PENDIDIKAN
from bakat.engine.quality.kode import (
    ENUM_GOLONGAN,
    ENUM_JENIS_KELAMIN,
    ENUM_JENJANG,
    ENUM_PENDIDIKAN,
    ENUM_STATUS,
    baku,
    kode,
    kunci_nomor,
    lookup,
    tanggal_sah,
    usia_ymd,
    ymd,
)
from bakat.engine.quality.registry import Konteks
from bakat.engine.quality.rujukan import RIWAYAT, Rujukan

# The domain tables keyed by the enumeration values.
_BUP = {j.value: n for j, n in BUP.items()}
_RENTANG_MIN = {j.value: r[0].urutan for j, r in RENTANG_GOLONGAN.items() if r is not None}
_RENTANG_MAX = {j.value: r[1].urutan for j, r in RENTANG_GOLONGAN.items() if r is not None}
_PEND_MIN = {j.value: TINGKAT_PENDIDIKAN[p] for j, p in PENDIDIKAN_MINIMAL.items() if p}
TINGKAT_PEND = {p.value: n for p, n in TINGKAT_PENDIDIKAN.items()}
GOL_AWAL_PEND = {p.value: g.urutan for p, g in GOLONGAN_AWAL.items()}
_GOL_MAKS_PEND = {p.value: g.urutan for p, g in GOLONGAN_MAKSIMAL.items()}


def urutan_golongan(kolom: str) -> pl.Expr:
    """Rank order 1..17 of a golongan column (null when empty or not a golongan)."""
    return kode(kolom, ENUM_GOLONGAN) + 1


def tingkat_pendidikan(kolom: str) -> pl.Expr:
    """Education order 1..9 of a pendidikan column (D4 and S1 share 7)."""
    return lookup(kode(kolom, ENUM_PENDIDIKAN), ENUM_PENDIDIKAN, TINGKAT_PEND, pl.Int16())


def kode_unit() -> pl.Expr:
    """A 64-bit code of (agency, unit): the grouping key of the index."""
    return pl.struct(pl.col("instansi").cast(pl.String), pl.col("unit_kerja").cast(pl.String)).hash(
        seed=0
    )


def kunci_jabatan() -> pl.Expr:
    """A 64-bit hash of ``jabatan_id`` (joins compare the text too: see ``rujukan``)."""
    jabatan_id = pl.col("jabatan_id").cast(pl.String)
    return pl.when(jabatan_id.is_not_null()).then(jabatan_id.hash(seed=0))


def siapkan_kunci(tabel: str, frame: pl.LazyFrame) -> pl.LazyFrame:
    """``frame`` with its keys: ``_kunci`` (the NIP) for ``pegawai`` and the per-person
    tables, ``_kunci_pemangku`` for ``jabatan``, ``_kunci_a``/``_kunci_b`` for ``relasi``;
    ``pegawai`` and ``jabatan`` also get ``_unit`` and ``_jab_kunci``, ``pegawai``
    ``_nik_kunci``."""
    if tabel == "pegawai":
        return frame.with_columns(
            kunci_nomor("nip", NIP_PANJANG).alias("_kunci"),
            kunci_nomor("nik", NIK_PANJANG).alias("_nik_kunci"),
            kode_unit().alias("_unit"),
            kunci_jabatan().alias("_jab_kunci"),
        )
    if tabel in RIWAYAT:
        return frame.with_columns(kunci_nomor("nip", NIP_PANJANG).alias("_kunci"))
    if tabel == "jabatan":
        return frame.with_columns(
            kunci_nomor("nip_pemangku", NIP_PANJANG).alias("_kunci_pemangku"),
            kode_unit().alias("_unit"),
            kunci_jabatan().alias("_jab_kunci"),
        )
    if tabel == "relasi":
        return frame.with_columns(
            kunci_nomor("nip_a", NIP_PANJANG).alias("_kunci_a"),
            kunci_nomor("nip_b", NIP_PANJANG).alias("_kunci_b"),
        )
    return frame


def _kode_pegawai() -> list[pl.Expr]:
    """Codes of the enumerations (each text read once)."""
    return [
        kode("status_kepegawaian", ENUM_STATUS).alias("_status"),
        kode("jenjang_jabatan", ENUM_JENJANG).alias("_jenjang"),
        kode("pendidikan", ENUM_PENDIDIKAN).alias("_pendidikan"),
        kode("jenis_kelamin", ENUM_JENIS_KELAMIN).alias("_jk"),
        urutan_golongan("golongan").alias("_gol"),
        urutan_golongan("golongan_awal").alias("_gol_awal"),
        pl.col("status_aktif").fill_null(True).alias("_aktif"),
        ymd("tanggal_lahir").alias("_lahir"),
    ]


def _dari_kode() -> list[pl.Expr]:
    """The domain tables looked up by the codes of :func:`_kode_pegawai`."""
    status = list(ENUM_STATUS.categories)
    jenjang, pend = pl.col("_jenjang"), pl.col("_pendidikan")
    return [
        (pl.col("_status") == status.index(StatusKepegawaian.CPNS)).alias("_cpns"),
        (pl.col("_status") == status.index(StatusKepegawaian.PNS)).alias("_pns"),
        (pl.col("_status") == status.index(StatusKepegawaian.PPPK)).alias("_pppk"),
        lookup(pend, ENUM_PENDIDIKAN, TINGKAT_PEND, pl.Int16()).alias("_pend"),
        lookup(pend, ENUM_PENDIDIKAN, GOL_AWAL_PEND, pl.Int16()).alias("_gol_awal_pend"),
        lookup(pend, ENUM_PENDIDIKAN, _GOL_MAKS_PEND, pl.Int16()).alias("_gol_maks_pend"),
        lookup(jenjang, ENUM_JENJANG, _BUP, pl.Int32()).alias("_bup"),
        lookup(jenjang, ENUM_JENJANG, _RENTANG_MIN, pl.Int16()).alias("_rentang_min"),
        lookup(jenjang, ENUM_JENJANG, _RENTANG_MAX, pl.Int16()).alias("_rentang_max"),
        lookup(jenjang, ENUM_JENJANG, _PEND_MIN, pl.Int16()).alias("_pend_min"),
    ]


def _bagian_nip() -> list[pl.Expr]:
    """NIP parts (Perka BKN 22/2007 [V]; domain.md §4.1): ``YYYYMMDD YYYYMM J NNN``."""
    nip = pl.when(pl.col("_nip_18")).then(pl.col("_kunci").cast(pl.Int64, strict=False))
    return [
        (nip // 10**10).cast(pl.Int32).alias("_nip_lahir"),
        ((nip // 10**6) % 10**4).cast(pl.Int32).alias("_nip_tmt_tahun"),
        ((nip // 10**4) % 100).cast(pl.Int32).alias("_nip_tmt_bulan"),
        ((nip // 1000) % 10).cast(pl.Int32).alias("_nip_jk"),
        (nip % 1000).cast(pl.Int32).alias("_nip_urut"),
    ]


def _bagian_nik() -> list[pl.Expr]:
    """NIK parts (UU 23/2006 Pasal 13 [V]; domain.md §4.3): ``PP KK CC DDMMYY NNNN``, the
    day plus 40 for women."""
    nik = pl.when(pl.col("_nik_16")).then(pl.col("_nik_kunci").cast(pl.Int64, strict=False))
    hari = ((nik // 10**8) % 100).cast(pl.Int32)
    perempuan = hari > NIK_TAMBAHAN_HARI_PEREMPUAN
    return [
        (nik // 10**14).cast(pl.Int32).alias("_nik_provinsi"),
        ((nik // 10**12) % 100).cast(pl.Int32).alias("_nik_kabupaten"),
        ((nik // 10**10) % 100).cast(pl.Int32).alias("_nik_kecamatan"),
        pl.when(perempuan)
        .then(hari - NIK_TAMBAHAN_HARI_PEREMPUAN)
        .otherwise(hari)
        .alias("_nik_hari"),
        ((nik // 10**6) % 100).cast(pl.Int32).alias("_nik_bulan"),
        ((nik // 10**4) % 100).cast(pl.Int32).alias("_nik_tahun"),
        perempuan.alias("_nik_perempuan"),
        (nik % 10**4).cast(pl.Int32).alias("_nik_urut"),
    ]


def _turunan(k: Konteks) -> list[pl.Expr]:
    lahir = pl.col("_nip_lahir")
    tahun, bulan, hari = lahir // 10000, (lahir // 100) % 100, lahir % 100
    # 2000-2099 has 29 February exactly when some century does (as bakat.domain.nik).
    nik_sah = tanggal_sah(pl.col("_nik_tahun") + 2000, pl.col("_nik_bulan"), pl.col("_nik_hari"))
    bulan_lahir = (pl.col("_lahir") // 10000) * 12 + (pl.col("_lahir") // 100) % 100
    as_of = k.as_of.year * 10000 + k.as_of.month * 100 + k.as_of.day
    return [
        (tanggal_sah(tahun, bulan, hari) & (lahir >= 19000101) & (lahir <= as_of)).alias(
            "_nip_lahir_sah"
        ),
        nik_sah.alias("_nik_tanggal_sah"),
        # Months since year 0 of the retirement date: the month after reaching BUP.
        (bulan_lahir + pl.col("_bup") * 12).alias("_bulan_pensiun"),
        usia_ymd(pl.col("_lahir"), ymd("tmt_cpns")).alias("_usia_cpns"),
    ]


def siapkan_pegawai(
    pegawai: pl.LazyFrame, rujukan: Rujukan, k: Konteks, rinci: bool = False
) -> pl.LazyFrame:
    """``pegawai`` (with its keys) and every derived column the rules read; with
    ``rinci`` also the values only messages read."""
    frame = pegawai.with_columns(
        baku("_kunci").fill_null(False).alias("_nip_18"),
        baku("_nik_kunci").fill_null(False).alias("_nik_16"),
        pl.col("_kunci").is_in(rujukan.ganda_nip.implode()).alias("_nip_ganda"),
        pl.col("_nik_kunci").is_in(rujukan.ganda_nik.implode()).alias("_nik_ganda"),
        *_kode_pegawai(),
    )
    frame = frame.with_columns(*_dari_kode(), *_bagian_nip(), *_bagian_nik())
    frame = frame.with_columns(_turunan(k))
    frame = rujukan.gabung_pegawai(frame, rinci)
    return frame.with_columns(pl.col("nip").alias("_nip_laporan"))


def siapkan(
    tabel: str, frame: pl.LazyFrame, rujukan: Rujukan, k: Konteks, rinci: bool = False
) -> pl.LazyFrame:
    """The prepared frame of ``tabel`` from its keyed frame (``rinci``: with the values
    only the messages read; for the few rows that have a finding)."""
    if tabel == "pegawai":
        return siapkan_pegawai(frame, rujukan, k, rinci)
    if tabel in RIWAYAT:
        return rujukan.gabung_riwayat(frame)
    if tabel == "jabatan":
        return rujukan.gabung_jabatan(frame)
    if tabel == "relasi":
        return rujukan.gabung_relasi(frame)
    raise ValueError(f"unknown table {tabel!r}")
