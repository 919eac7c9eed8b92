"""Talent-page fixtures on top of the fixed cast (tests/web/conftest.py).

``komite_terkait``: the committee member's own employee record (unit R of INS-A), the
spouse of ``p_a`` through a ``Relasi``; the committee member is therefore recused from
``p_a``'s case and from their own.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from bakat.domain.jenjang import tanggal_pensiun
from bakat.domain.ninebox import level_dari_kotak
from bakat.web.personnel.models import Instansi, Pegawai
from bakat.web.talent.models import Penempatan, PlacementRun, Relasi
from tests.web.conftest import Cast, catatan_komite


@pytest.fixture
def komite_terkait(cast: Cast) -> Pegawai:
    """The committee member's own employee record, spouse of p_a."""
    sendiri = catatan_komite(cast, "198811082021012009", "Anggota Komite")
    Relasi.objects.create(
        instansi=cast.ins_a, nip_a=sendiri.nip, nip_b=cast.p_a.nip, hubungan="suami_istri"
    )
    return sendiri


@pytest.fixture
def komite_bercatatan(cast: Cast) -> Pegawai:
    """The committee member's own employee record, related to nobody (a member needs
    one to sit: recusal starts from it)."""
    return catatan_komite(cast, "198811082021012010", "Anggota Komite Netral")


def _pensiun(pegawai: Pegawai) -> date | None:
    """As the placement service stores it (AHLI_MUDA: BUP 58), from the stored birth date."""
    lahir = Pegawai.objects.values_list("tanggal_lahir", flat=True).get(pk=pegawai.pk)
    return tanggal_pensiun(lahir, 58) if lahir else None


def _run(instansi: Instansi, placements: dict[Pegawai, int | None]) -> PlacementRun:
    run = PlacementRun.objects.create(
        instansi=instansi,
        dibuat_pada=timezone.now(),
        as_of=date(2025, 10, 17),
        kebijakan="nasional-2025",
        versi_kebijakan="2025.1",
        sidik_kebijakan="a" * 64,
        sidik_masukan="b" * 64,
    )
    for pegawai, kotak in placements.items():
        kinerja, potensi = level_dari_kotak(kotak) if kotak else ("", "")
        Penempatan.objects.create(
            run=run,
            instansi=instansi,
            pegawai=pegawai,
            unit=pegawai.unit,
            nip=pegawai.nip,
            jenjang_jabatan="AHLI_MUDA",
            terpetakan=kotak is not None,
            alasan="" if kotak else "tanpa_asesmen",
            level_kinerja=str(kinerja),
            level_potensi=str(potensi),
            kotak=kotak,
            rincian={
                "predikat_t1": "Sangat Baik",
                "predikat_t2": "Baik",
                "kinerja_gabungan": str(kinerja),
                "skor_potensi": 81.5,
                "metode_potensi": "komposit",
                "nilai_potensi": 20.0,
            },
            dalam_kelompok=kotak in {7, 8, 9},
            tanggal_pensiun=_pensiun(pegawai),
            nama=pegawai.nama,
        )
    # The run's own counts, as the placement service stores them.
    boxes = [k for k in placements.values() if k is not None]
    run.jumlah_pegawai = len(placements)
    run.terpetakan = len(boxes)
    run.kelompok_talenta = sum(1 for k in boxes if k in {7, 8, 9})
    run.per_kotak = {str(k): boxes.count(k) for k in sorted(set(boxes))}
    unplaced = len(placements) - len(boxes)
    run.per_alasan = {"tanpa_asesmen": unplaced} if unplaced else {}
    run.save()
    return run


@pytest.fixture
def pemetaan(cast: Cast) -> Cast:
    """Placements of the cast: p_a box 9, p_a1 box 5, p_b box 8, and (INS-B) p_x box 9;
    p_a1 is also shown unplaced in an older run of INS-A."""
    _run(cast.ins_a, {cast.p_a1: None})
    _run(cast.ins_a, {cast.p_a: 9, cast.p_a1: 5, cast.p_b: 8})
    _run(cast.ins_b, {cast.p_x: 9})
    return cast
