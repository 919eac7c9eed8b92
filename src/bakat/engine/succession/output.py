"""The succession result files as frames ready to write (names and number formats).

Same input and ``as_of`` give byte-identical files: the frames are sorted, and every
floating-point column becomes text with ``potensi.desimal`` decimals, rounded as Python
rounds (``bakat.engine.mapping.output.for_file``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import polars as pl

from bakat.engine.mapping.output import for_file
from bakat.engine.succession.job import SuccessionResult

#: File name of each result frame.
FILES: Mapping[str, str] = MappingProxyType(
    {
        "suksesi": "suksesi.csv",
        "pengecualian": "pengecualian.csv",
        "kekuatan": "kekuatan_suksesi.csv",
    }
)


def result_files(result: SuccessionResult) -> dict[str, pl.DataFrame]:
    """File name -> frame to write."""
    decimals = result.policy.potensi.desimal
    frames = {
        "suksesi": result.suksesi,
        "pengecualian": result.pengecualian,
        "kekuatan": result.kekuatan,
    }
    return {FILES[name]: for_file(frame, decimals) for name, frame in frames.items()}
