"""Settings of the calibration and fairness screens.

These are statistical choices of the screen, not rules of talent management: they do not
decide anyone's box or pool membership, so they live here rather than in the scoring
policy (and do not change its fingerprint). docs/mapping.md explains each one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bakat.domain.errors import InputError


class Correction(StrEnum):
    """Multiple-comparison correction of the per-unit calibration tests."""

    #: Benjamini-Hochberg: controls the expected share of false alarms among the flags.
    BH = "bh"
    #: Holm: controls the chance of any false alarm at all (more conservative).
    HOLM = "holm"


@dataclass(frozen=True)
class ScreeningSettings:
    """Settings of :mod:`~bakat.engine.mapping.calibration` and
    :mod:`~bakat.engine.mapping.fairness`.

    ``alpha``: significance level after correction. ``min_unit``: fewest mapped people
    in a unit for a calibration verdict. ``min_expected`` and ``max_small_share``:
    Cochran's rule for the chi-square approximation: no expected count below 1 and at
    most ``max_small_share`` of the expected counts below ``min_expected``.
    ``min_group``: fewest people in a group for a selection-rate ratio.
    ``ratio_threshold``: the four-fifths screen. ``confidence``: level of the Wilson
    intervals. ``age_bands``: lower bounds of the age bands after the first.
    """

    correction: Correction = Correction.BH
    alpha: float = 0.05
    min_unit: int = 20
    min_expected: float = 5.0
    max_small_share: float = 0.2
    min_group: int = 20
    ratio_threshold: float = 0.8
    confidence: float = 0.95
    age_bands: tuple[int, ...] = (30, 40, 50)

    def __post_init__(self) -> None:
        problems = []
        if not 0 < self.alpha < 1:
            problems.append("alpha harus di antara 0 dan 1 / alpha must be between 0 and 1")
        if self.min_unit < 2 or self.min_group < 1:
            problems.append("ukuran minimal terlalu kecil / minimum size too small")
        if self.min_expected <= 0 or not 0 <= self.max_small_share <= 1:
            problems.append("aturan Cochran tidak sah / invalid Cochran rule")
        if not 0 < self.ratio_threshold <= 1:
            problems.append("ambang rasio harus 0-1 / ratio threshold must be 0-1")
        if not 0 < self.confidence < 1:
            problems.append("tingkat kepercayaan harus 0-1 / confidence must be 0-1")
        bands = list(self.age_bands)
        if not bands or bands != sorted(set(bands)) or bands[0] <= 0:
            problems.append("batas usia harus naik / age bands must rise")
        if problems:
            raise InputError("; ".join(problems))
