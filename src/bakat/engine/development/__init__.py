"""Development, rotation, retention and the workforce forecast (issue 5).

``run_development(data, pemetaan, suksesi, as_of, policy) -> DevelopmentResult`` is the
job (:mod:`bakat.engine.development.job`); docs/development.md describes every output.
The steps are LazyFrame functions: :mod:`.idp` (individual development plan, with
:mod:`.activities`), :mod:`.compliance` (the 20 JP rule), :mod:`.watchlists` (rotation
and retention), :mod:`.forecast` (retirements against successors and the pool).
"""

from bakat.engine.development.job import DevelopmentResult, run_development

__all__ = ["DevelopmentResult", "run_development"]
