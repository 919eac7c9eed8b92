"""The check job: every data-quality rule over every table, in one pass.

``run_check`` prepares each table (``prepare``), evaluates every applicable rule as a
boolean column over it (one collect per step, all tables together), turns the true
cells into findings, adds the readers' value-level problems, and computes the per-rule
summary, the data-quality index and the 20 JP coverage. A rule that needs a table or a
column the data does not have is skipped and listed, never an error. The run never
stops at a bad row. No I/O and no clock: the caller passes the as-of date and policy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import polars as pl

from bakat.domain.errors import InputError
from bakat.domain.policy import Policy, load_policy
from bakat.engine.quality import rules_pembaca
from bakat.engine.quality.catalog import ATURAN
from bakat.engine.quality.indeks import (
    NAMA_UNIT_SCHEMA,
    hitung_capaian_jp,
    hitung_indeks,
    jumlahkan,
    per_unit,
    per_unit_pembaca,
)
from bakat.engine.quality.prepare import siapkan, siapkan_kunci
from bakat.engine.quality.registry import Dimensi, Konteks, Rule
from bakat.engine.quality.rujukan import Rujukan, rencana
from bakat.engine.quality.rules_talenta import jp_kurang_dari_batas
from bakat.engine.quality.schema import BARIS, DASAR, KUNCI_SUMBER, SKEMA, TABEL, lengkapi
from bakat.engine.quality.temuan import (
    ENGINE,
    TEMUAN_KODE,
    kolom_b,
    kolom_v,
    rinci,
    temuan_aturan,
    temuan_pembaca,
    urutkan,
)


@dataclass(frozen=True)
class CheckInput:
    """One table for the check: its canonical frame, the reader's value-level problems
    (``baris``, ``kolom``, ``nilai``, ``masalah``), and the columns present in the
    source file (default: the frame's columns). Rules needing an absent column skip."""

    frame: pl.LazyFrame | pl.DataFrame
    masalah: pl.DataFrame | None = None
    kolom: frozenset[str] | None = None


@dataclass(frozen=True)
class Dilewati:
    """A rule that did not run, and why (Indonesian)."""

    rule: Rule
    alasan: str


@dataclass(frozen=True)
class CheckResult:
    """What a check run returns (see docs/data-quality.md for every column)."""

    temuan: pl.DataFrame
    ringkasan_aturan: pl.DataFrame
    indeks_kualitas: pl.DataFrame
    capaian_jp: pl.DataFrame | None
    dilewati: tuple[Dilewati, ...]

    def jumlah_per_tingkat(self) -> dict[str, int]:
        """Findings per severity (error, warning, info), zeros included."""
        counts = dict(self.temuan.get_column("tingkat").value_counts().iter_rows())
        return {t: int(counts.get(t, 0)) for t in ("error", "warning", "info")}


Progress = Callable[[str], None]


def _masukan(value: CheckInput | pl.LazyFrame | pl.DataFrame) -> CheckInput:
    return value if isinstance(value, CheckInput) else CheckInput(value)


def _pilih(
    rules: Sequence[Rule], kolom_ada: Mapping[str, frozenset[str]]
) -> tuple[list[Rule], list[Dilewati]]:
    jalan: list[Rule] = []
    lewat: list[Dilewati] = []
    for rule in rules:
        if rule.dari_pembaca:
            jalan.append(rule)
            continue
        kurang_tabel = [t for t in (rule.tabel, *rule.perlu_tabel) if t not in kolom_ada]
        if kurang_tabel:
            lewat.append(Dilewati(rule, f"tabel {', '.join(kurang_tabel)} tidak ada"))
            continue
        kurang = [c for c in rule.perlu_kolom if c not in kolom_ada[rule.tabel]]
        if kurang:
            lewat.append(
                Dilewati(rule, f"kolom {', '.join(kurang)} tidak ada di tabel {rule.tabel}")
            )
            continue
        jalan.append(rule)
    return jalan, lewat


def _nama_unit(kunci: Mapping[str, pl.LazyFrame]) -> pl.LazyFrame:
    """Unit code -> agency and unit name, from ``pegawai`` and ``jabatan``."""
    parts = [
        kunci[t]
        .filter(pl.col("_unit").is_first_distinct())
        .select("_unit", pl.col("instansi").cast(pl.String), pl.col("unit_kerja").cast(pl.String))
        for t in ("pegawai", "jabatan")
        if t in kunci
    ]
    return pl.concat(parts).unique(subset=["_unit"], keep="first").select(NAMA_UNIT_SCHEMA.names())


def _kolom_perlu(tabel: str, rules: Sequence[Rule], k: Konteks) -> tuple[set[str], set[str]]:
    """The canonical columns of ``tabel`` read by the preparation and by the flags of the
    ``rules`` that run on it, and those read only by the keys and the findings' wording
    (the others are never read from the source)."""
    flag = set(DASAR[tabel])
    teks = set(KUNCI_SUMBER[tabel])
    for rule in rules:
        if rule.tabel != tabel:
            continue
        for expr in (rule.expr_violated(k), rule.expr_berlaku(k)):
            flag.update(expr.meta.root_names())
        for expr in (rule.expr_nilai(k), rule.expr_pesan(k)):
            teks.update(expr.meta.root_names())
    kolom = set(SKEMA[tabel])
    return flag & kolom, (teks - flag) & kolom


def _kolom_temuan(rules: Sequence[Rule], k: Konteks) -> set[str]:
    """The columns the findings of ``rules`` are made from (``temuan_aturan``,
    ``temuan_pembaca``): the rows with a finding keep only these."""
    kolom = {BARIS, "_unit", "_nip_laporan", "status_kepegawaian"}
    for rule in rules:
        kolom.add(kolom_v(rule))
        for expr in (rule.expr_nilai(k), rule.expr_pesan(k)):
            kolom.update(expr.meta.root_names())
    return kolom


def _pilih_kolom(frame: pl.LazyFrame, kolom: set[str]) -> pl.LazyFrame:
    return frame.select([c for c in frame.collect_schema().names() if c in kolom])


def _kumpulkan(plans: Mapping[str, pl.LazyFrame]) -> dict[str, pl.DataFrame]:
    """Collect ``plans`` together (one pass, shared work), by name."""
    hasil = pl.collect_all(list(plans.values()), engine=ENGINE)
    return dict(zip(plans, hasil, strict=True))


def _ringkasan(
    rules: Sequence[Rule], dilewati: Sequence[Dilewati], temuan: pl.DataFrame
) -> pl.DataFrame:
    counts = dict(temuan.get_column("nama_aturan").value_counts().iter_rows())
    alasan = {d.rule.name: d.alasan for d in dilewati}
    rows = [
        {
            "aturan": r.id,
            "nama_aturan": r.name,
            "tingkat": r.tingkat.value,
            "dimensi": r.dimensi.value,
            "tabel": r.tabel,
            "kolom": r.kolom,
            "jumlah": None if r.name in alasan else int(counts.get(r.name, 0)),
            "dijalankan": r.name not in alasan,
            "keterangan": alasan.get(r.name),
            "dasar": r.dasar,
        }
        for r in rules
    ]
    schema = {
        "aturan": pl.String,
        "nama_aturan": pl.String,
        "tingkat": pl.String,
        "dimensi": pl.String,
        "tabel": pl.String,
        "kolom": pl.String,
        "jumlah": pl.Int64,
        "dijalankan": pl.Boolean,
        "keterangan": pl.String,
        "dasar": pl.String,
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


def run_check(
    tables: Mapping[str, CheckInput | pl.LazyFrame | pl.DataFrame],
    *,
    as_of: date,
    policy: Policy | None = None,
    rules: Sequence[Rule] | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Check ``tables`` (name -> frame; ``pegawai`` required) at ``as_of`` under ``policy``
    (default: the ``nasional-2025`` preset) with ``rules`` (default: every rule).

    ``progress`` is called with the name of each step as it starts. Findings are sorted
    by agency, unit, NIP, rule, table, row and column, so the same input and as-of date
    give the same result.
    """
    lapor = progress or (lambda _langkah: None)
    unknown = sorted(set(tables) - set(TABEL))
    if unknown:
        raise ValueError(f"unknown tables {unknown}")
    if "pegawai" not in tables:
        raise InputError("tabel 'pegawai' wajib ada / table 'pegawai' is required")
    policy = policy or load_policy()
    masukan = {name: _masukan(value) for name, value in tables.items()}
    masalah = {
        t: m.masalah for t, m in masukan.items() if m.masalah is not None and m.masalah.height
    }
    k = Konteks(as_of, policy, rules_pembaca.tak_terbaca(masalah))
    lazy = {t: m.frame.lazy() for t, m in masukan.items()}
    kolom_ada = {
        t: m.kolom if m.kolom is not None else frozenset(lazy[t].collect_schema().names())
        for t, m in masukan.items()
    }
    jalan, dilewati = _pilih(rules if rules is not None else ATURAN, kolom_ada)

    lapor("menyiapkan")
    perlu = {t: _kolom_perlu(t, jalan, k) for t in lazy}
    terkunci = _kumpulkan(
        {
            t: siapkan_kunci(t, lengkapi(f, t, perlu[t][0] | set(KUNCI_SUMBER[t]))).drop(
                sorted(set(KUNCI_SUMBER[t]) - perlu[t][0])
            )
            for t, f in lazy.items()
        }
    )
    rujukan = Rujukan.dari(_kumpulkan(rencana({t: f.lazy() for t, f in terkunci.items()}, k)), k)
    terkunci["pegawai"] = rujukan.tempel_posisi(terkunci["pegawai"])
    kunci = {t: f.lazy() for t, f in terkunci.items()}
    del terkunci
    per_tabel = {t: [r for r in jalan if r.tabel == t] for t in kunci}
    pembaca = [r for r in jalan if r.dari_pembaca]

    lapor("memeriksa")
    nama_unit = _nama_unit(kunci).collect(engine=ENGINE).lazy()
    hitungan: dict[str, pl.DataFrame] = {}
    baris_temuan: dict[str, pl.DataFrame] = {}
    # One table at a time, the widest (pegawai) last: a table's keyed frame is dropped as
    # soon as its flags and its rows with a finding are taken, so the memory never holds
    # the prepared frames of several tables at once.
    for t in sorted(per_tabel, key=lambda nama: nama == "pegawai"):
        rs = per_tabel[t]
        flags = (
            siapkan(t, kunci[t], rujukan, k)
            .select(
                BARIS,
                "_unit",
                *(r.expr_violated(k).alias(kolom_v(r)) for r in rs),
                *(r.expr_berlaku(k).alias(kolom_b(r)) for r in rs if r.berlaku is not None),
            )
            .collect(engine=ENGINE)
        )
        teks = lengkapi(lazy[t], t, perlu[t][1]) if perlu[t][1] else None
        baris_temuan[t] = _pilih_kolom(
            rinci(t, kunci.pop(t), flags, rs, masalah.get(t), rujukan, k, teks=teks),
            _kolom_temuan(rs, k),
        ).collect(engine=ENGINE)
        hitungan[t] = per_unit(flags, rs, jp_kurang_dari_batas)

    lapor("menyusun temuan")
    bagian = [
        temuan_aturan(baris_temuan[t].lazy(), r, k) for t, rs in per_tabel.items() for r in rs
    ]
    bagian += [
        temuan_pembaca(t, masalah[t], baris_temuan[t].lazy(), pembaca)
        for t in masalah
        if t in baris_temuan
    ]
    temuan_kode = pl.concat(
        [pl.LazyFrame(schema=TEMUAN_KODE), *bagian], how="vertical_relaxed"
    ).collect(engine=ENGINE)
    temuan = urutkan(temuan_kode, nama_unit.collect())
    lapor("menghitung indeks")
    per_instansi = "instansi" in kolom_ada["pegawai"]
    bagian_indeks = [f.lazy().drop("_n") for f in hitungan.values()]
    bagian_indeks += [
        f
        for t in hitungan
        if (f := per_unit_pembaca(t, hitungan[t], temuan_kode, pembaca)) is not None
    ]
    bagian_indeks.append(
        hitungan["pegawai"].lazy().select("_unit", pl.col("_n").alias("jumlah_pegawai"))
    )
    kolom_indeks = sorted(
        {c for f in bagian_indeks for c in f.collect_schema().names() if c != "_unit"}
    )
    total = jumlahkan(bagian_indeks, kolom_indeks).collect(engine=ENGINE).lazy()
    bobot = policy.kualitas_data.bobot
    rencana_hasil = [
        hitung_indeks(
            total,
            nama_unit,
            {d: getattr(bobot, d.value) for d in Dimensi},
            per_instansi=per_instansi,
        )
    ]
    if "pegawai_dinilai" in kolom_indeks:
        rencana_hasil.append(
            hitung_capaian_jp(
                total.select("_unit", "pegawai_dinilai", "pegawai_mencapai"),
                nama_unit,
                policy.pengembangan.target_unit_persen,
                per_instansi=per_instansi,
            )
        )
    hasil = pl.collect_all(rencana_hasil, engine=ENGINE)
    if not per_instansi:
        temuan = temuan.drop("instansi")
        hasil = [h.drop("instansi") for h in hasil]
    semua = rules if rules is not None else ATURAN
    return CheckResult(
        temuan=temuan,
        ringkasan_aturan=_ringkasan(semua, dilewati, temuan),
        indeks_kualitas=hasil[0],
        capaian_jp=hasil[1] if len(hasil) > 1 else None,
        dilewati=tuple(dilewati),
    )
