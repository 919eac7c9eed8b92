"""bakat's reconciliation against Splink (probabilistic record linkage), side by side.

    .venv/bin/python benchmarks/bench_reconcile_splink.py [FOLDER] [--pegawai N] [--seed S]
        [--instansi K]

Splink (5.x, DuckDB backend) is not a dependency of bakat; this comparison needs
``pip install splink duckdb`` (a benchmark-only extra). Without it the script says so
and exits 0.

The problem: one generated case (default 200,000 people in 20 agencies, ``bakat
generate``): link every local record (``pegawai``) to its registry record (``siasn``).
Both tables are read once with bakat.io before either clock starts; each method gets
the same canonical records.

- **bakat**: :func:`bakat.engine.reconcile.job.run_reconcile` under ``nasional-2025``,
  timed whole (the exact NIP stage, the fuzzy stage *and* the field-by-field comparison
  that Splink does not do). Its links: the pairs with the same NIP key and the accepted
  fuzzy pairs.
- **Splink**: a Fellegi-Sunter model over the same normalised keys (NIP, name without
  titles, birth date, sex, NIK): the prior from the same-NIP rule (recall 0.99), u by
  random sampling (10 million pairs), m by expectation maximisation on two blocking
  rules (same NIP; same birth date); predictions from the blocks same NIP, same birth
  date, same NIK; then each record's best link, one to one, best first (as bakat does).
  Timed from registering the tables to the one-to-one links. Its threshold is the one
  that gives Splink its **best F1** against the ground truth (an oracle: the most
  favourable choice for Splink); the usual 0.9 match probability is shown too.

Truth (the generator's ground truth): the pairs with the same NIP (white space and a
leading apostrophe ignored) plus ``ground_truth/pencocokan.csv`` (the same person under
different NIPs). ``ground_truth/bukan_pasangan.csv`` lists look-alike pairs of different
people: a method that links them loses precision. Precision, recall and F1 are over
links (nip, nip_siasn): all links, and the hard ones (truth pairs whose NIPs differ, and
predicted links whose NIPs differ).
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from bakat.cli.reconcile import kolom_bersama
from bakat.domain.policy import load_policy
from bakat.engine.reconcile.job import run_reconcile
from bakat.engine.reconcile.matching import kunci_nip
from bakat.engine.reconcile.normalise import enum_kunci, id_kunci, nama_kunci
from bakat.io.readers import read_folder

OUT = Path(__file__).resolve().parent / "out"
KUNCI = ["nip", "nip_siasn"]
AMBANG_BAKU = 0.9
RASIO_TARGET = 10.0


@dataclass(frozen=True)
class Nilai:
    """Precision, recall and F1 of a set of links."""

    tp: int
    ditemukan: int
    benar: int

    @property
    def presisi(self) -> float:
        return self.tp / self.ditemukan if self.ditemukan else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.benar if self.benar else 1.0

    @property
    def f1(self) -> float:
        p, r = self.presisi, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _nilai(pasangan: pl.DataFrame, benar: pl.DataFrame) -> tuple[Nilai, Nilai]:
    """Scores over all links and over the hard ones (different NIPs)."""
    pasangan = pasangan.select(KUNCI).unique()
    beda = pl.col("nip").ne_missing(pl.col("nip_siasn"))
    hasil = []
    for p, b in ((pasangan, benar), (pasangan.filter(beda), benar.filter(beda))):
        tp = p.join(b, on=KUNCI, how="semi", nulls_equal=True).height
        hasil.append(Nilai(tp, p.height, b.height))
    return hasil[0], hasil[1]


def _kebenaran(folder: Path, lokal: pl.DataFrame, siasn: pl.DataFrame) -> pl.DataFrame:
    gt = folder / "ground_truth"
    fuzzy = pl.read_csv(gt / "pencocokan.csv", schema={"nip": pl.String, "nip_siasn": pl.String})
    kunci = kunci_nip(pl.col("nip")).alias("_k")
    sama = lokal.select("nip", kunci).join(
        siasn.select(pl.col("nip").alias("nip_siasn"), kunci), on="_k"
    )
    return pl.concat([sama.select(KUNCI), fuzzy]).unique()


def _bakat(lokal: pl.DataFrame, siasn: pl.DataFrame, kolom: list[str]) -> pl.DataFrame:
    hasil = run_reconcile(
        lokal.lazy(), siasn.lazy(), policy=load_policy("nasional-2025"), kolom=kolom
    )
    kunci = kunci_nip(pl.col("nip")).alias("_k")
    sama = lokal.select("nip", kunci).join(
        siasn.select(pl.col("nip").alias("nip_siasn"), kunci), on="_k"
    )
    fuzzy = hasil.pencocokan.filter("diterima").select(KUNCI)
    return pl.concat([sama.select(KUNCI), fuzzy])


def _masukan(df: pl.DataFrame) -> Any:
    """The records as Splink sees them: bakat's normalised keys, as an Arrow table."""
    return df.select(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("unique_id"),
        kunci_nip(pl.col("nip")).alias("nip"),
        nama_kunci(pl.col("nama")).alias("nama"),
        pl.col("tanggal_lahir").cast(pl.String),
        enum_kunci(pl.col("jenis_kelamin"), "jenis_kelamin").alias("jenis_kelamin"),
        id_kunci(pl.col("nik")).alias("nik"),
    ).to_arrow()


