from __future__ import annotations

from bakat.domain.kompetensi import (
    KOMPETENSI,
    KOMPETENSI_MANAJERIAL,
    LEVEL_MAKSIMAL,
    LEVEL_MINIMAL,
    NAMA_KOMPETENSI,
)


def test_there_are_eight_managerial_and_one_sociocultural_competency() -> None:
    assert len(KOMPETENSI_MANAJERIAL) == 8
    assert KOMPETENSI[-1] == "perekat_bangsa"
    assert len(set(KOMPETENSI)) == 9


def test_every_competency_has_an_indonesian_and_an_english_name() -> None:
    assert set(NAMA_KOMPETENSI) == set(KOMPETENSI)
    assert all(id_ and en for id_, en in NAMA_KOMPETENSI.values())


def test_levels_run_from_one_to_five() -> None:
    assert (LEVEL_MINIMAL, LEVEL_MAKSIMAL) == (1, 5)
