"""Successor lists for one block of target posts: scoring, ranking, assignment, exclusions.

A block is the target posts of one grade in one ``instansi`` (one grade nationally when
``suksesi.lintas_instansi``); its universe is the mapped people of that ``instansi`` in the
grades of ``jenjang_di_bawah(grade)`` (plus the grade itself when
``hanya_jenjang_di_bawah`` is off). Nothing is ever crossed beyond a block.

Within a block, posts with the same requirements (nine required levels, minimum
education, minimum golongan) form a *profile*: one score vector and one ranking (score
descending, then box descending, then NIP ascending) serve them all. Posts of a profile
differ only in their vacancy date (the BUP rule) and incumbent; each (profile, retirement
limit) group walks the ranking once.

First successors are assigned (:func:`~.assignment.assign_first`) over chunks of at most
``target_per_soal`` posts taken in priority order (critical first, then earliest vacancy,
then ``jabatan_id``); capacity used by a chunk is gone for the next. Each post of a chunk
offers the solver its best ``target_per_soal + 1`` eligible candidates with capacity left:
a post needs no more, because the other posts of the chunk can take at most
``target_per_soal − 1`` of them. The assignment is therefore optimal within each chunk
(exactly optimal for the whole block when it has at most ``target_per_soal`` posts).
Ranks 2 and below are the best remaining eligible candidates by score: nothing limits
them, so ranking is optimal there.
"""

from __future__ import annotations

import numpy as np

from bakat.domain.policy import Policy
from bakat.engine.succession.assignment import BoolArray, IntArray, assign_first, assign_groups
from bakat.engine.succession.lists import one_post, posts
from bakat.engine.succession.scoring import (
    BIT_BUP,
    Candidates,
    competency_fit,
    profile_bits,
    round_half_even,
)
from bakat.engine.succession.state import Group, Output, Profile, Targets

#: Chunks of at most this many posts are solved post by post with
#: ``linear_sum_assignment`` (fast at that size); larger ones by groups of equal posts.
SMALL_CHUNK = 100


def _profiles(
    cand: Candidates, universe: IntArray, tg: Targets, rows: IntArray, policy: Policy
) -> tuple[list[Profile], IntArray]:
    """The profiles of posts ``rows`` and the profile number of each post."""
    keys = np.column_stack(
        [
            np.nan_to_num(tg.required[rows], nan=-1.0),
            tg.pendidikan_minimal[rows],
            tg.golongan_minimal[rows],
        ]
    )
    unique, inverse = np.unique(keys, axis=0, return_inverse=True)
    decimals = policy.potensi.desimal
    weight = policy.suksesi.bobot.kesesuaian_kompetensi
    profiles = []
    levels, skor = cand.levels[universe], cand.skor_kompetensi[universe]
    base, kotak, order_key = cand.base[universe], cand.kotak[universe], cand.order_key[universe]
    for key in unique:
        required = np.where(key[:9] < 0, np.nan, key[:9])
        fit = competency_fit(levels, skor, required)
        score = round_half_even(base + weight * fit, decimals)
        members = np.lexsort((order_key, -kotak, -score))
        position = np.empty_like(members)
        position[members] = np.arange(members.size)
        bits = profile_bits(cand, universe, int(key[9]), int(key[10]), policy)
        profiles.append(Profile(members, score, fit, bits, position))
    return profiles, inverse.reshape(-1).astype(np.int64)


def solve_block(
    cand: Candidates,
    universe: IntArray,
    tg: Targets,
    rows: IntArray,
    capacity: IntArray,
    policy: Policy,
    chunk: int,
    keep: int,
    out: Output,
) -> None:
    """Name successors and list exclusions for posts ``rows`` (priority order) from
    candidates ``universe`` (sorted candidate indices); ``capacity`` (per candidate, first
    successor slots left) is updated."""
    k = policy.suksesi.jumlah_suksesor
    profiles, of_row = _profiles(cand, universe, tg, rows, policy)
    pensiun = cand.pensiun[universe]
    local_inc = np.full(rows.size, -1, dtype=np.int64)
    inc = tg.incumbent[rows]
    found = np.searchsorted(universe, inc)
    hit = (inc >= 0) & (found < universe.size)
    hit[hit] = universe[found[hit]] == inc[hit]
    local_inc[hit] = found[hit]
    # Per (profile, limit) group: the ranking's eligible and excluded positions.
    groups: dict[tuple[int, int], Group] = {}
    ranked_bits = [p.bits[p.members] for p in profiles]
    ranked_pensiun = [pensiun[p.members] for p in profiles]
    for i, row in enumerate(rows):
        key = (int(of_row[i]), int(tg.limit[row]))
        if key in groups:
            continue
        prof = profiles[key[0]]
        bits = ranked_bits[key[0]] | np.where(ranked_pensiun[key[0]] <= key[1], BIT_BUP, 0)
        passing = np.flatnonzero(bits == 0)
        failing = np.flatnonzero(bits != 0)[: keep + 1]
        top = prof.members[passing[: k + 2]].tolist()
        groups[key] = Group(passing, top, failing.tolist(), bits[failing].tolist())
    first = _first_successors(
        cand,
        profiles,
        of_row,
        groups,
        universe,
        tg,
        rows,
        local_inc,
        capacity,
        chunk,
        policy.potensi.desimal,
    ).tolist()
    heads = np.asarray(first, dtype=np.int64)
    order = list(groups)
    number = {key: g for g, key in enumerate(order)}
    group_of_row = np.array(
        [
            number[(p, limit)]
            for p, limit in zip(of_row.tolist(), tg.limit[rows].tolist(), strict=True)
        ],
        dtype=np.int64,
    )
    slow = local_inc >= 0
    for i in np.flatnonzero(slow).tolist():
        group = groups[order[int(group_of_row[i])]]
        prof = profiles[int(of_row[i])]
        one_post(prof, group, int(rows[i]), int(local_inc[i]), first[i], k, keep, universe, out)
    fast = np.flatnonzero(~slow)
    if fast.size:
        posts(
            profiles,
            [groups[key] for key in order],
            of_row[fast],
            group_of_row[fast],
            rows[fast],
            heads[fast],
            k,
            keep,
            universe,
            out,
        )


