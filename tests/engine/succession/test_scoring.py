"""Competency fit: each competency capped at its required level, averaged."""

from __future__ import annotations

import numpy as np
import pytest

from bakat.engine.succession.scoring import competency_fit

NAN = np.nan


@pytest.mark.parametrize(
    ("levels", "required", "skor", "fit"),
    [
        ([3, 3, 3], [3, 3, 3], 50.0, 1.0),
        ([5, 5, 5], [3, 3, 3], 50.0, 1.0),  # above the requirement counts as met
        ([1, 2, 3], [2, 2, 2], 50.0, (0.5 + 1 + 1) / 3),
        ([2, NAN, 4], [4, 4, 4], 50.0, (0.5 + 1) / 2),  # no recorded level: not counted
        ([2, 2, 2], [NAN, 4, NAN], 50.0, 0.5),  # no requirement: not counted
        ([NAN, NAN, NAN], [3, 3, 3], 64.0, 0.64),  # no levels: the job-person match
        ([NAN, NAN, NAN], [3, 3, 3], NAN, 0.0),
    ],
)
def test_competency_fit(
    levels: list[float], required: list[float], skor: float, fit: float
) -> None:
    result = competency_fit(
        np.array([levels], dtype=float), np.array([skor]), np.array(required, dtype=float)
    )
    assert result[0] == pytest.approx(fit)
