"""bakat's reconciliation against Splink (probabilistic record linkage) on the same data.

    .venv/bin/python benchmarks/bench_reconcile_splink.py [FOLDER] [--pegawai N] [--seed S]

Splink is not a dependency of bakat; this comparison needs ``pip install splink`` (a
benchmark-only extra). Without it the script says so and exits 0.

Both sides get the same task: link the local records left over after the exact NIP
match to the registry records left over (NIP typos, missing NIPs, people on one side
only). bakat uses its blocked, rule-scored fuzzy stage; Splink a Fellegi-Sunter model
(u by random sampling, m by expectation maximisation) with the same blocking on the
birth date, keeping each record's best link above a match probability of 0.9. Each is
scored against ``ground_truth/pencocokan.csv`` and timed.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

import polars as pl

from bakat.domain.policy import load_policy
from bakat.engine.reconcile.matching import KOLOM_SISA, cocokkan_fuzzy, sisa
from bakat.engine.reconcile.prepare import siapkan
from bakat.io.readers import read_folder

OUT = Path(__file__).resolve().parent / "out"
AMBANG_SPLINK = 0.9


def _sisa(folder: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    tabel = read_folder(folder, tables=("pegawai", "siasn"), required=("pegawai", "siasn"))
    lokal = siapkan(tabel["pegawai"].frame, ())
    registri = siapkan(tabel["siasn"].frame, ())
    kiri, kanan = sisa(lokal, registri)
    a, b = pl.collect_all([kiri.select(KOLOM_SISA), kanan.select(KOLOM_SISA)])
    return a, b


def _nilai(nama: str, pasangan: pl.DataFrame, benar: pl.DataFrame, detik: float) -> None:
    kunci = ["nip", "nip_siasn"]
    tp = pasangan.join(benar, on=kunci, how="semi", nulls_equal=True).height
    presisi = tp / pasangan.height if pasangan.height else 1.0
    recall = tp / benar.height if benar.height else 1.0
    print(f"{nama:<8} {detik:8.2f} s  presisi {presisi:.4f}  recall {recall:.4f}  "
          f"({tp} benar dari {pasangan.height}; {benar.height} di ground truth)")  # fmt: skip


def _splink(lokal: pl.DataFrame, siasn: pl.DataFrame) -> pl.DataFrame:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    def siap(df: pl.DataFrame, sumber: str) -> Any:
        return (
            df.select(
                pl.col("_id").alias("unique_id"),
                pl.col("nip").fill_null(""),
                pl.col("nama").str.to_uppercase(),
                pl.col("tanggal_lahir").cast(pl.String),
                "jenis_kelamin",
            )
            .with_columns(source_dataset=pl.lit(sumber))
            .to_pandas()
        )

    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[block_on("tanggal_lahir")],
        comparisons=[
            cl.JaroWinklerAtThresholds("nama", [0.95, 0.88]),
            cl.ExactMatch("tanggal_lahir"),
            cl.ExactMatch("jenis_kelamin"),
            cl.LevenshteinAtThresholds("nip", [1, 2]),
        ],
    )
    linker = Linker([siap(lokal, "lokal"), siap(siasn, "siasn")], settings, db_api=DuckDBAPI())
    linker.training.estimate_u_using_random_sampling(max_pairs=1_000_000, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("tanggal_lahir"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("nama"))
    hasil = pl.from_pandas(
        linker.inference.predict(threshold_match_probability=AMBANG_SPLINK).as_pandas_dataframe()
    )
    kiri = hasil.filter(pl.col("source_dataset_l") == "lokal")
    pasangan = pl.concat(
        [
            kiri.select(pl.col("unique_id_l").alias("_id"), pl.col("unique_id_r").alias("_ids"),
                        "match_probability"),
            hasil.filter(pl.col("source_dataset_l") != "lokal").select(
                pl.col("unique_id_r").alias("_id"), pl.col("unique_id_l").alias("_ids"),
                "match_probability"),
        ]
    ).sort("match_probability", descending=True)  # fmt: skip
    dipakai_l: set[int] = set()
    dipakai_s: set[int] = set()
    pilih = []
    for i, j, _ in pasangan.iter_rows():
        if i not in dipakai_l and j not in dipakai_s:
            dipakai_l.add(i)
            dipakai_s.add(j)
            pilih.append((i, j))
    terpilih = pl.DataFrame(pilih, schema={"_id": pl.Int64, "_ids": pl.Int64}, orient="row")
    return terpilih.join(lokal.select("_id", "nip"), on="_id").join(
        siasn.select(pl.col("_id").alias("_ids"), pl.col("nip").alias("nip_siasn")), on="_ids"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("folder", nargs="?", type=Path)
    p.add_argument("--pegawai", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=17)
    a = p.parse_args(argv)
    if importlib.util.find_spec("splink") is None:
        print("Perbandingan ini memerlukan Splink: pip install splink "
              "/ this comparison needs Splink: pip install splink")  # fmt: skip
        return 0
    folder = a.folder
    if folder is None:
        from bakat.synth.config import KonfigurasiSintesis
        from bakat.synth.generate import generate

        folder = OUT / f"splink-{a.pegawai}-{a.seed}"
        if not (folder / "ground_truth").exists():
            generate(folder, KonfigurasiSintesis(pegawai=a.pegawai, seed=a.seed), force=True)
    benar = pl.read_csv(folder / "ground_truth" / "pencocokan.csv", infer_schema=False)
    lokal, siasn = _sisa(folder)
    print(f"{folder}: sisa lokal {lokal.height}, sisa SIASN {siasn.height} / leftovers")
    mulai = time.perf_counter()
    kandidat = cocokkan_fuzzy(lokal, siasn, load_policy("nasional-2025").rekonsiliasi)
    _nilai("bakat", kandidat.filter("diterima"), benar, time.perf_counter() - mulai)
    mulai = time.perf_counter()
    pasangan = _splink(lokal, siasn)
    _nilai("splink", pasangan, benar, time.perf_counter() - mulai)
    return 0


if __name__ == "__main__":
    sys.exit(main())
