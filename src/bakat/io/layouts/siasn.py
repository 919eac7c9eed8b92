"""The SIASN export layout: BKN's field names (domain.md §4.12 ``pns/data-utama``,
§3.4 ``rw-skp22``, §4.7 ``rw-hukdis``, §4.10 ``rw-kursus``).

The names come from a community wrapper of the SIASN API, not from BKN documentation
(domain.md §9 item 10); headers are compared case- and separator-insensitively, so
``nipBaru``, ``NIP_BARU`` and ``nip baru`` are one spelling. Only fields that carry a
canonical column are listed; the rest of an export (ids, SK numbers ...) is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# pns/data-utama. golRuangAkhirId / golRuangAwalId are numeric codes, not golongan, and
# are not read. kedudukanPnsNama ("Aktif", "Pensiun", ...) is read as status_aktif.
_DATA_UTAMA: Mapping[str, tuple[str, ...]] = {
    "nip": ("nipBaru",),
    "nip_lama": ("nipLama",),
    "nik": ("nik",),
    "nama": ("nama",),
    "gelar_depan": ("gelarDepan",),
    "gelar_belakang": ("gelarBelakang",),
    "jenis_kelamin": ("jenisKelamin",),
    "tempat_lahir": ("tempatLahir",),
    "tanggal_lahir": ("tglLahir",),
    "status_kepegawaian": ("statusPegawai",),
    "tmt_cpns": ("tmtCpns",),
    "tmt_pns": ("tmtPns",),
    "golongan": ("golRuangAkhir",),
    "golongan_awal": ("golRuangAwal",),
    "pangkat": ("pangkatAkhir",),
    "tmt_golongan": ("tmtGolAkhir",),
    "jenjang_jabatan": ("jenjangJabatan",),
    "jabatan": ("jabatanNama",),
    "jabatan_id": ("jabatanId",),
    "tmt_jabatan": ("tmtJabatan",),
    "unit_kerja": ("unorId",),
    "unit_kerja_nama": ("unorNama",),
    "pendidikan": ("tkPendidikanTerakhir",),
    "status_aktif": ("kedudukanPnsNama",),
    "tmt_pensiun": ("tmtPensiun",),
    "instansi": ("instansiKerjaId",),
}

ALIASES: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "pegawai": _DATA_UTAMA,
        "siasn": _DATA_UTAMA,
        # rw-skp22: kuadranKinerja is the predikat cell (domain.md §3.4 [I]).
        "kinerja": {
            "nip": ("nipBaru",),
            "predikat": ("kuadranKinerja",),
            "hasil_kerja": ("hasilKinerja",),
            "perilaku_kerja": ("perilakuKerja",),
        },
        # rw-hukdis: jenisTingkatHukumanId is the one-letter level R/S/B.
        "hukdis": {
            "nip": ("nipBaru",),
            "tingkat": ("jenisTingkatHukumanId", "tingkatHukuman"),
            "tmt": ("hukumanTanggal",),
            "tanggal_akhir": ("akhirHukumTanggal",),
        },
        # rw-kursus
        "diklat": {
            "nip": ("nipBaru",),
            "tanggal": ("tanggalKursus",),
            "nama": ("namaKursus",),
            "jp": ("jumlahJam",),
        },
        "asesmen": {"nip": ("nipBaru",)},
        "jabatan": {"nama": ("jabatanNama",)},
    }
)

# Used only when no other header of the file gives the column, first listed first. In
# data-utama pendidikanTerakhirNama is the programme ("S-1 Teknik Informatika") and the
# level is tkPendidikanTerakhir, so the programme is read only when the level is absent.
# The other names are spellings seen in variants of the export.
_DATA_UTAMA_FALLBACKS: Mapping[str, tuple[str, ...]] = {
    "tempat_lahir": ("tempatLahirNama",),
    "jenjang_jabatan": ("asnJenjangJabatan",),
    "pendidikan": ("tkPendidikanTerakhirNama", "pendidikanTerakhirNama"),
}

FALLBACKS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"pegawai": _DATA_UTAMA_FALLBACKS, "siasn": _DATA_UTAMA_FALLBACKS}
)
