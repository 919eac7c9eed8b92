from __future__ import annotations

import codecs

import pytest

from bakat.domain.errors import InputError
from bakat.io.encoding import decode_csv, detect_separator


@pytest.mark.parametrize(
    ("line", "separator"),
    [
        ("nip,nama", ","),
        ("nip;nama;tanggal_lahir", ";"),
        ("nip\tnama", "\t"),
        ("nip", ","),
        ('"nama, lengkap";nip', ";"),  # separators inside quotes do not count
        ("a,b;c", ","),  # a tie goes to the comma
    ],
)
def test_it_detects_the_separator_from_the_header_line(line: str, separator: str) -> None:
    assert detect_separator(line) == separator


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"nip\n1\n", "nip\n1\n", "utf-8"),
        (codecs.BOM_UTF8 + "nama\nJosé\n".encode(), "nama\nJosé\n", "utf-8"),
        ("nama\nJosé Ñ\n".encode("cp1252"), "nama\nJosé Ñ\n", "cp1252"),
    ],
)
def test_it_reads_utf8_with_or_without_bom_and_windows_1252(
    data: bytes, text: str, encoding: str
) -> None:
    payload, found = decode_csv(data, file="f")
    assert (payload.decode("utf-8"), found) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "row"),
    [
        (codecs.BOM_UTF16_LE + "nip\n".encode("utf-16-le"), 1),
        ("nip\n1\n".encode("utf-16-le"), 1),  # UTF-16 without a byte order mark
        (b"nip\n1\n\x00\x00", 3),
        (b"nip\n\x1b[31m\n", 2),
    ],
)
def test_it_refuses_text_that_is_neither_utf8_nor_windows_1252(data: bytes, row: int) -> None:
    with pytest.raises(InputError) as caught:
        decode_csv(data, file="f")
    assert caught.value.row == row
