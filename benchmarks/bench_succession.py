"""Time and peak memory of the succession job on the national case.

The data is a generated folder of Parquet tables (``bakat generate DIR --pegawai N
--instansi K``, cached under ``benchmarks/out/``). A child process scans the tables
(engine only, no reader checks), runs the mapping (the baseline, measured in the same run
on the same machine load) and then the succession job, with every managerial post as a
target and nothing else (the issue's national case, ``--targets struktural``; also
``tambah-struktural``: those plus the policy's targets, ``kebijakan``: the policy's
targets only). The parent prints the wall and CPU time (user + system, all threads) of each
stage, the child's peak resident memory, and the succession time against the mapping
time and against the 60 s budget.

    flock /tmp/bakat-national.lock .venv/bin/python benchmarks/bench_succession.py \\
        --data benchmarks/out/check-nasional-5600000-600-17 [--threads T] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
BUDGET_SECONDS = 60.0
_TABLES = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "unit_kerja")


def _cpu() -> float:
    """CPU time of this process and of its finished children (the job's worker
    processes)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _child(folder: Path, out: Path, as_of: date, targets: str, write: bool) -> None:
    import polars as pl

    from bakat.domain.policy import load_policy
    from bakat.engine.mapping.frames import MappingData
    from bakat.engine.mapping.job import run_mapping
    from bakat.engine.succession.job import run_succession
    from bakat.engine.succession.output import result_files
    from bakat.engine.succession.rules import SuccessionSettings
    from bakat.io.writers import write_csv

    policy = load_policy()
    tables = {
        name: pl.scan_parquet(folder / f"{name}.parquet")
        for name in _TABLES
        if (folder / f"{name}.parquet").exists()
    }
    data = MappingData(**tables)
    t0, c0 = time.perf_counter(), _cpu()
    mapping = run_mapping(data, as_of=as_of, policy=policy)
    t1, c1 = time.perf_counter(), _cpu()
    settings = SuccessionSettings(
        semua_manajerial=targets in ("struktural", "tambah-struktural"),
        hanya_manajerial=targets == "struktural",
    )
    result = run_succession(data, mapping.pemetaan, as_of, policy, settings=settings)
    t2, c2 = time.perf_counter(), _cpu()
    if write:
        for name, frame in result_files(result).items():
            write_csv(frame, out / name)
    t3 = time.perf_counter()
    summary = result.ringkasan
    print(
        json.dumps(
            {
                "petakan": t1 - t0,
                "cpu_petakan": c1 - c0,
                "suksesi": t2 - t1,
                "cpu_suksesi": c2 - c1,
                "tulis": t3 - t2,
                "pegawai": mapping.pemetaan.height,
                "target": summary.target,
                "tercakup": summary.tercakup,
                "berisiko": summary.berisiko,
                "suksesor": summary.suksesor,
                "pengecualian": summary.pengecualian,
            }
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default=str(OUT / "check-1000000-100-17"))
    parser.add_argument("--as-of", default="2025-10-17")
    parser.add_argument(
        "--targets",
        choices=("struktural", "tambah-struktural", "kebijakan"),
        default="struktural",
        help="struktural: every managerial post and nothing else (the issue's national "
        "case); tambah-struktural: those plus the policy's targets; kebijakan: the "
        "policy's targets only",
    )
    parser.add_argument("--threads", help="POLARS_MAX_THREADS for the child (default: all)")
    parser.add_argument("--write", action="store_true", help="also write the result files")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        as_of = date.fromisoformat(args.as_of)
        _child(Path(args.child), Path(args.out), as_of, args.targets, args.write)
        return 0
    folder = Path(args.data)
    env = dict(os.environ)
    if args.threads:
        env["POLARS_MAX_THREADS"] = args.threads
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT) as out:
        command = [sys.executable, __file__, "--child", str(folder), "--out", out]
        command += ["--as-of", args.as_of, "--targets", args.targets]
        command += ["--write"] if args.write else []
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stdout + done.stderr)
        return 1
    s = json.loads(done.stdout.strip().splitlines()[-1])
    peak_gib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
    print(f"data: {folder}; CPU: {os.cpu_count()}; beban sistem: {os.getloadavg()[0]:.1f}")
    print(
        f"pegawai: {s['pegawai']:,}; target ({args.targets}): {s['target']:,}; "
        f"tercakup: {s['tercakup']:,}; berisiko: {s['berisiko']:,}; "
        f"suksesor: {s['suksesor']:,}; pengecualian: {s['pengecualian']:,}"
    )
    print(
        f"petakan (acuan) {s['petakan']:.2f} s (CPU {s['cpu_petakan']:.2f} s); "
        f"suksesi {s['suksesi']:.2f} s (CPU {s['cpu_suksesi']:.2f} s)"
        + (f"; tulis {s['tulis']:.2f} s" if args.write else "")
        + f" (proses {wall:.2f} s termasuk impor)"
    )
    print(
        f"suksesi / petakan = {s['suksesi'] / s['petakan']:.2f}; "
        f"suksesi {s['suksesi']:.2f} s / {BUDGET_SECONDS:.0f} s = "
        f"{s['suksesi'] / BUDGET_SECONDS:.2f}; petakan + suksesi "
        f"{s['petakan'] + s['suksesi']:.2f} s = "
        f"{(s['petakan'] + s['suksesi']) / BUDGET_SECONDS:.2f}; memori puncak {peak_gib:.2f} GiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
