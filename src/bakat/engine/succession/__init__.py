"""Succession planning: target posts, eligible candidates, successors, bench strength.

``run_succession(data, pemetaan, as_of, policy) -> SuccessionResult`` is the job
(:mod:`bakat.engine.succession.job`); docs/succession.md describes every output. The
steps: :mod:`.frames` (candidate and target plans), :mod:`.rules` (eligibility codes and
settings), :mod:`.scoring` (the explainable score), :mod:`.solve` (blocks, ranking,
first successors per chunk), :mod:`.assignment` (the optimal assignment), :mod:`.lists`
(successor and exclusion lists), :mod:`.state` (block arrays), :mod:`.strength` (bench
strength and summary), :mod:`.output` (result files).
"""

from bakat.engine.succession.job import SuccessionResult, run_succession
from bakat.engine.succession.rules import SuccessionSettings
from bakat.engine.succession.strength import SuccessionSummary

__all__ = ["SuccessionResult", "SuccessionSettings", "SuccessionSummary", "run_succession"]
