"""Spreading the blocks over worker processes changes nothing in the result, and the
candidates keep people whose NIP is not 18 digits, in text order."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from bakat.domain.policy import load_policy
from bakat.engine.succession import blocks
from bakat.engine.succession.frames import candidates
from bakat.engine.succession.job import run_succession

from .records import AS_OF, agency, person, post

POLICY = load_policy()


def _agencies():  # type: ignore[no-untyped-def]
    people = [
        person(
            f"19800101200501{i:04d}",
            instansi=code,
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
        for code in ("A", "B", "C")
        for i in range(30 * ord(code) % 90, 30 * ord(code) % 90 + 25)
    ]
    posts = [
        post(f"{code}{j:03d}", instansi=code, integritas=2 + j % 4, kritikal=j % 5 == 0)
        for code in ("A", "B", "C")
        for j in range(12)
    ]
    sanctions = [
        {"nip": p["nip"], "tingkat": "berat", "tmt": date(2025, 1, 1), "tanggal_akhir": None}
        for p in people[::4]
    ]
    return agency(people, posts, sanctions)


def test_worker_processes_give_the_same_result_as_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, pemetaan = _agencies()
    alone = run_succession(data, pemetaan, AS_OF, POLICY)
    monkeypatch.setattr(blocks, "PARALLEL_MIN_POSTS", 0)
    monkeypatch.setattr(blocks, "workers", lambda: 2)
    spread = run_succession(data, pemetaan, AS_OF, POLICY)
    assert alone.suksesi.height > 0 and alone.pengecualian.height > 0
    for name in ("suksesi", "pengecualian", "kekuatan"):
        assert_frame_equal(getattr(spread, name), getattr(alone, name))
    assert spread.ringkasan == alone.ringkasan


@pytest.mark.parametrize(
    "odd", ["1980O1012005011001", "19800101200501100", "0980010120050110010", "A-17"]
)
def test_a_nip_that_is_not_18_digits_is_still_a_candidate_in_text_order(odd: str) -> None:
    nips = ["198001012005011002", odd, "198001012005011001"]
    data, pemetaan = agency([person(n) for n in nips], [post("J1")])
    frame = candidates(data, pemetaan, AS_OF, POLICY).collect()
    ranked = frame.sort("_urutan_nip").get_column("nip").to_list()
    assert ranked == sorted(nips)
    assert frame.filter(pl.col("nip") == odd).get_column("integritas").to_list() == [3]
