"""Why a person lands where they do, in sentences: built only from the engine's stored
columns (``Penempatan`` and its ``rincian``), never recomputed here.

PermenPANRB 20/2025 Pasal 17 (the two axes) and UU 27/2022 Pasal 10 (a person may ask
for an explanation of a decision made by automated processing)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bakat.domain.ninebox import (
    AlasanTidakTerpetakan,
    LevelKinerja,
    LevelPotensi,
    label_kotak,
    label_kotak_en,
    rekomendasi,
)
from bakat.io.report.angka import desimal
from bakat.web.talent.models import Penempatan

#: The composite sub-scores (Kepka BKN 411/2025) with their weights, in display order.
SUB_SKOR: tuple[tuple[str, int], ...] = (
    ("nilai_asesmen_kompetensi", 20),
    ("nilai_pengembangan_kompetensi", 10),
    ("nilai_pengalaman_jabatan", 10),
    ("nilai_potensi", 25),
    ("nilai_pendidikan", 10),
    ("nilai_kesesuaian_jurusan", 10),
    ("nilai_integritas", 15),
)


def _inggris() -> bool:
    return (get_language() or "id").startswith("en")


def _skor(nilai: object) -> str:
    """A score with 2 decimals, Indonesian style (``88,08``) unless English is active."""
    if not isinstance(nilai, int | float):
        return "-"
    return f"{nilai:.2f}" if _inggris() else desimal(float(nilai), 2)


def label_sub_skor(kolom: str) -> str:
    labels = {
        "nilai_asesmen_kompetensi": _("Asesmen kompetensi"),
        "nilai_pengembangan_kompetensi": _("Pengembangan kompetensi"),
        "nilai_pengalaman_jabatan": _("Pengalaman jabatan"),
        "nilai_potensi": _("Asesmen potensi"),
        "nilai_pendidikan": _("Pendidikan"),
        "nilai_kesesuaian_jurusan": _("Kesesuaian jurusan"),
        "nilai_integritas": _("Integritas"),
    }
    return labels.get(kolom, kolom)


def nama_kotak(nomor: int) -> str:
    return label_kotak_en(nomor) if _inggris() else label_kotak(nomor)


def tindakan_kotak(nomor: int) -> list[str]:
    """The recommended actions of a box (domain.md §2.4), in the active language."""
    return [t.teks_en if _inggris() else t.teks for t in rekomendasi(nomor)]


def deskripsi_alasan(kode: str) -> str:
    try:
        alasan = AlasanTidakTerpetakan(kode)
    except ValueError:
        return kode
    return alasan.deskripsi_en if _inggris() else alasan.deskripsi


def deskripsi_pengecualian(kode: str) -> str:
    teks = {
        "hukdis_aktif": _("Sedang menjalani hukuman disiplin pada tanggal acuan"),
        "hukdis_dalam_jendela": _("Hukuman disiplin sedang/berat dalam 2 tahun terakhir"),
        "menjelang_bup": _("Mencapai batas usia pensiun dalam 1 tahun"),
    }
    return teks.get(kode, kode)


def _level_kinerja(kode: str) -> str:
    try:
        level = LevelKinerja(kode)
    except ValueError:
        return kode
    return level.label_en if _inggris() else level.label


def _level_potensi(kode: str) -> str:
    try:
        level = LevelPotensi(kode)
    except ValueError:
        return kode
    return level.label_en if _inggris() else level.label


@dataclass(frozen=True)
class SubSkor:
    label: str
    nilai: float | None
    bobot: int

    @property
    def persen(self) -> int:
        """Share of the weight reached, 0-100 (for the bar's width class)."""
        if self.nilai is None or self.bobot == 0:
            return 0
        return max(0, min(100, round(100 * self.nilai / self.bobot)))


def sub_skor(p: Penempatan) -> list[SubSkor]:
    r = p.rincian
    return [
        SubSkor(label_sub_skor(k), r.get(k) if isinstance(r.get(k), int | float) else None, w)
        for k, w in SUB_SKOR
    ]


def alasan_penempatan(p: Penempatan) -> list[str]:
    """Sentences explaining the placement (or why there is none), then the pool."""
    r = p.rincian
    kalimat: list[str] = []
    tahun = [r.get("predikat_t1"), r.get("predikat_t2")]
    if any(tahun):
        acuan = p.run.as_of.year
        kalimat.append(
            _("Predikat SKP %(y1)s: %(t1)s; %(y2)s: %(t2)s.")
            % {"y1": acuan - 1, "t1": tahun[0] or "-", "y2": acuan - 2, "t2": tahun[1] or "-"}
        )
    if not p.terpetakan:
        kalimat.append(
            _("Belum dapat dipetakan: %(alasan)s.") % {"alasan": deskripsi_alasan(p.alasan)}
        )
        return kalimat
    gabungan = r.get("kinerja_gabungan") or p.level_kinerja
    kalimat.append(
        _("Level kinerja gabungan: %(level)s.") % {"level": _level_kinerja(str(gabungan))}
    )
    if r.get("batas_diterapkan"):
        kalimat.append(
            _("Hukuman disiplin %(hukdis)s membatasi level kinerja menjadi %(level)s.")
            % {"hukdis": r.get("hukdis_kinerja") or "-", "level": _level_kinerja(p.level_kinerja)}
        )
    kalimat.append(
        _("Skor potensi %(skor)s (metode %(metode)s): potensial %(level)s.")
        % {
            "skor": _skor(r.get("skor_potensi")),
            "metode": r.get("metode_potensi") or "-",
            "level": _level_potensi(p.level_potensi),
        }
    )
    if p.kotak is not None:
        kalimat.append(
            _("Karena itu berada di kotak %(kotak)s: %(label)s.")
            % {"kotak": p.kotak, "label": nama_kotak(p.kotak)}
        )
    if p.dalam_kelompok:
        kalimat.append(_("Masuk kelompok talenta."))
    elif p.alasan_pengecualian:
        alasan = "; ".join(deskripsi_pengecualian(k) for k in p.alasan_pengecualian.split(";"))
        kalimat.append(_("Tidak masuk kelompok talenta: %(alasan)s.") % {"alasan": alasan})
    return kalimat
