"""Reads of the talent pages, always through the user's scope.

The pages read the latest ``PlacementRun`` of each agency in scope. A record outside
the scope, or the case of a person the user is recused from (``recusal``), is not found
(the views answer 404). Aggregates count everyone in scope; lists of people leave out
the cases the user is recused from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bakat.domain.ninebox import KOTAK_TALENTA
from bakat.web.accounts.access import Akses
from bakat.web.accounts.models import Peran, User
from bakat.web.development.models import BarisPengembangan, Berkas
from bakat.web.personnel.models import Pegawai, UnitKerja
from bakat.web.quality.models import IndeksKualitas
from bakat.web.succession.models import JabatanTarget, Kandidat
from bakat.web.succession.selectors import latest_runs
from bakat.web.succession.services import TANPA_SUKSESOR_SIAP
from bakat.web.talent.kalibrasi import populasi
from bakat.web.talent.models import (
    LayarPemetaan,
    Penempatan,
    PermintaanTinjauan,
    PlacementRun,
    SesiKalibrasi,
    StatusSesi,
    StatusTinjauan,
)
from bakat.web.talent.recusal import is_recused, nip_terkait

#: Who may read the talent pages of the people in their scope (the employee reads only
#: their own card, through ``kartu``). Auditors read the audit trail, not talent data.
BACA_TALENTA = frozenset({Peran.ADMIN, Peran.ANALIS, Peran.KOMITE, Peran.PIMPINAN})
#: Who sees the committee's queue of review requests.
ANTREAN_TINJAUAN = frozenset({Peran.ADMIN, Peran.KOMITE})
HALAMAN = 50
#: Retirements are counted this many calendar years ahead of the run's as-of date.
TAHUN_PENSIUN = 5


@dataclass(frozen=True)
class Filter:
    unit_id: int | None = None
    jenjang: str = ""


def run_terakhir(instansi_ids: set[int]) -> list[PlacementRun]:
    """The latest run of each agency in ``instansi_ids``."""
    runs = []
    for instansi_id in sorted(instansi_ids):
        run = PlacementRun.objects.filter(instansi_id=instansi_id).order_by("-dibuat_pada", "-pk")
        latest = run.first()
        if latest is not None:
            runs.append(latest)
    return runs


def units_terlihat(akses: Akses) -> QuerySet[UnitKerja]:
    q = akses.q(BACA_TALENTA, unit="", pegawai=None)
    if q is None:
        return UnitKerja.objects.none()
    return UnitKerja.objects.filter(q).order_by("path")


def penempatan_terlihat(akses: Akses, f: Filter) -> QuerySet[Penempatan]:
    """The placements of the latest runs the user may read, filtered by unit subtree
    and jenjang."""
    q = akses.q(BACA_TALENTA, instansi="instansi_id", unit="unit", pegawai="pegawai_id")
    runs = run_terakhir(akses.instansi_ids(BACA_TALENTA))
    if q is None or not runs:
        return Penempatan.objects.none()
    qs = Penempatan.objects.filter(q, run__in=runs)
    if f.unit_id is not None:
        unit = units_terlihat(akses).filter(pk=f.unit_id).first()
        if unit is None:
            return Penempatan.objects.none()
        subtree = UnitKerja.objects.filter(instansi_id=unit.instansi_id, path__startswith=unit.path)
        qs = qs.filter(unit__in=subtree.values("pk"))
    if f.jenjang:
        qs = qs.filter(jenjang_jabatan=f.jenjang)
    return qs


@dataclass
class Ringkasan:
    """The dashboard's figures for the placements in scope."""

    runs: list[PlacementRun]
    jumlah: int = 0
    terpetakan: int = 0
    kelompok: int = 0
    kandidat_kelompok: int = 0
    per_kotak: dict[int, int] = field(default_factory=dict)
    per_alasan: dict[str, int] = field(default_factory=dict)
    pensiun: list[tuple[int, int]] = field(default_factory=list)
    indeks_kualitas: float | None = None


