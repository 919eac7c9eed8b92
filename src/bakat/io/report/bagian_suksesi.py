"""Report sections from the succession and development steps: bench strength per target
post (``kekuatan_suksesi.csv``, else counted from ``suksesi.csv``), and the retirement
forecast against ready successors (``proyeksi.csv``). docs/policy.md ``[suksesi]`` and
domain.md §2.8 describe the readiness bands; the first band is "ready now".
"""

from __future__ import annotations

import polars as pl

from bakat.engine.development import forecast
from bakat.io.report.angka import angka, desimal, persen_dari
from bakat.io.report.model import (
    Bagian,
    Batang,
    Fakta,
    GrafikBatang,
    GrafikKolom,
    Jenis,
    Kolom,
    Seri,
    Tabel,
)
from bakat.io.report.sumber import FolderHasil

#: Readiness bands of the default policy (docs/policy.md), best first.
KESIAPAN = {
    "siap_sekarang": "Siap sekarang",
    "siap_1_2_tahun": "Siap 1-2 tahun",
    "potensi_masa_depan": "Potensi masa depan",
}
_BUKAN_PITA = frozenset({"jumlah_kandidat", "jumlah_suksesor"})
#: Columns describing a post, with their headers; the HTML list shows the first five.
_KETERANGAN = {
    "instansi": "Instansi",
    "nama": "Nama jabatan",
    "unit_kerja": "Unit kerja",
    "jenjang_jabatan": "Jenjang jabatan",
    "alasan_target": "Alasan target",
    "tanggal_lowong": "Perkiraan lowong",
    "kritikal": "Kritikal",
    "nip_pemangku": "NIP pemangku",
    "tanggal_pensiun_pemangku": "Pensiun pemangku",
}
_DI_HTML = frozenset({"nama", "unit_kerja", "jenjang_jabatan", "alasan_target", "tanggal_lowong"})
_ALASAN_TARGET = {
    "kritikal": "jabatan kritikal",
    "lowong": "lowong",
    "pensiun": "pemangku menjelang pensiun",
    "manajerial": "jabatan manajerial",
}


def _dari_suksesi(folder: FolderHasil) -> pl.DataFrame | None:
    """Bench strength counted from ``suksesi.csv`` alone (posts with a named successor)."""
    suksesi = folder.baca("suksesi.csv", kolom=("jabatan_id", "nip", "kesiapan"))
    if suksesi is None:
        return None
    orang = suksesi.filter(pl.col("nip").is_not_null())
    return (
        suksesi.group_by("jabatan_id")
        .agg(
            jumlah_suksesor=pl.col("nip").drop_nulls().n_unique().cast(pl.Int64),
            **{
                f"jumlah_{k}": pl.col("nip")
                .filter(pl.col("kesiapan") == k)
                .n_unique()
                .cast(pl.Int64)
                for k in KESIAPAN
            },
        )
        .sort("jabatan_id")
        if orang.height
        else pl.DataFrame(schema={"jabatan_id": pl.String, "jumlah_suksesor": pl.Int64})
    )


def _kekuatan(folder: FolderHasil) -> pl.DataFrame | None:
    mentah = folder.baca("kekuatan_suksesi.csv")
    if mentah is None:
        return _dari_suksesi(folder)
    angka_kolom = [
        c for c in mentah.columns if c.startswith("jumlah_") or c == "suksesor_di_daftar_lain"
    ]
    return folder.baca(
        "kekuatan_suksesi.csv",
        angka=angka_kolom,
        logika=[c for c in ("berisiko", "ada_suksesor_pertama", "kritikal") if c in mentah.columns],
    )


def _risiko_dulu(posisi: pl.DataFrame, siap: str | None) -> pl.DataFrame:
    """Posts at risk first, then those without a ready successor, then the rest."""
    kunci = []
    if "berisiko" in posisi.columns:
        kunci.append(pl.col("berisiko").fill_null(False).not_())
    if siap is not None:
        kunci.append(pl.col(siap) > 0)
    return posisi.sort(kunci, maintain_order=True) if kunci else posisi


