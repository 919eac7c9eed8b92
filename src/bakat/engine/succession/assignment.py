"""First successors across many posts at once, as an optimal assignment.

A person may be first successor (``peringkat`` 1) for at most ``maks_suksesor_pertama``
posts (docs/policy.md ``[suksesi]``); nothing else ties the posts together, since a
person may be named at ranks 2 and below on any number of lists. Choosing the first
successors is then a maximum-weight b-matching between posts and people, solved exactly
with :func:`scipy.optimize.linear_sum_assignment` (Jonker-Volgenant shortest augmenting
paths): each person is a column repeated once per remaining slot; the weight of an
allowed pair is ``BIG + score``, with ``BIG`` larger than any sum of scores, and a
forbidden pair weighs 0. The optimum therefore has

1. the largest possible number of posts with a first successor, and among those
2. the largest possible sum of the first successors' scores.

A post matched only through a forbidden pair has no first successor.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def assign_first(scores: FloatArray, allowed: BoolArray, capacity: IntArray) -> IntArray:
    """The column given to each row (``-1`` for none) maximising first the number of
    rows served, then the sum of ``scores`` of the pairs used; column ``j`` serves at most
    ``capacity[j]`` rows. ``scores`` are 0-100; ``allowed`` masks the pairs that may be
    used; both are ``rows x columns``."""
    rows, columns = scores.shape
    result = np.full(rows, -1, dtype=np.int64)
    slots = np.minimum(capacity, rows).clip(min=0)
    if rows == 0 or columns == 0 or not allowed.any() or slots.sum() == 0:
        return result
    owner = np.repeat(np.arange(columns, dtype=np.int64), slots)
    big = 100.0 * rows + 1.0
    weights = np.where(allowed, big + scores, 0.0)[:, owner]
    row_index, slot_index = linear_sum_assignment(weights, maximize=True)
    used = weights[row_index, slot_index] > 0.0
    result[row_index[used]] = owner[slot_index[used]]
    return result


# Larger than any path cost (weights stay below 2**31), small enough to carry a column
# number in its low bits.
_INF = 2**40
_SHIFT = 2**20


def _segment_min(
    values: IntArray, owners: IntArray, positions: IntArray, groups: int
) -> tuple[IntArray, IntArray]:
    """Per row of ``values`` (rows x held columns, sorted by owner) and per owner: the
    minimum and the column where it is reached (the first on ties); ``_INF``/-1 when the
    owner holds nothing."""
    rows = values.shape[0]
    best = np.full((rows, groups), _INF, dtype=np.int64)
    where = np.full((rows, groups), -1, dtype=np.int64)
    if owners.size == 0:
        return best, where
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    packed = np.minimum(values, _INF) * _SHIFT + np.arange(owners.size)[None, :]
    low = np.minimum.reduceat(packed, starts, axis=1)
    holders = owners[starts]
    best[:, holders] = low // _SHIFT
    where[:, holders] = positions[low % _SHIFT]
    return best, where


def _edges(
    weights: IntArray, costs: IntArray, owner: IntArray, dummy: IntArray
) -> tuple[IntArray, IntArray]:
    """Costs and columns of the compressed residual graph (groups, then node T).
    ``costs``: ``-weights`` where a pair is allowed, ``_INF`` where not (made once per
    problem; a sum above ``_INF`` counts as ``_INF``)."""
    groups = weights.shape[0]
    cost = np.full((groups + 1, groups + 1), _INF, dtype=np.int64)
    via = np.full((groups + 1, groups + 1), -1, dtype=np.int64)
    free = np.flatnonzero(owner < 0)
    # g -> T: take the best free column, or leave the unit unplaced (cost 0).
    cost[:groups, groups] = 0
    if free.size:
        take = np.minimum(costs[:, free], 0)
        best = take.argmin(axis=1)
        gain = take[np.arange(groups), best] < 0
        cost[:groups, groups][gain] = take[np.arange(groups), best][gain]
        via[:groups, groups][gain] = free[best][gain]
    held = np.flatnonzero(owner >= 0)
    held = held[np.argsort(owner[held], kind="stable")]
    owners = owner[held]
    # g -> g': g takes a column of g', which must place that unit elsewhere.
    kept = weights[owners, held]
    swap = costs[:, held] + kept[None, :]
    swap[owners[None, :] == np.arange(groups)[:, None]] = _INF
    cost[:groups, :groups], via[:groups, :groups] = _segment_min(swap, owners, held, groups)
    # T -> g: g gives up its cheapest column, or an unplaced unit (cost 0).
    release, where = _segment_min(kept[None, :], owners, held, groups)
    cost[groups, :groups], via[groups, :groups] = release[0], where[0]
    spare = dummy > 0
    cost[groups, :groups][spare], via[groups, :groups][spare] = 0, -1
    return cost, via


def _cycle_in(pred: IntArray) -> list[int] | None:
    """A cycle of the predecessor graph ``pred`` (-1 = none), in edge order, or ``None``.

    During Bellman-Ford every cycle of that graph has negative cost, so looking for one
    after each pass finds a negative cycle after about as many passes as it has edges,
    instead of after all of them."""
    size = pred.size
    jump = np.where(pred < 0, size, pred)
    jump = np.append(jump, size)
    for _ in range(max(1, int(size).bit_length() + 1)):
        jump = jump[jump]
    for start in np.unique(jump[:size]).tolist():
        if start == size:
            continue
        cycle = [start]
        node = int(pred[start])
        while node != start and node >= 0 and len(cycle) <= size:
            cycle.append(node)
            node = int(pred[node])
        if node == start:
            cycle.reverse()
            return cycle
    return None


def _negative_cycle(cost: IntArray) -> list[int] | None:
    """The nodes of a negative cycle of the dense graph ``cost`` (Bellman-Ford with a
    look for a cycle of predecessors after each pass), in order, or ``None``."""
    size = cost.shape[0]
    dist = np.zeros(size, dtype=np.int64)
    pred = np.full(size, -1, dtype=np.int64)
    for _ in range(size + 1):
        candidate = np.minimum(dist[:, None] + cost, _INF)
        best = candidate.argmin(axis=0)
        value = candidate[best, np.arange(size)]
        better = value < dist
        if not better.any():
            return None
        dist[better], pred[better] = value[better], best[better]
        cycle = _cycle_in(pred)
        if cycle is not None:
            return cycle
    return _cycle_in(pred)


def _greedy(weights: IntArray, allowed: BoolArray, demand: IntArray) -> IntArray:
    """A starting solution: pairs by weight, best first, while demand and columns last."""
    owner = np.full(weights.shape[1], -1, dtype=np.int64)
    g_index, c_index = np.nonzero(allowed)
    order = np.argsort(-weights[g_index, c_index], kind="stable")
    left = demand.astype(np.int64).tolist()
    remaining = int(sum(left))
    taken = [False] * weights.shape[1]
    for g, c in zip(g_index[order].tolist(), c_index[order].tolist(), strict=True):
        if remaining == 0:
            break
        if left[g] and not taken[c]:
            taken[c] = True
            left[g] -= 1
            remaining -= 1
            owner[c] = g
    return owner


def assign_groups(
    weights: IntArray, allowed: BoolArray, demand: IntArray, capacity: IntArray
) -> IntArray:
    """Optimal transportation of ``demand[g]`` units of each group ``g`` to columns of
    ``capacity`` 1 (repeat a column for more), maximising the total of ``weights``
    (positive integers) over the pairs used; a unit may stay unplaced (weight 0). Returns
    the group of each column (``-1`` when unused).

    Rows with identical weights and allowed columns (posts of one profile and vacancy
    date) form a group; solving per group instead of per row is what makes a chunk of a
    thousand posts cheap. Method: pairs are taken by weight, best first (greedy), then
    negative cycles of the residual graph are cancelled until there are none, which is
    the optimality condition of a min-cost flow (Klein's cycle cancelling). The residual
    graph is compressed to the groups plus one node for the free columns and the unplaced
    units: a column used by a group has exactly one edge back to it, so every cycle of
    the full graph maps to one of the compressed graph and back.
    """
    groups = weights.shape[0]
    owner = _greedy(weights, allowed & (capacity > 0)[None, :], demand)
    dummy = demand - np.bincount(owner[owner >= 0], minlength=groups)
    open_ = capacity > 0
    costs = np.where(allowed & open_[None, :], -weights, _INF)
    while True:
        cost, via = _edges(weights, costs, owner, dummy)
        cycle = _negative_cycle(cost)
        if cycle is None:
            return owner
        steps = list(zip(cycle, cycle[1:] + cycle[:1], strict=True))
        moves = [(u, v, int(via[u, v])) for u, v in steps]
        for u, v, column in moves:
            if u == groups:  # v releases a column or an unplaced unit
                if column < 0:
                    dummy[v] -= 1
                else:
                    owner[column] = -1
        for u, _, column in moves:
            if u == groups:
                continue
            if column < 0:
                dummy[u] += 1
            else:
                owner[column] = u
