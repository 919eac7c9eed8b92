"""First successors are an optimal assignment: checked against brute force."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bakat.engine.succession.assignment import assign_first, assign_groups


def _best(scores: np.ndarray, allowed: np.ndarray, capacity: np.ndarray) -> tuple[int, float]:
    """(posts served, total score) of the best assignment, by trying them all."""
    rows, columns = scores.shape
    best = (0, 0.0)
    for choice in itertools.product(range(-1, columns), repeat=rows):
        used = [c for c in choice if c >= 0]
        if any(used.count(c) > capacity[c] for c in set(used)):
            continue
        if any(c >= 0 and not allowed[r, c] for r, c in enumerate(choice)):
            continue
        value = (len(used), round(sum(scores[r, c] for r, c in enumerate(choice) if c >= 0), 6))
        best = max(best, value)
    return best


def _value(scores: np.ndarray, chosen: np.ndarray) -> tuple[int, float]:
    used = [(r, int(c)) for r, c in enumerate(chosen) if c >= 0]
    return len(used), round(sum(scores[r, c] for r, c in used), 6)


@st.composite
def instances(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = draw(st.integers(1, 4))
    columns = draw(st.integers(1, 4))
    cells = st.lists(st.integers(0, 10_000), min_size=rows * columns, max_size=rows * columns)
    scores = np.array(draw(cells), dtype=float).reshape(rows, columns) / 100
    flags = st.lists(st.booleans(), min_size=rows * columns, max_size=rows * columns)
    allowed = np.array(draw(flags)).reshape(rows, columns)
    capacity = np.array(draw(st.lists(st.integers(0, 2), min_size=columns, max_size=columns)))
    return scores, allowed, capacity


@settings(max_examples=300, deadline=None)
@given(instances())
def test_the_assignment_serves_the_most_posts_then_the_best_total(
    instance: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    scores, allowed, capacity = instance
    chosen = assign_first(scores, allowed, capacity)
    for r, c in enumerate(chosen):
        assert c < 0 or allowed[r, c]
    counts = np.bincount(chosen[chosen >= 0], minlength=scores.shape[1])
    assert (counts <= capacity).all()
    assert _value(scores, chosen) == _best(scores, allowed, capacity)


@settings(max_examples=300, deadline=None)
@given(instances(), st.data())
def test_the_grouped_solver_finds_the_same_optimum(
    instance: tuple[np.ndarray, np.ndarray, np.ndarray], data: st.DataObject
) -> None:
    scores, allowed, capacity = instance
    # Rows in groups: some posts are copies of others (same scores and allowed columns).
    rows = scores.shape[0]
    group_of = np.array(data.draw(st.lists(st.integers(0, rows - 1), min_size=rows, max_size=rows)))
    scores, allowed = scores[group_of], allowed[group_of]
    groups, of_row = np.unique(group_of, return_inverse=True)
    weights = np.rint(scores[[list(group_of).index(g) for g in groups]] * 100).astype(np.int64)
    group_allowed = allowed[[list(group_of).index(g) for g in groups]]
    demand = np.bincount(of_row, minlength=groups.size)
    columns = np.repeat(np.arange(scores.shape[1]), capacity)
    big = 10_000 * (rows + 1) + 1
    owner = assign_groups(
        weights[:, columns] + big,
        group_allowed[:, columns],
        demand,
        np.ones(columns.size, dtype=np.int64),
    )
    chosen = np.full(rows, -1)
    for g in range(groups.size):
        mine = columns[owner == g]
        takers = np.flatnonzero(of_row == g)
        assert mine.size <= takers.size
        chosen[takers[: mine.size]] = mine
    for r, c in enumerate(chosen):
        assert c < 0 or allowed[r, c]
    assert _value(scores, chosen) == _best(scores, allowed, capacity)


def test_a_post_with_no_allowed_candidate_gets_nobody() -> None:
    scores = np.array([[90.0, 80.0], [70.0, 60.0]])
    allowed = np.array([[True, True], [False, False]])
    chosen = assign_first(scores, allowed, np.array([1, 1]))
    assert chosen.tolist() == [0, -1]


def test_serving_two_posts_beats_one_higher_score() -> None:
    # Post 0 likes A most, but only A can serve post 1: both posts get someone.
    scores = np.array([[99.0, 50.0], [60.0, 0.0]])
    allowed = np.array([[True, True], [True, False]])
    assert assign_first(scores, allowed, np.array([1, 1])).tolist() == [1, 0]