def ringkasan(akses: Akses, f: Filter, *, lengkap: bool = True) -> Ringkasan:
    """Counts of the placements in scope; ``lengkap`` False leaves out the retirements
    and the data-quality index (the grid shows neither)."""
    qs = penempatan_terlihat(akses, f)
    instansi_ids = akses.instansi_ids(BACA_TALENTA)
    hasil = Ringkasan(runs=run_terakhir(instansi_ids))
    if f == Filter() and instansi_ids == akses.instansi_penuh(BACA_TALENTA):
        # Whole agencies, unfiltered: the counts each run stored when it was made.
        for run in hasil.runs:
            _tambah_run(hasil, run)
    else:
        _hitung(hasil, qs)
    if lengkap:
        as_of = max((r.as_of for r in hasil.runs), default=None)
        if as_of is not None:
            hasil.pensiun = pensiun_per_tahun(qs, as_of)
        hasil.indeks_kualitas = indeks_kualitas(akses, f)
    return hasil


def _hitung(hasil: Ringkasan, qs: QuerySet[Penempatan]) -> None:
    """Add the counts of the placements ``qs`` (one grouped query)."""
    rows = qs.values("terpetakan", "kotak", "alasan", "dalam_kelompok").annotate(n=Count("pk"))
    for row in rows:
        hasil.jumlah += row["n"]
        if row["terpetakan"]:
            hasil.terpetakan += row["n"]
            hasil.per_kotak[row["kotak"]] = hasil.per_kotak.get(row["kotak"], 0) + row["n"]
            if row["kotak"] in KOTAK_TALENTA:
                hasil.kandidat_kelompok += row["n"]
        else:
            hasil.per_alasan[row["alasan"]] = hasil.per_alasan.get(row["alasan"], 0) + row["n"]
        if row["dalam_kelompok"]:
            hasil.kelompok += row["n"]


def _tambah_run(hasil: Ringkasan, run: PlacementRun) -> None:
    """Add the counts ``run`` stored for its whole agency."""
    hasil.jumlah += run.jumlah_pegawai
    hasil.terpetakan += run.terpetakan
    hasil.kelompok += run.kelompok_talenta
    for kotak, n in run.per_kotak.items():
        nomor = int(kotak)
        hasil.per_kotak[nomor] = hasil.per_kotak.get(nomor, 0) + n
        if nomor in KOTAK_TALENTA:
            hasil.kandidat_kelompok += n
    for alasan, n in run.per_alasan.items():
        hasil.per_alasan[alasan] = hasil.per_alasan.get(alasan, 0) + n


def pensiun_per_tahun(qs: QuerySet[Penempatan], as_of: date) -> list[tuple[int, int]]:
    """Retirements per calendar year from ``as_of`` over the next ``TAHUN_PENSIUN``
    years: the 1st of the month after reaching the BUP of the jenjang (UU 20/2023 Pasal
    55 and PP 11/2017 Pasal 239, via ``bakat.domain.jenjang``)."""
    akhir = date(as_of.year + TAHUN_PENSIUN, as_of.month, 1)
    jumlah: Counter[int] = Counter()
    # Each placement keeps its retirement date (the 1st of a month), so the database
    # returns at most one row per month of the window.
    rows = (
        qs.filter(tanggal_pensiun__gt=as_of, tanggal_pensiun__lte=akhir)
        .values("tanggal_pensiun")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("tanggal_pensiun", "n")
    )
    for pensiun, n in rows:
        if pensiun is not None:
            jumlah[pensiun.year] += n
    return [(tahun, jumlah.get(tahun, 0)) for tahun in range(as_of.year, akhir.year + 1)]


def indeks_kualitas(akses: Akses, f: Filter) -> float | None:
    """The data-quality index stored by the quality app at the agency's last load: of
    the chosen unit; else of the whole agency for agency-wide roles; else of the unit a
    unit-scoped role is assigned to."""
    instansi_ids = akses.instansi_ids(BACA_TALENTA)
    if not instansi_ids:
        return None
    rows = IndeksKualitas.objects.filter(instansi_id__in=instansi_ids)
    terbaru = rows.order_by("-muatan__dimuat_pada").values_list("muatan_id", flat=True).first()
    if terbaru is None:
        return None
    rows = rows.filter(muatan_id=terbaru)
    if f.unit_id is not None:
        if not units_terlihat(akses).filter(pk=f.unit_id).exists():
            return None
        row = rows.filter(unit_id=f.unit_id).first()
    elif any(g.peran in BACA_TALENTA and g.unit_path is None for g in akses.grants):
        row = rows.filter(unit__isnull=True).first()
    else:
        paths = [g.unit_path for g in akses.grants if g.peran in BACA_TALENTA and g.unit_path]
        row = rows.filter(unit__path=paths[0]).first() if paths else None
    return row.indeks if row is not None else None


