"""Time and peak memory of ``bakat map`` on the national case.

The national case is 5.6 million employees in 600 agencies, written as Parquet by the
generator (``bakat generate DIR --pegawai 5600000 --instansi 600``) and cached under
``benchmarks/out/`` (git-ignored). The budget is "from Parquet": reading the files is part
of it. Two child processes run one after the other (never together, to keep memory in
bounds), each reporting its wall time, CPU time (user + system, all threads; steadier
than wall time on a shared machine) and peak resident memory:

- ``polos``: the baseline, every input table read whole with ``pl.read_parquet``, no
  checks, nothing computed;
- ``bakat``: the stages of ``bakat map``: read (the ``bakat.io`` readers' checks; with
  ``--scan``, the Parquet files scanned as they are, the engine alone), map (the whole
  job, placement to fairness; it reads the columns it uses as it goes), and, with
  ``--write``, the result files.

Printed: the stage times, read + map against the budget of 10 s, and against the
baseline of the same run (how many plain reads of the inputs the mapping costs).

With ``--stages`` (implies ``--scan``) the child also times the steps of the job one by
one, as ``run_mapping`` runs them (each read again, so the sum exceeds the whole): the
``pegawai`` keys and NIP order, the per-person tables, their joins on sorted keys, the
person frame, the screens and the calibration statistics.

    .venv/bin/python benchmarks/bench_map.py [--pegawai N] [--instansi K] [--data DIR]
        [--threads T] [--write] [--scan] [--stages]
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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bakat.engine.mapping.frames import MappingData

OUT = Path(__file__).resolve().parent / "out"
BUDGET_SECONDS = 10.0
#: The tables ``bakat map`` reads.
TABLES = ("pegawai", "kinerja", "asesmen", "diklat", "hukdis", "jabatan", "unit_kerja")


def _data(args: argparse.Namespace) -> Path:
    if args.data is not None:
        return Path(args.data)
    folder = OUT / f"map-nasional-{args.pegawai}-{args.instansi}-{args.seed}"
    if not (folder / "pegawai.parquet").exists():
        from bakat.synth.config import Format, KonfigurasiSintesis
        from bakat.synth.generate import generate

        print(f"membuat data {folder} ...", flush=True)
        start = time.perf_counter()
        config = KonfigurasiSintesis(
            pegawai=args.pegawai, instansi=args.instansi, seed=args.seed, format=Format.PARQUET
        )
        generate(folder, config, force=True)
        print(f"  selesai dalam {time.perf_counter() - start:.1f} s", flush=True)
    return folder


def _cpu() -> float:
    """CPU seconds of this process so far (user + system, all threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_gib() -> float:
    """Peak resident memory of this process so far (KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def _scan(folder: Path) -> MappingData:
    """The generator's Parquet tables scanned as they are (already canonical), without
    the reader's checks: the engine alone."""
    import polars as pl

    from bakat.engine.mapping.frames import MappingData

    tables = {}
    for name in TABLES:
        path = folder / f"{name}.parquet"
        if path.exists():
            tables[name] = pl.scan_parquet(path)
    return MappingData(**tables)


def _baseline(folder: Path) -> None:
    """Read every input table whole with ``pl.read_parquet``; print the cost as JSON."""
    import polars as pl

    wall, cpu = time.perf_counter(), _cpu()
    rows = 0
    for name in TABLES:
        path = folder / f"{name}.parquet"
        if path.exists():
            rows += pl.read_parquet(path).height
    print(
        json.dumps(
            {
                "detik": time.perf_counter() - wall,
                "cpu": _cpu() - cpu,
                "baris": rows,
                "memori_gib": _peak_gib(),
            }
        )
    )


def _stages(data: MappingData, as_of: date) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of each step of ``run_mapping``, run one by one."""
    import polars as pl

    from bakat.domain.policy import load_policy
    from bakat.engine.mapping import calibration, coverage, fairness, job, lookup, placement, pool
    from bakat.engine.mapping.keys import KEY
    from bakat.engine.mapping.settings import ScreeningSettings

    policy, settings = load_policy(), ScreeningSettings()
    timings: dict[str, tuple[float, float]] = {}

    def timed(name: str, start: tuple[float, float]) -> None:
        timings[name] = (time.perf_counter() - start[0], _cpu() - start[1])

    start = (time.perf_counter(), _cpu())
    pegawai, keys = placement.keyed_pegawai(data)
    timed("kunci + urutan pegawai", start)
    start = (time.perf_counter(), _cpu())
    tables = pl.collect_all(placement.person_tables(data, keys, as_of, policy), engine="streaming")
    timed("tabel per orang", start)
    start = (time.perf_counter(), _cpu())
    *per_key, posts = (table.rechunk() for table in tables)
    lookup.lookup(pegawai.get_column(KEY), per_key)
    lookup.lookup_text(pegawai.get_column("jabatan_id"), posts)
    timed("gabung pada kunci terurut", start)
    del pegawai, tables, per_key, posts
    columns = job.pemetaan_columns(as_of, policy)
    stamped = {e.meta.output_name() for e in job.stamp(as_of, policy)}
    computed = [c for c in columns if c not in stamped]
    kept = [*computed, *(c for c in job._INTERNAL if c not in computed)]
    start = (time.perf_counter(), _cpu())
    people = (
        job.people_frame(data, as_of, policy, settings).select(kept).collect(engine="in-memory")
    )
    timed("bingkai orang (semua di atas)", start)
    start = (time.perf_counter(), _cpu())
    lazy = people.lazy()
    units = coverage.unit_summary(lazy, policy, placement.POSITION).cache()
    plans = [
        pool.pool_table(lazy, policy).select(job.POOL_COLUMNS),
        coverage.coverage_table(units, lazy, policy),
        calibration.box_counts(units),
        fairness.fairness_table(lazy, units, job._regions(data), settings),
        data.table("unit_kerja"),
    ]
    _, _, counts, _, tree = pl.collect_all(plans)
    timed("skrining (talenta, cakupan, keadilan)", start)
    start = (time.perf_counter(), _cpu())
    calibration.calibration_table(counts, tree, policy, settings)
    timed("statistik kalibrasi", start)
    return timings


def _child(folder: Path, out: Path, as_of: date, write: bool, scan: bool) -> None:
    """Run the stages in this process and print their timings as JSON."""
    from bakat.cli.map import read_data
    from bakat.domain.policy import load_policy
    from bakat.engine.mapping.job import run_mapping
    from bakat.engine.mapping.output import result_files
    from bakat.io.writers import write_csv

    policy = load_policy()
    t0, c0 = time.perf_counter(), _cpu()
    data = _scan(folder) if scan else read_data(folder)
    t1, c1 = time.perf_counter(), _cpu()
    result = run_mapping(data, as_of=as_of, policy=policy)
    t2, c2 = time.perf_counter(), _cpu()
    if write:
        for name, frame in result_files(result).items():
            write_csv(frame, out / name)
    t3 = time.perf_counter()
    stages = _stages(data, as_of) if scan and os.environ.get("BAKAT_BENCH_STAGES") else {}
    print(
        json.dumps(
            {
                "baca": t1 - t0,
                "cpu_baca": c1 - c0,
                "petakan": t2 - t1,
                "cpu_petakan": c2 - c1,
                "tulis": t3 - t2,
                "memori_gib": _peak_gib(),
                "pegawai": result.pemetaan.height,
                "terpetakan": int(result.pemetaan.get_column("terpetakan").sum()),
                "unit": result.kalibrasi.height,
                "tahap": stages,
            }
        )
    )


def _run(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=5_600_000)
    parser.add_argument("--instansi", type=int, default=600)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--data", help="existing data folder (Parquet)")
    parser.add_argument("--as-of", default="2025-10-17")
    parser.add_argument("--threads", help="POLARS_MAX_THREADS for the child (default: all)")
    parser.add_argument("--write", action="store_true", help="also write the result files")
    parser.add_argument(
        "--scan", action="store_true", help="scan the Parquet files directly (engine only)"
    )
    parser.add_argument(
        "--stages", action="store_true", help="also time each step of the job (implies --scan)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--baseline", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline:
        _baseline(Path(args.baseline))
        return 0
    if args.child:
        as_of = date.fromisoformat(args.as_of)
        _child(Path(args.child), Path(args.out), as_of, args.write, args.scan)
        return 0
    folder = _data(args)
    env = dict(os.environ)
    if args.stages:
        args.scan = True
        env["BAKAT_BENCH_STAGES"] = "1"
    if args.threads:
        env["POLARS_MAX_THREADS"] = args.threads
    OUT.mkdir(parents=True, exist_ok=True)
    plain = _run([sys.executable, __file__, "--baseline", str(folder)], env)
    with tempfile.TemporaryDirectory(dir=OUT) as out:
        command = [sys.executable, __file__, "--child", str(folder), "--out", out]
        command += ["--as-of", args.as_of] + (["--write"] if args.write else [])
        command += ["--scan"] if args.scan else []
        stages = _run(command, env)
    load = os.getloadavg()[0]
    total = stages["baca"] + stages["petakan"]
    total_cpu = stages["cpu_baca"] + stages["cpu_petakan"]
    print(f"data: {folder}")
    print(
        f"pegawai: {stages['pegawai']:,}; terpetakan: {stages['terpetakan']:,}; "
        f"unit: {stages['unit']:,}; CPU: {os.cpu_count()}; beban sistem: {load:.1f}"
    )
    print(
        f"acuan (pl.read_parquet, {int(plain['baris']):,} baris): {plain['detik']:.2f} s "
        f"(CPU {plain['cpu']:.2f} s), memori puncak {plain['memori_gib']:.2f} GiB"
    )
    reading = "pindai Parquet langsung" if args.scan else "pembaca bakat.io"
    print(
        f"baca ({reading}) {stages['baca']:.2f} s (CPU {stages['cpu_baca']:.2f} s), "
        f"petakan {stages['petakan']:.2f} s (CPU {stages['cpu_petakan']:.2f} s)"
        + (f", tulis {stages['tulis']:.2f} s" if args.write else "")
    )
    print(
        f"baca + petakan {total:.2f} s (CPU {total_cpu:.2f} s) / {BUDGET_SECONDS:.0f} s = "
        f"{total / BUDGET_SECONDS:.2f}; / acuan = {total / plain['detik']:.2f} "
        f"(CPU {total_cpu / plain['cpu']:.2f}); memori puncak {stages['memori_gib']:.2f} GiB"
    )
    for name, (wall, cpu) in stages["tahap"].items():
        print(f"  {name}: {wall:.2f} s (CPU {cpu:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
