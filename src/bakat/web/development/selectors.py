"""Reads of the development pages, through the user's scope (``Akses.q``).

HR admin, committee and auditor see their agency; HR analyst and unit head their unit
subtree (person rows by the person's unit, unit rows by the unit); the employee only
their own rows (their plan, their JP); the national monitor nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict

from bakat.web.accounts.access import Akses
from bakat.web.accounts.models import Peran
from bakat.web.development.models import BarisPengembangan, Berkas
from bakat.web.personnel.models import UnitKerja
from bakat.web.succession.selectors import latest_runs

#: Who may read development rows (each within their scope; the employee their own).
BACA_PENGEMBANGAN = frozenset(
    {Peran.ADMIN, Peran.KOMITE, Peran.AUDITOR, Peran.ANALIS, Peran.PIMPINAN, Peran.PEGAWAI}
)
#: Who may export a list to Excel.
EKSPOR_PENGEMBANGAN = frozenset({Peran.ADMIN, Peran.ANALIS, Peran.KOMITE, Peran.PIMPINAN})

#: Per kind: the engine columns shown and exported, in order.
KOLOM: dict[str, tuple[str, ...]] = {
    Berkas.IDP: ("nip", "unit_kerja", "jenjang_jabatan", "kotak", "prioritas", "kegiatan",
                 "nama_kegiatan", "jenis_kegiatan", "jp_saran", "sumber", "kompetensi",
                 "celah", "jabatan_target", "alasan"),
    Berkas.KEPATUHAN_JP: ("cakupan", "unit_kerja", "unit_kerja_nama", "nip", "tahun",
                          "dinilai", "jp_tahun", "memenuhi", "jp_tahun_berjalan",
                          "kekurangan_jp_tahun_berjalan", "pegawai_dinilai",
                          "pegawai_memenuhi", "persen_memenuhi", "target_persen",
                          "target_tercapai"),
    Berkas.ROTASI: ("nip", "unit_kerja", "jabatan_id", "jenjang_jabatan", "kotak",
                    "tmt_jabatan", "masa_jabatan_tahun", "alasan", "keterangan"),
    Berkas.RETENSI: ("nip", "unit_kerja", "jabatan_id", "jenjang_jabatan", "kotak",
                     "tanggal_pensiun", "tmt_terakhir", "tahun_tanpa_promosi",
                     "jumlah_jabatan_suksesi", "jp_tahun_lalu", "alasan", "keterangan"),
    Berkas.PROYEKSI: ("cakupan", "unit_kerja", "jenjang_jabatan", "tahun", "pegawai_aktif",
                      "pensiun", "pensiun_kumulatif", "pensiun_pemangku",
                      "pemangku_suksesor_siap", "pemangku_tanpa_suksesor_siap",
                      "kelompok_talenta_di_bawah", "kekurangan"),
}  # fmt: skip


def _run_agencies(akses: Akses) -> set[int]:
    return akses.instansi_ids(BACA_PENGEMBANGAN)


def rows_visible(akses: Akses, berkas: str) -> QuerySet[BarisPengembangan]:
    """Rows of one kind of the latest run of each agency, within the user's scope."""
    q = akses.q(BACA_PENGEMBANGAN, pegawai="pegawai_id")
    if q is None:
        return BarisPengembangan.objects.none()
    runs = latest_runs(_run_agencies(akses))
    return BarisPengembangan.objects.filter(q, run_id__in=runs, berkas=berkas)


def units_visible(akses: Akses) -> QuerySet[UnitKerja]:
    q = akses.q(BACA_PENGEMBANGAN - {Peran.PEGAWAI}, unit="", pegawai=None)
    return UnitKerja.objects.filter(q) if q is not None else UnitKerja.objects.none()


@dataclass(frozen=True)
class Filter:
    """Unit subtree, grade, scope (JP and forecast: ``unit``/``pegawai``...), NIP, reason."""

    unit: int | None = None
    jenjang: str = ""
    cakupan: str = ""
    nip: str = ""
    alasan: str = ""

    @classmethod
    def dari(cls, query: QueryDict) -> Filter:
        unit = query.get("unit", "")
        return cls(
            unit=int(unit) if unit.isdigit() else None,
            jenjang=query.get("jenjang", "").strip()[:32],
            cakupan=query.get("cakupan", "").strip()[:16],
            nip=query.get("nip", "").strip()[:32],
            alasan=query.get("alasan", "").strip()[:64],
        )


def filtered(akses: Akses, berkas: str, f: Filter) -> QuerySet[BarisPengembangan]:
    rows = rows_visible(akses, berkas)
    if f.unit is not None:
        unit = units_visible(akses).filter(pk=f.unit).first()
        rows = rows.filter(unit__path__startswith=unit.path) if unit else rows.none()
    if f.jenjang:
        rows = rows.filter(jenjang_jabatan=f.jenjang)
    if f.cakupan:
        rows = rows.filter(cakupan=f.cakupan)
    if f.nip:
        rows = rows.filter(nip__startswith=f.nip)
    if f.alasan:
        rows = rows.filter(data__alasan__icontains=f.alasan)
    return rows.order_by("run_id", "urutan")


def table(rows: list[BarisPengembangan], berkas: str) -> list[list[object]]:
    """The shown cells of each row, in the order of ``KOLOM``."""
    return [[r.data.get(k) for k in KOLOM[berkas]] for r in rows]