def orang_di_kotak(
    akses: Akses, user: User, f: Filter, kotak: int, halaman: int
) -> tuple[list[Penempatan], int]:
    """One page of the people of box ``kotak`` in scope (recused cases left out)."""
    qs = penempatan_terlihat(akses, f).filter(terpetakan=True, kotak=kotak)
    for instansi_id in akses.instansi_ids(BACA_TALENTA):
        terkait = nip_terkait(user, instansi_id)
        if terkait:
            qs = qs.exclude(instansi_id=instansi_id, nip__in=terkait)
    qs = qs.select_related("pegawai", "unit").order_by("nama", "nip")
    total = qs.count()
    start = (max(halaman, 1) - 1) * HALAMAN
    return list(qs[start : start + HALAMAN]), total


def penempatan_sendiri(akses: Akses) -> Pegawai | None:
    """The employee record of a user holding the employee role (their own card)."""
    for g in akses.grants:
        if g.peran is Peran.PEGAWAI and g.pegawai_id is not None:
            return Pegawai.objects.select_related("unit", "instansi").get(pk=g.pegawai_id)
    return None


@dataclass(frozen=True)
class Kartu:
    pegawai: Pegawai
    penempatan: Penempatan | None
    milik_sendiri: bool


def kartu(akses: Akses, user: User, pk: int) -> Kartu:
    """The talent card of employee ``pk``: the user's own, or one in the scope of a
    talent role and not a case they are recused from; ``Http404`` otherwise."""
    pegawai = Pegawai.objects.select_related("unit", "instansi").filter(pk=pk).first()
    if pegawai is None:
        raise Http404
    sendiri = any(g.peran is Peran.PEGAWAI and g.pegawai_id == pegawai.pk for g in akses.grants)
    if not sendiri and (not akses.mencakup(BACA_TALENTA, pegawai) or is_recused(user, pegawai)):
        raise Http404
    penempatan = (
        Penempatan.objects.filter(pegawai=pegawai)
        .select_related("run")
        .order_by("-run__dibuat_pada", "-run_id")
        .first()
    )
    return Kartu(pegawai, penempatan, sendiri)


#: The queue's filters (``?status=``): open requests (the default), answered, or all.
SARINGAN_ANTREAN: dict[str, tuple[str, ...]] = {
    "terbuka": (StatusTinjauan.DIAJUKAN.value,),
    "ditanggapi": (StatusTinjauan.DITANGGAPI.value,),
    "semua": (StatusTinjauan.DIAJUKAN.value, StatusTinjauan.DITANGGAPI.value),
}
ANTREAN_MAKS = 200


def _tinjauan_terlihat(akses: Akses, user: User) -> QuerySet[PermintaanTinjauan]:
    """Review requests of the agencies in the queue's scope, recused cases left out."""
    q = akses.q(ANTREAN_TINJAUAN, instansi="instansi_id", unit="pegawai__unit", pegawai=None)
    if q is None:
        return PermintaanTinjauan.objects.none()
    rows = PermintaanTinjauan.objects.filter(q)
    for instansi_id in akses.instansi_ids(ANTREAN_TINJAUAN):
        terkait = nip_terkait(user, instansi_id)
        if terkait:
            rows = rows.exclude(instansi_id=instansi_id, pegawai__nip__in=terkait)
    return rows


def antrean_tinjauan(akses: Akses, user: User, saringan: str = "semua") -> list[PermintaanTinjauan]:
    """The committee's queue: review requests of the agencies in scope with a status
    of ``SARINGAN_ANTREAN[saringan]``, recused cases left out."""
    rows = _tinjauan_terlihat(akses, user).filter(status__in=SARINGAN_ANTREAN[saringan])
    rows = rows.select_related("pegawai", "penempatan")
    return list(rows[:ANTREAN_MAKS])


