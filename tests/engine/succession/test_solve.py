"""Both solvers of a chunk give the same optimum inside the job, and chunking keeps the
first-successor limit across chunks."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bakat.domain.policy import load_policy
from bakat.engine.succession import solve
from bakat.engine.succession.job import run_succession
from bakat.engine.succession.rules import SuccessionSettings

from .records import AS_OF, agency, person, post

POLICY = load_policy()


def _agency():  # type: ignore[no-untyped-def]
    people = [
        person(
            f"19800101200501{i:04d}",
            skor_potensi=50.0 + (i * 37) % 50,
            tanggal_lahir=date(1968 + i % 15, 1 + i % 12, 1),
            level={"integritas": 1 + i % 5, "komunikasi": 1 + (i * 3) % 5}
            | dict.fromkeys(
                (
                    "kerja_sama",
                    "orientasi_hasil",
                    "pelayanan_publik",
                    "pengembangan_diri",
                    "mengelola_perubahan",
                    "pengambilan_keputusan",
                    "perekat_bangsa",
                ),
                3,
            ),
        )
        for i in range(60)
    ]
    posts = [
        post(f"J{j:03d}", integritas=2 + j % 4, komunikasi=5 - j % 3, kritikal=j % 5 == 0)
        for j in range(40)
    ]
    return agency(people, posts)


def _first_total(result) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    firsts = result.suksesi.filter(pl.col("peringkat") == 1)
    return firsts.height, round(float(firsts.get_column("skor").sum()), 6)


def test_the_grouped_solver_and_the_assignment_solver_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, pemetaan = _agency()
    by_rows = run_succession(data, pemetaan, AS_OF, POLICY)
    monkeypatch.setattr(solve, "SMALL_CHUNK", 0)
    by_groups = run_succession(data, pemetaan, AS_OF, POLICY)
    assert _first_total(by_groups) == _first_total(by_rows)
    assert _first_total(by_rows)[0] == 40


def test_chunks_keep_the_first_successor_limit_across_them() -> None:
    data, pemetaan = _agency()
    chunked = run_succession(
        data, pemetaan, AS_OF, POLICY, settings=SuccessionSettings(target_per_soal=7)
    )
    firsts = chunked.suksesi.filter(pl.col("peringkat") == 1).get_column("nip")
    assert firsts.n_unique() == firsts.len() == 40
