"""Reconciliation at national scale: 5.6 million records on each side, from Parquet.

    .venv/bin/python benchmarks/bench_reconcile.py [FOLDER] [--pegawai N] [--instansi K]
        [--cli]

Without FOLDER, the national case is generated once (``bakat generate`` settings
``--pegawai 5600000 --instansi 600``, Parquet) and cached under benchmarks/out/. The
canonical frames are read once with bakat.io and cached as Parquet beside it, so that
the timed run measures reconciliation itself: a fresh process scans the canonical
Parquet files, runs :func:`bakat.engine.reconcile.job.run_reconcile` and writes the four
CSV files. Budget: 20 s and 12 GiB peak resident memory. The CPU time and the load
average are printed too: on a shared machine the wall time says little on its own.

Baseline, in the same process right after the run (so under the same machine load):
reading the same columns of both Parquet files into memory and nothing else, the floor
of any reconciliation from these files. The ratio run / baseline says how much the
matching, comparing and writing add to the unavoidable read. With ``--cli`` the whole
``bakat reconcile`` command (reading the raw files included) is timed as well.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from bakat.cli.reconcile import kolom_bersama

BUDGET_S = 20.0
BUDGET_GIB = 12.0
OUT = Path(__file__).resolve().parent / "out"


def _python(kode: str, *args: str) -> str:
    hasil = subprocess.run(
        [sys.executable, "-c", kode, *args], capture_output=True, text=True, check=False
    )
    if hasil.returncode != 0:
        sys.stderr.write(hasil.stdout + hasil.stderr)
        raise SystemExit(hasil.returncode)
    return hasil.stdout


_GENERATE = """
import sys
from pathlib import Path
from bakat.synth.config import Format, KonfigurasiSintesis
from bakat.synth.generate import generate
k = KonfigurasiSintesis(pegawai=int(sys.argv[2]), instansi=int(sys.argv[3]), format=Format.PARQUET)
generate(Path(sys.argv[1]), k, force=True)
"""

_CANONICAL = """
import json, sys
from pathlib import Path
from bakat.io.readers import read_table
sumber, tujuan, nama = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
tujuan.mkdir(parents=True, exist_ok=True)
t = read_table(sumber, nama)
t.frame.drop("_baris").sink_parquet(tujuan / f"{nama}.parquet")
(tujuan / f"{nama}.headers.json").write_text(json.dumps(dict(t.headers)))
"""

_RUN = """
import json, os, resource, sys, time
from pathlib import Path
import polars as pl
from bakat.cli.reconcile import BERKAS
from bakat.domain.policy import load_policy
from bakat.engine.reconcile.job import run_reconcile
from bakat.io.writers import write_csv
sumber, keluar = Path(sys.argv[1]), Path(sys.argv[2])
kolom = json.loads((sumber / "kolom.json").read_text())
mulai = time.perf_counter()
hasil = run_reconcile(pl.scan_parquet(sumber / "pegawai.parquet"),
                      pl.scan_parquet(sumber / "siasn.parquet"),
                      policy=load_policy("nasional-2025"), kolom=kolom)
engine = time.perf_counter() - mulai
keluar.mkdir(parents=True, exist_ok=True)
for nama, berkas in BERKAS.items():
    write_csv(getattr(hasil, nama), keluar / berkas)
total = time.perf_counter() - mulai
ru = resource.getrusage(resource.RUSAGE_SELF)
s = hasil.statistik
baris = hasil.rekonsiliasi.height
del hasil
# Baseline: the same columns of both files read into memory, nothing else.
from bakat.engine.reconcile.prepare import siapkan
awal = time.perf_counter()
cpu_awal = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
dasar = pl.collect_all([siapkan(pl.scan_parquet(sumber / f"{n}.parquet"), kolom)
                        for n in ("pegawai", "siasn")])
