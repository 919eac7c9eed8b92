"""NIP, NI PPPK and NIK built for whole columns at once.

The layouts are those of ``bakat.domain.nip`` (Perka BKN 22/2007 [V]; NI PPPK domain.md
§4.2 [S]) and ``bakat.domain.nik`` (UU 23/2006 Pasal 13 [V]): the field widths are read
from the domain's slice constants, and :func:`periksa_contoh` rebuilds a sample with the
domain's own ``build_nip`` / ``build_ni_pppk`` / ``build_nik`` so that one rule lives in
one place. The serial number starts at 1 and only grows when the leading digits collide
(Perka BKN 22/2007 [V]); every number is therefore unique.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from bakat.domain import nik as nik_mod
from bakat.domain import nip as nip_mod
from bakat.domain.kepegawaian import JenisKelamin
from bakat.synth import kalender as k
from bakat.synth.people import PPPK, Orang, peringkat

I64 = npt.NDArray[np.int64]


def _lebar(s: slice) -> int:
    return int(s.stop) - int(s.start)


_W_URUT_NIP = 10 ** _lebar(nip_mod.NIP_NOMOR_URUT)
_W_JK_NIP = 10 ** _lebar(nip_mod.NIP_JENIS_KELAMIN)
_W_TMT = 10 ** _lebar(nip_mod.NIP_TMT_CPNS)
_W_KONTRAK = 10 ** _lebar(nip_mod.NI_PPPK_JUMLAH_KONTRAK)
_W_URUT_NIK = 10 ** _lebar(nik_mod.NIK_NOMOR_URUT)
_W_TGL_NIK = 10 ** _lebar(nik_mod.NIK_TANGGAL_LAHIR)
_KODE_JK = {
    1: int(nip_mod.KODE_JENIS_KELAMIN[JenisKelamin.L]),
    2: int(nip_mod.KODE_JENIS_KELAMIN[JenisKelamin.P]),
}


def nomor_urut(awalan: I64) -> I64:
    """Serial 1, 2, ... within each group of equal leading digits (in index order)."""
    urut = np.argsort(awalan, kind="stable")
    rank = peringkat(awalan[urut])
    out = np.empty(len(awalan), dtype=np.int64)
    out[urut] = rank + 1
    return out


def nip_angka(o: Orang) -> I64:
    """NIP (CPNS, PNS) or NI PPPK of everyone as 18-digit integers."""
    t, b, d = k.ymd(o.lahir)
    lahir = t.astype(np.int64) * 10000 + b * 100 + d
    tt, bt, _ = k.ymd(o.tmt_masuk)
    tengah = np.where(
        o.status == PPPK,
        tt.astype(np.int64) * _W_KONTRAK + o.kontrak,
        tt.astype(np.int64) * 100 + bt,
    )
    jk = np.where(o.jk == 2, _KODE_JK[2], _KODE_JK[1])
    awalan = (lahir * _W_TMT + tengah) * _W_JK_NIP + jk
    urut = nomor_urut(awalan)
    if urut.max(initial=0) >= _W_URUT_NIP:
        raise RuntimeError("nomor urut NIP melebihi 3 digit")
    hasil: I64 = awalan * _W_URUT_NIP + urut
    return hasil


def nik_angka(o: Orang, wilayah: I64) -> I64:
    """NIK of everyone as 16-digit integers, from a 6-digit area code per person."""
    t, b, d = k.ymd(o.lahir)
    hari = d.astype(np.int64) + np.where(o.jk == 2, nik_mod.NIK_TAMBAHAN_HARI_PEREMPUAN, 0)
    tgl = hari * 10000 + b * 100 + t % 100
    awalan = wilayah * _W_TGL_NIK + tgl
    urut = nomor_urut(awalan)
    if urut.max(initial=0) >= _W_URUT_NIK:
        raise RuntimeError("nomor urut NIK melebihi 4 digit")
    hasil: I64 = awalan * _W_URUT_NIK + urut
    return hasil


def periksa_contoh(o: Orang, nip: I64, nik: I64, wilayah: I64, jumlah: int = 64) -> None:
    """Rebuild the first ``jumlah`` numbers with the domain builders; raise on a mismatch."""
    for i in range(min(jumlah, o.p)):
        lahir = k.tanggal(int(o.lahir[i]))
        jk = JenisKelamin.P if o.jk[i] == 2 else JenisKelamin.L
        tmt = k.tanggal(int(o.tmt_masuk[i]))
        urut = int(nip[i] % _W_URUT_NIP)
        if o.status[i] == PPPK:
            harap = nip_mod.build_ni_pppk(lahir, tmt.year, int(o.kontrak[i]), jk, urut)
        else:
            harap = nip_mod.build_nip(lahir, tmt.year, tmt.month, jk, urut)
        if harap != str(int(nip[i])):
            raise RuntimeError(f"NIP sintetis {nip[i]} berbeda dari domain {harap}")
        harap_nik = nik_mod.build_nik(
            f"{int(wilayah[i]):06d}", lahir, jk, int(nik[i] % _W_URUT_NIK)
        )
        if harap_nik != f"{int(nik[i]):016d}":
            raise RuntimeError(f"NIK sintetis {nik[i]} berbeda dari domain {harap_nik}")
