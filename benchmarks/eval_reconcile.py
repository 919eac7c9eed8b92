"""Reconciliation against the generator's ground truth: precision and recall.

    .venv/bin/python benchmarks/eval_reconcile.py [FOLDER] [--pegawai N] [--seed S]
        [--instansi K] [--policy POLICY] [--kanonik DIR]

Without FOLDER, a synthetic agency is generated (cached under benchmarks/out/). The run is
scored twice: on disparities, the rows of ``rekonsiliasi.csv`` compared by (nip,
nip_siasn, status, kolom) with ``ground_truth/disparitas.csv``; and on fuzzy matches,
the accepted pairs compared by (nip, nip_siasn) with ``ground_truth/pencocokan.csv``.
The target is at least 0.995 for each figure; every miss is listed. Exit status 1 when
a figure is below target. ``--kanonik DIR``: read the canonical Parquet frames that
``benchmarks/bench_reconcile.py`` caches for FOLDER (``pegawai.parquet``,
``siasn.parquet``, ``kolom.json``) instead of reading FOLDER with bakat.io: the same
records, without the cost of reading the national files again.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import polars as pl

from bakat.cli.reconcile import kolom_bersama
from bakat.domain.policy import PRESET_BAKU, load_policy
from bakat.engine.reconcile.job import run_reconcile
from bakat.io.readers import read_folder

TARGET = 0.995
KUNCI_BEDA = ["nip", "nip_siasn", "status", "kolom"]
KUNCI_PASANGAN = ["nip", "nip_siasn"]
OUT = Path(__file__).resolve().parent / "out"


def _generate(pegawai: int, seed: int, instansi: int) -> Path:
    from bakat.synth.config import KonfigurasiSintesis
    from bakat.synth.generate import generate

    folder = OUT / f"eval-rekonsiliasi-{pegawai}-{instansi}-{seed}"
    if not (folder / "ground_truth" / "disparitas.csv").exists():
        print(f"membuat data sintetis / generating {folder} ...", flush=True)
        konfigurasi = KonfigurasiSintesis(pegawai=pegawai, seed=seed, instansi=instansi)
        generate(folder, konfigurasi, force=True)
    return folder


def _skor(nama: str, hasil: pl.DataFrame, benar: pl.DataFrame, kunci: list[str]) -> bool:
    hasil = hasil.select(kunci).unique()
    benar = benar.select(kunci).unique()
    tp = hasil.join(benar, on=kunci, how="semi", nulls_equal=True).height
    presisi = tp / hasil.height if hasil.height else 1.0
    recall = tp / benar.height if benar.height else 1.0
    ok = presisi >= TARGET and recall >= TARGET
    status = "OK" if ok else "DI BAWAH TARGET / BELOW TARGET"
    print(
        f"{nama}: presisi / precision {presisi:.4f} ({tp}/{hasil.height}), "
        f"recall {recall:.4f} ({tp}/{benar.height}) -> {status}"
    )
    return ok


def _selisih(judul: str, kiri: pl.DataFrame, kanan: pl.DataFrame, kunci: list[str]) -> None:
    beda = kiri.join(kanan.select(kunci).unique(), on=kunci, how="anti", nulls_equal=True)
    if beda.height:
        print(f"  {judul} ({beda.height}):")
        with pl.Config(tbl_rows=40, tbl_width_chars=200, fmt_str_lengths=40):
            print(beda.head(40))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("folder", nargs="?", type=Path)
    p.add_argument("--pegawai", type=int, default=3414)
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--instansi", type=int, default=1)
    p.add_argument("--policy", default=PRESET_BAKU)
    p.add_argument("--kanonik", type=Path, help="canonical frames cached by bench_reconcile")
    a = p.parse_args(argv)
    folder = a.folder or _generate(a.pegawai, a.seed, a.instansi)
    if a.kanonik:
        pegawai = pl.scan_parquet(a.kanonik / "pegawai.parquet")
        siasn = pl.scan_parquet(a.kanonik / "siasn.parquet")
        kolom = json.loads((a.kanonik / "kolom.json").read_text())
    else:
        tabel = read_folder(folder, tables=("pegawai", "siasn"), required=("pegawai", "siasn"))
        pegawai, siasn = tabel["pegawai"].frame, tabel["siasn"].frame
        kolom = kolom_bersama(tabel["pegawai"].headers, tabel["siasn"].headers)
    mulai = time.perf_counter()
    hasil = run_reconcile(pegawai, siasn, policy=load_policy(a.policy), kolom=kolom)
    print(f"{folder}: rekonsiliasi {time.perf_counter() - mulai:.2f} s; {hasil.statistik}")
    gt = folder / "ground_truth"
    benar = pl.read_csv(gt / "disparitas.csv", infer_schema=False)
    pasangan_benar = pl.read_csv(gt / "pencocokan.csv", infer_schema=False)
    baris = hasil.rekonsiliasi
    pasangan = hasil.pencocokan.filter("diterima").select(KUNCI_PASANGAN)
    ok = _skor("disparitas", baris, benar, KUNCI_BEDA)
    _selisih("dilaporkan, tidak ada di ground truth / false positives", baris, benar, KUNCI_BEDA)
    _selisih("ada di ground truth, tidak dilaporkan / misses", benar, baris, KUNCI_BEDA)
    ok &= _skor("pencocokan fuzzy / fuzzy matches", pasangan, pasangan_benar, KUNCI_PASANGAN)
    _selisih("pasangan salah / wrong pairs", hasil.pencocokan.filter("diterima"),
             pasangan_benar, KUNCI_PASANGAN)  # fmt: skip
    _selisih("pasangan terlewat / missed pairs", pasangan_benar, pasangan, KUNCI_PASANGAN)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
