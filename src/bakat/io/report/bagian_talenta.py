"""Report sections from the mapping results: coverage, the Nine Box grid and the talent
pool, and the calibration and fairness screens (docs/mapping.md describes the files).
"""

from __future__ import annotations

import polars as pl

from bakat.domain.jenjang import Jenjang
from bakat.domain.ninebox import (
    SEMUA_KOTAK,
    AlasanTidakTerpetakan,
    label_kotak,
    level_dari_kotak,
)
from bakat.io.report.angka import angka, persen, persen_dari, rasio
from bakat.io.report.model import (
    Bagian,
    Batang,
    Fakta,
    GrafikBatang,
    GrafikKotak,
    Jenis,
    Kolom,
    Tabel,
)
from bakat.io.report.sumber import FolderHasil

_DESKRIPSI_ALASAN = {a.value: a.deskripsi for a in AlasanTidakTerpetakan}
_URUTAN_JENJANG = {j.value: i for i, j in enumerate(Jenjang)}
_PENGECUALIAN = {
    "hukdis_aktif": "Hukuman disiplin sedang berjalan",
    "hukdis_dalam_jendela": "Hukuman disiplin sedang/berat dalam jendela",
    "menjelang_bup": "Menjelang batas usia pensiun",
}
_ANGKA_CAKUPAN = ("jumlah_pegawai", "terpetakan", "tidak_terpetakan")


def _kolom_alasan(frame: pl.DataFrame) -> list[str]:
    """The reason columns of ``cakupan.csv``: those after ``persen_terpetakan``."""
    if "persen_terpetakan" not in frame.columns:
        return []
    return frame.columns[frame.columns.index("persen_terpetakan") + 1 :]


def bagian_cakupan(folder: FolderHasil) -> Bagian | None:
    """Mapping coverage overall, by reason, by jenjang and by unit (``cakupan.csv``)."""
    mentah = folder.baca("cakupan.csv")
    if mentah is None:
        return None
    alasan = _kolom_alasan(mentah)
    frame = folder.baca(
        "cakupan.csv",
        angka=(*_ANGKA_CAKUPAN, *alasan),
        desimal=("persen_terpetakan",),
    )
    assert frame is not None
    semua = frame.filter(pl.col("dimensi") == "semua")
    if semua.height == 0:
        return None
    total = int(semua["jumlah_pegawai"][0] or 0)
    terpetakan = int(semua["terpetakan"][0] or 0)
    pengantar = (
        f"{angka(terpetakan)} dari {angka(total)} pegawai terpetakan "
        f"({persen_dari(terpetakan, total)}) / {angka(terpetakan)} of {angka(total)} "
        "employees placed on the Nine Box"
    )
    per_alasan = pl.DataFrame(
        {
            "alasan": alasan,
            "keterangan": [_DESKRIPSI_ALASAN.get(a, a) for a in alasan],
            "jumlah": [int(semua[a][0] or 0) for a in alasan],
        },
        schema={"alasan": pl.String, "keterangan": pl.String, "jumlah": pl.Int64},
    ).with_columns(persen=pl.col("jumlah") * 100.0 / max(total, 1))
    grafik_alasan = GrafikBatang(
        "Pegawai tidak terpetakan menurut alasan",
        "Employees not placed, by reason",
        tuple(
            Batang(r["keterangan"], r["jumlah"], f"{angka(r['jumlah'])} ({persen(r['persen'])})")
            for r in per_alasan.iter_rows(named=True)
        ),
    )
    grup = [c for c in ("instansi",) if c in frame.columns]
    jenjang = (
        frame.filter(pl.col("dimensi") == "jenjang_jabatan")
        .with_columns(_urut=pl.col("kelompok").replace_strict(_URUTAN_JENJANG, default=99))
        .sort(["_urut", "kelompok"])
        .drop("_urut")
    )
    unit = frame.filter(pl.col("dimensi") == "unit_kerja").sort(
        ["persen_terpetakan", *grup, "kelompok"], nulls_last=True
    )
    kolom_angka = (
        Kolom("jumlah_pegawai", "Jumlah pegawai", Jenis.ANGKA),
        Kolom("terpetakan", "Terpetakan", Jenis.ANGKA),
        Kolom("persen_terpetakan", "% terpetakan", Jenis.PERSEN),
        *(Kolom(a, _DESKRIPSI_ALASAN.get(a, a), Jenis.ANGKA) for a in alasan),
    )
    kolom_instansi = tuple(Kolom(c, "Instansi") for c in grup)
    per_instansi = frame.filter(pl.col("dimensi") == "instansi").sort("kelompok")
    tabel_instansi = (
        (
            Tabel(
                "Cakupan menurut instansi",
                "Coverage by agency",
                per_instansi,
                (Kolom("kelompok", "Instansi"), *kolom_angka),
                sheet="Cakupan per Instansi",
            ),
        )
        if per_instansi.height
        else ()
    )
    return Bagian(
        kunci="cakupan",
        judul="Cakupan pemetaan",
        judul_en="Mapping coverage",
        pengantar=pengantar,
        fakta=(
            Fakta("Jumlah pegawai", "Employees", total),
            Fakta(
                "Terpetakan",
                "Placed",
                terpetakan,
                keterangan=f"{persen_dari(terpetakan, total)} dari {angka(total)}",
            ),
            Fakta("Tidak terpetakan", "Not placed", total - terpetakan),
        ),
        grafik=(
            grafik_alasan,
            GrafikBatang(
                "Persentase terpetakan menurut jenjang jabatan",
                "Share placed, by position grade",
                tuple(
                    Batang(
                        r["kelompok"] or "-",
                        r["persen_terpetakan"] or 0.0,
                        f"{persen(r['persen_terpetakan'])} dari {angka(r['jumlah_pegawai'])}",
                    )
                    for r in jenjang.iter_rows(named=True)
                ),
                maks=100.0,
            ),
        ),
        tabel=(
            Tabel(
                "Tidak terpetakan menurut alasan",
                "Not placed, by reason",
                per_alasan,
                (
                    Kolom("alasan", "Kode alasan"),
                    Kolom("keterangan", "Keterangan"),
                    Kolom("jumlah", "Jumlah", Jenis.ANGKA),
                    Kolom("persen", "% dari semua pegawai", Jenis.PERSEN),
                ),
                sheet="Cakupan per Alasan",
            ),
            *tabel_instansi,
            Tabel(
                "Cakupan menurut jenjang jabatan",
                "Coverage by position grade",
                jenjang,
                (*kolom_instansi, Kolom("kelompok", "Jenjang jabatan"), *kolom_angka),
                sheet="Cakupan per Jenjang",
                batas_html=20,
            ),
            Tabel(
                "Unit dengan cakupan terendah",
                "Units with the lowest coverage",
                unit,
                (
                    *kolom_instansi,
                    Kolom("kelompok", "Unit kerja"),
                    Kolom("nama", "Nama unit"),
                    *kolom_angka,
                ),
                sheet="Cakupan per Unit",
                catatan="Daftar lengkap di laporan.xlsx / full list in laporan.xlsx",
            ),
        ),
    )


