"""The supporting sections of the scoring policy: pengembangan, rotasi_retensi,
rekonsiliasi, kualitas_data (see :mod:`bakat.domain.policy_sections` for the conventions
and docs/policy.md for every key)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from typing import Annotated

from bakat.domain.ninebox import TINDAKAN
from bakat.domain.policy_codec import Path_, Problem, Rule
from bakat.domain.policy_sections import Bobot100, DaftarKotak, Persen, Tahun, Teks


class JenisPengembangan(StrEnum):
    """Kind of development activity (PP 11/2017 Pasal 203 as amended [I]; domain.md §2.9)."""

    PENDIDIKAN = "pendidikan"
    KLASIKAL = "klasikal"
    NONKLASIKAL = "nonklasikal"


# --- pengembangan, rotasi dan retensi ----------------------------------------------------


@dataclass(frozen=True)
class KegiatanPengembangan:
    """One development activity of the catalogue."""

    nama: Teks
    nama_en: Teks
    jenis: JenisPengembangan
    jp: Annotated[float, Rule(min=0, max=1000)]


@dataclass(frozen=True)
class CelahKompetensi:
    """Activities for a competency gap of at least ``minimal`` levels."""

    minimal: Annotated[int, Rule(min=1, max=4)]
    kegiatan: Annotated[tuple[str, ...], Rule(non_empty=True, unique=True)]


@dataclass(frozen=True)
class PengembanganPolicy:
    """Competency development (domain.md §2.9, §4.10)."""

    jp_per_tahun: Annotated[float, Rule(min=0, max=1000)]
    target_unit_persen: Persen
    katalog: Mapping[str, KegiatanPengembangan]
    celah: Annotated[tuple[CelahKompetensi, ...], Rule(non_empty=True)]
    kegiatan_pendidikan_kurang: Annotated[tuple[str, ...], Rule(unique=True)]
    perlakuan_kotak: Annotated[
        Mapping[int, Annotated[tuple[str, ...], Rule(unique=True)]],
        Rule(complete=True, key_min=1, key_max=9),
    ]

    def problems(self) -> Iterator[Problem]:
        minimal = [c.minimal for c in self.celah]
        if any(a >= b for a, b in pairwise(minimal)):
            yield (
                ("celah",),
                "minimal harus naik dari satu celah ke celah berikutnya",
                "minimal must rise from one gap band to the next",
            )
        rujukan: list[tuple[Path_, tuple[str, ...]]] = [
            (("celah", i, "kegiatan"), c.kegiatan) for i, c in enumerate(self.celah)
        ]
        rujukan.append((("kegiatan_pendidikan_kurang",), self.kegiatan_pendidikan_kurang))
        for jalur, kodes in rujukan:
            for kode in kodes:
                if kode not in self.katalog:
                    yield (
                        jalur,
                        f"kegiatan {kode!r} tidak ada di katalog",
                        f"activity {kode!r} is not in the catalogue",
                    )
        for nomor, kodes in self.perlakuan_kotak.items():
            for kode in kodes:
                if kode not in TINDAKAN:
                    pilihan = ", ".join(TINDAKAN)
                    yield (
                        ("perlakuan_kotak", str(nomor)),
                        f"kode tindakan {kode!r} tidak dikenal; pilihan: {pilihan}",
                        f"unknown action code {kode!r}; choices: {pilihan}",
                    )


@dataclass(frozen=True)
class RotasiRetensiPolicy:
    """Rotation and retention watch lists (domain.md §2.9)."""

    rotasi_masa_jabatan_tahun: Annotated[int, Rule(min=1, max=30)]
    rotasi_minimal_tahun: Tahun
    retensi_kotak: DaftarKotak
    retensi_menjelang_bup_tahun: Annotated[int, Rule(min=0, max=10)]
    retensi_tanpa_promosi_tahun: Annotated[int, Rule(min=1, max=30)]

    def problems(self) -> Iterator[Problem]:
        if self.rotasi_minimal_tahun >= self.rotasi_masa_jabatan_tahun:
            yield (
                ("rotasi_minimal_tahun",),
                "harus lebih kecil dari rotasi_masa_jabatan_tahun",
                "must be below rotasi_masa_jabatan_tahun",
            )


# --- rekonsiliasi, kualitas data ---------------------------------------------------------


@dataclass(frozen=True)
class BobotRekonsiliasi(Bobot100):
    """Points of each field in the record-matching score; they add up to 100. ``nik``:
    the points of the same NIK (domain.md §8 V40 [I]: matching on name, birth date and
    NIK when the NIP is missing; a NIK is never reissued, §4.3 [V])."""

    nama: Persen
    tanggal_lahir: Persen
    jenis_kelamin: Persen
    nik: Persen


@dataclass(frozen=True)
class RekonsiliasiPolicy:
    """Fuzzy matching of local records to registry (SIASN) records (V40 [I])."""

    ambang_cocok: Persen
    ambang_nama: Persen
    bobot: BobotRekonsiliasi


@dataclass(frozen=True)
class BobotIkd(Bobot100):
    """Weights of the four BKN data-quality (IKD) dimensions; they add up to 100."""

    kelengkapan: Persen
    akurasi: Persen
    konsistensi: Persen
    ketepatan_waktu: Persen


@dataclass(frozen=True)
class KualitasDataPolicy:
    """Data-quality index (Indeks Kualitas Data, BKN since 2024; domain.md §4.12 [S])."""

    bobot: BobotIkd
