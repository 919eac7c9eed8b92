"""Successor lists and exclusion lists of the posts of a block, once the first
successors are known (docs/succession.md "Naming successors", "Exclusions")."""

from __future__ import annotations

import itertools

import numpy as np

from bakat.engine.succession.scoring import BIT_PEMANGKU, IntArray
from bakat.engine.succession.state import Group, Output, Profile


def one_post(
    prof: Profile,
    group: Group,
    row: int,
    own: int,
    head: int,
    k: int,
    keep: int,
    universe: IntArray,
    out: Output,
) -> None:
    """The list and exclusions of a post whose incumbent is among the candidates."""
    others = [p for p in group.top if p != own and p != head]
    # Without a first successor the list starts at rank 2 (rank 1 stays empty).
    named = ([head] if head >= 0 else []) + others[: k - 1]
    spot = int(prof.position[own])
    where = int(np.searchsorted(group.passing, spot))
    own_passes = int(where < group.passing.size and group.passing[where] == spot)
    out.eligible[row] = int(group.passing.size) - own_passes
    scores = prof.score[named].tolist()
    if named:
        offset = 1 if head >= 0 else 2
        out.succ_target += [row] * len(named)
        out.succ_rank += list(range(offset, offset + len(named)))
        out.succ_candidate += universe[named].tolist()
        out.succ_score += scores
        out.succ_fit += prof.fit[named].tolist()
    threshold = min(scores) if len(named) == k else -np.inf
    _exclusions(prof, group, own, threshold, keep, row, universe, out)


def _padded(lists: list[IntArray], width: int) -> IntArray:
    table = np.full((len(lists), width), -1, dtype=np.int64)
    for g, values in enumerate(lists):
        table[g, : len(values)] = values[:width]
    return table


def posts(
    profiles: list[Profile],
    groups: list[Group],
    profile_of: IntArray,
    group_of: IntArray,
    rows: IntArray,
    heads: IntArray,
    k: int,
    keep: int,
    universe: IntArray,
    out: Output,
) -> None:
    """Lists and exclusions of the posts ``rows`` of a block whose incumbent is not among
    the candidates, all at once: the first successor ``heads`` (-1 for none), then the
    best others of the post's group ranking at ranks 2 to k."""
    n_top = max(k + 2, 1)
    top_table = _padded([np.asarray(g.top, dtype=np.int64) for g in groups], n_top)
    profile_by_group = np.array(
        [
            profile_of[np.flatnonzero(group_of == g)[0]] if (group_of == g).any() else 0
            for g in range(len(groups))
        ],
        dtype=np.int64,
    )
    top_score = np.full(top_table.shape, np.inf)
    fail_members = [
        profiles[int(profile_by_group[g])].members[np.asarray(grp.failing, dtype=np.int64)]
        for g, grp in enumerate(groups)
    ]
    fail_table = _padded(fail_members, max(keep, 1))
    fail_bits = _padded([np.asarray(g.failing_bits, dtype=np.int64) for g in groups], max(keep, 1))
    fail_score = np.full(fail_table.shape, -np.inf)
    for g in range(len(groups)):
        prof = profiles[int(profile_by_group[g])]
        used = top_table[g] >= 0
        top_score[g, used] = prof.score[top_table[g, used]]
        used = fail_table[g] >= 0
        fail_score[g, used] = prof.score[fail_table[g, used]]
    head_score = np.full(rows.size, np.inf)
    head_fit = np.zeros(rows.size)
    has_head = heads >= 0
    for p in np.unique(profile_of[has_head]).tolist():
        mine = has_head & (profile_of == p)
        head_score[mine] = profiles[p].score[heads[mine]]
        head_fit[mine] = profiles[p].fit[heads[mine]]
    top = top_table[group_of]
    other = (top >= 0) & (top != heads[:, None])
    place = np.cumsum(other, axis=1)
    named = other & (place <= k - 1)
    n_named = has_head.astype(np.int64) + named.sum(axis=1)
    counts = np.array([len(g.passing) for g in groups], dtype=np.int64)
    out.eligible.update(zip(rows.tolist(), counts[group_of].tolist(), strict=True))
    which, column = np.nonzero(named)
    candidate = top[which, column]
    fit = np.zeros(candidate.size)
    for p in np.unique(profile_of[which]).tolist():
        mine = profile_of[which] == p
        fit[mine] = profiles[p].fit[candidate[mine]]
    out.succ_target += rows[has_head].tolist() + rows[which].tolist()
    out.succ_rank += [1] * int(has_head.sum()) + (place[which, column] + 1).tolist()
    out.succ_candidate += universe[heads[has_head]].tolist() + universe[candidate].tolist()
    out.succ_score += head_score[has_head].tolist() + top_score[group_of[which], column].tolist()
    out.succ_fit += head_fit[has_head].tolist() + fit.tolist()
    if keep == 0:
        return
    lowest = np.where(named, top_score[group_of], np.inf).min(axis=1, initial=np.inf)
    threshold = np.where(n_named == k, np.minimum(lowest, head_score), -np.inf)
    scores = fail_score[group_of]
    chosen = (scores >= threshold[:, None]) & (fail_table[group_of] >= 0)
    chosen &= np.cumsum(chosen, axis=1) <= keep
    which, column = np.nonzero(chosen)
    out.excl_target += rows[which].tolist()
    out.excl_candidate += universe[fail_table[group_of[which], column]].tolist()
    out.excl_bits += fail_bits[group_of[which], column].tolist()
    out.excl_score += scores[which, column].tolist()


def _exclusions(
    prof: Profile,
    group: Group,
    own: int,
    threshold: float,
    keep: int,
    row: int,
    universe: IntArray,
    out: Output,
) -> None:
    """The first ``keep`` excluded candidates of a post in ranking order whose score
    reaches ``threshold`` (the lowest named successor's, when the list is full)."""
    if keep == 0:
        return
    at, bits = group.failing, group.failing_bits
    if own >= 0:
        spot = int(prof.position[own])
        if spot in at:
            bits = [b | (BIT_PEMANGKU if a == spot else 0) for a, b in zip(at, bits, strict=True)]
        else:
            place = sum(1 for a in at if a < spot)
            at = [*at[:place], spot, *at[place:]]
            bits = [*bits[:place], BIT_PEMANGKU, *bits[place:]]
    if not at:
        return
    members = prof.members[at]
    scores = prof.score[members].tolist()
    rows = zip(universe[members].tolist(), bits, scores, strict=True)
    for member, bit, score in itertools.islice(rows, keep):
        if score < threshold:
            break
        out.excl_target.append(row)
        out.excl_candidate.append(member)
        out.excl_bits.append(bit)
        out.excl_score.append(score)
