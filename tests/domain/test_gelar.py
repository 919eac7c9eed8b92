"""The education level academic titles imply (data-quality rule V30)."""

from __future__ import annotations

import pytest

from bakat.domain.gelar import pendidikan_dari_gelar
from bakat.domain.pendidikan import Pendidikan


@pytest.mark.parametrize(
    ("depan", "belakang", "pendidikan"),
    [
        (None, "S.Sos.", Pendidikan.S1),
        (None, "S.Sos., M.Si.", Pendidikan.S2),
        (None, "A.Md.Kep.", Pendidikan.D3),
        (None, "A.Ma.", Pendidikan.D2),
        (None, "A.P.", Pendidikan.D1),
        (None, "S.Tr.Sos.", Pendidikan.D4),
        (None, "MM", Pendidikan.S2),
        (None, "S.E., Ph.D", Pendidikan.S3),
        ("Dr.", "S.Sos., M.Si.", Pendidikan.S3),
        ("dr.", None, Pendidikan.S1),
        ("Drs.", None, Pendidikan.S1),
        ("Prof. Dr.", None, Pendidikan.S3),
        ("Ir.", "M.T.", Pendidikan.S2),
        (None, None, None),
        (None, "Hj.", None),
    ],
)
def test_it_reads_the_highest_level_from_the_titles(
    depan: str | None, belakang: str | None, pendidikan: Pendidikan | None
) -> None:
    assert pendidikan_dari_gelar(depan, belakang) is pendidikan


def test_it_tells_a_doctorate_from_a_physician_by_case() -> None:
    assert pendidikan_dari_gelar("Dr.", None) is Pendidikan.S3
    assert pendidikan_dari_gelar("dr.", None) is Pendidikan.S1