baseline = time.perf_counter() - awal
cpu_baseline = sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) - cpu_awal
print(json.dumps({"engine_s": engine, "total_s": total, "cpu_s": ru.ru_utime + ru.ru_stime,
                  "load": os.getloadavg()[0], "baseline_s": baseline,
                  "cpu_baseline_s": cpu_baseline,
                  "peak_gib": ru.ru_maxrss / 2**20,
                  "baris": baris, "lokal": s.lokal, "siasn": s.siasn,
                  "cocok_fuzzy": s.cocok_fuzzy, "hanya_lokal": s.hanya_lokal,
                  "hanya_siasn": s.hanya_siasn}))
"""


def _rasio(nilai: float, anggaran: float, satuan: str) -> str:
    return f"{nilai:.2f} {satuan} / {anggaran:g} {satuan} = {nilai / anggaran:.2f}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("folder", nargs="?", type=Path)
    p.add_argument("--pegawai", type=int, default=5_600_000)
    p.add_argument("--instansi", type=int, default=600)
    p.add_argument("--cli", action="store_true", help="also time the whole command")
    a = p.parse_args(argv)
    folder = a.folder or OUT / f"rekonsiliasi-{a.pegawai}-{a.instansi}"
    if not (folder / "ground_truth").exists():
        print(f"membuat data / generating {folder} (sekali / once) ...", flush=True)
        _python(_GENERATE, str(folder), str(a.pegawai), str(a.instansi))
    kanonik = OUT / f"{folder.name}-kanonik"
    if not (kanonik / "kolom.json").exists():
        for nama in ("pegawai", "siasn"):  # one process each: reading is the memory peak
            print(f"membaca / reading {nama} (bakat.io) -> {kanonik} ...", flush=True)
            mulai = time.perf_counter()
            _python(_CANONICAL, str(folder), str(kanonik), nama)
            print(f"  bakat.io {nama}: {time.perf_counter() - mulai:.1f} s", flush=True)
        h = [json.loads((kanonik / f"{n}.headers.json").read_text()) for n in ("pegawai", "siasn")]
        (kanonik / "kolom.json").write_text(json.dumps(kolom_bersama(h[0], h[1])))
    hasil = json.loads(_python(_RUN, str(kanonik), str(OUT / f"{folder.name}-hasil")))
    print(
        f"pegawai {hasil['lokal']:,}, siasn {hasil['siasn']:,}: {hasil['baris']:,} baris; "
        f"cocok_fuzzy {hasil['cocok_fuzzy']:,}, hanya_lokal {hasil['hanya_lokal']:,}, "
        f"hanya_siasn {hasil['hanya_siasn']:,}"
    )
    print(f"mesin / engine: {hasil['engine_s']:.2f} s (CPU {hasil['cpu_s']:.1f} s, "
          f"beban mesin / load average {hasil['load']:.1f})")  # fmt: skip
    print(f"waktu / time (engine + CSV): {_rasio(hasil['total_s'], BUDGET_S, 's')}")
    print(f"memori puncak / peak memory: {_rasio(hasil['peak_gib'], BUDGET_GIB, 'GiB')}")
    rasio = hasil["total_s"] / hasil["baseline_s"]
    print(
        "baseline (membaca kolom yang sama saja / reading the same columns only): "
        f"{hasil['baseline_s']:.2f} s (CPU {hasil['cpu_baseline_s']:.1f} s); "
        f"rasio / ratio run / baseline = {rasio:.1f}x"
    )
    ok = hasil["total_s"] <= BUDGET_S and hasil["peak_gib"] <= BUDGET_GIB
    if a.cli:
        keluar = OUT / f"{folder.name}-hasil-cli"
        mulai = time.perf_counter()
        perintah = [sys.executable, "-c", "from bakat.cli.main import run; run()"]
        subprocess.run([*perintah, "reconcile", str(folder), "--out", str(keluar)],
                       check=True, capture_output=True)  # fmt: skip
        detik = time.perf_counter() - mulai
        puncak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
        print(f"bakat reconcile (membaca berkas / reading included): {detik:.1f} s, "
              f"puncak / peak {puncak:.2f} GiB")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