def tinjauan_komite(akses: Akses, user: User, pk: int) -> PermintaanTinjauan:
    """One review request for the committee's detail page; ``Http404`` outside the
    queue's scope or for a case the user is recused from (as if it did not exist)."""
    permintaan = (
        _tinjauan_terlihat(akses, user)
        .select_related(
            "pegawai", "pegawai__unit", "penempatan", "penempatan__run", "ditanggapi_oleh", "sesi"
        )
        .filter(pk=pk)
        .first()
    )
    if permintaan is None or is_recused(user, permintaan.pegawai):
        raise Http404
    return permintaan


def sesi_untuk_tinjauan(permintaan: PermintaanTinjauan) -> list[SesiKalibrasi]:
    """The open calibration sessions of the agency whose population covers the person
    (a request taken into calibration may name one of them)."""
    rows = SesiKalibrasi.objects.filter(
        instansi_id=permintaan.instansi_id, status=StatusSesi.DIBUKA
    ).select_related("unit", "run")
    return [s for s in rows if populasi(s).filter(pegawai_id=permintaan.pegawai_id).exists()]


def tinjauan_pegawai(pegawai: Pegawai) -> list[PermintaanTinjauan]:
    """The employee's own review requests with the committee's answers, newest first."""
    return list(PermintaanTinjauan.objects.filter(pegawai=pegawai).order_by("-diajukan_pada"))


@dataclass(frozen=True)
class RisikoSuksesi:
    """Target posts in scope; those with no successor in the best readiness band
    (``tanpa_siap``; None for a run stored before it was kept); and those at risk: no
    such successor while the post is vacant or its incumbent retires soon."""

    jabatan: int
    berisiko: int
    tanpa_siap: int | None = None


def risiko_suksesi(akses: Akses, f: Filter) -> RisikoSuksesi | None:
    """Target posts of the latest succession run of each agency in scope
    (:func:`~bakat.web.succession.selectors.latest_runs`), and how many lack a ready
    successor or are at risk (as the succession engine stored them). None when no agency
    in scope has a succession run (the dashboard then leaves the tile out)."""
    q = akses.q(BACA_TALENTA, instansi="instansi_id", unit="unit", pegawai=None)
    runs = latest_runs(akses.instansi_ids(BACA_TALENTA))
    if q is None or not runs:
        return None
    rows = JabatanTarget.objects.filter(q, run_id__in=runs)
    if f.unit_id is not None:
        unit = units_terlihat(akses).filter(pk=f.unit_id).first()
        rows = rows.filter(unit__path__startswith=unit.path) if unit else rows.none()
    if f.jenjang:
        rows = rows.filter(jenjang_jabatan=f.jenjang)
    dicatat = rows.filter(kekuatan__has_key=TANPA_SUKSESOR_SIAP)
    tanpa_siap = (
        dicatat.filter(**{f"kekuatan__{TANPA_SUKSESOR_SIAP}": True}).count()
        if dicatat.exists()
        else None
    )
    return RisikoSuksesi(rows.count(), rows.filter(berisiko=True).count(), tanpa_siap)


#: Most unit rows of a screen a session shows (those worth a look come first).
LAYAR_MAKS = 40


@dataclass
class LayarSesi:
    """The mapping's screens for a calibration session: the box-distribution screen of
    the agency (reference) and of each unit in the session's subtree, and the
    selection-rate screen of the agency's groups (sex, age band, province) and of the
    subtree's units. Each list puts the rows worth a look (``perlu_ditelaah``) first."""

    kalibrasi: list[dict[str, object]]
    keadilan: list[dict[str, object]]
    kalibrasi_lainnya: int = 0
    keadilan_lainnya: int = 0


def _perlu_ditelaah_dulu(row: dict[str, object]) -> int:
    return 0 if row.get("status") == "perlu_ditelaah" else 1


