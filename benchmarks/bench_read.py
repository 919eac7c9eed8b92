"""Time and peak memory of reading each table of a data folder with ``bakat.io``.

For every table file of the folder (``pegawai``, ``siasn``, ``kinerja`` ...), three child
processes run one after the other (never together, to keep memory in bounds):

- ``polos``: the baseline, the file read as it is with Polars (``pl.read_parquet``, or
  ``pl.read_csv`` of every column as text for a CSV file), no checks;
- ``lazy``: ``bakat.io.readers.read_table`` as it reads by default (header matching,
  every value check, key check: the time a step pays before it starts; a Parquet file
  stays a lazy scan), then the whole canonical frame collected twice (what a job that
  collects the table twice, e.g. mapping then succession, pays in addition);
- ``sekali``: ``read_table(..., materialise=True)`` (each file read once, the canonical
  frame held in memory), then the same two collects.

Reported per table and mode: rows, wall seconds of the read and of read + two collects,
CPU seconds (user + system, all threads; steadier than wall time on a shared machine),
peak resident memory of each child, and the ratio of read + collects to the baseline
measured in the same run.

The default folder is the national case cached under ``benchmarks/out/`` (5.6 million
employees in 600 agencies, Parquet; ``bakat generate DIR --pegawai 5600000 --instansi
600`` makes one).

    .venv/bin/python benchmarks/bench_read.py [FOLDER] [--tables pegawai kinerja ...]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
DEFAULT = OUT / "check-nasional-5600000-600-17"
#: How many times each mode collects the whole canonical frame after reading.
COLLECTS = 2
MODES = ("lazy", "sekali")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB on Linux


def _child(mode: str, folder: Path, table: str) -> None:
    """Run one measurement in this process and print it as JSON."""
    import polars as pl

    from bakat.io.readers import find_table_file, read_table

    path = find_table_file(folder, table)
    assert path is not None
    wall, cpu = time.perf_counter(), _cpu()
    result: dict[str, float | int] = {}
    if mode == "polos":
        if path.suffix.casefold() == ".parquet":
            frame = pl.read_parquet(path)
        else:
            frame = pl.read_csv(path, infer_schema=False)
        result["baris"] = frame.height
    else:
        loaded = read_table(folder, table, materialise=mode == "sekali")
        result["baca_detik"] = time.perf_counter() - wall
        result["baca_cpu"] = _cpu() - cpu
        result["masalah"] = loaded.masalah.height
        for _ in range(COLLECTS):
            frame = loaded.frame.collect()
        result["baris"] = frame.height
    result["detik"] = time.perf_counter() - wall
    result["cpu"] = _cpu() - cpu
    result["memori_gib"] = _peak_gib()
    print(json.dumps(result))


def _run(mode: str, folder: Path, table: str) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", mode, str(folder), "--tables", table]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} {table} gagal / failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--tables", nargs="*", default=None)
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child, args.folder, args.tables[0])
        return

    from bakat.io.readers import find_table_file
    from bakat.io.tables import TABLES

    if not args.folder.is_dir():
        raise SystemExit(f"folder tidak ada / no such folder: {args.folder}")
    names = [n for n in (args.tables or TABLES) if find_table_file(args.folder, n)]
    print(f"folder: {args.folder}")
    print(
        f"{'tabel':<11}{'mode':<8}{'baris':>11}{'baca s':>8}{'cpu':>7}"
        f"{f'+{COLLECTS}x collect s':>18}{'cpu':>7}{'GiB':>6}{'x polos':>9}{'x cpu':>7}"
    )
    for name in names:
        plain = _run("polos", args.folder, name)
        print(
            f"{name:<11}{'polos':<8}{int(plain['baris']):>11,}{'':>8}{'':>7}"
            f"{plain['detik']:>18.2f}{plain['cpu']:>7.1f}{plain['memori_gib']:>6.2f}",
            flush=True,
        )
        for mode in MODES:
            ours = _run(mode, args.folder, name)
            print(
                f"{'':<11}{mode:<8}{int(ours['baris']):>11,}{ours['baca_detik']:>8.2f}"
                f"{ours['baca_cpu']:>7.1f}{ours['detik']:>18.2f}{ours['cpu']:>7.1f}"
                f"{ours['memori_gib']:>6.2f}{ours['detik'] / plain['detik']:>9.2f}"
                f"{ours['cpu'] / max(plain['cpu'], 1e-9):>7.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
