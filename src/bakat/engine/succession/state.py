"""The arrays a block of succession works on, and the rows it accumulates."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

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

    def rows(self) -> Rows:
        """The accumulated rows as arrays."""
        return Rows(
            succ_target=np.asarray(self.succ_target, dtype=np.int64),
            succ_rank=np.asarray(self.succ_rank, dtype=np.int64),
            succ_candidate=np.asarray(self.succ_candidate, dtype=np.int64),
            succ_score=np.asarray(self.succ_score, dtype=np.float64),
            succ_fit=np.asarray(self.succ_fit, dtype=np.float64),
            excl_target=np.asarray(self.excl_target, dtype=np.int64),
            excl_candidate=np.asarray(self.excl_candidate, dtype=np.int64),
            excl_bits=np.asarray(self.excl_bits, dtype=np.int64),
            excl_score=np.asarray(self.excl_score, dtype=np.float64),
            eligible_target=np.fromiter(self.eligible.keys(), np.int64, len(self.eligible)),
            eligible_count=np.fromiter(self.eligible.values(), np.int64, len(self.eligible)),
        )


@dataclass(frozen=True)
class Rows:
    """The rows of :class:`Output` as arrays (what a worker process sends back)."""

    succ_target: IntArray
    succ_rank: IntArray
    succ_candidate: IntArray
    succ_score: FloatArray
    succ_fit: FloatArray
    excl_target: IntArray
    excl_candidate: IntArray
    excl_bits: IntArray
    excl_score: FloatArray
    eligible_target: IntArray
    eligible_count: IntArray

    @classmethod
    def concat(cls, parts: list[Rows]) -> Rows:
        """The rows of ``parts``, one after the other."""
        names = list(cls.__dataclass_fields__)
        return cls(**{n: np.concatenate([getattr(p, n) for p in parts]) for n in names})


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