def _first_free(ranked: IntArray, passing: IntArray, free: BoolArray, count: int) -> IntArray:
    """The first ``count`` universe positions of ``ranked[passing]`` that are ``free``,
    looking at growing windows of the ranking rather than at all of it."""
    window = 2 * count
    while True:
        head = ranked[passing[:window]]
        found = head[free[head]]
        if found.size >= count or window >= passing.size:
            return found[:count]
        window *= 4


def _first_successors(
    cand: Candidates,
    profiles: list[Profile],
    of_row: IntArray,
    groups: dict[tuple[int, int], Group],
    universe: IntArray,
    tg: Targets,
    rows: IntArray,
    local_inc: IntArray,
    capacity: IntArray,
    chunk: int,
    decimals: int,
) -> IntArray:
    """Universe position of each post's first successor (-1 for none), chunk by chunk."""
    first = np.full(rows.size, -1, dtype=np.int64)
    pensiun = cand.pensiun[universe]
    scale = 10.0**decimals
    for start in range(0, rows.size, chunk):
        part = np.arange(start, min(start + chunk, rows.size))
        free = capacity[universe] > 0
        offered: list[IntArray] = []
        for key in sorted({(int(of_row[i]), int(tg.limit[rows[i]])) for i in part}):
            ranked = profiles[key[0]].members
            offered.append(_first_free(ranked, groups[key].passing, free, part.size + 1))
        columns = np.unique(np.concatenate(offered))
        if columns.size == 0:
            continue
        # Columns: one per first-successor slot left (a person with two slots twice).
        slots = np.minimum(capacity[universe[columns]], part.size)
        columns = np.repeat(columns, slots)
        local = np.where(np.isin(local_inc[part], columns), local_inc[part], -1)
        # Groups of equal posts; within a profile the strictest vacancy limit first, so
        # that the greedy start gives a person to the post with the fewest options.
        keys = np.column_stack([of_row[part], -tg.limit[rows[part]], local])
        unique, of_part = np.unique(keys, axis=0, return_inverse=True)
        of_part = of_part.reshape(-1)
        weights = np.empty((unique.shape[0], columns.size), dtype=np.int64)
        allowed = np.empty((unique.shape[0], columns.size), dtype=bool)
        for g, (p, negative_limit, own) in enumerate(unique):
            limit = -negative_limit
            prof = profiles[int(p)]
            weights[g] = np.rint(prof.score[columns] * scale).astype(np.int64)
            allowed[g] = (prof.bits[columns] == 0) & (limit < pensiun[columns]) & (columns != own)
        if part.size <= SMALL_CHUNK:
            chosen = assign_first(
                weights[of_part] / scale, allowed[of_part], np.ones(columns.size, np.int64)
            )
            got = chosen >= 0
            first[part[got]] = columns[chosen[got]]
        else:
            big = int(100 * scale) * (part.size + 1) + 1
            demand = np.bincount(of_part, minlength=unique.shape[0]).astype(np.int64)
            owner = assign_groups(weights + big, allowed, demand, np.ones(columns.size, np.int64))
            for g in range(unique.shape[0]):
                mine = np.flatnonzero(owner == g)
                mine = mine[np.argsort(-weights[g, mine], kind="stable")]
                takers = part[of_part == g][: mine.size]
                first[takers] = columns[mine[: takers.size]]
        got = first[part] >= 0
        np.subtract.at(capacity, universe[first[part][got]], 1)
    return first