def bagian_suksesi(folder: FolderHasil) -> Bagian | None:
    """Target posts, their named successors by readiness, and those at risk."""
    posisi = _kekuatan(folder)
    if posisi is None:
        return None
    pita = [c for c in posisi.columns if c.startswith("jumlah_") and c not in _BUKAN_PITA]
    siap = pita[0] if pita else None
    n = posisi.height
    tanpa_siap = posisi.filter(pl.col(siap) == 0) if siap is not None else posisi.clear()
    kosong = posisi.filter(pl.col("jumlah_suksesor") == 0).height
    rata = int(posisi["jumlah_suksesor"].sum()) / n if n else 0.0
    fakta = [
        Fakta("Jabatan target", "Target posts", n),
        Fakta(
            "Jabatan target tanpa suksesor siap",
            "Target posts without a ready successor",
            tanpa_siap.height,
            keterangan=f"{persen_dari(tanpa_siap.height, n)} dari {angka(n)}",
        ),
        Fakta("Jabatan target tanpa suksesor", "Target posts with no successor", kosong),
        Fakta(
            "Rata-rata suksesor per jabatan",
            "Bench strength: successors per post",
            rata,
            Jenis.DESIMAL,
        ),
    ]
    berisiko = posisi.clear()
    if "berisiko" in posisi.columns:
        berisiko = posisi.filter(pl.col("berisiko").fill_null(False))
        fakta.insert(
            2,
            Fakta(
                "Jabatan berisiko",
                "Posts at risk",
                berisiko.height,
                keterangan="lowong atau pemangku pensiun, tanpa suksesor siap",
            ),
        )
    sebaran = (
        posisi.with_columns(
            kelas=pl.when(pl.col("jumlah_suksesor") >= 3)
            .then(pl.lit("3 atau lebih"))
            .otherwise(pl.col("jumlah_suksesor").cast(pl.String))
        )
        .group_by("kelas")
        .len()
    )
    per_kelas = dict(sebaran.iter_rows())
    keterangan = [Kolom(c, label) for c, label in _KETERANGAN.items() if c in posisi.columns]
    ringkas = (
        Kolom("jabatan_id", "ID jabatan"),
        *(k for k in keterangan if k.nama in _DI_HTML),
        *(
            Kolom(c, label, Jenis.ANGKA)
            for c, label in (("jumlah_kandidat", "Kandidat"), ("jumlah_suksesor", "Suksesor"))
            if c in posisi.columns
        ),
        *(Kolom(c, KESIAPAN.get(c.removeprefix("jumlah_"), c), Jenis.ANGKA) for c in pita[:1]),
    )
    kolom = (
        Kolom("jabatan_id", "ID jabatan"),
        *keterangan,
        *(
            (Kolom("jumlah_kandidat", "Kandidat", Jenis.ANGKA),)
            if "jumlah_kandidat" in posisi.columns
            else ()
        ),
        Kolom("jumlah_suksesor", "Suksesor", Jenis.ANGKA),
        *(Kolom(c, KESIAPAN.get(c.removeprefix("jumlah_"), c), Jenis.ANGKA) for c in pita),
        *((Kolom("berisiko", "Berisiko"),) if "berisiko" in posisi.columns else ()),
    )
    daftar = (berisiko if "berisiko" in posisi.columns else tanpa_siap).sort(
        [c for c in ("tanggal_lowong", "jabatan_id") if c in posisi.columns], nulls_last=True
    )
    return Bagian(
        kunci="suksesi",
        judul="Risiko suksesi",
        judul_en="Succession risk",
        pengantar=(
            f"{angka(tanpa_siap.height)} dari {angka(n)} jabatan target "
            f"({persen_dari(tanpa_siap.height, n)}) belum memiliki suksesor yang siap "
            f"sekarang; rata-rata {desimal(rata, 1)} suksesor per jabatan / target posts "
            "without a successor ready now"
        ),
        fakta=tuple(fakta),
        grafik=(
            GrafikBatang(
                "Jabatan target menurut jumlah suksesor",
                "Target posts by number of named successors",
                tuple(
                    Batang(f"{k} suksesor", int(per_kelas.get(k, 0)), angka(per_kelas.get(k, 0)))
                    for k in ("0", "1", "2", "3 atau lebih")
                ),
            ),
            GrafikBatang(
                "Suksesor menurut kesiapan",
                "Named successors by readiness",
                tuple(
                    Batang(
                        KESIAPAN.get(c.removeprefix("jumlah_"), c),
                        int(posisi[c].sum()),
                        angka(int(posisi[c].sum())),
                    )
                    for c in pita
                ),
            ),
        ),
        tabel=(
            Tabel(
                "Jabatan berisiko"
                if "berisiko" in posisi.columns
                else "Jabatan tanpa suksesor siap",
                "Posts at risk"
                if "berisiko" in posisi.columns
                else "Posts without a ready successor",
                daftar,
                ringkas,
                batas_html=20,
            ),
            Tabel(
                "Kekuatan suksesi per jabatan target",
                "Bench strength by target post",
                _risiko_dulu(posisi, siap),
                kolom,
                sheet="Kekuatan Suksesi",
                batas_html=0,
            ),
        ),
    )


