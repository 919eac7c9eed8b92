"""Report sections from the data-quality check and the 20 JP coverage
(``indeks_kualitas.csv``, ``ringkasan_aturan.csv``, ``capaian_jp.csv``;
docs/data-quality.md).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import polars as pl

from bakat.io.report.angka import angka, desimal, persen
from bakat.io.report.model import Bagian, Batang, Fakta, GrafikBatang, Jenis, Kolom, Tabel
from bakat.io.report.sumber import FolderHasil

#: Bars drawn per chart of units (the lowest first); the workbook lists every unit.
BATANG_UNIT = 20
_DIMENSI = {
    "kelengkapan": "completeness",
    "akurasi": "accuracy",
    "konsistensi": "consistency",
    "ketepatan_waktu": "timeliness",
}
_TINGKAT = {"error": "Galat (error)", "warning": "Peringatan (warning)", "info": "Info"}


def nama_unit(folder: FolderHasil) -> pl.DataFrame | None:
    """Unit names (``instansi``, ``unit_kerja``, ``nama``) from ``cakupan.csv``, when
    present; ``instansi`` is null when the data names no agency."""
    cakupan = folder.baca("cakupan.csv", kolom=("dimensi", "instansi", "kelompok", "nama"))
    if cakupan is None:
        return None
    return (
        cakupan.filter(pl.col("dimensi") == "unit_kerja")
        .select("instansi", unit_kerja=pl.col("kelompok"), nama=pl.col("nama"))
        .unique(["instansi", "unit_kerja"], keep="first", maintain_order=True)
    )


def _dengan_nama(frame: pl.DataFrame, nama: pl.DataFrame | None) -> pl.DataFrame:
    if "nama" in frame.columns:
        return frame
    if nama is None:
        return frame.with_columns(nama=pl.lit(None, pl.String))
    if "instansi" in frame.columns:
        return frame.join(
            nama, on=["instansi", "unit_kerja"], how="left", nulls_equal=True, maintain_order="left"
        )
    return frame.join(
        nama.drop("instansi").unique("unit_kerja", keep="first", maintain_order=True),
        on="unit_kerja",
        how="left",
        maintain_order="left",
    )


def mulai_sumbu(nilai: list[float]) -> float:
    """Where a 0-100 axis of ``nilai`` starts: the tens below the lowest value, so that
    differences between units of 97 and 99 stay visible (the axis is labelled)."""
    if not nilai:
        return 0.0
    return float(min(90, max(0, math.floor(min(nilai) / 10) * 10)))


def _batang_unit(
    frame: pl.DataFrame, kolom: str, tulis: Callable[[float], str]
) -> tuple[Batang, ...]:
    return tuple(
        Batang(r["nama"] or r["unit_kerja"] or "-", r[kolom], tulis(r[kolom]))
        for r in frame.filter(pl.col(kolom).is_not_null()).head(BATANG_UNIT).iter_rows(named=True)
    )


def bagian_kualitas(folder: FolderHasil) -> Bagian | None:
    """The data-quality index overall and per unit, findings by severity, top rules."""
    indeks = folder.baca(
        "indeks_kualitas.csv",
        angka=("jumlah_pegawai", "pasangan_diperiksa", "pasangan_lulus"),
        desimal=(*_DIMENSI, "indeks"),
    )
    aturan = folder.baca("ringkasan_aturan.csv", angka=("jumlah",), logika=("dijalankan",))
    if indeks is None and aturan is None:
        return None
    fakta: list[Fakta] = []
    grafik: list[GrafikBatang] = []
    tabel: list[Tabel] = []
    catatan: list[str] = []
    pengantar = ""
    if indeks is not None:
        semua = indeks.filter(pl.col("cakupan") == "semua")
        if semua.height:
            baris = semua.row(0, named=True)
            pengantar = (
                f"Indeks kualitas data keseluruhan {desimal(baris['indeks'], 2)} dari 100 "
                f"/ overall data-quality index {desimal(baris['indeks'], 2)} of 100"
            )
            fakta.append(
                Fakta("Indeks kualitas data", "Data-quality index", baris["indeks"], Jenis.DESIMAL)
            )
            fakta += [
                Fakta(f"Skor {d.replace('_', ' ')}", f"{en} score", baris[d], Jenis.DESIMAL)
                for d, en in _DIMENSI.items()
            ]
        per_instansi = indeks.filter(pl.col("cakupan") == "instansi")
        if per_instansi.height and "instansi" in per_instansi.columns:
            per_instansi = per_instansi.sort("instansi")
            tabel.append(
                Tabel(
                    "Indeks kualitas data per instansi",
                    "Data-quality index by agency",
                    per_instansi,
                    (
                        Kolom("instansi", "Instansi"),
                        Kolom("jumlah_pegawai", "Jumlah pegawai", Jenis.ANGKA),
                        *(
                            Kolom(d, d.replace("_", " ").capitalize(), Jenis.DESIMAL)
                            for d in _DIMENSI
                        ),
                        Kolom("indeks", "Indeks", Jenis.DESIMAL),
                    ),
                    sheet="Kualitas Data per Instansi",
                )
            )
        unit = _dengan_nama(indeks.filter(pl.col("cakupan") == "unit"), nama_unit(folder)).sort(
            ["indeks", "unit_kerja"], nulls_last=True
        )
        batang = _batang_unit(unit, "indeks", lambda x: desimal(x, 2))
        grafik.append(
            GrafikBatang(
                f"{len(batang)} unit dengan indeks kualitas data terendah",
                "Units with the lowest data-quality index",
                batang,
                maks=100.0,
                mulai=mulai_sumbu([b.nilai for b in batang]),
            )
        )
        tabel.append(
            Tabel(
                "Indeks kualitas data per unit",
                "Data-quality index by unit",
                unit,
                (
                    *((Kolom("instansi", "Instansi"),) if "instansi" in unit.columns else ()),
                    Kolom("unit_kerja", "Unit kerja"),
                    Kolom("nama", "Nama unit"),
                    Kolom("jumlah_pegawai", "Jumlah pegawai", Jenis.ANGKA),
                    Kolom("pasangan_diperiksa", "Pasangan diperiksa", Jenis.ANGKA),
                    Kolom("pasangan_lulus", "Pasangan lulus", Jenis.ANGKA),
                    *(Kolom(d, d.replace("_", " ").capitalize(), Jenis.DESIMAL) for d in _DIMENSI),
                    Kolom("indeks", "Indeks", Jenis.DESIMAL),
                ),
                sheet="Kualitas Data per Unit",
                batas_html=0,
            )
        )
    if aturan is not None:
        per_tingkat = dict(aturan.group_by("tingkat").agg(pl.col("jumlah").sum()).iter_rows())
        fakta += [
            Fakta(f"Temuan {label}", f"Findings: {kode}", int(per_tingkat.get(kode) or 0))
            for kode, label in _TINGKAT.items()
        ]
        dilewati = aturan.filter(pl.col("dijalankan").not_()).height
        if dilewati:
            catatan.append(
                f"{angka(dilewati)} aturan dilewati karena data tidak memuat kolom atau tabel "
                "yang diperlukan (lihat sheet Aturan Kualitas Data) / rules skipped for "
                "lack of data"
            )
        teratas = aturan.filter(pl.col("jumlah") > 0).sort(
            ["jumlah", "aturan", "nama_aturan"], descending=[True, False, False]
        )
        kolom = (
            Kolom("aturan", "Aturan"),
            Kolom("nama_aturan", "Nama aturan"),
            Kolom("tingkat", "Tingkat"),
            Kolom("dimensi", "Dimensi"),
            Kolom("jumlah", "Jumlah temuan", Jenis.ANGKA),
        )
        tabel.insert(
            0,
            Tabel(
                "Aturan dengan temuan terbanyak",
                "Rules with the most findings",
                teratas,
                kolom,
                batas_html=10,
            ),
        )
        tabel.append(
            Tabel(
                "Semua aturan kualitas data",
                "Every data-quality rule",
                aturan,
                (
                    *kolom,
                    Kolom("tabel", "Tabel"),
                    Kolom("kolom", "Kolom"),
                    Kolom("dijalankan", "Dijalankan"),
                    Kolom("keterangan", "Keterangan"),
                    Kolom("dasar", "Dasar hukum"),
                ),
                sheet="Aturan Kualitas Data",
                batas_html=0,
            )
        )
    return Bagian(
        kunci="kualitas",
        judul="Kualitas data",
        judul_en="Data quality",
        pengantar=pengantar,
        fakta=tuple(fakta),
        grafik=tuple(grafik),
        tabel=tuple(tabel),
        catatan=tuple(catatan),
    )


def _baca_jp(folder: FolderHasil) -> pl.DataFrame | None:
    """The 20 JP coverage per scope: ``kepatuhan_jp.csv`` of the development step (its
    person rows left out), else ``capaian_jp.csv`` of the check, in the latter's names."""
    kepatuhan = folder.baca(
        "kepatuhan_jp.csv",
        angka=("pegawai_dinilai", "pegawai_memenuhi"),
        desimal=("persen_memenuhi", "target_persen"),
        logika=("target_tercapai",),
        saring=("cakupan", ("semua", "instansi", "unit")),
    )
    if kepatuhan is not None:
        ganti = {
            "pegawai_memenuhi": "pegawai_mencapai",
            "persen_memenuhi": "persen_mencapai",
            "unit_kerja_nama": "nama",
        }
        return kepatuhan.drop(c for c in ganti.values() if c in kepatuhan.columns).rename(
            {k: v for k, v in ganti.items() if k in kepatuhan.columns}
        )
    return folder.baca(
        "capaian_jp.csv",
        angka=("pegawai_dinilai", "pegawai_mencapai"),
        desimal=("persen_mencapai", "target_persen"),
        logika=("target_tercapai",),
    )


