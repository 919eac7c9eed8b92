"""The mapping's result files as frames ready to write: names and fixed number formats.

Same input and ``as_of`` must give byte-identical files (formats.md "Commands"). The
frames are already sorted; here every floating-point column becomes text with a fixed
number of decimals, rounded as Python rounds (half to even on the exact value), so that
the text never depends on how a writer prints a float.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import polars as pl

from bakat.engine.mapping.job import MappingResult
from bakat.engine.mapping.numeric import round_like_python

#: File name of each result frame.
FILES: Mapping[str, str] = MappingProxyType(
    {
        "pemetaan": "pemetaan.csv",
        "kelompok_talenta": "kelompok_talenta.csv",
        "cakupan": "cakupan.csv",
        "kalibrasi": "kalibrasi.csv",
        "keadilan": "keadilan.csv",
    }
)
#: File name of the effective policy written beside the results.
POLICY_FILE = "kebijakan.toml"

# Decimals of the statistics; scores and percentages use the policy's ``potensi.desimal``.
_STATISTICS: Mapping[str, int] = MappingProxyType(
    {
        "chi_kuadrat": 4,
        "p_nilai": 6,
        "p_terkoreksi": 6,
        "cramer_v": 4,
        "tingkat": 4,
        "ci_bawah": 4,
        "ci_atas": 4,
        "tingkat_acuan": 4,
        "rasio": 4,
    }
)


def fixed(expr: pl.Expr, decimals: int) -> pl.Expr:
    """``expr`` as text with exactly ``decimals`` decimals (``80.50``); null stays null."""
    return round_like_python(expr, decimals).cast(pl.Decimal(38, decimals)).cast(pl.String)


def for_file(df: pl.DataFrame, decimals: int) -> pl.DataFrame:
    """``df`` with every Float column as fixed-decimal text (statistics with their own
    decimals, everything else with ``decimals``)."""
    return df.with_columns(
        fixed(pl.col(name), _STATISTICS.get(name, decimals)).alias(name)
        for name, dtype in df.schema.items()
        if dtype.is_float()
    )


def result_files(result: MappingResult) -> dict[str, pl.DataFrame]:
    """File name -> frame to write, for every result frame."""
    decimals = result.policy.potensi.desimal
    frames = {
        "pemetaan": result.pemetaan,
        "kelompok_talenta": result.kelompok_talenta,
        "cakupan": result.cakupan,
        "kalibrasi": result.kalibrasi,
        "keadilan": result.keadilan,
    }
    return {FILES[name]: for_file(frame, decimals) for name, frame in frames.items()}
