"""Reads of the data-quality worklist, always within the user's scope."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.db import connection, models
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.safestring import SafeString

from bakat.web.accounts.access import BACA_KUALITAS, PUTUSKAN_KOREKSI, Akses
from bakat.web.accounts.models import Peran
from bakat.web.page_cache import nilai_tersimpan
from bakat.web.personnel.models import Pegawai, UnitKerja
from bakat.web.personnel.selectors import mask_nik, opsi_unit
from bakat.web.quality.models import Disparitas, IndeksKualitas, Koreksi, StatusKoreksi, Temuan

BATAS_BARIS = 50
#: Seconds a worklist summary stays cached in a worker process. The key already holds
#: the data version, so this only bounds memory, never staleness.
_KOLOM_TEMUAN = ("id", "pegawai_id", "nip", "aturan", "tingkat", "kolom", "pesan")
_KOLOM_DISPARITAS = (
    "id",
    "pegawai_id",
    "nip",
    "nip_siasn",
    "status",
    "kolom",
    "nilai_lokal",
    "nilai_siasn",
    "pihak",
)


#: Disparity columns that are identity data: shown masked to whoever sees identity masked.
KOLOM_IDENTITAS = frozenset({"nik", "tanggal_lahir"})
_TAHUN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def samarkan_nilai(kolom: str, nilai: str) -> str:
    """A disparity value as a masked reader may see it: the NIK with its middle digits
    hidden, a birth date reduced to its year (as on the employee page)."""
    if kolom == "nik":
        return mask_nik(nilai)
    if kolom == "tanggal_lahir":
        tahun = _TAHUN.search(nilai)
        return tahun.group(0) if tahun else "*" * len(nilai)
    return nilai


def identitas_tersamar(akses: Akses) -> bool:
    """Whether the worklist masks identity data: only the HR admin and analysts (whose
    rows are already limited to their units) see NIK and birth dates in full."""
    return not any(g.peran in (Peran.ADMIN, Peran.ANALIS) for g in akses.grants)


def samarkan_disparitas(rows: Iterable[Disparitas], *, tersamar: bool) -> list[Disparitas]:
    """``rows`` with identity values masked when ``tersamar`` (in memory only)."""
    hasil = list(rows)
    if tersamar:
        for d in hasil:
            if d.kolom in KOLOM_IDENTITAS:
                d.nilai_lokal = samarkan_nilai(d.kolom, d.nilai_lokal)
                d.nilai_siasn = samarkan_nilai(d.kolom, d.nilai_siasn)
    return hasil


def temuan_terlihat(akses: Akses) -> QuerySet[Temuan]:
    q = akses.q(BACA_KUALITAS, pegawai="pegawai_id")
    return Temuan.objects.none() if q is None else Temuan.objects.filter(q)


def disparitas_terlihat(akses: Akses) -> QuerySet[Disparitas]:
    q = akses.q(BACA_KUALITAS, pegawai="pegawai_id")
    return Disparitas.objects.none() if q is None else Disparitas.objects.filter(q)


@dataclass(frozen=True)
class Filter:
    """Worklist filters from the query string (unknown values are ignored)."""

    unit: int | None = None
    tingkat: str = ""
    aturan: str = ""
    status: str = ""
    pihak: str = ""
    halaman: int = 1

    @classmethod
    def dari(cls, params: Mapping[str, str]) -> Filter:
        unit = params.get("unit", "")
        return cls(
            unit=int(unit) if unit.isdigit() else None,
            tingkat=params.get("tingkat", "").strip(),
            aturan=params.get("aturan", "").strip(),
            status=params.get("status", "").strip(),
            pihak=params.get("pihak", "").strip(),
            halaman=max(1, int(halaman)) if (halaman := params.get("halaman", "")).isdigit() else 1,
        )

    def query(self, halaman: int) -> str:
        """The query string of these filters on page ``halaman``."""
        params = {
            "unit": "" if self.unit is None else str(self.unit),
            "tingkat": self.tingkat,
            "aturan": self.aturan,
            "status": self.status,
            "pihak": self.pihak,
            "halaman": str(halaman),
        }
        return urlencode({k: v for k, v in params.items() if v})


@dataclass
class Worklist:
    """Findings and disparities after filtering, their counts, and the index."""

    temuan: list[Temuan]
    jumlah_temuan: int
    per_tingkat: dict[str, int]
    per_aturan: list[dict[str, Any]]
    disparitas: list[Disparitas]
    jumlah_disparitas: int
    per_status: dict[str, int]
    indeks: list[IndeksKualitas]
    #: The ``<option>`` elements of the unit filter, escaped once in Python (a template
    #: loop over every unit of a large agency costs more than the rest of the page).
    opsi_unit: SafeString = field(default_factory=SafeString)
    #: Query strings of the previous and next page of both lists (None at either end).
    sebelumnya: str | None = None
    berikutnya: str | None = None


@dataclass(frozen=True)
class _Ringkasan:
    """The counts of one worklist view (scope and filters, every page alike)."""

    jumlah_temuan: int
    per_tingkat: dict[str, int]
    per_aturan: list[dict[str, Any]]
    jumlah_disparitas: int
    per_status: dict[str, int]


def _ringkasan(
    akses: Akses, f: Filter, temuan: QuerySet[Temuan], disparitas: QuerySet[Disparitas]
) -> _Ringkasan:
    """The counts of ``temuan``/``disparitas`` (already limited to the scope and the unit
    filter), kept per scope, filters and data version like a page's content
    (:func:`~bakat.web.page_cache.nilai_tersimpan`); the key also holds the SQL of both
    filtered querysets."""
    bagian = (str(temuan.query), str(disparitas.query), f.tingkat, f.aturan, f.status, f.pihak)
    return nilai_tersimpan(
        akses, "worklist:ringkasan", bagian, lambda: _hitung_ringkasan(f, temuan, disparitas)
    )


def _hitung_ringkasan(
    f: Filter, temuan: QuerySet[Temuan], disparitas: QuerySet[Disparitas]
) -> _Ringkasan:
    per_tingkat = dict(temuan.values_list("tingkat").annotate(n=Count("id")).order_by())
    if f.tingkat:
        temuan = temuan.filter(tingkat=f.tingkat)
    per_aturan = list(
        temuan.values("aturan", "nama_aturan").annotate(n=Count("id")).order_by("-n", "aturan")
    )
    if f.aturan:
        per_aturan_terpilih = [r for r in per_aturan if r["aturan"] == f.aturan]
        jumlah_temuan = sum(int(r["n"]) for r in per_aturan_terpilih)
    else:
        jumlah_temuan = sum(int(r["n"]) for r in per_aturan)
    per_status = dict(disparitas.values_list("status").annotate(n=Count("id")).order_by())
    if f.status or f.pihak:
        if f.status:
            disparitas = disparitas.filter(status=f.status)
        if f.pihak:
            disparitas = disparitas.filter(pihak=f.pihak)
        jumlah_disparitas = disparitas.count()
    else:
        jumlah_disparitas = sum(per_status.values())
    return _Ringkasan(
        jumlah_temuan=jumlah_temuan,
        per_tingkat=per_tingkat,
        per_aturan=per_aturan[:30],
        jumlah_disparitas=jumlah_disparitas,
        per_status=per_status,
    )


def worklist(akses: Akses, f: Filter) -> Worklist:
    """The worklist of the units in scope (optionally one unit and its subtree)."""
    temuan = temuan_terlihat(akses)
    disparitas = disparitas_terlihat(akses)
    units = unit_terlihat(akses)
    if f.unit is not None:
        chosen = units.filter(pk=f.unit).only("id", "path").first()
        if chosen is None:
            raise Http404
        temuan = temuan.filter(unit__path__startswith=chosen.path)
        disparitas = disparitas.filter(unit__path__startswith=chosen.path)
    ringkasan = _ringkasan(akses, f, temuan, disparitas)
    if f.tingkat:
        temuan = temuan.filter(tingkat=f.tingkat)
    if f.aturan:
        temuan = temuan.filter(aturan=f.aturan)
    if f.status:
        disparitas = disparitas.filter(status=f.status)
    if f.pihak:
        disparitas = disparitas.filter(pihak=f.pihak)
    indeks_q = akses.q(BACA_KUALITAS, pegawai=None)
    indeks = (
        list(
            IndeksKualitas.objects.filter(indeks_q)
            .select_related("unit")
            .order_by("indeks")[:BATAS_BARIS]
        )
        if indeks_q is not None
        else []
    )
    start = (f.halaman - 1) * BATAS_BARIS
    end = start + BATAS_BARIS
    hasil = Worklist(
        temuan=list(temuan.only(*_KOLOM_TEMUAN).order_by("aturan", "nip", "id")[start:end]),
        jumlah_temuan=ringkasan.jumlah_temuan,
        per_tingkat=ringkasan.per_tingkat,
        per_aturan=ringkasan.per_aturan,
        disparitas=samarkan_disparitas(
            disparitas.only(*_KOLOM_DISPARITAS).order_by("status", "nip", "id")[start:end],
            tersamar=identitas_tersamar(akses),
        ),
        jumlah_disparitas=ringkasan.jumlah_disparitas,
        per_status=ringkasan.per_status,
        indeks=indeks,
        opsi_unit=opsi_unit(units, f.unit),
    )
    if f.halaman > 1:
        hasil.sebelumnya = f.query(f.halaman - 1)
    if end < max(hasil.jumlah_temuan, hasil.jumlah_disparitas):
        hasil.berikutnya = f.query(f.halaman + 1)
    return hasil


def unit_terlihat(akses: Akses) -> QuerySet[UnitKerja]:
    """Units in the worklist scope (for the unit filter)."""
    q = akses.q(BACA_KUALITAS, unit="", pegawai=None)
    if q is None:
        return UnitKerja.objects.none()
    return UnitKerja.objects.filter(q).order_by("path")


M = TypeVar("M", bound=models.Model)


def _baris_pegawai(
    model: type[M], pegawai: Pegawai, kolom: tuple[str, ...], urut: tuple[str, ...]
) -> list[M]:
    """The rows of ``model`` about one record, with the fields ``kolom`` (the others are
    deferred), ordered by ``urut`` (``-`` for descending), then by id. Written out: the
    record's page runs three such queries, whose compilation by the ORM cost more than
    running them."""
    qn = connection.ops.quote_name
    meta = model._meta

    def kolom_sql(nama: str) -> str:
        field = meta.get_field(nama.removeprefix("-"))
        assert isinstance(field, models.Field) and field.column
        return qn(field.column) + (" DESC" if nama[0] == "-" else "")

    pilih = ", ".join(kolom_sql(k) for k in ("id", *kolom))
    urutan = ", ".join(kolom_sql(u) for u in (*urut, "id"))
    sql = (
        f"SELECT {pilih} FROM {qn(meta.db_table)} "
        f"WHERE {kolom_sql('pegawai')} = %s ORDER BY {urutan}"
    )
    return list(model._default_manager.raw(sql, [pegawai.pk]))


def temuan_pegawai(pegawai: Pegawai) -> list[Temuan]:
    """The record's findings, by rule."""
    return _baris_pegawai(
        Temuan, pegawai, ("aturan", "nama_aturan", "tingkat", "kolom", "pesan"), ("aturan",)
    )