def _fakta_pengembangan(folder: FolderHasil) -> list[Fakta]:
    """People with a development plan, on the rotation list and on the retention watch
    list (``idp.csv``, ``rotasi.csv``, ``retensi.csv`` of the development step)."""
    fakta = []
    for berkas, label, label_en in (
        ("idp.csv", "Pegawai dengan rencana pengembangan (IDP)", "People with an IDP"),
        ("rotasi.csv", "Pegawai dalam daftar rotasi", "People on the rotation list"),
        ("retensi.csv", "Pegawai dalam pantauan retensi", "People on the retention watch"),
    ):
        frame = folder.baca(berkas, kolom=("nip",))
        if frame is not None:
            fakta.append(Fakta(label, label_en, frame["nip"].drop_nulls().n_unique()))
    return fakta


def bagian_jp(folder: FolderHasil) -> Bagian | None:
    """The 20 JP a year of competency development, overall and per unit
    (``kepatuhan_jp.csv`` or ``capaian_jp.csv``; PP 11/2017 Pasal 203, domain.md §4.10)."""
    jp = _baca_jp(folder)
    if jp is None:
        return None
    semua = jp.filter(pl.col("cakupan") == "semua")
    fakta: list[Fakta] = []
    pengantar = ""
    target: float | None = None
    if semua.height:
        b = semua.row(0, named=True)
        target = b["target_persen"]
        pengantar = (
            f"{angka(b['pegawai_mencapai'])} dari {angka(b['pegawai_dinilai'])} pegawai "
            f"mencapai 20 JP ({persen(b['persen_mencapai'])}; target {persen(target, 0)}) "
            "/ employees who reached 20 JP of development last year"
        )
        fakta += [
            Fakta("Pegawai dinilai", "Employees assessed", b["pegawai_dinilai"]),
            Fakta("Mencapai 20 JP", "Reached 20 JP", b["pegawai_mencapai"]),
            Fakta(
                "Persentase mencapai 20 JP",
                "Share reaching 20 JP",
                b["persen_mencapai"],
                Jenis.PERSEN,
                keterangan=f"target {persen(target, 0)}",
            ),
        ]
    unit = _dengan_nama(jp.filter(pl.col("cakupan") == "unit"), nama_unit(folder)).sort(
        ["persen_mencapai", "unit_kerja"], nulls_last=True
    )
    fakta += _fakta_pengembangan(folder)
    fakta.append(
        Fakta(
            "Unit di bawah target",
            "Units below target",
            unit.filter(pl.col("target_tercapai").not_()).height,
            keterangan=f"dari {angka(unit.height)} unit",
        )
    )
    return Bagian(
        kunci="jp",
        judul="Pengembangan kompetensi (20 JP)",
        judul_en="Competency development (20 JP a year)",
        pengantar=pengantar,
        fakta=tuple(fakta),
        grafik=(
            GrafikBatang(
                "Unit dengan capaian 20 JP terendah",
                "Units with the lowest share reaching 20 JP",
                _batang_unit(unit, "persen_mencapai", persen),
                maks=100.0,
                acuan=target,
                acuan_label="target",
            ),
        ),
        tabel=(
            Tabel(
                "Capaian 20 JP per unit",
                "20 JP coverage by unit",
                unit,
                (
                    *((Kolom("instansi", "Instansi"),) if "instansi" in unit.columns else ()),
                    Kolom("unit_kerja", "Unit kerja"),
                    Kolom("nama", "Nama unit"),
                    Kolom("pegawai_dinilai", "Pegawai dinilai", Jenis.ANGKA),
                    Kolom("pegawai_mencapai", "Mencapai 20 JP", Jenis.ANGKA),
                    Kolom("persen_mencapai", "% mencapai", Jenis.PERSEN),
                    Kolom("target_persen", "Target %", Jenis.PERSEN),
                    Kolom("target_tercapai", "Target tercapai"),
                ),
                sheet="Capaian JP",
                batas_html=0,
            ),
        ),
    )
