"""Where the time of ``bakat check`` goes: every step of the job and every rule, timed apart.

Runs the steps of ``bakat.engine.quality.check.run_check`` one by one on a data folder
(default: the cached 1-million case) and prints, per step, the wall and CPU time (user +
system of the whole process, so it counts every Polars thread) and the rows it made:

- ``baca``: the readers (``bakat.cli.check.baca``);
- ``kunci/<tabel>``: the keys of each table (``prepare.siapkan_kunci``);
- ``rujukan/<nama>``: each lookup and per-person aggregate (``rujukan.rencana``);
- ``rujukan/tempel_posisi``: the position row attached to ``pegawai``;
- ``siapkan/<tabel>``: the prepared frame of each table (``prepare.siapkan``), materialised;
- ``aturan/<tabel>/<id> <nama>``: each rule alone (its violation and applicability flags)
  over the materialised prepared frame, with its number of findings;
- ``flags/<tabel>``: all the rules of the table in one query, as the job runs them (the
  prepared columns shared);
- ``rinci/<tabel>``: the rows with a finding prepared again with the values the messages
  read;
- ``temuan``, ``indeks``: the findings table (worded, sorted) and the index;
- ``tulis``: the CSV files.

The sum of the rule lines is more than ``flags`` (each rule there re-reads the prepared
frame alone); ``flags`` less ``siapkan`` is what the rules cost together.

    POLARS_MAX_THREADS=2 .venv/bin/python benchmarks/profile_check_rules.py \
        [--data DIR] [--as-of 2025-10-17] [--top N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"
os.environ.setdefault("POLARS_MAX_THREADS", "2")

import polars as pl  # noqa: E402  (after the thread limit)


def _cpu() -> float:
    pakai = resource.getrusage(resource.RUSAGE_SELF)
    return pakai.ru_utime + pakai.ru_stime


class Catatan:
    """The timed steps, in order."""

    def __init__(self) -> None:
        self.baris: list[dict[str, Any]] = []

    @contextmanager
    def ukur(self, nama: str) -> Iterator[dict[str, Any]]:
        isi: dict[str, Any] = {"langkah": nama}
        t0, c0 = time.perf_counter(), _cpu()
        yield isi
        isi["wall"] = time.perf_counter() - t0
        isi["cpu"] = _cpu() - c0
        self.baris.append(isi)

    def cetak(self, top: int) -> None:
        lebar = max(len(b["langkah"]) for b in self.baris)
        print(f"{'langkah':<{lebar}}  {'wall s':>7}  {'cpu s':>7}  {'baris':>11}  {'temuan':>9}")
        for b in self.baris:
            print(
                f"{b['langkah']:<{lebar}}  {b['wall']:7.2f}  {b['cpu']:7.2f}  "
                f"{b.get('baris', ''):>11}  {b.get('temuan', ''):>9}"
            )
        aturan = sorted(
            (b for b in self.baris if b["langkah"].startswith("aturan/")),
            key=lambda b: -b["cpu"],
        )
        print(f"\n{top} aturan termahal (CPU):")
        for b in aturan[:top]:
            print(f"  {b['langkah']:<{lebar}}  {b['wall']:7.2f}  {b['cpu']:7.2f}")
        tahap: dict[str, list[float]] = {}
        for b in self.baris:
            kepala = b["langkah"].split("/")[0]
            jumlah = tahap.setdefault(kepala, [0.0, 0.0])
            jumlah[0] += b["wall"]
            jumlah[1] += b["cpu"]
        print("\nper tahap (wall, CPU):")
        for kepala, (wall, cpu) in tahap.items():
            print(f"  {kepala:<10} {wall:7.2f}  {cpu:7.2f}")


def profil(folder: Path, as_of: date, catatan: Catatan) -> None:
    """Run the check's steps on ``folder`` one by one, timing each into ``catatan``."""
    from bakat.cli.check import masukan as sebagai_masukan
    from bakat.cli.check import muat, tulis
    from bakat.domain.policy import load_policy
    from bakat.engine.quality import check, rules_pembaca
    from bakat.engine.quality.catalog import ATURAN
    from bakat.engine.quality.indeks import per_unit
    from bakat.engine.quality.prepare import siapkan, siapkan_kunci
    from bakat.engine.quality.registry import Konteks
    from bakat.engine.quality.rujukan import Rujukan, rencana
    from bakat.engine.quality.rules_talenta import jp_kurang_dari_batas
    from bakat.engine.quality.schema import BARIS, KUNCI_SUMBER, lengkapi
    from bakat.engine.quality.temuan import ENGINE, kolom_b, kolom_v, rinci

    def kumpul(plan: pl.LazyFrame) -> pl.DataFrame:
        return plan.collect(engine=ENGINE)

    with catatan.ukur("baca"):
        masukan = sebagai_masukan(muat(folder))
    policy = load_policy()
    masalah = {
        t: m.masalah for t, m in masukan.items() if m.masalah is not None and m.masalah.height
    }
    k = Konteks(as_of, policy, rules_pembaca.tak_terbaca(masalah))
    lazy = {t: m.frame.lazy() for t, m in masukan.items()}
    kolom_ada = {
        t: m.kolom if m.kolom is not None else frozenset(lazy[t].collect_schema().names())
        for t, m in masukan.items()
    }
    jalan, _lewat = check._pilih(ATURAN, kolom_ada)
    perlu = {t: check._kolom_perlu(t, jalan, k) for t in lazy}

    terkunci: dict[str, pl.DataFrame] = {}
    for t, f in lazy.items():
        with catatan.ukur(f"kunci/{t}") as isi:
            kolom = perlu[t][0] | set(KUNCI_SUMBER[t])
            plan = siapkan_kunci(t, lengkapi(f, t, kolom))
            terkunci[t] = kumpul(plan.drop(sorted(set(KUNCI_SUMBER[t]) - perlu[t][0])))
            isi["baris"] = terkunci[t].height
    hasil: dict[str, pl.DataFrame] = {}
    for nama, plan in rencana({t: f.lazy() for t, f in terkunci.items()}, k).items():
        with catatan.ukur(f"rujukan/{nama}") as isi:
            hasil[nama] = kumpul(plan)
            isi["baris"] = hasil[nama].height
    with catatan.ukur("rujukan/dari"):
        rujukan = Rujukan.dari(hasil, k)
    with catatan.ukur("rujukan/tempel_posisi"):
        terkunci["pegawai"] = rujukan.tempel_posisi(terkunci["pegawai"])
    kunci = {t: f.lazy() for t, f in terkunci.items()}

    with catatan.ukur("siapkan/nama_unit"):
        kumpul(check._nama_unit(kunci))
    baris_temuan: dict[str, pl.DataFrame] = {}
    hitungan: dict[str, pl.DataFrame] = {}
    for t in sorted(kunci, key=lambda nama: nama == "pegawai"):
        rs = [r for r in jalan if r.tabel == t]
        with catatan.ukur(f"siapkan/{t}") as isi:
            siap = kumpul(siapkan(t, kunci[t], rujukan, k))
            isi["baris"] = siap.height
        for r in rs:
            with catatan.ukur(f"aturan/{t}/{r.id} {r.name}") as isi:
                satu = kumpul(
                    siap.lazy().select(r.expr_violated(k).alias("v"), r.expr_berlaku(k).alias("b"))
                )
                isi["baris"] = int(satu.get_column("b").sum())
                isi["temuan"] = int(satu.get_column("v").sum())
        del siap
        with catatan.ukur(f"flags/{t}") as isi:
            flags = kumpul(
                siapkan(t, kunci[t], rujukan, k).select(
                    BARIS,
                    "_unit",
                    *(r.expr_violated(k).alias(kolom_v(r)) for r in rs),
                    *(r.expr_berlaku(k).alias(kolom_b(r)) for r in rs if r.berlaku is not None),
                )
            )
            isi["baris"] = flags.height
        with catatan.ukur(f"rinci/{t}") as isi:
            teks = lengkapi(lazy[t], t, perlu[t][1]) if perlu[t][1] else None
            baris_temuan[t] = kumpul(
                rinci(t, kunci.pop(t), flags, rs, masalah.get(t), rujukan, k, teks=teks)
            )
            isi["baris"] = baris_temuan[t].height
        with catatan.ukur(f"indeks/per_unit/{t}"):
            hitungan[t] = per_unit(flags, rs, jp_kurang_dari_batas)
        del flags

    del terkunci, kunci, hasil, rujukan, baris_temuan, hitungan
    # The whole job once more, from the read frames, for the findings and the index
    # timed as the job runs them (the per-step lines above do not build them).
    langkah: list[tuple[str, float, float]] = []

    def lapor(nama: str) -> None:
        langkah.append((nama, time.perf_counter(), _cpu()))

    with catatan.ukur("run_check (utuh)") as isi:
        result = check.run_check(masukan, as_of=as_of, progress=lapor)
        isi["temuan"] = result.temuan.height
    akhir = (time.perf_counter(), _cpu())
    for (nama, t0, c0), (_n, t1, c1) in zip(langkah, [*langkah[1:], ("", *akhir)], strict=True):
        catatan.baris.append({"langkah": f"run_check/{nama}", "wall": t1 - t0, "cpu": c1 - c0})
    with tempfile.TemporaryDirectory() as out, catatan.ukur("tulis"):
        tulis(result, Path(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(OUT / "check-1000000-100-17"))
    parser.add_argument("--as-of", default="2025-10-17")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--json", help="also write the steps as JSON to this file")
    args = parser.parse_args(argv)
    catatan = Catatan()
    profil(Path(args.data), date.fromisoformat(args.as_of), catatan)
    print(f"data: {args.data}; thread: {os.environ['POLARS_MAX_THREADS']}")
    catatan.cetak(args.top)
    print(f"beban mesin (load average 1/5/15 menit): {os.getloadavg()}")
    if args.json:
        Path(args.json).write_text(json.dumps(catatan.baris, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