def _splink(lokal: pl.DataFrame, siasn: pl.DataFrame) -> pl.DataFrame:
    """Splink's one-to-one links, best first, with their match probability (the time of
    each phase is printed)."""
    jam = [time.perf_counter()]

    def tahap(nama: str) -> None:
        jam.append(time.perf_counter())
        print(f"  splink {nama}: {jam[-1] - jam[-2]:.1f} s", flush=True)

    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    db = DuckDBAPI()
    kiri = db.register(_masukan(lokal), dataset_display_name="lokal")
    kanan = db.register(_masukan(siasn), dataset_display_name="siasn")
    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[
            block_on("nip"),
            block_on("tanggal_lahir"),
            block_on("nik"),
        ],
        comparisons=[
            cl.DamerauLevenshteinAtThresholds("nip", [1, 2]),
            cl.JaroWinklerAtThresholds("nama", [0.95, 0.88]),
            cl.DateOfBirthComparison("tanggal_lahir", input_is_string=True),
            cl.ExactMatch("jenis_kelamin"),
            cl.DamerauLevenshteinAtThresholds("nik", [1, 2]),
        ],
        retain_matching_columns=False,
    )
    linker = Linker([kiri, kanan], settings, log_level=logging.WARNING)
    tahap("register")
    linker.training.estimate_probability_two_random_records_match([block_on("nip")], recall=0.99)
    tahap("prior")
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    tahap("u (random sampling)")
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("nip"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("tanggal_lahir"))
    tahap("m (EM)")
    prediksi = pl.from_arrow(
        linker.inference.predict(threshold_match_probability=0.01).as_pyarrow_table()
    )
    tahap(f"predict ({prediksi.height:,} pairs, p >= 0.01)")
    assert isinstance(prediksi, pl.DataFrame)
    dari_lokal = pl.col("source_dataset_l") == "lokal"
    pasangan = prediksi.select(
        pl.when(dari_lokal).then("unique_id_l").otherwise("unique_id_r").alias("_id"),
        pl.when(dari_lokal).then("unique_id_r").otherwise("unique_id_l").alias("_id_s"),
        "match_probability",
    ).sort(["match_probability", "_id", "_id_s"], descending=[True, False, False])
    dipakai_l: set[int] = set()
    dipakai_s: set[int] = set()
    pilih: list[tuple[int, int, float]] = []
    for i, j, p in pasangan.iter_rows():
        if i not in dipakai_l and j not in dipakai_s:
            dipakai_l.add(i)
            dipakai_s.add(j)
            pilih.append((i, j, p))
    terpilih = pl.DataFrame(
        pilih, schema={"_id": pl.Int64, "_id_s": pl.Int64, "p": pl.Float64}, orient="row"
    )
    tahap("one to one")
    return terpilih.with_columns(
        nip=lokal["nip"].gather(terpilih["_id"]), nip_siasn=siasn["nip"].gather(terpilih["_id_s"])
    )


def _ambang_terbaik(links: pl.DataFrame, benar: pl.DataFrame) -> tuple[float, Nilai]:
    """The match-probability threshold with Splink's best F1 over all links. The greedy
    one-to-one assignment at threshold t is the prefix (probability >= t) of the
    assignment at a lower threshold, so one pass over the sorted links scores them all."""
    tanda = links.join(
        benar.with_columns(_tp=pl.lit(1)), on=KUNCI, how="left", nulls_equal=True
    ).sort("p", descending=True)
    tp = tanda["_tp"].fill_null(0).cum_sum().to_list()
    p = tanda["p"].to_list()
    terbaik = (0.0, 1.0, Nilai(0, 0, benar.height))
    for k in range(len(p)):
        if k + 1 < len(p) and p[k + 1] == p[k]:
            continue  # a threshold keeps every link of equal probability
        n = Nilai(tp[k], k + 1, benar.height)
        if n.f1 > terbaik[0]:
            terbaik = (n.f1, p[k], n)
    return terbaik[1], terbaik[2]


