"""Text encoding and separator sniffing for CSV files.

formats.md: CSV is UTF-8 (with or without byte order mark) or Windows-1252, with ``,``
or ``;`` as separator, detected. The bytes are tried as UTF-8 strictly and then as
Windows-1252; anything that is neither, or that holds control characters a text file
never has (UTF-16, a spreadsheet saved under a ``.csv`` name, binary data), is refused.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import numpy as np

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


@dataclass(frozen=True)
class ByteScan:
    """What one pass over a file's bytes tells: whether it holds a control byte other
    than tab, line feed and carriage return; whether every carriage return ends a line
    (is followed by a line feed); how many physical lines it has (a last line without a
    line feed counts); and how many line feeds each chunk of ``chunk`` bytes holds."""

    control: bool
    crlf_only: bool
    lines: int
    chunk: int
    chunk_lines: tuple[int, ...]


def scan_bytes(path: Path, *, chunk: int = 1 << 24) -> ByteScan:
    """Scan ``path`` in chunks (the file is never held whole); stops at a control byte."""
    returns = crlf = 0
    counts: list[int] = []
    last = b""
    with path.open("rb") as stream:
        while block := stream.read(chunk):
            values = np.frombuffer(block, dtype=np.uint8)
            low = int(np.count_nonzero(values < 0x20))
            feeds = int(np.count_nonzero(values == 0x0A))
            if low != feeds:
                tabs = int(np.count_nonzero(values == 0x09))
                here = int(np.count_nonzero(values == 0x0D))
                if low != feeds + tabs + here:
                    return ByteScan(True, False, 0, chunk, ())
                returns += here
                crlf += block.count(b"\r\n")
            if np.any(values == 0x7F):
                return ByteScan(True, False, 0, chunk, ())
            crlf += last == b"\r" and block.startswith(b"\n")
            counts.append(feeds)
            last = block[-1:]
    lines = sum(counts) + (1 if last not in (b"", b"\n") else 0)
    return ByteScan(False, returns == crlf, lines, chunk, tuple(counts))


def lines_at(path: Path, numbers: Sequence[int], scan: ByteScan) -> list[str]:
    """The physical lines ``numbers`` (0-based, ascending) of UTF-8 ``path``, without
    their line feed (and without a byte order mark on the first); ``scan`` tells which
    chunk to start reading from, so only the chunks that hold them are read."""
    before = [0, *accumulate(scan.chunk_lines)]  # line feeds before each chunk
    found: list[bytes] = []
    index = 0
    with path.open("rb") as stream:
        while index < len(numbers):
            # Start at the chunk holding the line feed that ends the line before.
            at = bisect_right(before, numbers[index] - 1) - 1 if numbers[index] else 0
            stream.seek(at * scan.chunk)
            line, carry = before[at], b""  # the first piece of a chunk ends line ``line``
            while index < len(numbers):
                block = stream.read(scan.chunk)
                if not block:
                    if carry and numbers[index] == line:
                        found.append(carry)
                    index = len(numbers)
                    break
                at += 1
                parts = (carry + block).split(b"\n")
                carry = parts.pop()
                while index < len(numbers) and numbers[index] < line + len(parts):
                    found.append(parts[numbers[index] - line])
                    index += 1
                line += len(parts)
                if index < len(numbers) and bisect_right(before, numbers[index] - 1) - 1 > at:
                    break  # the next one is further on: seek to it
    texts = [part.decode("utf-8") for part in found]
    if texts and numbers[0] == 0:
        texts[0] = texts[0].removeprefix("\ufeff")
    return texts


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
