"""Serial numbers and the column-wise NIP/NIK agree with the domain builders."""

from __future__ import annotations

import numpy as np

from bakat.synth.identifiers import nomor_urut


def test_serials_count_up_within_equal_prefixes_in_order() -> None:
    awalan = np.array([5, 3, 5, 5, 3, 7], dtype=np.int64)
    assert nomor_urut(awalan).tolist() == [1, 1, 2, 3, 2, 1]
