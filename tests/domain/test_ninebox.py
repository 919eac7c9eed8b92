"""Nine Box numbering, layout, labels and per-box actions (domain.md §2.3-2.4, formats.md)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.domain.ninebox import (
    KOTAK_TALENTA,
    REKOMENDASI_KOTAK,
    SEMUA_KOTAK,
    TINDAKAN,
    URUTAN_ALASAN,
    AlasanTidakTerpetakan,
    LevelKinerja,
    LevelPotensi,
    kotak,
    label_kotak,
    label_kotak_en,
    level_dari_kotak,
    level_dari_skor,
    rekomendasi,
    tata_letak,
)

K, P = LevelKinerja, LevelPotensi

# domain.md §2.3, written out cell by cell: (kinerja, potensi) -> box.
TABEL_KOTAK = [
    (K.BAWAH, P.RENDAH, 1),
    (K.SESUAI, P.RENDAH, 2),
    (K.BAWAH, P.MENENGAH, 3),
    (K.ATAS, P.RENDAH, 4),
    (K.SESUAI, P.MENENGAH, 5),
    (K.BAWAH, P.TINGGI, 6),
    (K.ATAS, P.MENENGAH, 7),
    (K.SESUAI, P.TINGGI, 8),
    (K.ATAS, P.TINGGI, 9),
]


@pytest.mark.parametrize(("kinerja", "potensi", "nomor"), TABEL_KOTAK)
def test_it_numbers_each_cell_as_domain_table(
    kinerja: LevelKinerja, potensi: LevelPotensi, nomor: int
) -> None:
    assert kotak(kinerja, potensi) == nomor


@pytest.mark.parametrize(("kinerja", "potensi", "nomor"), TABEL_KOTAK)
def test_it_recovers_both_levels_from_the_box_number(
    kinerja: LevelKinerja, potensi: LevelPotensi, nomor: int
) -> None:
    assert level_dari_kotak(nomor) == (kinerja, potensi)


def test_it_gives_nine_distinct_boxes() -> None:
    assert sorted(kotak(k, p) for k in K for p in P) == list(SEMUA_KOTAK)


@pytest.mark.parametrize("nomor", [0, 10, -1, 99])
def test_it_rejects_box_numbers_outside_1_to_9(nomor: int) -> None:
    with pytest.raises(ValueError, match="1-9"):
        level_dari_kotak(nomor)


def test_the_screen_layout_matches_formats_md() -> None:
    # formats.md: rows kinerja di atas, sesuai, di bawah; columns potensi rendah..tinggi.
    assert tata_letak() == ((4, 7, 9), (2, 5, 8), (1, 3, 6))


@given(st.sampled_from(list(K)), st.sampled_from(list(P)), st.sampled_from(list(K)))
def test_box_number_grows_along_anti_diagonals(
    k1: LevelKinerja, p: LevelPotensi, k2: LevelKinerja
) -> None:
    # domain.md §2.3: the band p+k fixes the order, so a higher sum never gives a lower box.
    if k1.indeks < k2.indeks:
        assert kotak(k1, p) < kotak(k2, p)


@pytest.mark.parametrize(
    ("skor", "level"),
    [
        (100, P.TINGGI),
        (80, P.TINGGI),
        (79.99, P.MENENGAH),
        (60, P.MENENGAH),
        (59.99, P.RENDAH),
        (0, P.RENDAH),
    ],
)
def test_it_bands_a_score_with_inclusive_lower_cutoffs(skor: float, level: LevelPotensi) -> None:
    assert level_dari_skor(skor, 80, 60) is level


def test_the_talent_pool_is_boxes_7_8_9() -> None:
    assert frozenset({7, 8, 9}) == KOTAK_TALENTA


def test_axis_indices_run_from_low_to_high() -> None:
    assert [k.indeks for k in (K.BAWAH, K.SESUAI, K.ATAS)] == [0, 1, 2]
    assert [p.indeks for p in (P.RENDAH, P.MENENGAH, P.TINGGI)] == [0, 1, 2]


@pytest.mark.parametrize(
    ("nomor", "teks", "teks_en"),
    [
        (
            9,
            "Kinerja di atas ekspektasi, potensial tinggi",
            "Performance above expectation, high potential",
        ),
        (
            1,
            "Kinerja di bawah ekspektasi, potensial rendah",
            "Performance below expectation, low potential",
        ),
        (
            8,
            "Kinerja sesuai ekspektasi, potensial tinggi",
            "Performance meets expectation, high potential",
        ),
    ],
)
def test_it_labels_a_box_by_its_two_levels(nomor: int, teks: str, teks_en: str) -> None:
    assert label_kotak(nomor) == teks
    assert label_kotak_en(nomor) == teks_en


@pytest.mark.parametrize(
    ("nomor", "kode"),
    [
        (9, "promosi"),
        (9, "krs_nasional"),
        (9, "penghargaan"),
        (8, "perluasan_jabatan"),
        (7, "tugas_belajar"),
        (7, "pengayaan_jabatan"),
        (6, "konseling_kinerja"),
        (4, "rotasi"),
        (2, "penempatan_sesuai"),
    ],
)
def test_each_box_recommends_the_actions_of_domain_md(nomor: int, kode: str) -> None:
    assert kode in [t.kode for t in rekomendasi(nomor)]


def test_box_1_is_handled_under_the_regulations_only() -> None:
    assert [t.kode for t in rekomendasi(1)] == ["tindak_sesuai_ketentuan"]


def test_only_talent_boxes_are_retained() -> None:
    retained = {n for n in SEMUA_KOTAK if "retensi" in REKOMENDASI_KOTAK[n]}
    assert retained == KOTAK_TALENTA


def test_every_box_has_actions_from_the_catalogue_and_every_action_is_used() -> None:
    used = {kode for nomor in SEMUA_KOTAK for kode in REKOMENDASI_KOTAK[nomor]}
    assert set(REKOMENDASI_KOTAK) == set(SEMUA_KOTAK)
    assert used == set(TINDAKAN)


@pytest.mark.parametrize("kode", sorted(TINDAKAN))
def test_each_action_has_a_snake_case_code_and_both_texts(kode: str) -> None:
    tindakan = TINDAKAN[kode]
    assert tindakan.kode == kode
    assert re.fullmatch(r"[a-z][a-z_]*", kode)
    assert tindakan.teks.strip()
    assert tindakan.teks_en.strip()
    assert tindakan.teks != tindakan.teks_en


def test_reasons_for_not_mapping_keep_the_shared_order_and_values() -> None:
    assert [a.value for a in URUTAN_ALASAN] == [
        "tidak_aktif",
        "cpns",
        "skp_kurang_dari_2_tahun",
        "tanpa_asesmen",
        "asesmen_kedaluwarsa",
    ]


@pytest.mark.parametrize("alasan", list(AlasanTidakTerpetakan))
def test_each_reason_is_described_in_both_languages(alasan: AlasanTidakTerpetakan) -> None:
    assert alasan.deskripsi.strip()
    assert alasan.deskripsi_en.strip()
    assert alasan.deskripsi != alasan.deskripsi_en
