"""Evidence from the NIP itself: which side of a disputed value agrees with the number.

A NIP carries the birth date (digits 1-8), the month of TMT CPNS (9-14), the sex (15: 1
male, 2 female) and a serial from 001 (16-18): Perka BKN 22/2007 (domain.md §4.1 [V]). A
NI PPPK carries the birth date and the sex at the same places (domain.md §4.2 [S]). When
the agency and SIASN disagree on a birth date or on the NIP, the side whose record agrees
with its own number is the likely correct one; only BKN may correct either field in SIASN
(domain.md §4.1 [S]), so this decides whether a correction goes to BKN
(``usulan_bkn.csv``) or the agency fixes its own record.
"""

from __future__ import annotations

import polars as pl

from bakat.domain.kepegawaian import StatusKepegawaian
from bakat.domain.nip import (
    KODE_JENIS_KELAMIN,
    NIP_JENIS_KELAMIN,
    NIP_NOMOR_URUT,
    NIP_PANJANG,
    NIP_TANGGAL_LAHIR,
    NIP_TMT_CPNS,
)

_POLA_NIP = rf"^\d{{{NIP_PANJANG}}}$"


def _potong(nip: pl.Expr, bagian: slice) -> pl.Expr:
    assert bagian.start is not None and bagian.stop is not None
    return nip.str.slice(bagian.start, bagian.stop - bagian.start)


def nip_berbentuk(nip: pl.Expr) -> pl.Expr:
    """The number has the 18 digits of a NIP or NI PPPK (rule V01); null stays null."""
    return nip.str.contains(_POLA_NIP)


def lahir_sesuai_nip(nip: pl.Expr, tanggal_lahir: pl.Expr) -> pl.Expr:
    """Digits 1-8 of the number are the birth date (rule V02); null when either is unknown."""
    dari_nip = _potong(nip, NIP_TANGGAL_LAHIR).str.strptime(pl.Date, "%Y%m%d", strict=False)
    return pl.when(nip_berbentuk(nip)).then(dari_nip == tanggal_lahir)


def nip_sesuai_rekaman(
    nip: pl.Expr,
    tanggal_lahir: pl.Expr,
    jenis_kelamin: pl.Expr,
    tmt_cpns: pl.Expr,
    status_kepegawaian: pl.Expr,
) -> pl.Expr:
    """The number agrees with its own record (rules V01-V05; V03 for PNS and CPNS only).

    A part of the record that is empty does not count against the number; a number that is
    not 18 digits never agrees.
    """
    kode_jk = jenis_kelamin.replace_strict(
        {jk.value: kode for jk, kode in KODE_JENIS_KELAMIN.items()}, default=None
    )
    tmt = tmt_cpns.dt.strftime("%Y%m")
    pppk = status_kepegawaian.eq(StatusKepegawaian.PPPK.value).fill_null(False)
    return nip_berbentuk(nip).fill_null(False) & pl.all_horizontal(
        lahir_sesuai_nip(nip, tanggal_lahir).fill_null(True),
        (_potong(nip, NIP_JENIS_KELAMIN) == kode_jk).fill_null(True),
        (pppk | (_potong(nip, NIP_TMT_CPNS) == tmt)).fill_null(True),
        _potong(nip, NIP_NOMOR_URUT) != "000",
    )
