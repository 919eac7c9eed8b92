"""Time and peak memory of the development job (IDP, 20 JP, rotation, retention, forecast).

The data is a generated folder of Parquet tables (cached under ``benchmarks/out/``). The
job's inputs besides the tables, the mapping result ``pemetaan`` and the succession
result ``suksesi`` (every managerial post a target, the issue's national case), are
computed once with ``--prepare`` and saved as Parquet files in ``/tmp``. A child process
then reads the tables (``read_mapping_data``; the time of that read is the baseline,
measured in the same run on the same machine load; ``--scan`` scans the Parquet files
instead, so that the peak memory is the job's own) and runs ``run_development``. The
parent prints the wall and CPU time (user + system, all threads) of each stage, the
child's peak resident memory and the job against the baseline.

    .venv/bin/python benchmarks/bench_development.py --prepare
    .venv/bin/python benchmarks/bench_development.py [--write DIR]
    flock /tmp/bakat-national.lock .venv/bin/python benchmarks/bench_development.py \\
        --data benchmarks/out/check-nasional-5600000-600-17 [--prepare]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
SAVED = Path("/tmp")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _saved(folder: Path, name: str) -> Path:
    return SAVED / f"bakat-development-{folder.resolve().name}-{name}.parquet"


def _prepare(folder: Path, as_of: date) -> None:
    from bakat.domain.policy import load_policy
    from bakat.engine.mapping.job import run_mapping
    from bakat.engine.succession.job import run_succession
    from bakat.engine.succession.rules import SuccessionSettings
    from bakat.io.mapping_input import read_mapping_data

    policy = load_policy()
    data = read_mapping_data(folder)
    pemetaan = run_mapping(data, as_of=as_of, policy=policy).pemetaan
    pemetaan.write_parquet(_saved(folder, "pemetaan"))
    settings = SuccessionSettings(semua_manajerial=True, hanya_manajerial=True)
    suksesi = run_succession(data, pemetaan, as_of, policy, settings=settings).suksesi
    suksesi.write_parquet(_saved(folder, "suksesi"))
    print(f"pemetaan {pemetaan.height:,} baris, suksesi {suksesi.height:,} baris disimpan")


def _scan(folder: Path) -> object:
    """The tables scanned straight from Parquet (no reader checks, nothing held in memory
    before the job runs), for figures comparable with the job's own memory."""
    import polars as pl

    from bakat.engine.mapping.frames import MappingData
    from bakat.io.mapping_input import MAPPING_TABLES

    tables = {
        name: pl.scan_parquet(folder / f"{name}.parquet")
        for name in MAPPING_TABLES
        if (folder / f"{name}.parquet").exists()
    }
    return MappingData(**tables)


def _child(folder: Path, as_of: date, write: str | None, scan: bool) -> None:
    import polars as pl

    from bakat.domain.policy import load_policy
    from bakat.engine.development.job import run_development
    from bakat.engine.mapping.frames import MappingData
    from bakat.io.mapping_input import read_mapping_data
    from bakat.io.writers import write_csv

    policy = load_policy()
    pemetaan = pl.read_parquet(_saved(folder, "pemetaan"))
    suksesi = pl.read_parquet(_saved(folder, "suksesi"))
    t0, c0 = time.perf_counter(), _cpu()
    data = _scan(folder) if scan else read_mapping_data(folder)
    assert isinstance(data, MappingData)
    rows = data.pegawai.select(pl.len()).collect().item()
    t1, c1 = time.perf_counter(), _cpu()
    result = run_development(data, pemetaan, suksesi, as_of, policy)
    t2, c2 = time.perf_counter(), _cpu()
    if write:
        Path(write).mkdir(parents=True, exist_ok=True)
        for name, frame in result.files.items():
            write_csv(frame, Path(write) / name)
    counts = {name: frame.height for name, frame in result.files.items()}
    print(
        json.dumps(
            {
                "baca": t1 - t0,
                "cpu_baca": c1 - c0,
                "baris_baca": rows,
                "pengembangan": t2 - t1,
                "cpu_pengembangan": c2 - c1,
                "baris": counts,
            }
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default=str(OUT / "check-1000000-100-17"))
    parser.add_argument("--as-of", default="2025-10-17")
    parser.add_argument("--prepare", action="store_true", help="save pemetaan and suksesi")
    parser.add_argument("--write", help="also write the five files to this folder")
    parser.add_argument(
        "--scan", action="store_true", help="scan the Parquet tables instead of reading them"
    )
    parser.add_argument("--threads", help="POLARS_MAX_THREADS for the child (default: all)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = Path(args.data)
    as_of = date.fromisoformat(args.as_of)
    if args.prepare:
        _prepare(folder, as_of)
        return 0
    if args.child:
        _child(folder, as_of, args.write, args.scan)
        return 0
    env = dict(os.environ)
    if args.threads:
        env["POLARS_MAX_THREADS"] = args.threads
    command = [sys.executable, __file__, "--child", "--data", str(folder), "--as-of", args.as_of]
    command += ["--write", args.write] if args.write else []
    command += ["--scan"] if args.scan else []
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stdout + done.stderr)
        return 1
    s = json.loads(done.stdout.strip().splitlines()[-1])
    peak_gib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
    print(f"data: {folder}; CPU: {os.cpu_count()}; beban sistem: {os.getloadavg()[0]:.1f}")
    print(f"baris: {s['baris']}")
    print(
        f"baca tabel (acuan, {'scan_parquet' if args.scan else 'read_mapping_data'}, "
        f"{s['baris_baca']:,} pegawai) {s['baca']:.2f} s "
        f"(CPU {s['cpu_baca']:.2f} s); pengembangan {s['pengembangan']:.2f} s "
        f"(CPU {s['cpu_pengembangan']:.2f} s) (proses {wall:.2f} s termasuk impor)"
    )
    print(
        f"CPU pengembangan / CPU acuan = {s['cpu_pengembangan'] / s['cpu_baca']:.2f}; "
        f"memori puncak {peak_gib:.2f} GiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
