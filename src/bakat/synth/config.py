"""Settings of the synthetic agency: size, seed, reference date, output format and the
rates of deliberate imperfections.

Every number here is documented in ``docs/synthetic.md`` with the domain.md section it
comes from. The reference mappability (2,757 of 3,414) is the figure Kemensos reported at
the BKN ekspose of 17 October 2025 (seed article; domain.md §2.7 [S]).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum

import numpy as np

from bakat.domain.errors import InputError

#: Headcount and mappable count reported by Kemensos on 17 Oct 2025 (seed article [S]).
PEGAWAI_ACUAN = 3414
TERPETAKAN_ACUAN = 2757
#: The date of the BKN review (domain.md §2.7 [S]); the default reference date.
TANGGAL_ACUAN = date(2025, 10, 17)

#: The 657 unmappable people of the reference agency by reason, in the order of
#: ``AlasanTidakTerpetakan`` (a modelling choice, documented in docs/synthetic.md).
ALASAN_ACUAN: tuple[tuple[str, int], ...] = (
    ("tidak_aktif", 41),
    ("cpns", 226),
    ("skp_kurang_dari_2_tahun", 198),
    ("tanpa_asesmen", 127),
    ("asesmen_kedaluwarsa", 65),
)

#: Above this headcount the ``auto`` format writes Parquet.
BATAS_CSV = 200_000
#: Rows an Excel sheet holds below its header.
BATAS_XLSX = 1_048_575


class Format(StrEnum):
    """Output format of the data tables."""

    AUTO = "auto"
    CSV = "csv"
    PARQUET = "parquet"


@dataclass(frozen=True)
class TingkatGalat:
    """Rates of deliberate imperfections, each a fraction of the records it can apply to.

    Record errors (``v..``) are injected into ``pegawai`` (``v31`` into ``kinerja`` rows
    from 2022 on) and tagged with the domain.md §8 rule they should trigger. Disparities
    (``beda_*``, ``nip_*``, ``hanya_*``) make ``siasn`` differ from ``pegawai``;
    ``format_*`` are spelling-only differences that are NOT disparities; ``kembar`` is the
    share of SIASN-only records that copy the birth date (and sex and first name) of an
    unmatched local record: hard negatives for a fuzzy matcher.
    """

    v01_nip_format: float = 0.0015
    v02_nip_tanggal_lahir: float = 0.003
    v03_nip_tmt_cpns: float = 0.003
    v04_nip_jenis_kelamin: float = 0.002
    v05_nip_nomor_urut: float = 0.001
    v09_nik_format: float = 0.002
    v10_nik_tanggal: float = 0.002
    v11_nik_ganda: float = 0.0015
    v13_tmt_pns: float = 0.002
    v15_golongan_pendidikan: float = 0.01
    v16_pangkat: float = 0.002
    v17_tmt_golongan: float = 0.003
    v20_pppk_golongan: float = 0.004
    v22_golongan_struktural: float = 0.02
    v23_golongan_fungsional: float = 0.003
    v27_lewat_bup: float = 0.001
    v28_tmt_jabatan: float = 0.003
    v31_predikat: float = 0.003
    beda_nama: float = 0.01
    beda_tanggal_lahir: float = 0.003
    beda_nik: float = 0.003
    beda_golongan: float = 0.01
    beda_jabatan: float = 0.015
    beda_unit_kerja: float = 0.01
    beda_pendidikan: float = 0.008
    beda_tmt: float = 0.008
    nip_salah_siasn: float = 0.003
    nip_salah_lokal: float = 0.002
    hanya_lokal: float = 0.005
    hanya_siasn: float = 0.006
    kembar: float = 0.5
    format_gelar_di_nama: float = 0.03
    format_spasi: float = 0.03
    format_golongan: float = 0.3

    def skala(self, faktor: float) -> TingkatGalat:
        """All rates multiplied by ``faktor`` (0 gives clean data; ``kembar`` and the
        spelling-only ``format_*`` rates are shapes, not errors, and stay)."""
        if faktor < 0:
            raise InputError("tingkat galat tidak boleh negatif")
        tetap = {"kembar", "format_gelar_di_nama", "format_spasi", "format_golongan"}
        baru = {
            f.name: getattr(self, f.name) * (1.0 if f.name in tetap else faktor)
            for f in fields(self)
        }
        return replace(self, **baru)

    def sebagai_dict(self) -> dict[str, float]:
        """The rates by name (for the ground-truth summary)."""
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class KonfigurasiSintesis:
    """What to generate. ``pegawai`` people in ``instansi`` agencies as of ``as_of``."""

    pegawai: int = PEGAWAI_ACUAN
    seed: int = 17
    instansi: int = 1
    as_of: date = TANGGAL_ACUAN
    format: Format = Format.AUTO
    galat: TingkatGalat = field(default_factory=TingkatGalat)

    def periksa(self) -> None:
        """Raise :class:`InputError` for settings the generator cannot honour."""
        if self.pegawai < 20:
            raise InputError("jumlah pegawai minimal 20")
        if self.instansi < 1:
            raise InputError("jumlah instansi minimal 1")
        if self.pegawai < 20 * self.instansi:
            raise InputError("jumlah pegawai minimal 20 kali jumlah instansi")
        if not 2023 <= self.as_of.year <= 2040:
            raise InputError("tanggal acuan harus antara tahun 2023 dan 2040")
        if self.seed < 0:
            raise InputError("seed tidak boleh negatif")

    @property
    def format_tabel(self) -> Format:
        """The format actually written (``auto`` resolved by headcount)."""
        if self.format is not Format.AUTO:
            return self.format
        return Format.CSV if self.pegawai <= BATAS_CSV else Format.PARQUET


def rng(config: KonfigurasiSintesis, langkah: int) -> np.random.Generator:
    """An independent random stream for one step, so that steps do not shift each other."""
    return np.random.default_rng([config.seed, langkah])


def jumlah_per_alasan(n: int) -> dict[str, int]:
    """Unmappable people per reason for headcount ``n``.

    ``round(n * 657 / 3414)`` people are unmappable, split over the reasons in the
    reference proportions by largest remainder; at ``n = 3414`` this is exactly the
    reference split.
    """
    total_acuan = sum(c for _, c in ALASAN_ACUAN)
    total = round(n * total_acuan / PEGAWAI_ACUAN)
    kuota = [total * c / total_acuan for _, c in ALASAN_ACUAN]
    dasar = [int(q) for q in kuota]
    sisa = total - sum(dasar)
    urut = sorted(range(len(kuota)), key=lambda i: (-(kuota[i] - dasar[i]), i))
    for i in urut[:sisa]:
        dasar[i] += 1
    return {nama: dasar[i] for i, (nama, _) in enumerate(ALASAN_ACUAN)}
