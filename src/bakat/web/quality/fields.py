"""The employee fields a correction may change, and how a new value is read.

Values are normalised with the domain parsers (one rule in one place): a golongan
written ``3a`` becomes ``III/a``; a value the parser refuses is an ``InputError``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bakat.domain.errors import InputError
from bakat.domain.golongan import parse_golongan
from bakat.domain.jenjang import Jenjang
from bakat.domain.kepegawaian import parse_jenis_kelamin, parse_status_kepegawaian
from bakat.domain.nik import parse_nik
from bakat.domain.pendidikan import parse_pendidikan

TEKS = (
    "nik",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir",
    "jabatan",
    "jabatan_id",
    "jurusan",
)
TANGGAL = ("tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_golongan", "tmt_jabatan")


def _enum(parse: Callable[[str], object | None], kolom: str) -> Callable[[str], str]:
    def read(text: str) -> str:
        value = parse(text) if text else None
        if text and value is None:
            raise InputError(f"nilai {text!r} tidak dikenal / unknown value", column=kolom)
        return "" if value is None else str(value)

    return read


def _nik(text: str) -> str:
    """A NIK must pass the domain's reading (UU 23/2006 Pasal 13; rule V09)."""
    hasil = parse_nik(text)
    if not hasil.valid:
        pesan = "; ".join(f"{m.pesan} / {m.message}" for m in hasil.errors)
        raise InputError(pesan, column="nik")
    return hasil.teks or ""


def _jenjang(text: str) -> Jenjang | None:
    try:
        return Jenjang(text.strip().upper())
    except ValueError:
        return None


_ENUM: dict[str, Callable[[str], str]] = {
    "golongan": _enum(parse_golongan, "golongan"),
    "pendidikan": _enum(parse_pendidikan, "pendidikan"),
    "jenis_kelamin": _enum(parse_jenis_kelamin, "jenis_kelamin"),
    "status_kepegawaian": _enum(parse_status_kepegawaian, "status_kepegawaian"),
    "jenjang_jabatan": _enum(_jenjang, "jenjang_jabatan"),
}

#: Every correctable field, in the order of docs/formats.md.
KOLOM_KOREKSI: tuple[str, ...] = ("nik", *TEKS, *TANGGAL, *_ENUM)


def baca_nilai(kolom: str, text: str) -> str | date | None:
    """The new value of ``kolom`` as the model stores it; InputError when unreadable."""
    text = text.strip()
    if kolom == "nik":
        return _nik(text)
    if kolom in TEKS:
        return text
    if kolom in TANGGAL:
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InputError(
                f"tanggal harus YYYY-MM-DD, bukan {text!r} / date must be YYYY-MM-DD",
                column=kolom,
            ) from None
    if kolom in _ENUM:
        return _ENUM[kolom](text)
    raise InputError(f"kolom {kolom!r} tidak dapat dikoreksi / not correctable", column=kolom)


def sebagai_teks(value: object) -> str:
    """A stored value as the text shown and audited."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
