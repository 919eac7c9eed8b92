"""Lookups and per-person aggregates the prepared frames join: built once from the keyed
tables (``prepare.siapkan_kunci``), materialised by the job, then joined by integer keys.

- ``daftar``: one row per NIP key of ``pegawai`` (the first record when a NIP repeats):
  unit, active flag, position; what the other tables are checked against (its plan
  keeps the later records of a repeated NIP too: their keys are the repeated NIPs);
- ``skp``: the number of SKP years of the policy window with a predikat, per NIP;
- ``jp``: the JP of the last full calendar year, per NIP;
- ``hukdis``: the heaviest sanction in force on the as-of date, per NIP;
- ``posisi``: the ``jabatan`` row of each position id (matched on a 64-bit hash of the id
  and then on the text, so a hash collision can never join two different ids);
- ``pemegang``: the number of active employees whose ``jabatan_id`` points at a position;
- the NIP, NIK and incumbent keys that occur more than once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import polars as pl

from bakat.domain.hukdis import TingkatHukdis
from bakat.domain.policy import tahun_kinerja
from bakat.engine.quality.registry import Konteks

#: Tables whose rows belong to one employee through their ``nip`` column.
RIWAYAT = ("kinerja", "asesmen", "diklat", "hukdis")
_PERTAMA = "_pertama"
_URUTAN_HUKDIS = {t.value: t.urutan for t in TingkatHukdis}
_KOSONG_U64 = pl.Series("_kunci", [], dtype=pl.UInt64)


def tahun_jp(as_of: date) -> int:
    """The last full calendar year before ``as_of``: the year the 20 JP rule checks."""
    return as_of.year - 1


def _ganda(frame: pl.LazyFrame, kolom: str) -> pl.LazyFrame:
    return (
        frame.filter(pl.col(kolom).is_not_null())
        .group_by(kolom)
        .agg(pl.len().alias("_n"))
        .filter(pl.col("_n") > 1)
        .select(pl.col(kolom).alias("_kunci"))
    )


def _laporan(frame: pl.LazyFrame, kolom: str) -> list[pl.Expr]:
    """``_nip_laporan`` (the NIP a finding is reported under) from ``kolom``, on the frames
    that carry its text (the rows with a finding; see ``schema.KUNCI_SUMBER``)."""
    if kolom not in frame.collect_schema():
        return []
    return [pl.col(kolom).alias("_nip_laporan")]


def rencana(kunci: Mapping[str, pl.LazyFrame], k: Konteks) -> dict[str, pl.LazyFrame]:
    """The plans of the lookups, by name (collect them together, then :func:`dari`)."""
    pegawai = kunci["pegawai"]
    plans: dict[str, pl.LazyFrame] = {
        # Every record with a NIP key, marking the first of each key: the first ones are
        # ``daftar``, the keys of the others the repeated NIPs (``dari``).
        "daftar": pegawai.filter(pl.col("_kunci").is_not_null()).select(
            "_kunci",
            pl.col("_unit").alias("_peg_unit"),
            pl.col("status_aktif").fill_null(True).alias("_peg_aktif"),
            pl.col("jabatan_id").alias("_peg_jabatan"),
            pl.col("_kunci").is_first_distinct().alias(_PERTAMA),
        ),
        "pemegang": pegawai.filter(
            pl.col("status_aktif").fill_null(True) & pl.col("_jab_kunci").is_not_null()
        )
        .group_by("_jab_kunci")
        .agg(pl.len().alias("_jumlah_pemegang")),
        "ganda_nik": _ganda(pegawai, "_nik_kunci"),
    }
    if "kinerja" in kunci:
        tahun = list(tahun_kinerja(k.as_of, k.policy))
        # kinerja is keyed by (nip, tahun) (formats.md; the readers refuse a repeated key),
        # so counting rows counts years.
        plans["skp"] = (
            kunci["kinerja"]
            .filter(pl.col("tahun").is_in(tahun) & pl.col("predikat").is_not_null())
            .group_by("_kunci")
            .agg(pl.len().alias("_skp_tahun"))
        )
    if "diklat" in kunci:
        tahun_ini = tahun_jp(k.as_of)
        plans["jp"] = (
            kunci["diklat"]
            .filter(pl.col("tanggal").is_between(date(tahun_ini, 1, 1), date(tahun_ini, 12, 31)))
            .group_by("_kunci")
            .agg(pl.col("jp").sum().alias("_jp"))
        )
    if "hukdis" in kunci:
        plans["hukdis"] = _hukdis_aktif(kunci["hukdis"], k)
    if "jabatan" in kunci:
        jabatan = kunci["jabatan"]
        plans["posisi"] = (
            jabatan.filter(pl.col("_jab_kunci").is_not_null())
            .select(
                "_jab_kunci",
                pl.col("jabatan_id").alias("_jab_id"),
                pl.col("jenjang_jabatan").cast(pl.String).alias("_jab_jenjang"),
                pl.col("unit_kerja").alias("_jab_unit"),
                pl.col("_kunci_pemangku").alias("_jab_pemangku"),
                pl.col("pendidikan_minimal").cast(pl.String).alias("_jab_pendidikan_minimal"),
                pl.col("golongan_minimal").cast(pl.String).alias("_jab_golongan_minimal"),
            )
            .filter(pl.col("_jab_kunci").is_first_distinct())
        )
        plans["ganda_pemangku"] = _ganda(jabatan, "_kunci_pemangku")
    return plans


def _hukdis_aktif(hukdis: pl.LazyFrame, k: Konteks) -> pl.LazyFrame:
    # In force on as_of (bakat.domain.hukdis.aktif_pada): tmt <= as_of <= tanggal_akhir,
    # a missing end counting as still running; the heaviest one is reported.
    as_of = pl.lit(k.as_of)
    urut = (
        pl.col("tingkat")
        .cast(pl.String)
        .replace_strict(_URUTAN_HUKDIS, default=0, return_dtype=pl.Int32)
    )
    return (
        hukdis.filter(
            (pl.col("tmt") <= as_of)
            & (pl.col("tanggal_akhir").is_null() | (pl.col("tanggal_akhir") >= as_of))
            & pl.col("_kunci").is_not_null()
        )
        .with_columns(urut.alias("_urut"))
        .sort("_kunci", "_urut", "tmt", descending=[False, True, True], nulls_last=True)
        .group_by("_kunci")
        .agg(
            pl.col("tingkat").first().cast(pl.String).alias("_hukdis_tingkat"),
            pl.col("tmt").first().alias("_hukdis_tmt"),
            pl.col("tanggal_akhir").first().alias("_hukdis_akhir"),
        )
    )


@dataclass(frozen=True)
class Rujukan:
    """The materialised lookups (see the module docstring); ``None`` for an absent table."""

    daftar: pl.DataFrame
    pemegang: pl.DataFrame
    ganda_nip: pl.Series
    ganda_nik: pl.Series
    skp: pl.DataFrame | None = None
    jp: pl.DataFrame | None = None
    hukdis: pl.DataFrame | None = None
    posisi: pl.DataFrame | None = None
    ganda_pemangku: pl.Series = field(default_factory=lambda: _KOSONG_U64)
    skp_cukup: pl.Series = field(default_factory=lambda: _KOSONG_U64)
    jp_cukup: pl.Series = field(default_factory=lambda: _KOSONG_U64)

    @classmethod
    def dari(cls, hasil: Mapping[str, pl.DataFrame], k: Konteks) -> Rujukan:
        """The lookups from the collected plans of :func:`rencana`."""
        skp, jp = hasil.get("skp"), hasil.get("jp")
        minimal = k.policy.kinerja.minimal_tahun
        batas = k.policy.pengembangan.jp_per_tahun
        semua = hasil["daftar"]
        return cls(
            daftar=semua.filter(pl.col(_PERTAMA)).drop(_PERTAMA),
            pemegang=hasil["pemegang"],
            ganda_nip=semua.filter(~pl.col(_PERTAMA)).get_column("_kunci").unique(),
            ganda_nik=hasil["ganda_nik"].get_column("_kunci"),
            skp=skp,
            jp=jp,
            hukdis=hasil.get("hukdis"),
            posisi=hasil.get("posisi"),
            ganda_pemangku=(
                hasil["ganda_pemangku"].get_column("_kunci")
                if "ganda_pemangku" in hasil
                else _KOSONG_U64
            ),
            skp_cukup=(
                _KOSONG_U64
                if skp is None
                else skp.filter(pl.col("_skp_tahun") >= minimal).get_column("_kunci")
            ),
            jp_cukup=(
                _KOSONG_U64
                if jp is None
                else jp.filter(pl.col("_jp") >= batas).get_column("_kunci")
            ),
        )

    def saring(self, kunci: pl.Series, jab_kunci: pl.Series, tabel: str = "pegawai") -> Rujukan:
        """The lookups restricted to the NIP keys ``kunci`` and position keys
        ``jab_kunci`` (for wording the few rows with a finding of ``tabel``: smaller
        joins). Only ``pegawai`` reads more than ``daftar`` and ``pemegang``; the other
        tables keep the rest as it is."""
        daftar = self.daftar.filter(pl.col("_kunci").is_in(kunci.implode()))
        pemegang = self.pemegang.filter(pl.col("_jab_kunci").is_in(jab_kunci.implode()))
        if tabel != "pegawai":
            return replace(self, daftar=daftar, pemegang=pemegang)

        def pilih(frame: pl.DataFrame | None, kolom: str, nilai: pl.Series) -> pl.DataFrame | None:
            return None if frame is None else frame.filter(pl.col(kolom).is_in(nilai.implode()))

        return replace(
            self,
            daftar=daftar,
            pemegang=pemegang,
            skp=pilih(self.skp, "_kunci", kunci),
            jp=pilih(self.jp, "_kunci", kunci),
            hukdis=pilih(self.hukdis, "_kunci", kunci),
            posisi=pilih(self.posisi, "_jab_kunci", jab_kunci),
            skp_cukup=self.skp_cukup.filter(self.skp_cukup.is_in(kunci.implode())),
            jp_cukup=self.jp_cukup.filter(self.jp_cukup.is_in(kunci.implode())),
        )

    def _daftar_riwayat(self) -> pl.DataFrame:
        return self.daftar.select(
            "_kunci", pl.col("_peg_unit").alias("_unit"), pl.lit(True).alias("_peg_ada")
        )

    def _daftar_pemangku(self) -> pl.DataFrame:
        return self.daftar.select(
            pl.col("_kunci").alias("_kunci_pemangku"),
            "_peg_aktif",
            "_peg_jabatan",
            pl.lit(True).alias("_peg_ada"),
        )

    def _daftar_relasi(self) -> pl.DataFrame:
        return self.daftar.select(
            pl.col("_kunci").alias("_kunci_a"),
            pl.col("_peg_unit").alias("_unit"),
            pl.lit(True).alias("_a_ada"),
        )

    def tempel_posisi(self, pegawai: pl.DataFrame) -> pl.DataFrame:
        """``pegawai`` (keyed, in memory) with the columns of its position row
        (``posisi``) attached in place: the lookup is joined to the key column alone and
        its columns are stacked beside the frame (same rows, same order), so the wide
        frame is never copied by a join. :meth:`gabung_pegawai` then does not join."""
        if self.posisi is None:
            return pegawai
        cocok = pegawai.select("_jab_kunci").join(
            self.posisi, on="_jab_kunci", how="left", maintain_order="left"
        )
        return pegawai.hstack(cocok.drop("_jab_kunci").get_columns())

    def _ada(self, kunci: pl.Series, tabel: pl.DataFrame | None, nama: str) -> pl.Expr:
        if tabel is None:
            return pl.lit(None, dtype=pl.Boolean).alias(nama)
        return pl.col("_kunci").is_in(kunci.implode()).alias(nama)

    def gabung_pegawai(self, frame: pl.LazyFrame, rinci: bool = False) -> pl.LazyFrame:
        """``pegawai`` with whether the SKP years and the JP are complete and whether a
        sanction is in force (set lookups: cheap on every row), its position row, and with
        ``rinci`` (the few rows with a finding) the values themselves for the messages."""
        hukdis_kunci = _KOSONG_U64 if self.hukdis is None else self.hukdis.get_column("_kunci")
        frame = frame.with_columns(
            self._ada(self.skp_cukup, self.skp, "_skp_cukup"),
            self._ada(self.jp_cukup, self.jp, "_jp_cukup"),
            self._ada(hukdis_kunci, self.hukdis, "_hukdis_aktif"),
        )
        if rinci:
            frame = self._nilai_pegawai(frame)
        if self.posisi is None:
            return frame.with_columns(
                pl.lit(None, dtype=pl.Boolean).alias("_jab_ada"),
                pl.lit(None, dtype=pl.UInt64).alias("_jab_pemangku"),
                *(
                    pl.lit(None, dtype=pl.String).alias(f"_jab_{c}")
                    for c in (
                        "jenjang",
                        "unit",
                        "pendidikan_minimal",
                        "golongan_minimal",
                    )
                ),
            )
        if "_jab_id" not in frame.collect_schema():
            frame = frame.join(self.posisi.lazy(), on="_jab_kunci", how="left")
        return frame.with_columns(
            (pl.col("_jab_id") == pl.col("jabatan_id")).fill_null(False).alias("_jab_ada")
        )

    def _nilai_pegawai(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """SKP years, JP and the sanction in force, joined (for messages)."""
        if self.skp is None:
            frame = frame.with_columns(pl.lit(None, dtype=pl.UInt32).alias("_skp_tahun"))
        else:
            frame = frame.join(self.skp.lazy(), on="_kunci", how="left").with_columns(
                pl.col("_skp_tahun").fill_null(0)
            )
        if self.jp is None:
            frame = frame.with_columns(pl.lit(None, dtype=pl.Float64).alias("_jp"))
        else:
            frame = frame.join(self.jp.lazy(), on="_kunci", how="left").with_columns(
                pl.col("_jp").fill_null(0.0)
            )
        if self.hukdis is None:
            return frame.with_columns(
                pl.lit(None, dtype=pl.String).alias("_hukdis_tingkat"),
                pl.lit(None, dtype=pl.Date).alias("_hukdis_tmt"),
                pl.lit(None, dtype=pl.Date).alias("_hukdis_akhir"),
            )
        return frame.join(self.hukdis.lazy(), on="_kunci", how="left")

    def gabung_riwayat(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """A per-person table with ``_peg_ada`` (its NIP is in ``pegawai``) and its unit."""
        frame = frame.join(self._daftar_riwayat().lazy(), on="_kunci", how="left")
        return frame.with_columns(pl.col("_peg_ada").fill_null(False), *_laporan(frame, "nip"))

    def gabung_jabatan(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """``jabatan`` with its incumbent's record (``_peg_*``), the active employees
        pointing at it (``_jumlah_pemegang``) and whether its incumbent is named on
        another position too (``_pemangku_ganda``)."""
        frame = frame.join(self._daftar_pemangku().lazy(), on="_kunci_pemangku", how="left")
        frame = frame.join(self.pemegang.lazy(), on="_jab_kunci", how="left")
        return frame.with_columns(
            pl.col("_peg_ada").fill_null(False),
            pl.col("_jumlah_pemegang").fill_null(0),
            pl.col("_kunci_pemangku").is_in(self.ganda_pemangku.implode()).alias("_pemangku_ganda"),
            *_laporan(frame, "nip_pemangku"),
        )

    def gabung_relasi(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """``relasi`` with whether each side's NIP is in ``pegawai`` (``_a_ada``,
        ``_b_ada``), reported under the first person's unit."""
        kunci = self.daftar.get_column("_kunci").implode()
        # The join finds the first person (a key of ``daftar`` matches at most one row).
        frame = frame.join(self._daftar_relasi().lazy(), on="_kunci_a", how="left")
        return frame.with_columns(
            pl.col("_a_ada").fill_null(False),
            pl.col("_kunci_b").is_in(kunci).fill_null(False).alias("_b_ada"),
            *_laporan(frame, "nip_a"),
        )
