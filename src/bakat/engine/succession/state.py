"""The arrays a block of succession works on, and the rows it accumulates."""

from __future__ import annotations

from dataclasses import dataclass, field

from bakat.engine.succession.scoring import FloatArray, IntArray


@dataclass(frozen=True)
class Targets:
    """The target posts as arrays, in priority order within their block."""

    required: FloatArray  # posts x 9, NaN = no requirement
    pendidikan_minimal: IntArray  # -1 = none
    golongan_minimal: IntArray
    limit: IntArray  # retirement on or before this day number excludes
    incumbent: IntArray  # candidate index of the incumbent, -1 = none


@dataclass
class Output:
    """Rows accumulated over the blocks, column by column."""

    succ_target: list[int] = field(default_factory=list)
    succ_rank: list[int] = field(default_factory=list)
    succ_candidate: list[int] = field(default_factory=list)
    succ_score: list[float] = field(default_factory=list)
    succ_fit: list[float] = field(default_factory=list)
    excl_target: list[int] = field(default_factory=list)
    excl_candidate: list[int] = field(default_factory=list)
    excl_bits: list[int] = field(default_factory=list)
    excl_score: list[float] = field(default_factory=list)
    eligible: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Group:
    """One (profile, retirement limit) group: its ranking, walked once."""

    passing: IntArray  # ranking positions of the eligible candidates
    top: list[int]  # universe positions of the first eligible ones
    failing: list[int]  # ranking positions of the first excluded ones
    failing_bits: list[int]


@dataclass(frozen=True)
class Profile:
    members: IntArray  # universe positions, in ranking order
    score: FloatArray  # per universe position
    fit: FloatArray
    bits: IntArray  # per universe position (candidate + profile rules)
    position: IntArray  # ranking position of each universe position
