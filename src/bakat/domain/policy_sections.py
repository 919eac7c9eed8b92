"""The talent sections of the scoring policy: kinerja, potensi, pemetaan, talenta, suksesi.

Each dataclass is one TOML table of a policy file (docs/policy.md gives every key, its
meaning, default and source). ``Annotated[..., Rule(...)]`` gives ranges and shapes (read
by :mod:`bakat.domain.policy_codec`); ``problems()`` gives the checks across keys: weights
that must add up to 100, cut-offs in order, tables that must be monotone. Percentages are
written 0-100 throughout. The other sections are in :mod:`bakat.domain.policy_support`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from itertools import pairwise
from types import MappingProxyType
from typing import Annotated, Any

from bakat.domain.hukdis import TingkatHukdis
from bakat.domain.ninebox import AlasanTidakTerpetakan, LevelKinerja
from bakat.domain.pendidikan import Pendidikan, tingkat
from bakat.domain.policy_codec import Problem, Rule
from bakat.domain.skp import Predikat

#: A percentage, 0-100.
Persen = Annotated[float, Rule(min=0, max=100)]
#: A number of years for a window or a threshold, 0-30.
Tahun = Annotated[int, Rule(min=0, max=30)]
#: A box number, 1-9.
Kotak = Annotated[int, Rule(min=1, max=9)]
#: A set of box numbers, written as an array.
DaftarKotak = Annotated[tuple[Kotak, ...], Rule(unique=True)]
#: A non-empty text.
Teks = Annotated[str, Rule(pattern=r"\S.*")]


def _jumlah_100(obj: Any) -> Iterator[Problem]:
    total = sum(getattr(obj, f.name) for f in fields(obj))
    if not math.isclose(total, 100, abs_tol=1e-9):
        yield (
            (),
            f"jumlah bobot harus 100, bukan {total:g}",
            f"the weights must add up to 100, not {total:g}",
        )


class Bobot100:
    """Mixin of the weight tables: their fields must add up to 100."""

    def problems(self) -> Iterator[Problem]:
        return _jumlah_100(self)


def _tidak_naik(values: list[float]) -> bool:
    return all(a >= b for a, b in pairwise(values))


class CaraGabung(StrEnum):
    """How the yearly SKP levels of the window combine (domain.md §3.5 [I])."""

    TERENDAH = "terendah"
    RATA_RATA = "rata_rata"


class MetodePotensi(StrEnum):
    """How the potential score is computed (domain.md §2.6)."""

    KOMPOSIT = "komposit"
    JPM = "jpm"


# --- kinerja -------------------------------------------------------------------------


@dataclass(frozen=True)
class RataRataKinerja:
    """Points per predikat and cut-offs for ``cara_gabung = "rata_rata"``."""

    poin: Annotated[Mapping[Predikat, Persen], Rule(complete=True)]
    batas_atas: Persen
    batas_sesuai: Persen

    def problems(self) -> Iterator[Problem]:
        if not _tidak_naik([self.poin[p] for p in Predikat]):
            yield (
                ("poin",),
                "poin harus menurun dari Sangat Baik ke Sangat Kurang",
                "points must not rise from Sangat Baik to Sangat Kurang",
            )
        if not self.batas_sesuai < self.batas_atas:
            yield (
                ("batas_sesuai",),
                "batas_sesuai harus lebih kecil dari batas_atas",
                "batas_sesuai must be below batas_atas",
            )


@dataclass(frozen=True)
class HukdisKinerja:
    """Caps on the performance level from disciplinary sanctions (BPKP [S])."""

    jendela_tahun: Tahun
    batas_level: Annotated[Mapping[TingkatHukdis, LevelKinerja], Rule(complete=True)]

    def problems(self) -> Iterator[Problem]:
        if not _tidak_naik([self.batas_level[t].indeks for t in TingkatHukdis]):
            yield (
                ("batas_level",),
                "hukdis yang lebih berat tidak boleh memberi batas lebih tinggi",
                "a heavier sanction must not allow a higher level",
            )


@dataclass(frozen=True)
class KinerjaPolicy:
    """The performance axis (sumbu kinerja), domain.md §2.5 and §3.5."""

    jumlah_tahun: Annotated[int, Rule(min=1, max=10)]
    minimal_tahun: Annotated[int, Rule(min=1, max=10)]
    level_predikat: Annotated[Mapping[Predikat, LevelKinerja], Rule(complete=True)]
    cara_gabung: CaraGabung
    rata_rata: RataRataKinerja
    hukdis: HukdisKinerja

    def problems(self) -> Iterator[Problem]:
        if self.minimal_tahun > self.jumlah_tahun:
            yield (
                ("minimal_tahun",),
                "minimal_tahun tidak boleh melebihi jumlah_tahun",
                "minimal_tahun must not exceed jumlah_tahun",
            )
        if not _tidak_naik([self.level_predikat[p].indeks for p in Predikat]):
            yield (
                ("level_predikat",),
                "predikat yang lebih baik tidak boleh mendapat level lebih rendah",
                "a better predikat must not get a lower level",
            )


# --- potensi -------------------------------------------------------------------------


@dataclass(frozen=True)
class BatasPotensi:
    """Cut-offs: ``skor >= tinggi`` is tinggi, ``skor >= menengah`` menengah, else rendah."""

    tinggi: Persen
    menengah: Persen

    def problems(self) -> Iterator[Problem]:
        if not self.menengah < self.tinggi:
            yield (
                ("menengah",),
                f"batas menengah ({self.menengah:g}) harus lebih kecil dari batas tinggi "
                f"({self.tinggi:g})",
                f"the menengah cut-off ({self.menengah:g}) must be below the tinggi cut-off "
                f"({self.tinggi:g})",
            )


@dataclass(frozen=True)
class BobotKomposit(Bobot100):
    """Points of each sub-score of the composite potential; they add up to 100."""

    asesmen_kompetensi: Persen
    pengembangan_kompetensi: Persen
    pengalaman_jabatan: Persen
    potensi: Persen
    pendidikan: Persen
    kesesuaian_jurusan: Persen
    integritas: Persen


#: The four groups of Kepka BKN 411/2025 (domain.md §2.6) and their sub-scores.
KELOMPOK_KOMPOSIT: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "kompetensi": ("asesmen_kompetensi", "pengembangan_kompetensi", "pengalaman_jabatan"),
        "potensi": ("potensi",),
        "kualifikasi": ("pendidikan", "kesesuaian_jurusan"),
        "integritas": ("integritas",),
    }
)


@dataclass(frozen=True)
class KesesuaianJurusan:
    """Percent of the ``kesesuaian_jurusan`` weight in each case."""

    memenuhi: Persen
    jurusan_kosong: Persen
    di_bawah_minimal: Persen


@dataclass(frozen=True)
class IntegritasPolicy:
    """Percent of the ``integritas`` weight by the heaviest sanction in the window."""

    jendela_tahun: Tahun
    nilai_hukdis: Annotated[Mapping[TingkatHukdis, Persen], Rule(complete=True)]

    def problems(self) -> Iterator[Problem]:
        if not _tidak_naik([self.nilai_hukdis[t] for t in TingkatHukdis]):
            yield (
                ("nilai_hukdis",),
                "hukdis yang lebih berat tidak boleh bernilai lebih tinggi",
                "a heavier sanction must not score higher",
            )


@dataclass(frozen=True)
class KompositPolicy:
    """Composite potential of Kepka BKN 411/2025 (domain.md §2.6 [S])."""

    bobot: BobotKomposit
    batas: BatasPotensi
    jp_penuh_per_tahun: Annotated[float, Rule(min=1, max=1000)]
    jp_jumlah_tahun: Annotated[int, Rule(min=1, max=10)]
    pengalaman_tahun_penuh: Annotated[float, Rule(min=1, max=50)]
    nilai_pendidikan: Annotated[Mapping[Pendidikan, Persen], Rule(complete=True)]
    kesesuaian_jurusan: KesesuaianJurusan
    integritas: IntegritasPolicy

    def problems(self) -> Iterator[Problem]:
        urut = sorted(Pendidikan, key=tingkat, reverse=True)
        if not _tidak_naik([self.nilai_pendidikan[p] for p in urut]):
            yield (
                ("nilai_pendidikan",),
                "pendidikan yang lebih tinggi tidak boleh bernilai lebih rendah",
                "a higher education level must not score lower",
            )


@dataclass(frozen=True)
class JpmPolicy:
    """Potential from the assessment's job-person match (domain.md §2.6 [S])."""

    batas: BatasPotensi


