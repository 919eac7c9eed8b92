"""NIK: the 16-digit population identity number issued by Dukcapil.

UU 23/2006 Pasal 13; dukcapil.klaten.go.id (domain.md §4.3 [V]; rules V09, V10):
positions 1-2 province, 3-4 regency/city, 5-6 district (kecamatan), 7-12 birth date
``DDMMYY`` with 40 added to the day for women (41-71), 13-16 serial from ``0001``.

A NIK is never reissued, even when it disagrees with the real birth date, so a mismatch
with the personnel record is a warning (V10), not a reason the NIK is invalid. The year
has two digits: ``NikParts.tanggal_lahir(referensi)`` picks the century.

Reading rules (whitespace, spreadsheet numbers, all reasons at once):
``bakat.domain.identitas``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bakat.domain.identitas import HasilNomor as HasilNomor
from bakat.domain.identitas import KodeMasalah as KodeMasalah
from bakat.domain.identitas import Masalah as Masalah
from bakat.domain.identitas import bersihkan, masalah, semua_digit
from bakat.domain.kepegawaian import JenisKelamin
from bakat.domain.wilayah import KODE_PROVINSI as KODE_PROVINSI  # re-exported (shared API)

# Positions of the NIK parts (0-based slices; UU 23/2006 Pasal 13 [V]).
NIK_PANJANG = 16
NIK_KODE_WILAYAH = slice(0, 6)
NIK_KODE_PROVINSI = slice(0, 2)
NIK_KODE_KABUPATEN = slice(2, 4)
NIK_KODE_KECAMATAN = slice(4, 6)
NIK_TANGGAL_LAHIR = slice(6, 12)
NIK_HARI = slice(6, 8)
NIK_BULAN = slice(8, 10)
NIK_TAHUN = slice(10, 12)
NIK_NOMOR_URUT = slice(12, 16)
# Women's NIKs carry the birth day plus 40 (domain.md §4.3 [V]).
NIK_TAMBAHAN_HARI_PEREMPUAN = 40


@dataclass(frozen=True)
class NikParts:
    """The decoded parts of a valid NIK.

    ``hari`` is the real birth day (the 40 for women already removed); ``tahun_dua_digit``
    the last two digits of the birth year.
    """

    kode_provinsi: str
    kode_kabupaten: str
    kode_kecamatan: str
    hari: int
    bulan: int
    tahun_dua_digit: int
    jenis_kelamin: JenisKelamin
    nomor_urut: int

    @property
    def kode_wilayah(self) -> str:
        """Province, regency and district codes together (6 digits)."""
        return self.kode_provinsi + self.kode_kabupaten + self.kode_kecamatan

    @property
    def provinsi(self) -> str:
        """The province name for the code."""
        return KODE_PROVINSI[self.kode_provinsi]

    def tanggal_lahir(self, referensi: date) -> date | None:
        """The birth date in the latest century that does not put it after ``referensi``.

        For an employee, ``as_of`` minus the youngest possible age is a tight reference.
        ``None`` when the chosen century has no such day (29 February 1900).
        """
        for abad in (2000, 1900, 1800):
            try:
                lahir = date(abad + self.tahun_dua_digit, self.bulan, self.hari)
            except ValueError:
                return None
            if lahir <= referensi:
                return lahir
        return None

    def selisih_dengan(
        self, tanggal_lahir: date, jenis_kelamin: JenisKelamin | None = None
    ) -> tuple[str, ...]:
        """Which parts disagree with the personnel record (rule V10, a warning).

        Returns names among ``"hari"``, ``"bulan"``, ``"tahun"``, ``"jenis_kelamin"``;
        empty when consistent. An unknown ``jenis_kelamin`` is not compared.
        """
        beda = []
        if self.hari != tanggal_lahir.day:
            beda.append("hari")
        if self.bulan != tanggal_lahir.month:
            beda.append("bulan")
        if self.tahun_dua_digit != tanggal_lahir.year % 100:
            beda.append("tahun")
        if jenis_kelamin is not None and jenis_kelamin is not self.jenis_kelamin:
            beda.append("jenis_kelamin")
        return tuple(beda)

    def cocok_dengan(self, tanggal_lahir: date, jenis_kelamin: JenisKelamin | None = None) -> bool:
        """Whether the NIK agrees with the recorded birth date and sex (rule V10)."""
        return not self.selisih_dengan(tanggal_lahir, jenis_kelamin)


NikHasil = HasilNomor[NikParts]


def _tanggal(part: str, found: list[Masalah]) -> tuple[int, int, int, JenisKelamin] | None:
    """Day, month, two-digit year and sex from ``DDMMYY`` (+40 on the day for women)."""
    if not semua_digit(part):
        return None
    hari, bulan, tahun = int(part[0:2]), int(part[2:4]), int(part[4:6])
    jk = JenisKelamin.L
    if hari > NIK_TAMBAHAN_HARI_PEREMPUAN:
        hari -= NIK_TAMBAHAN_HARI_PEREMPUAN
        jk = JenisKelamin.P
    try:
        # 2000-2099 has 29 February exactly when some century does (yy divisible by 4).
        date(2000 + tahun, bulan, hari)
    except ValueError:
        found.append(masalah(KodeMasalah.TANGGAL_LAHIR_TIDAK_VALID, "NIK", part))
        return None
    return hari, bulan, tahun, jk


def parse_nik(text: str | None) -> NikHasil:
    """Read a NIK and return its parts or every reason it is invalid (rule V09).

    UU 23/2006 Pasal 13 (domain.md §4.3 [V]). Checks: emptiness, spreadsheet numbers,
    non-digits, length 16, province code in the Dukcapil list, regency and district code
    not 00 [I], a real day and month (day 01-31, or 41-71 for women), serial not 0000.
    Never raises on bad text.
    """
    nama = "NIK"
    teks, found = bersihkan(text, nama, NIK_PANJANG)
    spreadsheet = {KodeMasalah.NOTASI_ILMIAH, KodeMasalah.ANGKA_DESIMAL}
    if teks is None or len(teks) != NIK_PANJANG or any(m.kode in spreadsheet for m in found):
        return NikHasil(teks, None, tuple(found))
    provinsi = teks[NIK_KODE_PROVINSI]
    if semua_digit(provinsi) and provinsi not in KODE_PROVINSI:
        found.append(masalah(KodeMasalah.KODE_PROVINSI_TIDAK_DIKENAL, nama, provinsi))
    kabupaten, kecamatan = teks[NIK_KODE_KABUPATEN], teks[NIK_KODE_KECAMATAN]
    if kabupaten == "00":
        found.append(masalah(KodeMasalah.KODE_KABUPATEN_NOL, nama, kabupaten))
    if kecamatan == "00":
        found.append(masalah(KodeMasalah.KODE_KECAMATAN_NOL, nama, kecamatan))
    tanggal = _tanggal(teks[NIK_TANGGAL_LAHIR], found)
    nomor_s = teks[NIK_NOMOR_URUT]
    if semua_digit(nomor_s) and int(nomor_s) == 0:
        found.append(masalah(KodeMasalah.NOMOR_URUT_NOL, nama, nomor_s))
    if found or tanggal is None:
        return NikHasil(teks, None, tuple(found))
    hari, bulan, tahun, jk = tanggal
    parts = NikParts(provinsi, kabupaten, kecamatan, hari, bulan, tahun, jk, int(nomor_s))
    return NikHasil(teks, parts, ())


def build_nik(
    kode_wilayah: str, tanggal_lahir: date, jenis_kelamin: JenisKelamin, nomor_urut: int
) -> str:
    """Compose a NIK (UU 23/2006 Pasal 13 [V]); ``kode_wilayah`` is 6 digits.

    Raises ``ValueError`` when the parts do not make a valid NIK (``parse_nik`` checks,
    e.g. an unknown province or a serial outside 1..9999).
    """
    hari = tanggal_lahir.day
    if jenis_kelamin is JenisKelamin.P:
        hari += NIK_TAMBAHAN_HARI_PEREMPUAN
    teks = (
        f"{kode_wilayah}{hari:02d}{tanggal_lahir.month:02d}{tanggal_lahir.year % 100:02d}"
        f"{nomor_urut:04d}"
    )
    hasil = parse_nik(teks)
    if hasil.errors:
        raise ValueError("NIK tidak valid: " + " ".join(m.pesan for m in hasil.errors))
    return teks


def nik_cocok_dengan(
    nik: str | None, tanggal_lahir: date, jenis_kelamin: JenisKelamin | None = None
) -> bool | None:
    """Whether a NIK agrees with the recorded birth date and sex (rule V10, a warning).

    ``None`` when the NIK itself is invalid (that is rule V09's finding, not V10's).
    """
    parts = parse_nik(nik).parts
    return None if parts is None else parts.cocok_dengan(tanggal_lahir, jenis_kelamin)
