"""NIP (PNS) and NI PPPK: the 18-digit employee identification numbers.

NIP, Perka BKN 22/2007 and 43/2007 (domain.md §4.1 [V]; rules V01-V05): positions 1-8
birth date ``YYYYMMDD``, 9-14 TMT CPNS ``YYYYMM``, 15 sex (1 male, 2 female), 16-18 serial
from ``001``. There is no "+40 for women" in a NIP: that rule belongs to the NIK
(domain.md §4.1, a common bug).

NI PPPK (domain.md §4.2 [S]; rule V08): birth date (8) + year first appointed as PPPK (4)
+ number of work contracts (2) + sex (1) + serial (3). The PNS TMT-CPNS check does not
apply to it.

Reading rules (whitespace inside the number is accepted, spreadsheet numbers are their
own reason, every reason is returned at once): ``bakat.domain.identitas``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from bakat.domain.identitas import HasilNomor as HasilNomor
from bakat.domain.identitas import KodeMasalah as KodeMasalah
from bakat.domain.identitas import Masalah as Masalah
from bakat.domain.identitas import bersihkan, masalah, semua_digit
from bakat.domain.kepegawaian import JenisKelamin, StatusKepegawaian

# Positions of the NIP parts (0-based slices; Perka BKN 22/2007 [V]).
NIP_PANJANG = 18
NIP_TANGGAL_LAHIR = slice(0, 8)
NIP_TMT_CPNS = slice(8, 14)
NIP_TMT_CPNS_TAHUN = slice(8, 12)
NIP_TMT_CPNS_BULAN = slice(12, 14)
NIP_JENIS_KELAMIN = slice(14, 15)
NIP_NOMOR_URUT = slice(15, 18)

# Positions of the NI PPPK parts (domain.md §4.2 [S]).
NI_PPPK_PANJANG = 18
NI_PPPK_TANGGAL_LAHIR = slice(0, 8)
NI_PPPK_TAHUN_PENGANGKATAN = slice(8, 12)
NI_PPPK_JUMLAH_KONTRAK = slice(12, 14)
NI_PPPK_JENIS_KELAMIN = slice(14, 15)
NI_PPPK_NOMOR_URUT = slice(15, 18)

# The sex digit of NIP and NI PPPK (Perka BKN 22/2007 [V]).
KODE_JENIS_KELAMIN: Mapping[JenisKelamin, str] = MappingProxyType(
    {JenisKelamin.L: "1", JenisKelamin.P: "2"}
)
JENIS_KELAMIN_DARI_KODE: Mapping[str, JenisKelamin] = MappingProxyType(
    {kode: jk for jk, kode in KODE_JENIS_KELAMIN.items()}
)

# Plausibility floors [I]. Nobody in service was born before 1900 (V39 rejects dates
# before 1900). An appointment before age 14 is impossible even for the oldest records;
# the regular entry age of 18 to 35 (PP 11/2017 Pasal 23, rule V12) is a separate warning.
TAHUN_LAHIR_PALING_AWAL = 1900
USIA_PENGANGKATAN_MINIMAL = 14
# The first PPPK were appointed in 2019 under PP 49/2018 [I].
TAHUN_PPPK_PALING_AWAL = 2019


@dataclass(frozen=True)
class NipParts:
    """The decoded parts of a valid NIP."""

    tanggal_lahir: date
    tmt_cpns_tahun: int
    tmt_cpns_bulan: int
    jenis_kelamin: JenisKelamin
    nomor_urut: int

    @property
    def tmt_cpns(self) -> date:
        """TMT CPNS as the first day of its month (the NIP stores only the month)."""
        return date(self.tmt_cpns_tahun, self.tmt_cpns_bulan, 1)


@dataclass(frozen=True)
class NiPppkParts:
    """The decoded parts of a valid NI PPPK."""

    tanggal_lahir: date
    tahun_pengangkatan: int
    jumlah_kontrak: int
    jenis_kelamin: JenisKelamin
    nomor_urut: int


NipHasil = HasilNomor[NipParts]
NiPppkHasil = HasilNomor[NiPppkParts]


def _tanggal_lahir(part: str, nama: str, found: list[Masalah], as_of: date | None) -> date | None:
    """Birth date ``YYYYMMDD`` (NIP and NI PPPK positions 1-8), or None after a problem."""
    if not semua_digit(part):
        return None
    try:
        lahir = date(int(part[0:4]), int(part[4:6]), int(part[6:8]))
    except ValueError:
        found.append(masalah(KodeMasalah.TANGGAL_LAHIR_TIDAK_VALID, nama, part))
        return None
    if lahir.year < TAHUN_LAHIR_PALING_AWAL:
        found.append(
            masalah(
                KodeMasalah.TANGGAL_LAHIR_TERLALU_LAMPAU,
                nama,
                part,
                tahun=TAHUN_LAHIR_PALING_AWAL,
            )
        )
        return None
    if as_of is not None and lahir > as_of:
        found.append(masalah(KodeMasalah.TANGGAL_LAHIR_DI_MASA_DEPAN, nama, part))
    return lahir


def _jenis_kelamin(part: str, nama: str, found: list[Masalah]) -> JenisKelamin | None:
    if not semua_digit(part):
        return None
    jk = JENIS_KELAMIN_DARI_KODE.get(part)
    if jk is None:
        found.append(masalah(KodeMasalah.KODE_JENIS_KELAMIN_TIDAK_VALID, nama, part))
    return jk


def _nomor_urut(part: str, nama: str, found: list[Masalah]) -> int | None:
    if not semua_digit(part):
        return None
    if int(part) == 0:
        found.append(masalah(KodeMasalah.NOMOR_URUT_NOL, nama, part))
        return None
    return int(part)


def parse_nip(text: str | None, *, as_of: date | None = None) -> NipHasil:
    """Read a NIP and return its parts or every reason it is invalid (rules V01-V05).

    Perka BKN 22/2007 (domain.md §4.1 [V]). Checks: emptiness, spreadsheet numbers,
    non-digits, length 18, a real birth date from 1900 on, TMT CPNS month 01-12, TMT CPNS
    not before the birth month and not before age 14 (compared by month) [I], sex digit
    1 or 2, serial not 000. With ``as_of``, birth date and TMT CPNS must not be later.
    Never raises on bad text.
    """
    nama = "NIP"
    teks, found = bersihkan(text, nama, NIP_PANJANG)
    if teks is None or len(teks) != NIP_PANJANG or _spreadsheet(found):
        return NipHasil(teks, None, tuple(found))
    lahir = _tanggal_lahir(teks[NIP_TANGGAL_LAHIR], nama, found, as_of)
    tahun_s, bulan_s = teks[NIP_TMT_CPNS_TAHUN], teks[NIP_TMT_CPNS_BULAN]
    tmt: tuple[int, int] | None = None
    if semua_digit(tahun_s + bulan_s):
        if 1 <= int(bulan_s) <= 12:
            tmt = (int(tahun_s), int(bulan_s))
        else:
            found.append(masalah(KodeMasalah.BULAN_TMT_CPNS_TIDAK_VALID, nama, bulan_s))
    if tmt is not None:
        nilai = teks[NIP_TMT_CPNS]
        if lahir is not None and tmt < (lahir.year, lahir.month):
            found.append(masalah(KodeMasalah.TMT_CPNS_SEBELUM_LAHIR, nama, nilai))
        elif lahir is not None and tmt < (lahir.year + USIA_PENGANGKATAN_MINIMAL, lahir.month):
            found.append(
                masalah(
                    KodeMasalah.TMT_CPNS_TERLALU_MUDA, nama, nilai, usia=USIA_PENGANGKATAN_MINIMAL
                )
            )
        if as_of is not None and tmt > (as_of.year, as_of.month):
            found.append(masalah(KodeMasalah.TMT_CPNS_DI_MASA_DEPAN, nama, nilai))
    jk = _jenis_kelamin(teks[NIP_JENIS_KELAMIN], nama, found)
    nomor = _nomor_urut(teks[NIP_NOMOR_URUT], nama, found)
    if found or lahir is None or tmt is None or jk is None or nomor is None:
        return NipHasil(teks, None, tuple(found))
    return NipHasil(teks, NipParts(lahir, tmt[0], tmt[1], jk, nomor), ())


def _spreadsheet(found: list[Masalah]) -> bool:
    return any(m.kode in (KodeMasalah.NOTASI_ILMIAH, KodeMasalah.ANGKA_DESIMAL) for m in found)


def _yyyymmdd(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def _tolak(hasil: HasilNomor[object], nama: str) -> None:
    if hasil.errors:
        raise ValueError(f"{nama} tidak valid: " + " ".join(m.pesan for m in hasil.errors))


def build_nip(
    tanggal_lahir: date,
    tmt_cpns_tahun: int,
    tmt_cpns_bulan: int,
    jenis_kelamin: JenisKelamin,
    nomor_urut: int,
) -> str:
    """Compose a NIP from its parts (Perka BKN 22/2007 [V]).

    Raises ``ValueError`` when the parts do not make a valid NIP (the same checks as
    ``parse_nip``, e.g. serial outside 1..999 or TMT CPNS before age 14).
    """
    teks = (
        f"{_yyyymmdd(tanggal_lahir)}{tmt_cpns_tahun:04d}{tmt_cpns_bulan:02d}"
        f"{KODE_JENIS_KELAMIN[jenis_kelamin]}{nomor_urut:03d}"
    )
    _tolak(parse_nip(teks), "NIP")
    return teks


def parse_ni_pppk(text: str | None, *, as_of: date | None = None) -> NiPppkHasil:
    """Read a NI PPPK and return its parts or every reason it is invalid (rule V08).

    Structure of domain.md §4.2 [S]. Checks: the format checks of ``parse_nip``, a real
    birth date from 1900 on, appointment year not before the birth year, not before age 14
    and not before 2019 (first PPPK) [I], sex digit 1 or 2, serial not 000. The number of
    contracts may be any two digits: published samples show values such as 21 there, so
    the field is not fully understood (domain.md §4.2, §9 item 5). With ``as_of``, birth
    date and appointment year must not be later.
    """
    nama = "NI PPPK"
    teks, found = bersihkan(text, nama, NI_PPPK_PANJANG)
    if teks is None or len(teks) != NI_PPPK_PANJANG or _spreadsheet(found):
        return NiPppkHasil(teks, None, tuple(found))
    lahir = _tanggal_lahir(teks[NI_PPPK_TANGGAL_LAHIR], nama, found, as_of)
    tahun_s = teks[NI_PPPK_TAHUN_PENGANGKATAN]
    tahun = int(tahun_s) if semua_digit(tahun_s) else None
    if tahun is not None:
        if lahir is not None and tahun < lahir.year:
            found.append(masalah(KodeMasalah.TAHUN_PPPK_SEBELUM_LAHIR, nama, tahun_s))
        elif lahir is not None and tahun < lahir.year + USIA_PENGANGKATAN_MINIMAL:
            found.append(
                masalah(
                    KodeMasalah.TAHUN_PPPK_TERLALU_MUDA,
                    nama,
                    tahun_s,
                    usia=USIA_PENGANGKATAN_MINIMAL,
                )
            )
        if tahun < TAHUN_PPPK_PALING_AWAL:
            found.append(
                masalah(
                    KodeMasalah.TAHUN_PPPK_SEBELUM_ADA_PPPK,
                    nama,
                    tahun_s,
                    tahun=TAHUN_PPPK_PALING_AWAL,
                )
            )
        if as_of is not None and tahun > as_of.year:
            found.append(masalah(KodeMasalah.TAHUN_PPPK_DI_MASA_DEPAN, nama, tahun_s))
    kontrak_s = teks[NI_PPPK_JUMLAH_KONTRAK]
    kontrak = int(kontrak_s) if semua_digit(kontrak_s) else None
    jk = _jenis_kelamin(teks[NI_PPPK_JENIS_KELAMIN], nama, found)
    nomor = _nomor_urut(teks[NI_PPPK_NOMOR_URUT], nama, found)
    if found or lahir is None or tahun is None or kontrak is None or jk is None or nomor is None:
        return NiPppkHasil(teks, None, tuple(found))
    return NiPppkHasil(teks, NiPppkParts(lahir, tahun, kontrak, jk, nomor), ())


def build_ni_pppk(
    tanggal_lahir: date,
    tahun_pengangkatan: int,
    jumlah_kontrak: int,
    jenis_kelamin: JenisKelamin,
    nomor_urut: int,
) -> str:
    """Compose a NI PPPK from its parts (domain.md §4.2 [S]).

    Raises ``ValueError`` when the parts do not make a valid NI PPPK (``parse_ni_pppk``
    checks; ``jumlah_kontrak`` must be 0..99).
    """
    teks = (
        f"{_yyyymmdd(tanggal_lahir)}{tahun_pengangkatan:04d}{jumlah_kontrak:02d}"
        f"{KODE_JENIS_KELAMIN[jenis_kelamin]}{nomor_urut:03d}"
    )
    _tolak(parse_ni_pppk(teks), "NI PPPK")
    return teks


class JenisNomorInduk(StrEnum):
    """Which 18-digit identifier a number is: a PNS NIP or a PPPK NI PPPK."""

    NIP = "nip"
    NI_PPPK = "ni_pppk"


def nomor_induk_untuk(status: StatusKepegawaian) -> JenisNomorInduk:
    """The identifier an employee of ``status`` carries: NIP for CPNS and PNS, NI PPPK
    for PPPK (domain.md §4.9 [S])."""
    return JenisNomorInduk.NI_PPPK if status is StatusKepegawaian.PPPK else JenisNomorInduk.NIP


def parse_nomor_induk(
    text: str | None, status: StatusKepegawaian, *, as_of: date | None = None
) -> NipHasil | NiPppkHasil:
    """Read the identifier with the structure that ``status`` calls for (rules V01-V08)."""
    if nomor_induk_untuk(status) is JenisNomorInduk.NI_PPPK:
        return parse_ni_pppk(text, as_of=as_of)
    return parse_nip(text, as_of=as_of)


def jenis_nomor_induk(
    text: str | None, status: StatusKepegawaian, *, as_of: date | None = None
) -> JenisNomorInduk | None:
    """Which identifier ``text`` looks like, given the employee's status.

    The structure ``status`` calls for when the number is valid under it; otherwise the
    other structure when the number is valid under that one (a status/identifier mismatch
    worth a finding, e.g. a PNS recorded with a NI PPPK); ``None`` when it is neither.
    Many numbers are valid under both (a NI PPPK with 01-12 contracts reads as a NIP), so
    the status decides first.
    """
    expected = nomor_induk_untuk(status)
    checks = {
        JenisNomorInduk.NIP: lambda: parse_nip(text, as_of=as_of).valid,
        JenisNomorInduk.NI_PPPK: lambda: parse_ni_pppk(text, as_of=as_of).valid,
    }
    if checks[expected]():
        return expected
    other = next(j for j in JenisNomorInduk if j is not expected)
    return other if checks[other]() else None