def bagian_kotak(folder: FolderHasil) -> Bagian | None:
    """The Nine Box grid with counts and shares (``pemetaan.csv``) and the talent pool
    (``kelompok_talenta.csv``)."""
    pemetaan = folder.baca("pemetaan.csv", kolom=("terpetakan", "kotak"), angka=("kotak",))
    if pemetaan is None:
        return None
    hitung = dict(
        pemetaan.filter(pl.col("kotak").is_between(1, 9))
        .group_by("kotak")
        .len()
        .sort("kotak")
        .iter_rows()
    )
    jumlah = tuple((k, int(hitung.get(k, 0))) for k in SEMUA_KOTAK)
    total = sum(n for _, n in jumlah)
    tabel_kotak = pl.DataFrame(
        {
            "kotak": list(SEMUA_KOTAK),
            "level_kinerja": [level_dari_kotak(k)[0].value for k in SEMUA_KOTAK],
            "level_potensi": [level_dari_kotak(k)[1].value for k in SEMUA_KOTAK],
            "keterangan": [label_kotak(k) for k in SEMUA_KOTAK],
            "jumlah": [n for _, n in jumlah],
            "persen": [rasio(n, total) for _, n in jumlah],
        },
        schema={
            "kotak": pl.Int64,
            "level_kinerja": pl.String,
            "level_potensi": pl.String,
            "keterangan": pl.String,
            "jumlah": pl.Int64,
            "persen": pl.Float64,
        },
    )
    fakta = [Fakta("Terpetakan di Nine Box", "Placed on the grid", total)]
    tabel = [
        Tabel(
            "Sebaran kotak",
            "People per box",
            tabel_kotak,
            (
                Kolom("kotak", "Kotak", Jenis.ANGKA),
                Kolom("level_kinerja", "Kinerja"),
                Kolom("level_potensi", "Potensial"),
                Kolom("keterangan", "Keterangan"),
                Kolom("jumlah", "Jumlah", Jenis.ANGKA),
                Kolom("persen", "% dari terpetakan", Jenis.PERSEN),
            ),
            sheet="Nine Box",
            batas_html=0,
        )
    ]
    catatan = [
        "Baris: kinerja di atas, sesuai, di bawah ekspektasi; kolom: potensial rendah, "
        "menengah, tinggi (PermenPANRB 3/2020). Persentase dari pegawai terpetakan. / Rows: "
        "performance; columns: potential; shares of the people placed."
    ]
    pengantar = f"{angka(total)} pegawai terpetakan di Nine Box / people placed on the grid"
    talenta = folder.baca("kelompok_talenta.csv", kolom=("masuk", "alasan_pengecualian"))
    if talenta is None:
        catatan.append("kelompok_talenta.csv tidak ada / the talent pool file is absent")
    else:
        masuk = talenta.filter(pl.col("masuk") == "true").height
        pengantar = (
            f"{angka(talenta.height)} pegawai ({persen_dari(talenta.height, total)}) di kotak "
            f"talenta; {angka(masuk)} masuk kelompok talenta / {angka(talenta.height)} people "
            f"in the talent boxes, {angka(masuk)} in the talent pool"
        )
        fakta += [
            Fakta("Di kotak talenta", "In the talent boxes", talenta.height),
            Fakta(
                "Masuk kelompok talenta",
                "In the talent pool",
                masuk,
                keterangan=f"{persen_dari(masuk, total)} dari terpetakan",
            ),
        ]
        kode = talenta["alasan_pengecualian"].drop_nulls().str.split(";").explode().value_counts()
        pengecualian = dict(kode.iter_rows())
        for k in sorted(pengecualian, key=lambda x: (x not in _PENGECUALIAN, x)):
            if k:
                fakta.append(
                    Fakta(
                        f"Dikecualikan: {_PENGECUALIAN.get(k, k)}",
                        f"Excluded: {k}",
                        int(pengecualian[k]),
                    )
                )
    return Bagian(
        kunci="kotak",
        judul="Nine Box (PermenPANRB 3/2020)",
        judul_en="The Nine Box grid",
        pengantar=pengantar,
        fakta=tuple(fakta),
        grafik=(GrafikKotak(jumlah, total),),
        tabel=tuple(tabel),
        catatan=tuple(catatan),
    )
