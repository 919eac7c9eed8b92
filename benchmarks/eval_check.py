"""Evaluate ``bakat check`` against the synthetic agency's ground truth.

Generates a demo agency (or takes ``--data DIR`` holding ``ground_truth/kesalahan.csv``),
runs the check, and prints per error kind (``aturan`` in kesalahan.csv):

- recall: the share of ground-truth (nip, aturan) pairs that have a finding with the same
  NIP and rule id (misses on inactive records are counted apart: V34 checks active
  employees only, the ground truth lists everyone);
- precision: the share of the rule's error- and warning-level findings whose (nip,
  aturan) pair is in the ground truth. False positives are split into "side effects"
  (the NIP carries another ground-truth error, which the rule legitimately sees) and
  findings on clean records;

and "no error-level finding on a clean record" (a clean record is a NIP with no row in
kesalahan.csv). V34 (20 JP) is compared for the last full calendar year only: the rule
checks that year, the ground truth lists earlier years too.

    .venv/bin/python benchmarks/eval_check.py [--data DIR] [--pegawai N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

import polars as pl

from bakat.engine.quality import CheckInput, run_check
from bakat.io.readers import read_folder
from bakat.synth.config import KonfigurasiSintesis
from bakat.synth.generate import generate

OUT = Path(__file__).resolve().parent / "out"
TABLES = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "relasi")
TARGET = 0.99


def _data(args: argparse.Namespace) -> Path:
    if args.data is not None:
        return Path(args.data)
    folder = OUT / f"eval-{args.pegawai}-{args.seed}"
    if not (folder / "ground_truth" / "kesalahan.csv").exists():
        config = KonfigurasiSintesis(pegawai=args.pegawai, seed=args.seed)
        generate(folder, config, force=True)
    return folder


def _truth(folder: Path, as_of: date) -> pl.DataFrame:
    gt = pl.read_csv(folder / "ground_truth" / "kesalahan.csv", infer_schema=False)
    last_year = f"tahun {as_of.year - 1}"
    v34_other = (pl.col("aturan") == "V34") & (pl.col("keterangan") != last_year)
    dropped = gt.filter(v34_other).height
    if dropped:
        print(f"V34: {dropped} baris kebenaran untuk tahun selain {as_of.year - 1} tidak dinilai")
    return gt.filter(~v34_other)


def evaluate(folder: Path, as_of: date | None = None) -> dict[str, object]:
    """Run the check on ``folder`` and compare with its ground truth."""
    if as_of is None:
        ringkasan = json.loads((folder / "ground_truth" / "ringkasan.json").read_text())
        as_of = date.fromisoformat(ringkasan["as_of"])
    loaded = read_folder(folder, tables=TABLES)
    tables = {
        name: CheckInput(item.frame, item.masalah, frozenset(item.headers))
        for name, item in loaded.items()
    }
    start = time.perf_counter()
    result = run_check(tables, as_of=as_of)
    seconds = time.perf_counter() - start
    truth = _truth(folder, as_of)
    pegawai = loaded["pegawai"].frame.select("nip", "status_aktif").collect()
    tidak_aktif = set(pegawai.filter(~pl.col("status_aktif")).get_column("nip").to_list())
    pairs_truth = truth.select("nip", "aturan").unique()
    found = (
        result.temuan.filter(pl.col("tingkat").is_in(["error", "warning"]))
        .select("nip", "aturan", "nama_aturan")
        .unique()
    )
    rows = []
    for (aturan,), part in pairs_truth.group_by(["aturan"], maintain_order=True):
        truth_nips = set(part.get_column("nip").to_list())
        found_nips = set(found.filter(pl.col("aturan") == aturan).get_column("nip").to_list())
        hit = truth_nips & found_nips
        false_pos = found_nips - truth_nips
        other = set(truth.filter(pl.col("aturan") != aturan).get_column("nip").to_list())
        rows.append(
            {
                "aturan": aturan,
                "kebenaran": len(truth_nips),
                "temuan": len(found_nips),
                "cocok": len(hit),
                "recall": len(hit) / len(truth_nips) if truth_nips else None,
                "recall_aktif": (
                    len(hit - tidak_aktif) / len(truth_nips - tidak_aktif)
                    if truth_nips - tidak_aktif
                    else None
                ),
                "presisi": len(hit) / len(found_nips) if found_nips else None,
                "fp_efek_samping": len(false_pos & other),
                "fp_bersih": len(false_pos - other),
                "presisi_tanpa_efek_samping": (
                    len(hit) / (len(found_nips) - len(false_pos & other))
                    if len(found_nips) - len(false_pos & other)
                    else None
                ),
                "terlewat_tidak_aktif": len((truth_nips - found_nips) & tidak_aktif),
                "terlewat": sorted(truth_nips - found_nips - tidak_aktif),
                "fp_contoh": sorted(false_pos)[:5],
                "fp_efek_samping_contoh": sorted(false_pos & other)[:5],
            }
        )
    report = pl.DataFrame(rows).sort("aturan")
    dirty = set(truth.get_column("nip").to_list())
    clean_errors = result.temuan.filter(
        (pl.col("tingkat") == "error")
        & ~pl.col("nip").is_in(list(dirty))
        & pl.col("nip").is_in(pegawai.get_column("nip").implode())
    )
    return {
        "as_of": as_of,
        "seconds": seconds,
        "report": report,
        "clean_errors": clean_errors,
        "records": pegawai.height,
        "clean_records": pegawai.filter(~pl.col("nip").is_in(list(dirty))).height,
        "truth": truth,
        "result": result,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="existing data folder with ground_truth/")
    parser.add_argument("--pegawai", type=int, default=3414)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    folder = _data(args)
    hasil = evaluate(folder)
    report = hasil["report"]
    assert isinstance(report, pl.DataFrame)
    clean_errors = hasil["clean_errors"]
    assert isinstance(clean_errors, pl.DataFrame)
    truth = hasil["truth"]
    assert isinstance(truth, pl.DataFrame)
    print(f"data: {folder} (as-of {hasil['as_of']}), check {hasil['seconds']:.2f} s")
    with pl.Config(tbl_rows=100, tbl_width_chars=200, fmt_str_lengths=60, tbl_cols=12):
        print(
            report.select(
                "aturan",
                "kebenaran",
                "temuan",
                "cocok",
                pl.col("recall").round(4),
                pl.col("recall_aktif").round(4),
                pl.col("presisi").round(4),
                "fp_efek_samping",
                "fp_bersih",
                pl.col("presisi_tanpa_efek_samping").round(4),
                "terlewat_tidak_aktif",
            )
        )
        for row in report.iter_rows(named=True):
            if row["terlewat"]:
                print(f"{row['aturan']}: terlewat {row['terlewat'][:10]}")
            if row["fp_bersih"]:
                print(f"{row['aturan']}: temuan pada rekaman bersih, contoh {row['fp_contoh']}")
            if row["fp_efek_samping"]:
                contoh = row["fp_efek_samping_contoh"]
                lain = (
                    truth.filter(pl.col("nip").is_in(contoh) & (pl.col("aturan") != row["aturan"]))
                    .group_by("aturan")
                    .agg(pl.len().alias("n"))
                    .sort("aturan")
                    .rows()
                )
                print(f"{row['aturan']}: efek samping galat lain {lain}, contoh {contoh}")
    print(
        f"rekaman bersih: {hasil['clean_records']} dari {hasil['records']}; temuan error pada "
        f"rekaman bersih: {clean_errors.height}"
    )
    if clean_errors.height:
        print(clean_errors.select("nip", "nama_aturan", "nilai", "pesan").head(20))
    recall_ok = report.get_column("recall_aktif").min()
    precision_ok = report.get_column("presisi_tanpa_efek_samping").min()
    lulus = (
        recall_ok is not None
        and precision_ok is not None
        and float(recall_ok) >= TARGET  # type: ignore[arg-type]
        and float(precision_ok) >= TARGET  # type: ignore[arg-type]
        and clean_errors.height == 0
    )
    print(
        f"target recall (rekaman aktif) dan presisi (tanpa efek samping) >= {TARGET}: "
        f"{'tercapai' if lulus else 'belum'}"
    )
    return 0 if lulus else 1


if __name__ == "__main__":
    sys.exit(main())
