"""A small clean agency for the quality tests, and helpers to break one value of it.

Three clean employees (as of 2025-10-17): a male PNS JF ahli muda, a female PNS
pelaksana, and a male PPPK JF ahli pertama, with their SKP, assessment, training,
position and relationship rows. Every rule finds nothing on it; each test changes one
value and checks that exactly the intended rule speaks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from bakat.domain.policy import load_policy
from bakat.engine.quality import CheckInput, CheckResult, Konteks, Rule, run_check
from bakat.engine.quality.catalog import cari
from bakat.engine.quality.prepare import siapkan, siapkan_kunci
from bakat.engine.quality.rujukan import Rujukan, rencana
from bakat.engine.quality.schema import SKEMA, lengkapi

AS_OF = date(2025, 10, 17)
NIP_BUDI = "198001012005011001"
NIP_SITI = "198505152010012002"
NIP_AGUS = "199001012021021003"

_KOMPETENSI = {
    k: 3
    for k in (
        "integritas",
        "kerja_sama",
        "komunikasi",
        "orientasi_hasil",
        "pelayanan_publik",
        "pengembangan_diri",
        "mengelola_perubahan",
        "pengambilan_keputusan",
        "perekat_bangsa",
    )
}


def pegawai() -> list[dict[str, Any]]:
    """The clean employee records."""
    return [
        {
            "nip": NIP_BUDI,
            "nik": "3171010101800001",
            "nama": "Budi Santoso",
            "gelar_belakang": "S.Sos.",
            "jenis_kelamin": "L",
            "tanggal_lahir": date(1980, 1, 1),
            "status_kepegawaian": "PNS",
            "tmt_cpns": date(2005, 1, 1),
            "tmt_pns": date(2006, 1, 1),
            "golongan": "III/c",
            "golongan_awal": "III/a",
            "pangkat": "Penata",
            "tmt_golongan": date(2023, 4, 1),
            "jenjang_jabatan": "AHLI_MUDA",
            "jabatan": "Analis Kebijakan Ahli Muda",
            "jabatan_id": "J1",
            "tmt_jabatan": date(2020, 1, 1),
            "unit_kerja": "U1",
            "pendidikan": "S1",
            "status_aktif": True,
            "nip_lama": "060012345",
            "tmt_pensiun": date(2038, 2, 1),
        },
        {
            "nip": NIP_SITI,
            "nik": "3273015505850002",
            "nama": "Siti Aminah",
            "gelar_belakang": "S.E.",
            "jenis_kelamin": "P",
            "tanggal_lahir": date(1985, 5, 15),
            "status_kepegawaian": "PNS",
            "tmt_cpns": date(2010, 1, 1),
            "tmt_pns": date(2011, 1, 1),
            "golongan": "III/b",
            "golongan_awal": "III/a",
            "pangkat": "Penata Muda Tk. I",
            "tmt_golongan": date(2022, 10, 1),
            "jenjang_jabatan": "PELAKSANA",
            "jabatan": "Pengadministrasi Perkantoran",
            "jabatan_id": "J2",
            "tmt_jabatan": date(2019, 1, 1),
            "unit_kerja": "U1",
            "pendidikan": "S1",
            "status_aktif": True,
            "tmt_pensiun": date(2043, 6, 1),
        },
        {
            "nip": NIP_AGUS,
            "nik": "3171010101900003",
            "nama": "Agus Salim",
            "gelar_belakang": "S.Kom.",
            "jenis_kelamin": "L",
            "tanggal_lahir": date(1990, 1, 1),
            "status_kepegawaian": "PPPK",
            "jenjang_jabatan": "AHLI_PERTAMA",
            "jabatan": "Pranata Komputer Ahli Pertama",
            "jabatan_id": "J3",
            "tmt_jabatan": date(2021, 3, 1),
            "unit_kerja": "U2",
            "pendidikan": "S1",
            "status_aktif": True,
        },
    ]


def lain() -> dict[str, list[dict[str, Any]]]:
    """The clean rows of the other tables."""
    nips = (NIP_BUDI, NIP_SITI, NIP_AGUS)
    sesuai = "sesuai ekspektasi"
    return {
        "kinerja": [
            {
                "nip": n,
                "tahun": t,
                "predikat": "Baik",
                "hasil_kerja": sesuai,
                "perilaku_kerja": sesuai,
            }
            for n in nips
            for t in (2023, 2024)
        ],
        "asesmen": [
            {
                "nip": n,
                "tanggal": date(2024, 5, 1),
                "skor_kompetensi": 80.0,
                "skor_potensi": 75.0,
                **_KOMPETENSI,
            }
            for n in nips
        ],
        "diklat": [
            {"nip": n, "tanggal": date(2024, 3, 1), "nama": "Bimtek SIASN", "jp": 24.0}
            for n in nips
        ],
        "hukdis": [
            {
                "nip": NIP_SITI,
                "tingkat": "ringan",
                "tmt": date(2020, 1, 1),
                "tanggal_akhir": date(2020, 6, 30),
            }
        ],
        "jabatan": [
            {
                "jabatan_id": jid,
                "nama": nama,
                "jenjang_jabatan": jenjang,
                "unit_kerja": unit,
                "kritikal": False,
                "nip_pemangku": nip,
                **_KOMPETENSI,
            }
            for jid, nama, jenjang, unit, nip in (
                ("J1", "Analis Kebijakan Ahli Muda", "AHLI_MUDA", "U1", NIP_BUDI),
                ("J2", "Pengadministrasi Perkantoran", "PELAKSANA", "U1", NIP_SITI),
                ("J3", "Pranata Komputer Ahli Pertama", "AHLI_PERTAMA", "U2", NIP_AGUS),
                ("J4", "Kepala Bagian Umum", "ADMINISTRATOR", "U1", None),
            )
        ],
        "relasi": [{"nip_a": NIP_BUDI, "nip_b": NIP_SITI, "hubungan": "atasan_langsung"}],
    }


def frame(tabel: str, rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """``rows`` as a frame with the canonical dtypes of ``tabel`` (absent keys null)."""
    skema = SKEMA[tabel]
    rows = list(rows)
    kolom = [c for c in skema if any(c in r for r in rows)] or list(skema)[:1]
    return pl.DataFrame(
        {c: [r.get(c) for r in rows] for c in kolom},
        schema={c: skema[c] for c in kolom},
    )


Baris = dict[str, Any]


def data(
    ubah: Mapping[str, Any] | None = None,
    *,
    nip: str = NIP_BUDI,
    tambah: Mapping[str, list[Baris]] | None = None,
    baris: Mapping[str, Mapping[int, Baris]] | None = None,
    hapus: Mapping[str, Callable[[Baris], bool]] | None = None,
    tanpa: Iterable[str] = (),
) -> dict[str, pl.DataFrame]:
    """The clean agency with ``ubah`` applied to the employee ``nip``, ``baris`` changes
    applied to rows (table -> row index -> changes), rows matching ``hapus`` dropped,
    ``tambah`` rows appended, and ``tanpa`` tables left out."""
    orang = [dict(p, **(ubah or {})) if p["nip"] == nip else p for p in pegawai()]
    tabel: dict[str, list[Baris]] = {"pegawai": orang, **lain()}
    for nama, perubahan in (baris or {}).items():
        tabel[nama] = [dict(r, **perubahan.get(i, {})) for i, r in enumerate(tabel[nama])]
    for nama, syarat in (hapus or {}).items():
        tabel[nama] = [r for r in tabel[nama] if not syarat(r)]
    for nama, rows in (tambah or {}).items():
        tabel[nama] = [*tabel[nama], *rows]
    return {nama: frame(nama, rows) for nama, rows in tabel.items() if nama not in tanpa}


@dataclass(frozen=True)
class Kasus:
    """A violating case: the rule, how the clean agency is changed, the NIPs it names."""

    aturan: str
    ubah: Baris = field(default_factory=dict)
    diharapkan: tuple[str | None, ...] = (NIP_BUDI,)
    nip: str = NIP_BUDI
    tambah: Mapping[str, list[Baris]] = field(default_factory=dict)
    baris: Mapping[str, Mapping[int, Baris]] = field(default_factory=dict)
    hapus: Mapping[str, Callable[[Baris], bool]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """A readable test id."""
        return self.aturan

    def data(self) -> dict[str, pl.DataFrame]:
        """The changed agency."""
        return data(self.ubah, nip=self.nip, tambah=self.tambah, baris=self.baris, hapus=self.hapus)


def periksa(
    tables: Mapping[str, pl.DataFrame | CheckInput],
    rules: Iterable[Rule | str] | None = None,
    as_of: date = AS_OF,
) -> CheckResult:
    """Run the check (all rules, or the named ones) on ``tables``."""
    pilihan = None if rules is None else [r if isinstance(r, Rule) else cari(r) for r in rules]
    return run_check(dict(tables), as_of=as_of, rules=pilihan)


def ditemukan(result: CheckResult, aturan: str) -> list[str | None]:
    """The NIPs named by rule ``aturan``, sorted."""
    temuan = result.temuan.filter(pl.col("nama_aturan") == aturan)
    return sorted(temuan.get_column("nip").to_list(), key=lambda n: n or "")


def siap(
    tables: Mapping[str, pl.DataFrame | pl.LazyFrame], as_of: date = AS_OF, rinci: bool = True
) -> dict[str, pl.DataFrame]:
    """The prepared frames the rules read, for ``tables`` (``rinci``: with the values
    only the messages read)."""
    k = Konteks(as_of, load_policy())
    kunci = {t: siapkan_kunci(t, lengkapi(f.lazy(), t)).collect().lazy() for t, f in tables.items()}
    rujukan = Rujukan.dari({n: f.collect() for n, f in rencana(kunci, k).items()}, k)
    return {t: siapkan(t, f, rujukan, k, rinci=rinci).collect() for t, f in kunci.items()}