def _cpu() -> float:
    """CPU time of this process, all threads (DuckDB's and polars' included)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _baris(nama: str, detik: float, cpu: float, semua: Nilai, sulit: Nilai) -> str:
    return (
        f"{nama:<26} {detik:8.2f} {cpu:8.2f} {semua.presisi:8.5f} {semua.recall:8.5f}"
        f" {semua.f1:8.5f} {sulit.presisi:8.5f} {sulit.recall:8.5f} {sulit.f1:8.5f}"
        f" {semua.ditemukan:>8,}"
    )


def _generate(pegawai: int, seed: int, instansi: int) -> Path:
    from bakat.synth.config import Format, KonfigurasiSintesis
    from bakat.synth.generate import generate

    folder = OUT / f"splink-{pegawai}-{instansi}-{seed}"
    if not (folder / "ground_truth" / "pencocokan.csv").exists():
        print(f"membuat data / generating {folder} ...", flush=True)
        k = KonfigurasiSintesis(
            pegawai=pegawai, seed=seed, instansi=instansi, format=Format.PARQUET
        )
        generate(folder, k, force=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("folder", nargs="?", type=Path)
    p.add_argument("--pegawai", type=int, default=200_000)
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--instansi", type=int, default=20)
    a = p.parse_args(argv)
    if importlib.util.find_spec("splink") is None:
        print("Perbandingan ini memerlukan Splink: pip install splink duckdb "
              "/ this comparison needs Splink: pip install splink duckdb")  # fmt: skip
        return 0
    folder = a.folder or _generate(a.pegawai, a.seed, a.instansi)
    tabel = read_folder(folder, tables=("pegawai", "siasn"), required=("pegawai", "siasn"))
    kolom = kolom_bersama(tabel["pegawai"].headers, tabel["siasn"].headers)
    lokal, siasn = pl.collect_all([tabel["pegawai"].frame, tabel["siasn"].frame])
    benar = _kebenaran(folder, lokal, siasn)
    sulit = benar.filter(pl.col("nip") != pl.col("nip_siasn")).height
    print(
        f"{folder}: pegawai {lokal.height:,}, siasn {siasn.height:,}; "
        f"pasangan benar / true links {benar.height:,} (NIP berbeda / different NIPs {sulit:,})"
    )

    mulai, cpu = time.perf_counter(), _cpu()
    ours = _bakat(lokal, siasn, kolom)
    t_bakat, c_bakat = time.perf_counter() - mulai, _cpu() - cpu
    n_bakat = _nilai(ours, benar)

    mulai, cpu = time.perf_counter(), _cpu()
    links = _splink(lokal, siasn)
    t_splink, c_splink = time.perf_counter() - mulai, _cpu() - cpu
    ambang, _ = _ambang_terbaik(links, benar)
    n_terbaik = _nilai(links.filter(pl.col("p") >= ambang), benar)
    n_baku = _nilai(links.filter(pl.col("p") >= AMBANG_BAKU), benar)

    judul = (
        f"{'metode / method':<26} {'wall s':>8} {'CPU s':>8} {'P semua':>8} {'R semua':>8}"
        f" {'F1 semua':>8} {'P sulit':>8} {'R sulit':>8} {'F1 sulit':>8} {'tautan':>8}"
    )
    print(judul)
    print("-" * len(judul))
    print(_baris("bakat (nasional-2025)", t_bakat, c_bakat, *n_bakat))
    print(_baris(f"splink p>={ambang:.4f} (F1 max)", t_splink, c_splink, *n_terbaik))
    print(_baris(f"splink p>={AMBANG_BAKU}", t_splink, c_splink, *n_baku))
    rasio, rasio_cpu = t_splink / t_bakat, c_splink / c_bakat
    f1_ok = n_bakat[0].f1 >= n_terbaik[0].f1 and n_bakat[1].f1 >= n_terbaik[1].f1
    print(
        f"rasio splink/bakat / ratio: wall {rasio:.1f}x, CPU {rasio_cpu:.1f}x "
        f"(target >= {RASIO_TARGET:g}x); F1 bakat >= F1 splink terbaik (semua & sulit / "
        f"all & hard, best Splink threshold): {f1_ok}"
    )
    mirip = pl.read_csv(folder / "ground_truth" / "bukan_pasangan.csv", infer_schema=False).select(
        KUNCI
    )
    for nama, links_ in (("bakat", ours), ("splink F1 max", links.filter(pl.col("p") >= ambang))):
        salah = links_.select(KUNCI).join(benar, on=KUNCI, how="anti", nulls_equal=True)
        di_mirip = salah.join(mirip, on=KUNCI, how="semi", nulls_equal=True).height
        print(
            f"{nama}: tautan salah / false links {salah.height}, di antaranya pasangan mirip "
            f"(bukan_pasangan.csv) / of which look-alikes {di_mirip}"
        )
    print(
        "semua = all links; sulit = hard links (NIP berbeda / different NIPs); "
        "waktu bakat = seluruh rekonsiliasi, termasuk perbandingan kolom / whole run"
    )
    return 0 if min(rasio, rasio_cpu) >= RASIO_TARGET and f1_ok else 1


if __name__ == "__main__":
    sys.exit(main())
