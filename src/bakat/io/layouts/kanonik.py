"""The canonical layout: the column names of formats.md and the spellings agencies use
in their own spreadsheets (Indonesian headers written out, common abbreviations).

Every canonical column name is accepted for its own table without being listed here.
Headers are compared after :func:`bakat.io.headers.header_key` (case, spaces,
underscores, dashes, dots and slashes do not matter), so ``"Tanggal Lahir"``,
``"tanggal_lahir"`` and ``"TANGGAL-LAHIR"`` are one spelling.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_PERSONNEL: Mapping[str, tuple[str, ...]] = {
    "nip": ("nip baru", "nomor induk pegawai", "nip/ni pppk", "ni pppk"),
    "nik": ("no ktp", "nomor ktp", "nomor induk kependudukan"),
    "nama": ("nama lengkap", "nama pegawai"),
    "jenis_kelamin": ("jk", "l/p", "kelamin"),
    "tanggal_lahir": ("tgl lahir",),
    "tempat_lahir": ("tmp lahir",),
    "status_kepegawaian": ("status pegawai", "status asn"),
    "golongan": ("gol", "gol ruang", "golongan ruang", "gol/ruang"),
    "tmt_golongan": ("tmt gol", "tmt pangkat"),
    "jabatan": ("nama jabatan",),
    "jabatan_id": ("id jabatan", "kode jabatan"),
    "unit_kerja": ("id unit kerja", "kode unit kerja"),
    "unit_kerja_nama": ("nama unit kerja",),
    "pendidikan": ("pendidikan terakhir", "tingkat pendidikan"),
    "jurusan": ("program studi", "prodi"),
    "status_aktif": ("aktif",),
    "instansi": ("kode instansi", "id instansi"),
}

ALIASES: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "pegawai": _PERSONNEL,
        "siasn": _PERSONNEL,
        "kinerja": {
            "nip": ("nip baru",),
            "tahun": ("tahun penilaian", "tahun skp"),
            "predikat": ("predikat kinerja",),
            "hasil_kerja": ("rating hasil kerja",),
            "perilaku_kerja": ("rating perilaku kerja",),
        },
        "asesmen": {
            "nip": ("nip baru",),
            "tanggal": ("tanggal asesmen", "tgl asesmen"),
            "skor_kompetensi": ("nilai kompetensi",),
            "skor_potensi": ("nilai potensi",),
        },
        "diklat": {
            "nip": ("nip baru",),
            "tanggal": ("tanggal diklat", "tgl diklat"),
            "nama": ("nama diklat",),
            "jp": ("jam pelajaran", "jumlah jp"),
        },
        "hukdis": {
            "nip": ("nip baru",),
            "tingkat": ("tingkat hukuman", "tingkat hukdis"),
            "tmt": ("tmt hukuman",),
            "tanggal_akhir": ("tanggal akhir hukuman", "tmt akhir"),
        },
        "jabatan": {
            "jabatan_id": ("id jabatan", "kode jabatan"),
            "nama": ("nama jabatan",),
            "nip_pemangku": ("pemangku", "nip pejabat"),
            "kritikal": ("jabatan kritikal",),
            "unit_kerja": ("id unit kerja", "kode unit kerja"),
            "instansi": ("kode instansi", "id instansi"),
        },
        "relasi": {"hubungan": ("jenis hubungan",)},
    }
)

#: Spellings used only when no other header of the file gives the column.
FALLBACKS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "pegawai": {"jenjang_jabatan": ("jenjang",)},
        "siasn": {"jenjang_jabatan": ("jenjang",)},
        "jabatan": {"jenjang_jabatan": ("jenjang",)},
    }
)