@dataclass(frozen=True)
class PotensiPolicy:
    """The potential axis (sumbu potensial)."""

    metode: MetodePotensi
    masa_berlaku_asesmen_tahun: Annotated[int, Rule(min=1, max=10)]
    desimal: Annotated[int, Rule(min=0, max=6)]
    komposit: KompositPolicy
    jpm: JpmPolicy

    @property
    def batas(self) -> BatasPotensi:
        """The cut-offs of the active method."""
        return self.jpm.batas if self.metode is MetodePotensi.JPM else self.komposit.batas


# --- pemetaan, talenta -------------------------------------------------------------------


@dataclass(frozen=True)
class PemetaanPolicy:
    """Who is placed on the grid, and the order in which reasons are checked."""

    kecualikan_tidak_aktif: bool
    kecualikan_cpns: bool
    urutan_alasan: Annotated[tuple[AlasanTidakTerpetakan, ...], Rule(unique=True)]

    def problems(self) -> Iterator[Problem]:
        kurang = [a.value for a in AlasanTidakTerpetakan if a not in self.urutan_alasan]
        if kurang:
            yield (
                ("urutan_alasan",),
                f"alasan berikut tidak ada: {', '.join(kurang)}",
                f"these reasons are missing: {', '.join(kurang)}",
            )


