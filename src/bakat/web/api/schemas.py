"""Response shapes of the API (the OpenAPI schema is derived from them)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Schema


class Galat(Schema):
    detail: str


class Halaman(Schema):
    """Paging fields shared by every list."""

    jumlah: int
    halaman: int
    per_halaman: int


class Kebijakan(Schema):
    run_id: int
    instansi: str
    as_of: date
    kebijakan: str
    versi_kebijakan: str


class PenempatanOut(Schema):
    nip: str
    instansi: str
    unit_kerja: str
    jenjang_jabatan: str
    terpetakan: bool
    alasan: str
    level_kinerja: str
    level_potensi: str
    kotak: int | None
    dalam_kelompok: bool
    alasan_pengecualian: list[str]
    rincian: dict[str, Any]
    kebijakan: Kebijakan


class DaftarPenempatan(Halaman):
    items: list[PenempatanOut]


class KartuOut(Schema):
    """One person's card: identity as this user may see it, and the latest placement."""

    nip: str
    nama: str
    instansi: str
    unit_kerja: str
    nik: str
    tanggal_lahir: str
    identitas_tersamar: bool
    milik_sendiri: bool
    penempatan: PenempatanOut | None


class CakupanOut(Schema):
    runs: list[Kebijakan]
    jumlah: int
    terpetakan: int
    kelompok_talenta: int
    kandidat_kelompok: int
    per_kotak: dict[str, int]
    per_alasan: dict[str, int]
    indeks_kualitas: float | None


class KandidatOut(Schema):
    nip: str
    peringkat: int
    skor: float
    kesiapan: str
    kotak: int | None
    subskor: dict[str, Any]


class PengecualianOut(Schema):
    nip: str
    alasan: str
    keterangan: str
    skor: float | None
    kotak: int | None


class TargetOut(Schema):
    id: int
    jabatan_id: str
    nama: str
    instansi: str
    unit_kerja: str
    jenjang_jabatan: str
    kritikal: bool
    alasan_target: str
    tanggal_lowong: date | None
    jumlah_kandidat: int
    jumlah_suksesor: int
    berisiko: bool
    kebijakan: Kebijakan
    #: The user is related to a person on the list: the list is withheld (recusal).
    terkait: bool
    kandidat: list[KandidatOut]
    pengecualian: list[PengecualianOut]


class DaftarTarget(Halaman):
    items: list[TargetOut]


class NominasiOut(Schema):
    target_id: int
    jabatan_id: str
    nama: str
    peringkat: int
    skor: float
    kesiapan: str
    subskor: dict[str, Any]


class TemuanOut(Schema):
    id: int
    instansi: str
    nip: str
    unit_kerja: str
    tabel: str
    aturan: str
    nama_aturan: str
    tingkat: str
    kolom: str
    pesan: str


class DaftarTemuan(Halaman):
    items: list[TemuanOut]


class DisparitasOut(Schema):
    id: int
    instansi: str
    nip: str
    nip_siasn: str
    unit_kerja: str
    status: str
    kolom: str
    nilai_lokal: str
    nilai_siasn: str
    pihak: str


class DaftarDisparitas(Halaman):
    items: list[DisparitasOut]


class IndeksOut(Schema):
    instansi: str
    muatan_id: int
    unit_kerja: str | None
    jumlah_pegawai: int
    kelengkapan: float | None
    akurasi: float | None
    konsistensi: float | None
    ketepatan_waktu: float | None
    indeks: float | None


class DaftarIndeks(Halaman):
    items: list[IndeksOut]