def disparitas_pegawai(pegawai: Pegawai) -> list[Disparitas]:
    """The record's disparities with SIASN, by status and column."""
    return _baris_pegawai(
        Disparitas,
        pegawai,
        ("status", "kolom", "nilai_lokal", "nilai_siasn", "pihak"),
        ("status", "kolom"),
    )


def koreksi_pegawai(pegawai: Pegawai) -> list[Koreksi]:
    """The record's correction requests, newest first, with the columns the record's page
    lists."""
    return _baris_pegawai(
        Koreksi,
        pegawai,
        ("pegawai", "kolom", "nilai_lama", "nilai_baru", "status"),
        ("-diajukan_pada",),
    )


def koreksi_terlihat(akses: Akses) -> QuerySet[Koreksi]:
    """Requests on records in scope (deciders see their units; employees their own)."""
    q = akses.q(
        {*BACA_KUALITAS, *PUTUSKAN_KOREKSI, Peran.PEGAWAI},
        unit="pegawai__unit",
        pegawai="pegawai_id",
    )
    if q is None:
        return Koreksi.objects.none()
    return Koreksi.objects.filter(q).select_related("pegawai", "diajukan_oleh", "diputuskan_oleh")


def koreksi_detail(akses: Akses, pk: int) -> Koreksi:
    try:
        return koreksi_terlihat(akses).get(pk=pk)
    except Koreksi.DoesNotExist:
        raise Http404 from None


def menunggu(akses: Akses) -> QuerySet[Koreksi]:
    return koreksi_terlihat(akses).filter(status=StatusKoreksi.DIAJUKAN)
