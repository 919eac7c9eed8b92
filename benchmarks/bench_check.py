"""Time and peak memory of ``bakat check`` on the national case.

The national case is 5.6 million records in 600 agencies, written as Parquet by the
generator (``bakat generate DIR --pegawai 5600000 --instansi 600``) and cached under
``benchmarks/out/`` (git-ignored). The check runs in a child process limited to two
threads (``POLARS_MAX_THREADS=2``); the parent reports its wall and CPU time per stage
(read, check, write), the child's peak resident memory, both against the budget of
15 s and 12 GiB, and the ratio to a baseline measured in the same run (a plain Polars
read of the same files, in a process of its own run first), which compares runs on
machines of different speed or load.

    .venv/bin/python benchmarks/bench_check.py [--pegawai N] [--instansi K] [--data DIR]
"""

from __future__ import annotations

import argparse
import itertools
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
BUDGET_SECONDS = 15.0
BUDGET_GIB = 12.0
THREADS = "2"


def _data(args: argparse.Namespace) -> Path:
    if args.data is not None:
        return Path(args.data)
    folder = OUT / f"check-nasional-{args.pegawai}-{args.instansi}-{args.seed}"
    if not (folder / "pegawai.parquet").exists() and not (folder / "pegawai.csv").exists():
        from bakat.synth.config import KonfigurasiSintesis
        from bakat.synth.generate import generate

        print(f"membuat data {folder} ...", flush=True)
        start = time.perf_counter()
        config = KonfigurasiSintesis(pegawai=args.pegawai, instansi=args.instansi, seed=args.seed)
        generate(folder, config, force=True)
        print(f"  selesai dalam {time.perf_counter() - start:.1f} s", flush=True)
    return folder


def _cpu() -> float:
    pakai = resource.getrusage(resource.RUSAGE_SELF)
    return pakai.ru_utime + pakai.ru_stime


def _rss_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def _dasar(folder: Path) -> tuple[float, float]:
    """The baseline of the same run: wall and CPU time of a plain Polars read of every
    table file the check reads (all columns) and a count per unit of ``pegawai``. The
    check's time over it compares runs on machines of different speed or load."""
    import polars as pl

    from bakat.cli.check import TABEL

    t0, c0 = time.perf_counter(), _cpu()
    for name in TABEL:
        path = folder / f"{name}.parquet"
        if path.exists():
            frame = pl.read_parquet(path)
            if name == "pegawai":
                frame.group_by("instansi", "unit_kerja").len()
            del frame
    return time.perf_counter() - t0, _cpu() - c0


def _child(folder: Path, out: Path, as_of: date) -> None:
    """Run the stages in this process and print their timings as JSON."""
    from bakat.cli.check import masukan as sebagai_masukan
    from bakat.cli.check import muat, tulis
    from bakat.engine.quality import run_check

    t0, c0 = time.perf_counter(), _cpu()
    masukan = sebagai_masukan(muat(folder))
    t1, c1, m1 = time.perf_counter(), _cpu(), _rss_gib()
    langkah: list[tuple[str, float, float, float]] = []

    def lapor(nama: str) -> None:
        langkah.append((nama, time.perf_counter(), _cpu(), _rss_gib()))

    result = run_check(masukan, as_of=as_of, progress=lapor)
    t2, c2, m2 = time.perf_counter(), _cpu(), _rss_gib()
    batas = [*langkah, ("", t2, c2, m2)]
    rincian = [
        (nama, akhir[1] - mulai, akhir[2] - cpu, akhir[3])
        for (nama, mulai, cpu, _m), akhir in itertools.pairwise(batas)
    ]
    tulis(result, out)
    t3, c3 = time.perf_counter(), _cpu()
    print(
        json.dumps(
            {
                "baca": t1 - t0,
                "periksa": t2 - t1,
                "tulis": t3 - t2,
                "total": t3 - t0,
                "cpu_baca": c1 - c0,
                "cpu_periksa": c2 - c1,
                "cpu_tulis": c3 - c2,
                "rss_baca": m1,
                "rss_periksa": m2,
                "pegawai": result.indeks_kualitas.filter(
                    result.indeks_kualitas["cakupan"] == "semua"
                ).item(0, "jumlah_pegawai"),
                "temuan": result.temuan.height,
                "langkah": rincian,
            }
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=5_600_000)
    parser.add_argument("--instansi", type=int, default=600)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--data", help="existing data folder")
    parser.add_argument("--as-of", default="2025-10-17")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--dasar", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dasar:
        dasar, cpu_dasar = _dasar(Path(args.dasar))
        print(json.dumps({"dasar": dasar, "cpu_dasar": cpu_dasar}))
        return 0
    if args.child:
        _child(Path(args.child), Path(args.out), date.fromisoformat(args.as_of))
        return 0
    folder = _data(args)
    env = {**os.environ, "POLARS_MAX_THREADS": THREADS}
    # The baseline runs in its own process, so that it does not count in the peak memory.
    baseline = subprocess.run(
        [sys.executable, __file__, "--dasar", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    stages = json.loads(baseline.stdout.strip().splitlines()[-1])
    with tempfile.TemporaryDirectory(dir=OUT) as out:
        command = [sys.executable, __file__, "--child", str(folder), "--out", out]
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "--as-of", args.as_of], env=env, capture_output=True, text=True
        )
        wall = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stdout + done.stderr)
        return 1
    stages |= json.loads(done.stdout.strip().splitlines()[-1])
    peak_gib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
    print(f"data: {folder}")
    print(f"pegawai: {stages['pegawai']:,}; temuan: {stages['temuan']:,}; thread: {THREADS}")
    print(
        f"baca {stages['baca']:.2f} s, periksa {stages['periksa']:.2f} s, "
        f"tulis {stages['tulis']:.2f} s; total {stages['total']:.2f} s "
        f"(proses {wall:.2f} s termasuk impor)"
    )
    print(
        f"waktu CPU: baca {stages['cpu_baca']:.1f} s, periksa {stages['cpu_periksa']:.1f} s, "
        f"tulis {stages['cpu_tulis']:.1f} s (batas bawah di {THREADS} inti yang menganggur: "
        f"CPU / {THREADS}); memori puncak sesudah baca {stages['rss_baca']:.2f} GiB, "
        f"sesudah periksa {stages['rss_periksa']:.2f} GiB"
    )
    for nama, detik, cpu_langkah, rss in stages["langkah"]:
        print(
            f"  periksa / {nama}: {detik:.2f} s, CPU {cpu_langkah:.1f} s, "
            f"memori puncak sesudahnya {rss:.2f} GiB"
        )
    cpu = stages["cpu_baca"] + stages["cpu_periksa"] + stages["cpu_tulis"]
    if stages["cpu_dasar"] > 0:
        print(
            f"dasar (baca Parquet polos tabel yang sama, proses sendiri): "
            f"{stages['dasar']:.2f} s, CPU {stages['cpu_dasar']:.1f} s; rasio bakat check / "
            f"dasar: waktu {stages['total'] / stages['dasar']:.1f}x, "
            f"CPU {cpu / stages['cpu_dasar']:.1f}x"
        )
    print(f"beban mesin (load average 1/5/15 menit): {os.getloadavg()}")
    print(
        f"waktu {stages['total']:.2f} s / {BUDGET_SECONDS:.0f} s = "
        f"{stages['total'] / BUDGET_SECONDS:.2f}; memori puncak {peak_gib:.2f} GiB / "
        f"{BUDGET_GIB:.0f} GiB = {peak_gib / BUDGET_GIB:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