#: The counts of ``proyeksi.csv``: the engine's columns after ``tahun``.
_PROYEKSI_ANGKA = forecast.COLUMNS[forecast.COLUMNS.index("tahun") + 1 :]


def bagian_proyeksi(folder: FolderHasil) -> Bagian | None:
    """Retirements per year over five years, the incumbents among them, and how many of
    those have a ready successor (``proyeksi.csv``, its per-agency rows)."""
    proyeksi = folder.baca(
        "proyeksi.csv",
        angka=("tahun", *_PROYEKSI_ANGKA),
        saring=("cakupan", ("instansi",)),
    )
    if proyeksi is None:
        return None
    ada = [c for c in _PROYEKSI_ANGKA if c in proyeksi.columns]
    per_tahun = proyeksi.group_by("tahun").agg(pl.col(c).sum() for c in ada).sort("tahun")
    total = int(per_tahun["pensiun"].sum()) if "pensiun" in ada else 0
    tanpa = (
        int(per_tahun["pemangku_tanpa_suksesor_siap"].sum())
        if "pemangku_tanpa_suksesor_siap" in ada
        else 0
    )
    seri = [
        (c, label)
        for c, label in (
            ("pensiun", "Pensiun"),
            ("pensiun_pemangku", "Pemangku jabatan yang pensiun"),
            ("pemangku_tanpa_suksesor_siap", "Pemangku pensiun tanpa suksesor siap"),
        )
        if c in ada
    ]
    label = {
        "pegawai_aktif": "Pegawai aktif",
        "pensiun": "Pensiun",
        "pensiun_kumulatif": "Pensiun kumulatif",
        "pensiun_pemangku": "Pemangku pensiun",
        "pemangku_suksesor_siap": "Pemangku dengan suksesor siap",
        "pemangku_tanpa_suksesor_siap": "Pemangku tanpa suksesor siap",
        "kelompok_talenta_di_bawah": "Kelompok talenta jenjang di bawah",
        "kekurangan": "Kekurangan",
    }
    jenjang = (
        proyeksi.sort("tahun", "jenjang_jabatan")
        if "jenjang_jabatan" in proyeksi.columns
        else proyeksi
    )
    tahun = per_tahun["tahun"].to_list()
    rentang = f"{tahun[0]}-{tahun[-1]}" if tahun else "-"
    return Bagian(
        kunci="proyeksi",
        judul="Proyeksi pensiun",
        judul_en="Retirement forecast",
        pengantar=(
            f"{angka(total)} pegawai mencapai batas usia pensiun pada {rentang}; "
            f"{angka(tanpa)} di antaranya pemangku jabatan yang belum memiliki suksesor siap "
            "/ retirements in the next five years"
        ),
        fakta=(
            Fakta("Pensiun dalam 5 tahun", "Retirements in 5 years", total, keterangan=rentang),
            Fakta(
                "Pemangku pensiun tanpa suksesor siap",
                "Retiring incumbents without a ready successor",
                tanpa,
            ),
        ),
        grafik=(
            GrafikKolom(
                "Pensiun per tahun",
                "Retirements by year",
                tuple(str(t) for t in tahun),
                tuple(Seri(nama, tuple(float(v or 0) for v in per_tahun[c])) for c, nama in seri),
            ),
        ),
        tabel=(
            Tabel(
                "Proyeksi pensiun per tahun",
                "Retirement forecast by year",
                per_tahun,
                (Kolom("tahun", "Tahun"), *(Kolom(c, label[c], Jenis.ANGKA) for c in ada)),
                sheet="Proyeksi Pensiun",
            ),
            Tabel(
                "Proyeksi pensiun per jenjang",
                "Retirement forecast by grade",
                jenjang,
                (
                    *((Kolom("instansi", "Instansi"),) if "instansi" in jenjang.columns else ()),
                    Kolom("tahun", "Tahun"),
                    Kolom("jenjang_jabatan", "Jenjang jabatan"),
                    *(Kolom(c, label[c], Jenis.ANGKA) for c in ada),
                ),
                sheet="Proyeksi per Jenjang",
                batas_html=0,
            ),
        ),
    )
