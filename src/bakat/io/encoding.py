"""Text encoding and separator sniffing for CSV files.

formats.md: CSV is UTF-8 (with or without byte order mark) or Windows-1252, with ``,``
or ``;`` as separator, detected. The bytes are tried as UTF-8 strictly and then as
Windows-1252; anything that is neither, or that holds control characters a text file
never has (UTF-16, a spreadsheet saved under a ``.csv`` name, binary data), is refused.
"""

from __future__ import annotations

import codecs
import re

from bakat.domain.errors import InputError

#: Separators tried on the header line, in order of preference on a tie.
SEPARATORS: tuple[str, ...] = (",", ";", "\t")

# Control characters other than tab, line feed and carriage return. In UTF-8 they are
# single bytes, so the check runs on the bytes: each is mapped to NUL, then NUL is found.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_TO_NUL = bytes(0 if byte in _CONTROL_BYTES else 1 for byte in range(256))

_SAVE_ID = "simpan ulang sebagai CSV UTF-8"
_SAVE_EN = "save it again as CSV UTF-8"


def _row_of(data: bytes, offset: int) -> int:
    """1-based line number of byte ``offset``."""
    return data.count(b"\n", 0, offset) + 1


def decode_csv(data: bytes, *, file: str) -> tuple[bytes, str]:
    """The file's content as UTF-8 bytes without a byte order mark, and the encoding read.

    Raises InputError naming the row (physical line) of the first byte that cannot be
    text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(
            f"berkas berenkode UTF-16 atau UTF-32; {_SAVE_ID} / "
            f"the file is UTF-16 or UTF-32 encoded; {_SAVE_EN}",
            file=file,
            row=1,
        )
    if data.startswith(b"PK\x03\x04"):
        raise InputError(
            "berkas ini sebenarnya lembar kerja XLSX (ZIP), bukan CSV; ganti ekstensinya "
            "menjadi .xlsx / this file is an XLSX workbook (ZIP), not CSV; rename it to .xlsx",
            file=file,
            row=1,
        )
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        data.decode("utf-8")
        payload = data
    except UnicodeDecodeError:
        encoding = "cp1252"
        try:
            payload = data.decode("cp1252").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"byte 0x{data[exc.start]:02X} bukan teks UTF-8 maupun Windows-1252; "
                f"{_SAVE_ID} / byte 0x{data[exc.start]:02X} is neither UTF-8 nor "
                f"Windows-1252 text; {_SAVE_EN}",
                file=file,
                row=_row_of(data, exc.start),
            ) from None
    bad = payload.translate(_TO_NUL).find(b"\x00")
    if bad != -1:
        byte = payload[bad]
        raise InputError(
            f"byte kendali 0x{byte:02X}: bukan berkas teks CSV (mungkin UTF-16 atau berkas "
            f"biner); {_SAVE_ID} / control byte 0x{byte:02X}: not a CSV text file (perhaps "
            f"UTF-16 or binary); {_SAVE_EN}",
            file=file,
            row=_row_of(payload, bad),
        )
    return payload, encoding


def first_line(text: str) -> str:
    """The text up to the first line break (the header line of a CSV)."""
    end = len(text)
    for mark in ("\n", "\r"):
        found = text.find(mark)
        if found != -1:
            end = min(end, found)
    return text[:end]


def detect_separator(header_line: str) -> str:
    """The separator of a CSV from its header line: the most frequent of ``,`` ``;`` tab
    outside quotes (``,`` when none occurs; ties go to the earlier in :data:`SEPARATORS`).
    """
    outside = re.sub(r'"(?:[^"]|"")*"?', "", header_line)
    counts = {sep: outside.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: (counts[sep], -SEPARATORS.index(sep)))
    return best if counts[best] > 0 else ","
