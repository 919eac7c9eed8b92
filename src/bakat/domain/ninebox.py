"""The Nine Box talent grid (sembilan kotak): numbering, labels and per-box actions.

Numbering: PermenPANRB 3/2020 as applied by agencies (domain.md §2.3 [S, strong]: at least
eight independent implementations and a KemenPANRB slide deck agree; formats.md "Nine Box
numbering"). With ``p`` the potential index (rendah 0, menengah 1, tinggi 2) and ``k`` the
performance index (bawah 0, sesuai 1, atas 2) the box is ``[[1,2,4],[3,5,7],[6,8,9]][p][k]``.

The two axis levels are the truth; the box number is always derived from them
(domain.md §2.3 advice [I]; architecture.md "What not to copy").

Per-box recommended actions: domain.md §2.4 [S] (the same text in at least three public
implementations; it reads as a copy of the PermenPANRB 3/2020 lampiran).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class LevelKinerja(StrEnum):
    """Performance axis level (PermenPANRB 20/2025 Pasal 17 huruf a [V], domain.md §2.2)."""

    ATAS = "atas"
    SESUAI = "sesuai"
    BAWAH = "bawah"

    @property
    def indeks(self) -> int:
        """Position on the axis: bawah 0, sesuai 1, atas 2."""
        return _INDEKS_KINERJA[self]

    @property
    def label(self) -> str:
        """Indonesian label, e.g. "di atas ekspektasi"."""
        return _LABEL_KINERJA[self][0]

    @property
    def label_en(self) -> str:
        """English label, e.g. "above expectation"."""
        return _LABEL_KINERJA[self][1]


class LevelPotensi(StrEnum):
    """Potential axis level (PermenPANRB 20/2025 Pasal 17 huruf b [V], domain.md §2.2)."""

    TINGGI = "tinggi"
    MENENGAH = "menengah"
    RENDAH = "rendah"

    @property
    def indeks(self) -> int:
        """Position on the axis: rendah 0, menengah 1, tinggi 2."""
        return _INDEKS_POTENSI[self]

    @property
    def label(self) -> str:
        """Indonesian label, e.g. "tinggi"."""
        return self.value

    @property
    def label_en(self) -> str:
        """English label, e.g. "high"."""
        return _LABEL_POTENSI_EN[self]


_INDEKS_KINERJA = {LevelKinerja.BAWAH: 0, LevelKinerja.SESUAI: 1, LevelKinerja.ATAS: 2}
_INDEKS_POTENSI = {LevelPotensi.RENDAH: 0, LevelPotensi.MENENGAH: 1, LevelPotensi.TINGGI: 2}
_LABEL_KINERJA = {
    LevelKinerja.ATAS: ("di atas ekspektasi", "above expectation"),
    LevelKinerja.SESUAI: ("sesuai ekspektasi", "meets expectation"),
    LevelKinerja.BAWAH: ("di bawah ekspektasi", "below expectation"),
}
_LABEL_POTENSI_EN = {
    LevelPotensi.TINGGI: "high",
    LevelPotensi.MENENGAH: "medium",
    LevelPotensi.RENDAH: "low",
}

#: Levels in axis order (index 0 first).
KINERJA_NAIK: tuple[LevelKinerja, ...] = tuple(sorted(LevelKinerja, key=lambda x: x.indeks))
POTENSI_NAIK: tuple[LevelPotensi, ...] = tuple(sorted(LevelPotensi, key=lambda x: x.indeks))

# domain.md §2.3 closed form: outer index = potential, inner index = performance.
_NOMOR_KOTAK: tuple[tuple[int, int, int], ...] = ((1, 2, 4), (3, 5, 7), (6, 8, 9))

#: All box numbers.
SEMUA_KOTAK: tuple[int, ...] = tuple(range(1, 10))

#: The promotable talent pool (domain.md §2.4 [S]: Aceh Barat code, Kab. Kuningan BKPSDM,
#: SIMATA-ASN socialisation). The policy (``talenta.kotak``) may narrow or widen it.
KOTAK_TALENTA: frozenset[int] = frozenset({7, 8, 9})


def kotak(kinerja: LevelKinerja, potensi: LevelPotensi) -> int:
    """The box number (1-9) of a performance and a potential level (domain.md §2.3)."""
    return _NOMOR_KOTAK[potensi.indeks][kinerja.indeks]


def level_dari_kotak(nomor: int) -> tuple[LevelKinerja, LevelPotensi]:
    """The (performance, potential) levels of box ``nomor``; ``ValueError`` outside 1-9."""
    for potensi in LevelPotensi:
        for kinerja in LevelKinerja:
            if kotak(kinerja, potensi) == nomor:
                return kinerja, potensi
    raise ValueError(f"nomor kotak harus 1-9, bukan {nomor!r} / box number must be 1-9")


def tata_letak() -> tuple[tuple[int, ...], ...]:
    """The grid as drawn on screen (formats.md): rows kinerja atas..bawah, columns
    potensi rendah..tinggi. Derived from :func:`kotak`."""
    return tuple(
        tuple(kotak(kinerja, potensi) for potensi in POTENSI_NAIK)
        for kinerja in reversed(KINERJA_NAIK)
    )


def label_kotak(nomor: int) -> str:
    """Indonesian description of a box, e.g. "Kinerja di atas ekspektasi, potensial tinggi"."""
    kinerja, potensi = level_dari_kotak(nomor)
    return f"Kinerja {kinerja.label}, potensial {potensi.label}"


def label_kotak_en(nomor: int) -> str:
    """English description of a box, e.g. "Performance above expectation, high potential"."""
    kinerja, potensi = level_dari_kotak(nomor)
    return f"Performance {kinerja.label_en}, {potensi.label_en} potential"


def level_dari_skor(skor: float, batas_tinggi: float, batas_menengah: float) -> LevelPotensi:
    """Potential level of a score against two cut-offs: ``skor >= batas_tinggi`` is tinggi,
    ``skor >= batas_menengah`` menengah, otherwise rendah (domain.md §2.6; the cut-offs are
    policy settings, ``potensi.*.batas``)."""
    if skor >= batas_tinggi:
        return LevelPotensi.TINGGI
    if skor >= batas_menengah:
        return LevelPotensi.MENENGAH
    return LevelPotensi.RENDAH


@dataclass(frozen=True)
class Tindakan:
    """One recommended action for a box: a stable code and its Indonesian/English text."""

    kode: str
    teks: str
    teks_en: str


def _katalog(*rows: tuple[str, str, str]) -> Mapping[str, Tindakan]:
    return MappingProxyType({kode: Tindakan(kode, teks, en) for kode, teks, en in rows})


#: Every recommended action of domain.md §2.4, by code.
TINDAKAN: Mapping[str, Tindakan] = _katalog(
    ("promosi", "Dipromosikan", "Promote"),
    ("retensi", "Dipertahankan", "Retain"),
    (
        "krs_nasional",
        "Masuk Kelompok Rencana Suksesi (KRS) instansi/nasional",
        "Include in the agency or national succession pool (KRS)",
    ),
    (
        "krs_instansi",
        "Masuk Kelompok Rencana Suksesi (KRS) instansi",
        "Include in the agency succession pool (KRS)",
    ),
    ("rotasi", "Rotasi", "Rotation"),
    ("pengayaan_jabatan", "Pengayaan jabatan", "Job enrichment"),
    ("perluasan_jabatan", "Perluasan jabatan", "Job enlargement"),
    ("bimbingan_kinerja", "Bimbingan kinerja", "Performance coaching"),
    ("konseling_kinerja", "Konseling kinerja", "Performance counselling"),
    ("pengembangan_kompetensi", "Pengembangan kompetensi", "Competency development"),
    ("tugas_belajar", "Tugas belajar", "Study assignment"),
    ("penempatan_sesuai", "Penempatan yang sesuai", "Placement in a post that fits"),
    ("penghargaan", "Penghargaan", "Award or recognition"),
    (
        "tindak_sesuai_ketentuan",
        "Diproses sesuai ketentuan peraturan perundang-undangan",
        "Handle under the applicable regulations (discipline and performance rules)",
    ),
)

#: Recommended action codes per box, in the order of domain.md §2.4. Where the source
#: writes "Rotasi/Perluasan jabatan" (box 8) or "Rotasi/Pengayaan jabatan" (box 7) the
#: two codes are alternatives. The policy's ``pengembangan.perlakuan_kotak`` starts from
#: this table and may change it.
REKOMENDASI_KOTAK: Mapping[int, tuple[str, ...]] = MappingProxyType(
    {
        9: ("promosi", "retensi", "krs_nasional", "penghargaan"),
        8: ("retensi", "krs_instansi", "rotasi", "perluasan_jabatan", "bimbingan_kinerja"),
        7: (
            "retensi",
            "krs_instansi",
            "rotasi",
            "pengayaan_jabatan",
            "pengembangan_kompetensi",
            "tugas_belajar",
        ),
        6: ("penempatan_sesuai", "bimbingan_kinerja", "konseling_kinerja"),
        5: ("penempatan_sesuai", "bimbingan_kinerja", "pengembangan_kompetensi"),
        4: ("rotasi", "pengembangan_kompetensi"),
        3: (
            "bimbingan_kinerja",
            "konseling_kinerja",
            "pengembangan_kompetensi",
            "penempatan_sesuai",
        ),
        2: ("bimbingan_kinerja", "pengembangan_kompetensi", "penempatan_sesuai"),
        1: ("tindak_sesuai_ketentuan",),
    }
)


def rekomendasi(nomor: int) -> tuple[Tindakan, ...]:
    """The recommended actions of box ``nomor`` (domain.md §2.4 [S])."""
    level_dari_kotak(nomor)  # rejects numbers outside 1-9
    return tuple(TINDAKAN[kode] for kode in REKOMENDASI_KOTAK[nomor])


class AlasanTidakTerpetakan(StrEnum):
    """Why a person is not placed on the grid, checked in this order by default
    (common mapping definition; PermenPANRB 20/2025 Pasal 17 needs both axes; the SKP of
    the last 2 years: Buleleng SIMATA [S], domain.md §2.5 and V33; CPNS are still on
    probation: PP 11/2017 Pasal 34 [I]). The order is a policy setting,
    ``pemetaan.urutan_alasan``."""

    TIDAK_AKTIF = "tidak_aktif"
    CPNS = "cpns"
    SKP_KURANG = "skp_kurang_dari_2_tahun"
    TANPA_ASESMEN = "tanpa_asesmen"
    ASESMEN_KEDALUWARSA = "asesmen_kedaluwarsa"

    @property
    def deskripsi(self) -> str:
        """Indonesian description for reports."""
        return _DESKRIPSI_ALASAN[self][0]

    @property
    def deskripsi_en(self) -> str:
        """English description for reports."""
        return _DESKRIPSI_ALASAN[self][1]


_DESKRIPSI_ALASAN = {
    AlasanTidakTerpetakan.TIDAK_AKTIF: (
        "Pegawai tidak aktif",
        "Not in active service",
    ),
    AlasanTidakTerpetakan.CPNS: (
        "Masih CPNS (masa percobaan)",
        "Still a candidate civil servant (CPNS) on probation",
    ),
    AlasanTidakTerpetakan.SKP_KURANG: (
        "Predikat SKP tidak lengkap untuk tahun penilaian yang disyaratkan",
        "SKP rating missing for a required appraisal year",
    ),
    AlasanTidakTerpetakan.TANPA_ASESMEN: (
        "Tidak ada hasil asesmen kompetensi dan potensi",
        "No competency and potential assessment on record",
    ),
    AlasanTidakTerpetakan.ASESMEN_KEDALUWARSA: (
        "Hasil asesmen melewati masa berlaku",
        "Assessment older than its validity period",
    ),
}

#: The default order in which the reasons are checked.
URUTAN_ALASAN: tuple[AlasanTidakTerpetakan, ...] = tuple(AlasanTidakTerpetakan)
