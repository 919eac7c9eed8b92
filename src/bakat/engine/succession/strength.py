"""Bench strength (kekuatan suksesi) per target post, and the run's summary.

Per post: how many eligible candidates and named successors, how many in each readiness
band, whether the post has a first successor, how many of its successors are named on
other lists too, and whether it is at risk: no successor in the first (best) readiness
band while the post is vacant or its incumbent reaches BUP within the horizon (domain.md
§2.8 "incumbent risk" and "pipeline depth" [I]).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from bakat.domain.policy import Policy


def band_columns(policy: Policy) -> list[str]:
    """``jumlah_<band>`` for each readiness band of the policy, best first."""
    return [f"jumlah_{code}" for code in policy.suksesi.kesiapan]


def strength_table(
    targets: pl.DataFrame, suksesi: pl.DataFrame, eligible: pl.DataFrame, policy: Policy
) -> pl.DataFrame:
    """``kekuatan_suksesi``: one row per target post (``targets`` order kept)."""
    bands = list(policy.suksesi.kesiapan)
    lists = suksesi.group_by("nip").agg(pl.col("jabatan_id").n_unique().alias("_daftar"))
    per_post = (
        suksesi.join(lists, on="nip", how="left")
        .group_by("jabatan_id")
        .agg(
            pl.len().alias("jumlah_suksesor"),
            (pl.col("peringkat") == 1).any().alias("ada_suksesor_pertama"),
            *((pl.col("kesiapan") == band).sum().alias(f"jumlah_{band}") for band in bands),
            (pl.col("_daftar") > 1).sum().alias("suksesor_di_daftar_lain"),
        )
    )
    counts = ["jumlah_suksesor", *band_columns(policy), "suksesor_di_daftar_lain"]
    best = f"jumlah_{bands[0]}" if bands else None
    exposed = pl.col("nip_pemangku").is_null() | pl.col("alasan_target").str.contains("pensiun")
    no_ready = pl.lit(True) if best is None else pl.col(best) == 0
    return (
        targets.join(eligible, on="jabatan_id", how="left", maintain_order="left")
        .join(per_post, on="jabatan_id", how="left", maintain_order="left")
        .with_columns(
            pl.col("jumlah_kandidat").fill_null(0).cast(pl.Int64),
            *(pl.col(c).fill_null(0).cast(pl.Int64) for c in counts),
            pl.col("ada_suksesor_pertama").fill_null(False),
        )
        .with_columns((no_ready & exposed).alias("berisiko"))
    )


@dataclass(frozen=True)
class SuccessionSummary:
    """Counts of a succession run, for the command line and the report."""

    target: int
    tercakup: int
    tercakup_penuh: int
    berisiko: int
    siap_sekarang: int
    orang_di_beberapa_daftar: int
    suksesor: int
    pengecualian: int

    def lines(self) -> list[str]:
        """The summary in Bahasa Indonesia (thousands separated by dots)."""

        def n(value: int) -> str:
            return f"{value:,}".replace(",", ".")

        share = f"{100 * self.tercakup / self.target:.1f}".replace(".", ",") if self.target else "0"
        return [
            f"{n(self.target)} jabatan target; {n(self.tercakup)} punya suksesor ({share}%), "
            f"{n(self.tercakup_penuh)} dengan daftar penuh",
            f"{n(self.siap_sekarang)} jabatan punya suksesor siap sekarang; "
            f"{n(self.berisiko)} jabatan berisiko (tanpa suksesor siap, lowong atau "
            "pemangku pensiun dalam horizon)",
            f"{n(self.suksesor)} nama suksesor; {n(self.orang_di_beberapa_daftar)} orang di "
            f"lebih dari satu daftar; {n(self.pengecualian)} pengecualian dicatat",
        ]


def summarise(
    kekuatan: pl.DataFrame, suksesi: pl.DataFrame, pengecualian: pl.DataFrame, policy: Policy
) -> SuccessionSummary:
    """The summary of one run's frames."""
    k = policy.suksesi.jumlah_suksesor
    bands = band_columns(policy)
    sizes = kekuatan.get_column("jumlah_suksesor")
    ready = int((kekuatan.get_column(bands[0]) > 0).sum()) if bands else 0
    repeated = suksesi.group_by("nip").len().filter(pl.col("len") > 1).height
    return SuccessionSummary(
        target=kekuatan.height,
        tercakup=int((sizes > 0).sum()),
        tercakup_penuh=int((sizes >= k).sum()),
        berisiko=int(kekuatan.get_column("berisiko").sum()),
        siap_sekarang=ready,
        orang_di_beberapa_daftar=repeated,
        suksesor=suksesi.height,
        pengecualian=pengecualian.height,
    )
