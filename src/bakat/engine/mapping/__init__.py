"""Nine Box mapping: placement, reasons, talent pool, coverage, calibration, fairness.

``run_mapping(data, *, as_of, policy, settings=None) -> MappingResult`` is the job
(:mod:`bakat.engine.mapping.job`); docs/mapping.md describes every output. The steps are
LazyFrame functions: :mod:`.kinerja` (performance axis), :mod:`.potensi` (potential axis
and its sub-scores), :mod:`.discipline` (sanctions per person), :mod:`.placement`
(levels -> box, reasons, actions), :mod:`.pool` (talent pool and exclusions),
:mod:`.coverage`, :mod:`.calibration`, :mod:`.fairness`.
"""

from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.job import MappingResult, run_mapping
from bakat.engine.mapping.settings import Correction, ScreeningSettings

__all__ = ["Correction", "MappingData", "MappingResult", "ScreeningSettings", "run_mapping"]
