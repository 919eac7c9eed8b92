"""What is formatting and what is a difference: the comparison keys of reconciliation.

formats.md (``rekonsiliasi.csv``): "A difference that disappears after normalisation
(case, spacing, titles written inside the name, date formats, golongan spelling) is not a
difference." Domain.md §8 V40 [S]/[I]: titles are moved out of the name into the
``gelar_*`` fields and names are upper-cased with white space collapsed before local
records are compared with SIASN.

Every compared column has a *kind* (:class:`Jenis`) that decides its key:

- ``ID`` (nik, nip_lama, unit_kerja, instansi): upper case, white space and a leading
  apostrophe (Excel's text marker) removed;
- ``TEKS`` (tempat_lahir, jabatan, unit_kerja_nama, jurusan): upper case, runs of white
  space as one space, no space before ``.``/``,`` and one after;
- ``NAMA``: the ``TEKS`` key of the name without its academic titles (see below);
- ``GELAR`` (gelar_depan, gelar_belakang): the field, or when it is empty the titles
  written inside the name; compared upper-cased without dots and spaces, title by title
  (``S.Kom., M.T.`` = ``S.KOM, MT``). ``Dr.`` (doktor) and ``dr.`` (dokter) differ only
  in case and are therefore not told apart;
- ``PANGKAT``: the golongan the rank name denotes (``Penata Muda Tk. I`` = ``Penata Muda
  Tingkat I``, :func:`bakat.domain.golongan.parse_pangkat`), else its ``TEKS`` key;
- ``ENUM`` (jenis_kelamin, status_kepegawaian, golongan, golongan_awal, jenjang_jabatan,
  pendidikan): the canonical value from the :mod:`bakat.domain` parser (``3A`` =
  ``III/a``, ``S-1`` = ``S1``, ``M`` = ``L``), else the ``TEKS`` key;
- ``TANGGAL``: the day (text in ``YYYY-MM-DD``, ``DD-MM-YYYY`` or ``DD/MM/YYYY`` is read
  first, formats.md "Dates");
- ``BOOL`` (status_aktif): the value.

Titles inside a name (Permenristekdikti 59/2018 on the naming of titles [I]; the usage of
SIASN and agency files): the titles written before the name (``Prof.``, ``Dr.``,
``dr.``, ``drg.``, ``drh.``, ``Drs.``, ``Dra.``, ``Ir.``, ``Ns.``, ``apt.``), everything
after the first comma (``Budi Santoso, S.Kom., M.T.``), and trailing titles of
:data:`GELAR_BELAKANG` written without a comma. Religious honorifics (``H.``, ``Hj.``)
are part of the name, not academic titles, and stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from types import MappingProxyType

import polars as pl

from bakat.domain.golongan import Golongan, parse_golongan, parse_pangkat
from bakat.domain.jenjang import Jenjang, parse_jenjang
from bakat.domain.kepegawaian import (
    JenisKelamin,
    StatusKepegawaian,
    parse_jenis_kelamin,
    parse_status_kepegawaian,
)
from bakat.domain.pendidikan import Pendidikan, parse_pendidikan


class Jenis(StrEnum):
    """How a compared column is normalised (module docstring)."""

    ID = "id"
    TEKS = "teks"
    NAMA = "nama"
    GELAR = "gelar"
    PANGKAT = "pangkat"
    ENUM = "enum"
    TANGGAL = "tanggal"
    BOOL = "bool"


Parser = Callable[[str | None], StrEnum | None]

#: The columns reconciliation compares, in the order of formats.md "Tables and canonical
#: columns" (``nip`` is the match key and is compared only for fuzzy pairs). ``jabatan_id``
#: is left out: it is the key of the agency's own position table, not a registry value.
KOLOM_BANDING: Mapping[str, Jenis] = MappingProxyType(
    {
        "nik": Jenis.ID,
        "nip_lama": Jenis.ID,
        "nama": Jenis.NAMA,
        "gelar_depan": Jenis.GELAR,
        "gelar_belakang": Jenis.GELAR,
        "jenis_kelamin": Jenis.ENUM,
        "tempat_lahir": Jenis.TEKS,
        "tanggal_lahir": Jenis.TANGGAL,
        "status_kepegawaian": Jenis.ENUM,
        "tmt_cpns": Jenis.TANGGAL,
        "tmt_pns": Jenis.TANGGAL,
        "golongan": Jenis.ENUM,
        "golongan_awal": Jenis.ENUM,
        "pangkat": Jenis.PANGKAT,
        "tmt_golongan": Jenis.TANGGAL,
        "jenjang_jabatan": Jenis.ENUM,
        "jabatan": Jenis.TEKS,
        "tmt_jabatan": Jenis.TANGGAL,
        "unit_kerja": Jenis.ID,
        "unit_kerja_nama": Jenis.TEKS,
        "pendidikan": Jenis.ENUM,
        "jurusan": Jenis.TEKS,
        "status_aktif": Jenis.BOOL,
        "tmt_pensiun": Jenis.TANGGAL,
        "instansi": Jenis.ID,
    }
)

#: The domain parser of each enumerated column, and its canonical values.
PARSER: Mapping[str, tuple[Parser, frozenset[str]]] = MappingProxyType(
    {
        "jenis_kelamin": (parse_jenis_kelamin, frozenset(JenisKelamin)),
        "status_kepegawaian": (parse_status_kepegawaian, frozenset(StatusKepegawaian)),
        "golongan": (parse_golongan, frozenset(Golongan)),
        "golongan_awal": (parse_golongan, frozenset(Golongan)),
        "jenjang_jabatan": (parse_jenjang, frozenset(Jenjang)),
        "pendidikan": (parse_pendidikan, frozenset(Pendidikan)),
    }
)

#: Titles written before a name (Permenristekdikti 59/2018 [I]; domain.md §8 V30, V40).
GELAR_DEPAN: tuple[str, ...] = (
    "Prof.", "Dr.", "dr.", "drg.", "drh.", "Drs.", "Dra.", "Ir.", "Ns.", "apt.",
)  # fmt: skip
#: Titles recognised at the end of a name written without a comma (with or without dots).
GELAR_BELAKANG: tuple[str, ...] = (
    "S.Kom.", "S.Sos.", "S.Pd.", "S.E.", "S.H.", "S.T.", "S.Si.", "S.IP.", "S.AP.", "S.Ak.",
    "S.Psi.", "S.KM.", "S.Kep.", "S.Ked.", "S.Farm.", "S.Hum.", "S.Ag.", "S.P.", "S.ST.",
    "S.Tr.Sos.", "S.Tr.Kom.", "S.I.Kom.", "M.Si.", "M.T.", "M.M.", "M.Kes.", "M.Ak.", "M.Pd.",
    "M.H.", "M.Kom.", "M.Sc.", "M.AP.", "M.Psi.", "M.Sos.", "A.Md.", "A.Md.Kep.", "A.Md.Keb.",
    "A.Md.Ak.", "A.Md.Kom.", "A.Ma.", "Ph.D.", "MBA", "MPA", "MPH", "SE", "SH", "SKM", "MM",
)  # fmt: skip


def _panjang_dulu(teks: str) -> tuple[int, str]:
    return (-len(teks), teks)


_DEPAN = (
    r"(?:(?:"
    + "|".join(sorted({re.escape(g.rstrip(".").upper()) for g in GELAR_DEPAN}, key=_panjang_dulu))
    + r")(?:\.\s*|\s+))+"
)


def _pola_belakang(gelar: str) -> str:
    """``S.Kom.`` -> ``S.Kom.``, ``S. Kom``, ``SKom`` (not ``S Kom``: initials stay)."""
    bagian = [re.escape(b) for b in gelar.rstrip(".").split(".")]
    return r"(?:\.\s?)?".join(bagian) + r"\.?"


_BELAKANG = (
    r"(?:\s+(?:"
    + "|".join(_pola_belakang(g) for g in sorted(GELAR_BELAKANG, key=_panjang_dulu))
    + r"))+"
)


def teks_kunci(e: pl.Expr) -> pl.Expr:
    """Upper case, one space between words, ``.``/``,`` followed by one space."""
    return (
        e.str.to_uppercase()
        .str.replace_all(r"\s*([.,])\s*", "$1 ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


def id_kunci(e: pl.Expr) -> pl.Expr:
    """Identifiers: upper case, no white space, no leading apostrophe."""
    return e.str.replace_all(r"\s", "").str.strip_chars_start("'").str.to_uppercase()


def nama_tanpa_gelar(e: pl.Expr) -> pl.Expr:
    """The name without the titles written inside it (module docstring), as written."""
    return (
        e.str.replace(r",.*$", "")
        .str.replace(f"(?i)^{_DEPAN}", "")
        .str.replace(f"(?i){_BELAKANG}\\s*$", "")
        .str.strip_chars()
    )


def nama_kunci(e: pl.Expr) -> pl.Expr:
    """The comparison (and matching) key of a name: titles removed, then :func:`teks_kunci`."""
    return teks_kunci(nama_tanpa_gelar(e))


def gelar_depan_dari_nama(e: pl.Expr) -> pl.Expr:
    """The titles written before the name (null when none)."""
    return _kosong_null(e.str.extract(f"(?i)^({_DEPAN})", 1).str.strip_chars())


def gelar_belakang_dari_nama(e: pl.Expr) -> pl.Expr:
    """The titles after the first comma, or trailing known titles (null when none)."""
    setelah_koma = e.str.extract(r",\s*(.*)$", 1)
    tanpa_koma = e.str.extract(f"(?i)({_BELAKANG})\\s*$", 1)
    return _kosong_null(pl.coalesce(setelah_koma, tanpa_koma).str.strip_chars())


def gelar_kunci(e: pl.Expr) -> pl.Expr:
    """Titles compared upper-cased without dots and spaces, in order, comma-separated."""
    return _kosong_null(
        e.str.to_uppercase()
        .str.replace_all(r"[.\s]", "")
        .str.replace_all(r",+", ",")
        .str.strip_chars(",")
    )


def gelar_efektif(gelar: pl.Expr, nama: pl.Expr, depan: bool) -> pl.Expr:
    """The title field, or when it is empty the titles written inside the name."""
    dari_nama = gelar_depan_dari_nama(nama) if depan else gelar_belakang_dari_nama(nama)
    return pl.coalesce(gelar, dari_nama)


def enum_kunci(e: pl.Expr, kolom: str) -> pl.Expr:
    """The canonical value by the column's domain parser, else the text key."""
    parser, sah = PARSER[kolom]

    def petakan(s: pl.Series) -> pl.Series:
        unik = s.drop_nulls().unique()
        if unik.is_in(list(sah)).all():
            return s
        peta: dict[str, str] = {}
        for nilai in unik.to_list():
            hasil = parser(nilai)
            peta[nilai] = hasil.value if hasil is not None else _teks(nilai)
        return s.replace_strict(peta, default=None, return_dtype=pl.String)

    return e.cast(pl.String).map_batches(petakan, return_dtype=pl.String, is_elementwise=True)


