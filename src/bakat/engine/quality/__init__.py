"""Data-quality checks: named rules over the personnel tables, findings, and the
data-quality index (docs/data-quality.md)."""

from bakat.engine.quality.catalog import ATURAN
from bakat.engine.quality.check import CheckInput, CheckResult, Dilewati, run_check
from bakat.engine.quality.registry import Dimensi, Konteks, Rule, Tingkat

__all__ = [
    "ATURAN",
    "CheckInput",
    "CheckResult",
    "Dilewati",
    "Dimensi",
    "Konteks",
    "Rule",
    "Tingkat",
    "run_check",
]
