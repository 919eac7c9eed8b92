"""Benchmark ``bakat generate`` at national scale against its budget (180 s, 8 GiB).

Runs the command line in a child process (so its peak memory is measured alone), then
prints the wall time, the CPU time, the peak resident memory of the child, the rows
written per table and the ratios against the budget.

    .venv/bin/python benchmarks/bench_generate.py                 # 5,600,000 people, 600 agencies
    .venv/bin/python benchmarks/bench_generate.py --pegawai 100000 --instansi 50
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_SECONDS = 180.0
BUDGET_BYTES = 8 * 1024**3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=5_600_000)
    parser.add_argument("--instansi", type=int, default=600)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--keep", type=Path, default=None, help="keep the output here")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bakat-bench-"))
    out = args.keep or work / "data"
    command = [
        sys.executable, "-c", "from bakat.cli.main import run; run()",
        "generate", str(out), "--pegawai", str(args.pegawai), "--instansi", str(args.instansi),
        "--seed", str(args.seed), "--force",
    ]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
        return result.returncode
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = after.ru_maxrss * 1024  # kilobytes on Linux
    summary = json.loads((out / "ground_truth" / "ringkasan.json").read_text(encoding="utf-8"))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())

    print(f"bakat generate --pegawai {args.pegawai:,} --instansi {args.instansi}")
    print(
        f"  wall time       {wall:8.1f} s   ({wall / BUDGET_SECONDS:.0%} of {BUDGET_SECONDS:.0f} s)"
    )
    print(f"  CPU time        {cpu:8.1f} s   (user + system)")
    print(f"  peak memory     {peak / 1024**3:8.2f} GiB ({peak / BUDGET_BYTES:.0%} of 8 GiB)")
    print(f"  output          {size / 1024**2:8.0f} MiB  ({summary['format']})")
    for name, rows in summary["baris"].items():
        print(f"  {name:<14}{rows:>14,} rows")
    mapped = summary["pemetaan"]
    print(f"  mappable        {mapped['terpetakan']:,} of {args.pegawai:,}")
    within = wall <= BUDGET_SECONDS and peak <= BUDGET_BYTES
    print("  within budget" if within else "  OVER BUDGET")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
