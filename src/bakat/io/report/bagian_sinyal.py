"""Report section from the calibration and fairness screens (``kalibrasi.csv``,
``keadilan.csv``; docs/mapping.md). They are signals for the talent committee to look
at, not verdicts, and the report says so.
"""

from __future__ import annotations

import polars as pl

from bakat.io.report.angka import angka
from bakat.io.report.model import Bagian, Fakta, Jenis, Kolom, Tabel
from bakat.io.report.sumber import FolderHasil

PERLU = "perlu_ditelaah"
_SELEKSI = {"kelompok_talenta": "masuk kelompok talenta", "terpetakan": "terpetakan"}
_KALIBRASI_ANGKA = ("terpetakan", *(f"kotak_{k}" for k in range(1, 10)), "derajat_bebas")
_KALIBRASI_DESIMAL = (
    "persen_talenta_unit",
    "persen_talenta_acuan",
    "chi_kuadrat",
    "p_nilai",
    "p_terkoreksi",
    "cramer_v",
)


def _instansi(frame: pl.DataFrame) -> tuple[Kolom, ...]:
    return (Kolom("instansi", "Instansi"),) if "instansi" in frame.columns else ()


def bagian_sinyal(folder: FolderHasil) -> Bagian | None:
    """Units whose box distribution stands out, and groups selected at a low rate."""
    kalibrasi = folder.baca("kalibrasi.csv", angka=_KALIBRASI_ANGKA, desimal=_KALIBRASI_DESIMAL)
    keadilan = folder.baca(
        "keadilan.csv",
        angka=("jumlah", "terpilih"),
        desimal=("tingkat", "ci_bawah", "ci_atas", "tingkat_acuan", "rasio"),
    )
    if kalibrasi is None and keadilan is None:
        return None
    fakta: list[Fakta] = []
    tabel: list[Tabel] = []
    catatan: list[str] = [
        "Sebuah unit atau kelompok yang menonjol belum tentu salah; telaah datanya sebelum "
        "menyimpulkan. / A unit or group that stands out is not necessarily wrong."
    ]
    unit_sinyal = kelompok_sinyal = 0
    if kalibrasi is None:
        catatan.append("kalibrasi.csv tidak ada / the calibration file is absent")
    else:
        status = dict(kalibrasi.group_by("status").len().iter_rows())
        diuji = int(status.get(PERLU, 0)) + int(status.get("tidak_ada_sinyal", 0))
        fakta += [
            Fakta("Unit diuji (kalibrasi)", "Units tested (calibration)", diuji),
            Fakta("Unit perlu ditelaah", "Units worth a look", int(status.get(PERLU, 0))),
            Fakta(
                "Unit terlalu kecil untuk diuji",
                "Units too small to test",
                int(status.get("tidak_cukup_data", 0)),
            ),
        ]
        unit_sinyal = int(status.get(PERLU, 0))
        sinyal = kalibrasi.filter(pl.col("status") == PERLU).sort(
            ["p_terkoreksi", "unit_kerja"], nulls_last=True
        )
        kolom = (
            *_instansi(kalibrasi),
            Kolom("unit_kerja", "Unit kerja"),
            Kolom("unit_kerja_nama", "Nama unit"),
            Kolom("terpetakan", "Terpetakan", Jenis.ANGKA),
            Kolom("persen_talenta_unit", "% kotak talenta (unit)", Jenis.PERSEN),
            Kolom("persen_talenta_acuan", "% kotak talenta (acuan)", Jenis.PERSEN),
            Kolom("p_terkoreksi", "p terkoreksi", Jenis.RASIO),
            Kolom("cramer_v", "Cramér's V", Jenis.RASIO),
            Kolom("besaran_efek", "Besaran efek"),
            Kolom("status", "Status"),
        )
        if sinyal.height:
            tabel.append(
                Tabel("Unit perlu ditelaah", "Units worth a look", sinyal, kolom, batas_html=20)
            )
        else:
            catatan.append(
                "Kalibrasi: tidak ada unit yang sebaran kotaknya menonjol / calibration: no "
                "unit's box distribution stands out"
            )
        tabel.append(
            Tabel(
                "Uji kalibrasi per unit",
                "Calibration screen by unit",
                kalibrasi.sort(pl.col("status") != PERLU, maintain_order=True),
                (
                    *kolom,
                    *(Kolom(f"kotak_{k}", f"Kotak {k}", Jenis.ANGKA) for k in range(1, 10)),
                    Kolom("chi_kuadrat", "Chi-kuadrat", Jenis.DESIMAL),
                    Kolom("derajat_bebas", "Derajat bebas", Jenis.ANGKA),
                    Kolom("p_nilai", "p", Jenis.RASIO),
                    Kolom("kotak_digabung", "Kotak digabung"),
                    Kolom("catatan", "Catatan"),
                ),
                sheet="Kalibrasi",
                batas_html=0,
            )
        )
    if keadilan is None:
        catatan.append("keadilan.csv tidak ada / the fairness file is absent")
    else:
        sinyal = keadilan.filter(pl.col("status") == PERLU).sort(
            ["seleksi", "rasio", "dimensi", "kelompok"], nulls_last=True
        )
        kelompok_sinyal = sinyal.height
        for kode, label in _SELEKSI.items():
            n = sinyal.filter(pl.col("seleksi") == kode).height
            fakta.append(
                Fakta(
                    f"Kelompok perlu ditelaah ({label})",
                    f"Groups worth a look ({kode})",
                    n,
                )
            )
        kolom = (
            *_instansi(keadilan),
            Kolom("seleksi", "Seleksi"),
            Kolom("dimensi", "Dimensi"),
            Kolom("kelompok", "Kelompok"),
            Kolom("nama", "Nama"),
            Kolom("jumlah", "Jumlah", Jenis.ANGKA),
            Kolom("terpilih", "Terpilih", Jenis.ANGKA),
            Kolom("tingkat", "Tingkat seleksi", Jenis.PROPORSI),
            Kolom("kelompok_acuan", "Kelompok acuan"),
            Kolom("tingkat_acuan", "Tingkat acuan", Jenis.PROPORSI),
            Kolom("rasio", "Rasio", Jenis.RASIO),
            Kolom("status", "Status"),
        )
        if sinyal.height:
            tabel.append(
                Tabel(
                    "Kelompok dengan rasio seleksi di bawah ambang",
                    "Groups selected below the four-fifths threshold",
                    sinyal,
                    kolom,
                    batas_html=20,
                    catatan=f"{angka(sinyal.height)} kelompok; daftar lengkap di laporan.xlsx",
                )
            )
        tabel.append(
            Tabel(
                "Uji keadilan per kelompok",
                "Fairness screen by group",
                keadilan.sort(pl.col("status") != PERLU, maintain_order=True),
                (
                    *kolom,
                    Kolom("ci_bawah", "Batas bawah CI 95%", Jenis.PROPORSI),
                    Kolom("ci_atas", "Batas atas CI 95%", Jenis.PROPORSI),
                ),
                sheet="Keadilan",
                batas_html=0,
            )
        )
    return Bagian(
        kunci="sinyal",
        judul="Kalibrasi dan keadilan",
        judul_en="Calibration and fairness signals",
        pengantar=(
            f"{angka(unit_sinyal)} unit dan {angka(kelompok_sinyal)} kelompok perlu ditelaah: "
            "sinyal untuk Komite Talenta, bukan putusan / units and groups worth a look: "
            "signals for the talent committee, not verdicts"
        ),
        fakta=tuple(fakta),
        tabel=tuple(tabel),
        catatan=tuple(catatan),
    )