def pangkat_kunci(e: pl.Expr) -> pl.Expr:
    """The golongan a rank name denotes, else the text key."""

    def petakan(s: pl.Series) -> pl.Series:
        peta: dict[str, str] = {}
        for nilai in s.drop_nulls().unique().to_list():
            g = parse_pangkat(nilai)
            peta[nilai] = g.value if g is not None else _teks(nilai)
        return s.replace_strict(peta, default=None, return_dtype=pl.String)

    return e.cast(pl.String).map_batches(petakan, return_dtype=pl.String, is_elementwise=True)


#: Accepted text forms of a date (formats.md "Dates"); Excel serials are read by bakat.io.
_FORMAT_TANGGAL = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


def sebagai_tanggal(e: pl.Expr) -> pl.Expr:
    """A text date column read as days (the first accepted form that fits), else null."""
    teks = e.str.strip_chars().str.slice(0, 10)
    return pl.coalesce(*(teks.str.strptime(pl.Date, f, strict=False) for f in _FORMAT_TANGGAL))


def _teks(nilai: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*([.,])\s*", r"\1 ", nilai.upper())).strip()


def _kosong_null(e: pl.Expr) -> pl.Expr:
    return pl.when(e.str.len_chars() > 0).then(e)


def kolom_bersama(lokal: Mapping[str, str], siasn: Mapping[str, str]) -> list[str]:
    """The columns to compare, given each file's headers: those present in both files.
    The titles are compared when each file has the title column or the name (titles
    may be written inside it) and at least one has the title column."""
    kolom = []
    for c, jenis in KOLOM_BANDING.items():
        if jenis is Jenis.GELAR:
            if all(c in h or "nama" in h for h in (lokal, siasn)) and (c in lokal or c in siasn):
                kolom.append(c)
        elif c in lokal and c in siasn:
            kolom.append(c)
    return kolom
