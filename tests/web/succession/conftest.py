"""Succession fixtures on top of the fixed cast (tests/web/conftest.py).

``hasil``: a stored run for each agency, written straight into the tables as the
engine would have: in INS-A the post ``J-A`` (unit A; successors p_a then p_a1; p_b
excluded) and ``J-B`` (unit B; successor p_b), in INS-B the post ``J-X`` (successor
p_x). ``komite_terkait``: the committee member's own record, spouse of p_a, so the
member is recused from ``J-A``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.utils import timezone

from bakat.web.development.models import BarisPengembangan
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja
from bakat.web.succession.models import JabatanTarget, Kandidat, Pengecualian, SuccessionRun
from bakat.web.talent.models import Relasi
from tests.web.conftest import Cast, catatan_komite


@dataclass
class Hasil:
    run_a: SuccessionRun
    run_b: SuccessionRun
    j_a: JabatanTarget
    j_b: JabatanTarget
    j_x: JabatanTarget


def _run(instansi: Instansi) -> SuccessionRun:
    return SuccessionRun.objects.create(
        instansi=instansi,
        dijalankan_pada=timezone.now(),
        as_of=date(2025, 10, 17),
        kebijakan="nasional-2025",
        versi_kebijakan="2025.1",
        sidik_kebijakan="f" * 64,
        sidik_masukan="e" * 64,
    )


def _target(run: SuccessionRun, unit: UnitKerja, jid: str, berisiko: bool) -> JabatanTarget:
    return JabatanTarget.objects.create(
        run=run, instansi=run.instansi, unit=unit, unit_kerja=unit.kode, jabatan_id=jid,
        nama=f"Kepala {unit.kode}", jenjang_jabatan="PENGAWAS", alasan_target="pensiun",
        tanggal_lowong=date(2026, 1, 1), jumlah_kandidat=2, jumlah_suksesor=2,
        berisiko=berisiko,
    )  # fmt: skip


def _kandidat(target: JabatanTarget, p: Pegawai, peringkat: int, skor: float) -> None:
    Kandidat.objects.create(
        target=target, pegawai=p, nip=p.nip, peringkat=peringkat, skor=skor,
        kesiapan="siap_sekarang", kotak=9,
        subskor={"nilai_kesesuaian_kompetensi": skor * 0.35, "nilai_kotak": 25.0,
                 "nilai_kinerja": 15.0, "nilai_potensi": 12.0, "nilai_pengalaman": 7.5,
                 "celah_kompetensi": "integritas 3/4" if peringkat > 1 else ""},
    )  # fmt: skip


def _baris(run: SuccessionRun, berkas: str, i: int, p: Pegawai | None, unit: UnitKerja,
           data: dict[str, object], cakupan: str = "") -> None:  # fmt: skip
    BarisPengembangan.objects.create(
        run=run, instansi=run.instansi, berkas=berkas, urutan=i, cakupan=cakupan,
        pegawai=p, nip=p.nip if p else "", unit=unit, unit_kerja=unit.kode,
        jenjang_jabatan="PELAKSANA", data=data,
    )  # fmt: skip


def _pengembangan(run: SuccessionRun, people: list[Pegawai]) -> None:
    for i, p in enumerate(people):
        assert p.unit is not None
        idp = {"nip": p.nip, "prioritas": 1, "kegiatan": "coaching", "nama_kegiatan":
               f"Coaching {p.nip[-3:]}", "jp_saran": 10.0, "sumber": "posisi_saat_ini",
               "alasan": "celah"}  # fmt: skip
        _baris(run, "idp", i, p, p.unit, idp)
        jp = {"nip": p.nip, "tahun": 2024, "dinilai": True, "jp_tahun": 12.0, "memenuhi": False}
        _baris(run, "kepatuhan_jp", 100 + i, p, p.unit, jp, cakupan="pegawai")
        unit = {"unit_kerja": p.unit.kode, "unit_kerja_nama": p.unit.nama, "tahun": 2024,
                "pegawai_dinilai": 4, "pegawai_memenuhi": 3, "persen_memenuhi": 75.0,
                "target_persen": 80.0, "target_tercapai": False}  # fmt: skip
        _baris(run, "kepatuhan_jp", 50 + i, None, p.unit, unit, cakupan="unit")
        rot = {"nip": p.nip, "masa_jabatan_tahun": 6, "alasan": "masa_jabatan",
               "keterangan": f"rotasi {p.nip[-3:]}"}  # fmt: skip
        _baris(run, "rotasi", i, p, p.unit, rot)
        ret = {"nip": p.nip, "alasan": "tanpa_promosi", "keterangan": f"retensi {p.nip[-3:]}"}
        _baris(run, "retensi", i, p, p.unit, ret)


@pytest.fixture
def hasil(cast: Cast) -> Hasil:
    run_a, run_b = _run(cast.ins_a), _run(cast.ins_b)
    j_a = _target(run_a, cast.unit_a, "J-A", berisiko=True)
    _kandidat(j_a, cast.p_a, 1, 80.5)
    _kandidat(j_a, cast.p_a1, 2, 70.25)
    Pengecualian.objects.create(
        target=j_a, pegawai=cast.p_b, nip=cast.p_b.nip, alasan="hukdis_aktif",
        keterangan="hukuman disiplin berlaku", skor=90.0, kotak=9,
    )  # fmt: skip
    j_b = _target(run_a, cast.unit_b, "J-B", berisiko=False)
    _kandidat(j_b, cast.p_b, 1, 77.0)
    j_x = _target(run_b, cast.unit_x, "J-X", berisiko=False)
    _kandidat(j_x, cast.p_x, 1, 60.0)
    _pengembangan(run_a, [cast.p_a, cast.p_a1, cast.p_b])
    _pengembangan(run_b, [cast.p_x])
    return Hasil(run_a, run_b, j_a, j_b, j_x)


@pytest.fixture
def komite_terkait(cast: Cast) -> Pegawai:
    sendiri = catatan_komite(cast, "198811082021012019", "Anggota Komite")
    Relasi.objects.create(
        instansi=cast.ins_a, nip_a=sendiri.nip, nip_b=cast.p_a.nip, hubungan="suami_istri"
    )
    return sendiri
