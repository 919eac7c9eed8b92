"""Report section from the reconciliation with SIASN (``ringkasan_rekonsiliasi.csv``,
``rekonsiliasi.csv``, ``usulan_bkn.csv``; docs/reconciliation.md).
"""

from __future__ import annotations

import polars as pl

from bakat.io.report.angka import angka
from bakat.io.report.model import Bagian, Batang, Fakta, GrafikBatang, Jenis, Kolom, Tabel
from bakat.io.report.sumber import FolderHasil

STATUS = {
    "beda": ("Berbeda (NIP sama)", "Differs, same NIP"),
    "cocok_fuzzy": ("Cocok dengan NIP berbeda", "Matched with a different NIP"),
    "hanya_lokal": ("Hanya di data instansi", "Only in the agency's records"),
    "hanya_siasn": ("Hanya di SIASN", "Only in SIASN"),
}
PIHAK = {
    "bkn": ("Dikoreksi BKN", "To be corrected by BKN"),
    "instansi": ("Dikoreksi instansi", "To be corrected by the agency"),
}


def _ringkasan(folder: FolderHasil) -> pl.DataFrame | None:
    """Rows per status, column and pihak: ``ringkasan_rekonsiliasi.csv``, else counted
    from ``rekonsiliasi.csv``."""
    ringkasan = folder.baca("ringkasan_rekonsiliasi.csv", angka=("jumlah_baris", "jumlah_rekaman"))
    if ringkasan is not None:
        return ringkasan
    baris = folder.baca("rekonsiliasi.csv", kolom=("nip", "nip_siasn", "status", "kolom", "pihak"))
    if baris is None:
        return None
    return (
        baris.group_by("status", "kolom", "pihak")
        .agg(
            jumlah_baris=pl.len().cast(pl.Int64),
            jumlah_rekaman=pl.struct("nip", "nip_siasn").n_unique().cast(pl.Int64),
        )
        .sort("status", "kolom", "pihak", nulls_last=True)
    )


def bagian_rekonsiliasi(folder: FolderHasil) -> Bagian | None:
    """Differences with SIASN by status and by who must correct them."""
    ringkasan = _ringkasan(folder)
    if ringkasan is None:
        return None
    total = int(ringkasan["jumlah_baris"].sum())
    per_status = dict(ringkasan.group_by("status").agg(pl.col("jumlah_baris").sum()).iter_rows())
    per_pihak = dict(ringkasan.group_by("pihak").agg(pl.col("jumlah_baris").sum()).iter_rows())
    silang = (
        ringkasan.group_by("status", "pihak")
        .agg(pl.col("jumlah_baris").sum(), pl.col("jumlah_rekaman").sum())
        .with_columns(
            keterangan=pl.col("status").replace_strict(
                {k: v[0] for k, v in STATUS.items()}, default=pl.col("status")
            )
        )
        .sort("status", "pihak", nulls_last=True)
    )
    usulan = folder.baca("usulan_bkn.csv")
    fakta = [Fakta("Baris perbedaan", "Difference rows", total)]
    fakta += [
        Fakta(label, en, int(per_status.get(kode) or 0)) for kode, (label, en) in STATUS.items()
    ]
    fakta += [
        Fakta(label, en, int(per_pihak.get(kode) or 0)) for kode, (label, en) in PIHAK.items()
    ]
    tabel = [
        Tabel(
            "Perbedaan menurut status dan pihak",
            "Differences by status and who corrects them",
            silang,
            (
                Kolom("status", "Status"),
                Kolom("keterangan", "Keterangan"),
                Kolom("pihak", "Pihak"),
                Kolom("jumlah_baris", "Jumlah baris", Jenis.ANGKA),
                Kolom("jumlah_rekaman", "Jumlah rekaman", Jenis.ANGKA),
            ),
            sheet="Rekonsiliasi",
            batas_html=20,
        ),
        Tabel(
            "Perbedaan menurut kolom",
            "Differences by column",
            ringkasan,
            (
                Kolom("status", "Status"),
                Kolom("kolom", "Kolom"),
                Kolom("pihak", "Pihak"),
                Kolom("jumlah_baris", "Jumlah baris", Jenis.ANGKA),
                Kolom("jumlah_rekaman", "Jumlah rekaman", Jenis.ANGKA),
            ),
            sheet="Rekonsiliasi per Kolom",
            batas_html=30,
        ),
    ]
    catatan: list[str] = []
    if usulan is None:
        catatan.append("usulan_bkn.csv tidak ada / the BKN request file is absent")
    else:
        fakta.append(
            Fakta("Usulan koreksi ke BKN", "Corrections to request from BKN", usulan.height)
        )
        tabel.append(
            Tabel(
                "Usulan koreksi ke BKN",
                "Corrections only BKN may make",
                usulan,
                tuple(Kolom(c, c.replace("_", " ").capitalize()) for c in usulan.columns),
                sheet="Usulan BKN",
                batas_html=0,
            )
        )
    return Bagian(
        kunci="rekonsiliasi",
        judul="Rekonsiliasi dengan SIASN",
        judul_en="Reconciliation with SIASN",
        pengantar=(
            f"{angka(total)} baris perbedaan antara data instansi dan SIASN; "
            f"{angka(int(per_pihak.get('bkn') or 0))} hanya dapat dikoreksi BKN (nama, NIP, "
            "tanggal lahir). / Differences between the agency's records and SIASN."
        ),
        fakta=tuple(fakta),
        grafik=(
            GrafikBatang(
                "Perbedaan menurut status",
                "Differences by status",
                tuple(
                    Batang(
                        label, int(per_status.get(kode) or 0), angka(int(per_status.get(kode) or 0))
                    )
                    for kode, (label, _) in STATUS.items()
                ),
            ),
            GrafikBatang(
                "Perbedaan menurut pihak yang mengoreksi",
                "Differences by who must correct them",
                tuple(
                    Batang(
                        label, int(per_pihak.get(kode) or 0), angka(int(per_pihak.get(kode) or 0))
                    )
                    for kode, (label, _) in PIHAK.items()
                ),
            ),
        ),
        tabel=tuple(tabel),
        catatan=tuple(catatan),
    )