def _label_layar() -> dict[str, str]:
    """Readable labels of the screens' status and effect-size codes (active language)."""
    return {
        "acuan": _("acuan (seluruh instansi)"),
        "perlu_ditelaah": _("perlu ditelaah"),
        "tidak_ada_sinyal": _("tidak ada sinyal"),
        "tidak_cukup_data": _("data belum cukup"),
        "dapat_diabaikan": _("dapat diabaikan"),
        "kecil": _("kecil"),
        "sedang": _("sedang"),
        "besar": _("besar"),
    }


def _berlabel(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    label = _label_layar()
    return [
        {
            **r,
            "status_label": label.get(str(r.get("status")), r.get("status") or ""),
            "efek_label": label.get(str(r.get("besaran_efek")), r.get("besaran_efek") or ""),
        }
        for r in rows
    ]


def layar_sesi(sesi: SesiKalibrasi) -> LayarSesi:
    """The screens of ``sesi``'s run for its population (see :class:`LayarSesi`)."""
    kode = set(
        UnitKerja.objects.filter(
            instansi_id=sesi.instansi_id, path__startswith=sesi.unit.path
        ).values_list("kode", flat=True)
    )
    layar = LayarPemetaan.objects.filter(run_id=sesi.run_id).first()
    kalibrasi = layar.kalibrasi if layar is not None else []
    keadilan_run = layar.keadilan if layar is not None else []
    acuan = [r for r in kalibrasi if r.get("status") == "acuan"]
    units = sorted(
        (r for r in kalibrasi if r.get("unit_kerja") in kode and r.get("status") != "acuan"),
        key=lambda r: (r.get("unit_kerja") != sesi.unit.kode, _perlu_ditelaah_dulu(r)),
    )
    kelompok = [r for r in keadilan_run if r.get("dimensi") != "unit_kerja"]
    unit_keadilan = [
        r for r in keadilan_run if r.get("dimensi") == "unit_kerja" and r.get("kelompok") in kode
    ]
    keadilan = sorted(kelompok, key=_perlu_ditelaah_dulu) + sorted(
        unit_keadilan, key=_perlu_ditelaah_dulu
    )
    return LayarSesi(
        kalibrasi=_berlabel(acuan + units[:LAYAR_MAKS]),
        keadilan=_berlabel(keadilan[: 2 * LAYAR_MAKS]),
        kalibrasi_lainnya=max(0, len(units) - LAYAR_MAKS),
        keadilan_lainnya=max(0, len(keadilan) - 2 * LAYAR_MAKS),
    )


@dataclass
class RencanaPegawai:
    """What the latest succession run of the person's agency holds about them: their
    IDP rows (development activities, in the engine's priority order), their rotation
    and retention rows (with reasons), and the target posts they are a named candidate
    for (rank and readiness; no other candidate's name)."""

    idp: list[dict[str, object]] = field(default_factory=list)
    rotasi: list[dict[str, object]] = field(default_factory=list)
    retensi: list[dict[str, object]] = field(default_factory=list)
    nominasi: list[dict[str, object]] = field(default_factory=list)


def rencana_pegawai(pegawai: Pegawai) -> RencanaPegawai:
    """See :class:`RencanaPegawai` (empty when the agency has no succession run)."""
    runs = latest_runs({pegawai.instansi_id})
    hasil = RencanaPegawai()
    if not runs:
        return hasil
    baris = BarisPengembangan.objects.filter(
        run_id__in=runs,
        pegawai=pegawai,
        berkas__in=[Berkas.IDP, Berkas.ROTASI, Berkas.RETENSI],
    ).order_by("berkas", "urutan")
    tujuan = {Berkas.IDP: hasil.idp, Berkas.ROTASI: hasil.rotasi, Berkas.RETENSI: hasil.retensi}
    for b in baris:
        tujuan[Berkas(b.berkas)].append(dict(b.data))
    hasil.nominasi = [
        {
            "jabatan_id": k.target.jabatan_id,
            "jabatan": k.target.nama,
            "unit_kerja": k.target.unit_kerja,
            "peringkat": k.peringkat,
            "kesiapan": k.kesiapan,
            "skor": k.skor,
        }
        for k in Kandidat.objects.filter(pegawai=pegawai, target__run_id__in=runs)
        .select_related("target")
        .order_by("target__jabatan_id", "peringkat")
    ]
    return hasil
