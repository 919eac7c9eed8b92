"""The blocks of a succession run and how they are worked through.

A block is the target posts of one grade in one ``instansi`` (one grade nationally when
``suksesi.lintas_instansi``); its universe is the candidates of that ``instansi`` in the
grades of the ladder (:func:`ladder`). Blocks of one ``instansi`` share candidates (and
so the first-successor slots of :data:`capacity`) and are solved in order; blocks of
different agencies share nothing. A large run is therefore spread over worker
processes, one ``instansi`` per task, and the rows of the tasks are put back together in
the order of the agencies: the result is the same, row for row, as when solved in one
process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np
import polars as pl

from bakat.domain.jenjang import Jenjang, jenjang_di_bawah
from bakat.domain.policy import Policy
from bakat.engine.succession.rules import SuccessionSettings
from bakat.engine.succession.scoring import Candidates, IntArray
from bakat.engine.succession.solve import solve_block
from bakat.engine.succession.state import Output, Rows, Targets

#: A run with at least this many target posts is spread over worker processes (below
#: it, starting them costs more than it saves).
PARALLEL_MIN_POSTS = 20_000


def ladder(grade: str, policy: Policy) -> list[str]:
    """The candidate grades of a target grade (plus the grade itself when lateral moves
    are allowed)."""
    below = {j.value for j in jenjang_di_bawah(Jenjang(grade))}
    if not policy.suksesi.hanya_jenjang_di_bawah:
        below.add(grade)
    return sorted(below)


@dataclass(frozen=True)
class Block:
    """Target rows ``a`` to ``b`` (exclusive) of one grade and ``instansi``."""

    instansi: str | None
    grade: str
    a: int
    b: int


@dataclass(frozen=True)
class Problem:
    """What every block reads: the candidates, their spans per grade and ``instansi``
    (``(instansi, start, end)`` of the sorted candidate rows), the targets, the
    policy and settings."""

    cand: Candidates
    ranges: dict[str, list[tuple[str | None, int, int]]]
    targets: Targets
    size: int
    policy: Policy
    settings: SuccessionSettings


def spans(cand_frame: pl.DataFrame) -> dict[str, list[tuple[str | None, int, int]]]:
    """Grade -> ``(instansi, start, end)`` of the candidate rows (sorted by ``instansi``
    then grade)."""
    ranges: dict[str, list[tuple[str | None, int, int]]] = defaultdict(list)
    found = (
        cand_frame.with_row_index("_i")
        .group_by("instansi", "jenjang_jabatan", maintain_order=True)
        .agg(pl.col("_i").min().alias("a"), (pl.col("_i").max() + 1).alias("b"))
    )
    for inst, grade, a, b in found.iter_rows():
        ranges[grade].append((inst, a, b))
    return ranges


def blocks(targets: pl.DataFrame, lintas_instansi: bool) -> list[Block]:
    """The blocks of ``targets`` (sorted by block, then priority; ``_t`` numbers rows)."""
    keys = ["jenjang_jabatan"] if lintas_instansi else ["instansi", "jenjang_jabatan"]
    found = targets.group_by(keys, maintain_order=True).agg(
        pl.col("_t").min().alias("a"), (pl.col("_t").max() + 1).alias("b")
    )
    return [
        Block(row.get("instansi"), row["jenjang_jabatan"], row["a"], row["b"])
        for row in found.iter_rows(named=True)
    ]


def _solve_blocks(problem: Problem, chosen: Sequence[Block], capacity: IntArray) -> Output:
    """Solve ``chosen`` in order into a new :class:`Output`; ``capacity`` is updated."""
    suksesi, settings = problem.policy.suksesi, problem.settings
    out = Output()
    for block in chosen:
        parts = [
            np.arange(a, b, dtype=np.int64)
            for j in ladder(block.grade, problem.policy)
            for i, a, b in problem.ranges.get(j, [])
            if suksesi.lintas_instansi or i == block.instansi
        ]
        universe = np.sort(np.concatenate(parts)) if parts else np.empty(0, np.int64)
        rows = np.arange(block.a, block.b, dtype=np.int64)
        if universe.size == 0:
            for row in rows.tolist():
                out.eligible[row] = 0
            continue
        solve_block(
            problem.cand,
            universe,
            problem.targets,
            rows,
            capacity,
            problem.policy,
            settings.target_per_soal,
            settings.pengecualian_per_jabatan,
            out,
        )
    return out


def _fresh_capacity(problem: Problem) -> IntArray:
    return np.full(problem.size, problem.policy.suksesi.maks_suksesor_pertama, dtype=np.int64)


#: The problem, tasks and first-successor slots a forked worker reads (inherited from
#: the parent, not sent). Each worker updates its own copy of the slots; the tasks of
#: one worker touch different candidates, so one copy serves them all.
_SHARED: tuple[Problem, list[list[Block]], IntArray] | None = None


def _task(number: int) -> Rows:
    assert _SHARED is not None
    problem, tasks, capacity = _SHARED
    return _solve_blocks(problem, tasks[number], capacity).rows()


def _costs(problem: Problem, tasks: list[list[Block]]) -> list[int]:
    """A rough cost of each task (one agency): its target posts times its candidates."""
    people: dict[str | None, int] = defaultdict(int)
    for found in problem.ranges.values():
        for inst, a, b in found:
            people[inst] += b - a
    return [
        sum(block.b - block.a for block in chosen) * max(people[chosen[0].instansi], 1)
        for chosen in tasks
    ]


def workers() -> int:
    """Processes to spread a large run over: the CPUs this process may use, at most
    the size of the Polars thread pool (``POLARS_MAX_THREADS``); 1 where processes
    cannot be forked safely (not Linux, or not the main thread)."""
    if sys.platform != "linux" or threading.current_thread() is not threading.main_thread():
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), pl.thread_pool_size()))


def solve_all(problem: Problem, found: list[Block], processes: int | None = None) -> Rows:
    """Every block of ``found`` (in order), in this process or spread over ``processes``
    worker processes (default :func:`workers` for a run of at least
    :data:`PARALLEL_MIN_POSTS` target posts) by ``instansi``."""
    global _SHARED
    tasks: list[list[Block]] = []
    if not problem.policy.suksesi.lintas_instansi:
        for block in found:
            if tasks and tasks[-1][0].instansi == block.instansi:
                tasks[-1].append(block)
            else:
                tasks.append([block])
    if processes is None:
        processes = workers() if problem.targets.limit.size >= PARALLEL_MIN_POSTS else 1
    processes = min(processes, len(tasks))
    if processes <= 1:
        return _solve_blocks(problem, found, _fresh_capacity(problem)).rows()
    # Workers are forked: they read the problem from memory shared with this process.
    # Freezing the collector keeps them from touching (and so copying) every object.
    _SHARED = (problem, tasks, _fresh_capacity(problem))
    # The largest agencies first, so that no large one is left for the end; the rows are
    # put back in the order of the agencies.
    costs = _costs(problem, tasks)
    order = sorted(range(len(tasks)), key=lambda t: -costs[t])
    gc.freeze()
    try:
        # An executor rather than a pool: a worker that dies (out of memory) raises
        # BrokenProcessPool here instead of leaving the run waiting.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            done = list(pool.map(_task, order))
    finally:
        gc.unfreeze()
        _SHARED = None
    parts: list[Rows | None] = [None] * len(tasks)
    for number, rows in zip(order, done, strict=True):
        parts[number] = rows
    return Rows.concat([rows for rows in parts if rows is not None])