@dataclass(frozen=True)
class HukdisTalenta:
    """Sanctions that keep a person out of the talent pool (Buleleng; V35 [S])."""

    kecualikan_aktif: bool
    tingkat: Annotated[tuple[TingkatHukdis, ...], Rule(unique=True)]
    jendela_tahun: Tahun


@dataclass(frozen=True)
class TalentaPolicy:
    """The promotable talent pool (domain.md §2.4)."""

    kotak: Annotated[tuple[Kotak, ...], Rule(unique=True, non_empty=True)]
    kecualikan_menjelang_bup_tahun: Annotated[int, Rule(min=0, max=10)]
    hukdis: HukdisTalenta


# --- suksesi ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BobotSuksesi(Bobot100):
    """Points of each part of a candidate's succession score; they add up to 100."""

    kesesuaian_kompetensi: Persen
    kotak: Persen
    kinerja: Persen
    potensi: Persen
    pengalaman: Persen


@dataclass(frozen=True)
class SuksesiPolicy:
    """Succession planning (domain.md §2.8)."""

    horizon_tahun: Annotated[int, Rule(min=0, max=10)]
    sertakan_kritikal: bool
    sertakan_kosong: bool
    jumlah_suksesor: Annotated[int, Rule(min=1, max=20)]
    maks_suksesor_pertama: Annotated[int, Rule(min=1, max=20)]
    kotak_kandidat: Annotated[tuple[Kotak, ...], Rule(unique=True, non_empty=True)]
    hanya_jenjang_di_bawah: bool
    cek_pendidikan_minimal: bool
    cek_golongan_minimal: bool
    selisih_golongan: Annotated[int, Rule(min=0, max=4)]
    kecualikan_menjelang_bup_tahun: Annotated[int, Rule(min=0, max=10)]
    pengalaman_tahun_penuh: Annotated[float, Rule(min=1, max=50)]
    lintas_instansi: bool
    bobot: BobotSuksesi
    kesiapan: Annotated[Mapping[str, DaftarKotak], Rule(ordered=True)]

    def problems(self) -> Iterator[Problem]:
        dilihat: dict[int, str] = {}
        for kode, daftar in self.kesiapan.items():
            for nomor in daftar:
                if nomor in dilihat:
                    yield (
                        ("kesiapan", kode),
                        f"kotak {nomor} sudah ada di {dilihat[nomor]}",
                        f"box {nomor} is already in {dilihat[nomor]}",
                    )
                dilihat[nomor] = kode
        for nomor in self.kotak_kandidat:
            if nomor not in dilihat:
                yield (
                    ("kesiapan",),
                    f"kotak kandidat {nomor} tidak punya tingkat kesiapan",
                    f"candidate box {nomor} has no readiness band",
                )

    def kesiapan_kotak(self, nomor: int) -> str | None:
        """The readiness band of box ``nomor``; ``None`` when it is in none."""
        return next((kode for kode, daftar in self.kesiapan.items() if nomor in daftar), None)
