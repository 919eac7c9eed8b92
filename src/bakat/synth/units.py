"""The unit tree (unit kerja) of the reference agency, Kementerian Sosial.

Eselon I units and the three expert staff posts: Perpres 110/2021 Pasal 6 (domain.md §6
[S]). Bureaus, centres and directorates: [I] (domain.md §9 item 7: directorate names not
checked), except that HR sits in the Biro Organisasi dan SDM [I]. Sentra: the five checked
ones [S] and the rest as illustration [I] (``ilustrasi`` is true for every [I] unit).

``tingkat`` is the eselon level of the unit's head: 1 JPT madya, 2 JPT pratama,
3 administrator, 4 pengawas (UU 5/2014 Pasal 131 equivalents, domain.md §4.5 [I]); the
agency itself is level 0 and has no ASN head (the minister is a political post).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from bakat.domain.jenjang import Jenjang
from bakat.domain.wilayah import KODE_PROVINSI

#: Head grade by unit level.
KEPALA_JENJANG: dict[int, Jenjang] = {
    1: Jenjang.JPT_MADYA,
    2: Jenjang.JPT_PRATAMA,
    3: Jenjang.ADMINISTRATOR,
    4: Jenjang.PENGAWAS,
}

# Head titles by unit-name prefix, first match wins; otherwise "Kepala <unit>".
_JUDUL_KEPALA: tuple[tuple[str, str], ...] = (
    ("Sekretariat Jenderal", "Sekretaris Jenderal"),
    ("Sekretariat Inspektorat Jenderal", "Sekretaris Inspektorat Jenderal"),
    ("Sekretariat Direktorat Jenderal", "Sekretaris Direktorat Jenderal"),
    ("Sekretariat Daerah", "Sekretaris Daerah"),
    ("Sekretariat Utama", "Sekretaris Utama"),
    ("Inspektorat Jenderal", "Inspektur Jenderal"),
    ("Inspektorat", "Inspektur"),
    ("Direktorat Jenderal", "Direktur Jenderal"),
    ("Direktorat", "Direktur"),
    ("Staf Ahli", "Staf Ahli"),
)


def judul_kepala(nama_unit: pl.Expr) -> pl.Expr:
    """The head's title for a unit name (``Direktorat X`` -> ``Direktur X``)."""
    expr: pl.Expr = pl.concat_str([pl.lit("Kepala "), nama_unit])
    for awalan, judul in reversed(_JUDUL_KEPALA):
        ganti = pl.concat_str([pl.lit(judul), nama_unit.str.slice(len(awalan))])
        expr = pl.when(nama_unit.str.starts_with(awalan)).then(ganti).otherwise(expr)
    return expr


@dataclass
class _Unit:
    nama: str
    tingkat: int
    jenis: str
    bobot: float
    provinsi: str = "31"
    ilustrasi: bool = True
    anak: tuple[_Unit, ...] = ()


def _bagian(topik: tuple[str, ...], jenis: str, sub: int = 2) -> tuple[_Unit, ...]:
    nama_sub = ("Administrasi", "Evaluasi")
    return tuple(
        _Unit(
            f"Bagian {t}",
            3,
            jenis,
            10,
            anak=tuple(_Unit(f"Subbagian {nama_sub[i]} {t}", 4, jenis, 5) for i in range(sub)),
        )
        for t in topik
    )


def _biro(nama: str, jenis: str, topik: tuple[str, ...]) -> _Unit:
    return _Unit(nama, 2, jenis, 30, anak=_bagian(topik, jenis))


def _direktorat(nama: str, jenis: str = "teknis") -> _Unit:
    return _Unit(nama, 2, jenis, 45, anak=(_Unit(f"Subbagian Tata Usaha {nama}", 4, jenis, 5),))


def _sekretariat(nama: str, jenis: str) -> _Unit:
    topik = ("Program dan Pelaporan", "Keuangan", "Umum dan Kepegawaian")
    return _Unit(nama, 2, jenis, 20, anak=_bagian(topik, jenis))


# (name, city, province code, checked source?) -- domain.md §6 table.
_SENTRA_TERPADU = (
    ("Sentra Terpadu Pangudi Luhur", "Bekasi", "32", True),
    ("Sentra Terpadu Inten Soeweno", "Cibinong", "32", True),
    ("Sentra Terpadu Kartini", "Temanggung", "33", True),
)
_SENTRA = (
    ("Sentra Handayani", "Jakarta", "31", True),
    ("Sentra Wyata Guna", "Bandung", "32", True),
    ("Sentra Mulya Jaya", "Jakarta", "31", False),
    ("Sentra Galih Pakuan", "Bogor", "32", False),
    ("Sentra Phala Martha", "Sukabumi", "32", False),
    ("Sentra Antasena", "Magelang", "33", False),
    ("Sentra Prof. Dr. Soeharso", "Surakarta", "33", False),
    ("Sentra Margo Laras", "Pati", "33", False),
    ("Sentra Satria", "Baturraden", "33", False),
    ("Sentra Abiseka", "Pekanbaru", "14", False),
    ("Sentra Alyatama", "Jambi", "15", False),
    ("Sentra Budi Perkasa", "Palembang", "16", False),
    ("Sentra Dharma Guna", "Bengkulu", "17", False),
    ("Sentra Insyaf", "Medan", "12", False),
    ("Sentra Bahagia", "Medan", "12", False),
    ("Sentra Paramita", "Mataram", "52", False),
    ("Sentra Mahatmiya", "Bali", "51", False),
    ("Sentra Efata", "Kupang", "53", False),
    ("Sentra Naibonat", "Kupang", "53", False),
    ("Sentra Wirajaya", "Makassar", "73", False),
    ("Sentra Gau Mabaji", "Gowa", "73", False),
    ("Sentra Nipotowe", "Palu", "72", False),
    ("Sentra Tumou Tou", "Manado", "71", False),
    ("Sentra Budhi Luhur", "Banjarbaru", "63", False),
)


def _sentra() -> tuple[_Unit, ...]:
    out: list[_Unit] = []
    for nama, kota, prov, cek in _SENTRA_TERPADU:
        tu = _Unit(
            f"Bagian Tata Usaha {nama}",
            3,
            "sentra",
            15,
            prov,
            True,
            tuple(
                _Unit(f"Subbagian {s} {nama}", 4, "sentra", 5, prov) for s in ("Umum", "Program")
            ),
        )
        out.append(_Unit(f"{nama} di {kota}", 2, "sentra", 120, prov, not cek, (tu,)))
    for nama, kota, prov, cek in _SENTRA:
        tu = _Unit(f"Subbagian Tata Usaha {nama}", 4, "sentra", 5, prov)
        out.append(_Unit(f"{nama} di {kota}", 3, "sentra", 50, prov, not cek, (tu,)))
    return tuple(out)


def _pohon() -> _Unit:
    setjen = _Unit(
        "Sekretariat Jenderal",
        1,
        "pusat",
        5,
        ilustrasi=False,
        anak=(
            _biro(
                "Biro Perencanaan",
                "perencanaan",
                ("Program dan Anggaran", "Kerja Sama", "Evaluasi dan Pelaporan"),
            ),
            _biro(
                "Biro Keuangan",
                "keuangan",
                ("Perbendaharaan", "Akuntansi dan Pelaporan Keuangan", "Pelaksanaan Anggaran"),
            ),
            _biro(
                "Biro Organisasi dan Sumber Daya Manusia",
                "sdm",
                ("Organisasi dan Tata Laksana", "Pengembangan Karier dan Talenta", "Kepegawaian"),
            ),
            _biro(
                "Biro Hukum",
                "hukum",
                ("Peraturan Perundang-undangan", "Advokasi Hukum", "Dokumentasi Hukum"),
            ),
            _biro(
                "Biro Umum",
                "umum",
                ("Tata Usaha Pimpinan", "Rumah Tangga", "Pengelolaan Barang Milik Negara"),
            ),
            _biro("Biro Hubungan Masyarakat", "humas", ("Pemberitaan", "Protokol", "Publikasi")),
            _Unit(
                "Pusat Data dan Informasi Kesejahteraan Sosial",
                2,
                "data",
                30,
                anak=_bagian(("Pengelolaan Data", "Sistem Informasi"), "data", 1),
            ),
            _Unit(
                "Pusat Penyuluhan Sosial",
                2,
                "pusat",
                30,
                anak=_bagian(("Penyuluhan", "Pengembangan Profesi"), "pusat", 1),
            ),
        ),
    )
    itjen = _Unit(
        "Inspektorat Jenderal",
        1,
        "itjen",
        5,
        ilustrasi=False,
        anak=(
            _sekretariat("Sekretariat Inspektorat Jenderal", "itjen"),
            *(_direktorat(f"Inspektorat {n}", "itjen") for n in ("I", "II", "III", "Investigasi")),
        ),
    )
    linjamsos = _Unit(
        "Direktorat Jenderal Perlindungan dan Jaminan Sosial",
        1,
        "teknis",
        5,
        ilustrasi=False,
        anak=(
            _sekretariat(
                "Sekretariat Direktorat Jenderal Perlindungan dan Jaminan Sosial", "teknis"
            ),
            _direktorat("Direktorat Perlindungan Sosial Korban Bencana Alam"),
            _direktorat("Direktorat Perlindungan Sosial Korban Bencana Sosial"),
            _direktorat("Direktorat Jaminan Sosial Keluarga"),
        ),
    )
    rehsos = _Unit(
        "Direktorat Jenderal Rehabilitasi Sosial",
        1,
        "teknis",
        5,
        ilustrasi=False,
        anak=(
            _sekretariat("Sekretariat Direktorat Jenderal Rehabilitasi Sosial", "teknis"),
            _direktorat("Direktorat Rehabilitasi Sosial Anak"),
            _direktorat("Direktorat Rehabilitasi Sosial Penyandang Disabilitas"),
            _direktorat("Direktorat Rehabilitasi Sosial Lanjut Usia"),
            _direktorat("Direktorat Rehabilitasi Sosial Tuna Sosial dan Korban Perdagangan Orang"),
            _direktorat("Direktorat Rehabilitasi Sosial Korban Penyalahgunaan NAPZA"),
            *_sentra(),
        ),
    )
    dayasos = _Unit(
        "Direktorat Jenderal Pemberdayaan Sosial",
        1,
        "teknis",
        5,
        ilustrasi=False,
        anak=(
            _sekretariat("Sekretariat Direktorat Jenderal Pemberdayaan Sosial", "teknis"),
            _direktorat("Direktorat Pemberdayaan Komunitas Adat Terpencil"),
            _direktorat("Direktorat Kepahlawanan, Keperintisan, dan Kesetiakawanan Sosial"),
            _direktorat("Direktorat Pemberdayaan Sosial Perorangan, Keluarga, dan Kelembagaan"),
            _direktorat("Direktorat Penanganan Fakir Miskin"),
        ),
    )
    staf_ahli = tuple(
        _Unit(f"Staf Ahli Menteri Bidang {b}", 1, "pusat", 1, ilustrasi=False)
        for b in ("Perubahan dan Dinamika Sosial", "Teknologi Kesejahteraan Sosial",
                  "Aksesibilitas Sosial")
    )  # fmt: skip
    return _Unit(
        "Kementerian Sosial",
        0,
        "pusat",
        0,
        ilustrasi=False,
        anak=(setjen, itjen, linjamsos, rehsos, dayasos, *staf_ahli),
    )


#: Columns of the unit frame (the first six are the ``unit_kerja`` table).
KOLOM_UNIT = (
    "unit_kerja",
    "unit_kerja_nama",
    "induk",
    "tingkat",
    "provinsi",
    "provinsi_nama",
    "instansi",
    "ilustrasi",
    "jenis",
    "bobot",
)


def kemensos(instansi_id: str) -> pl.DataFrame:
    """The Kemensos unit tree as a frame (columns :data:`KOLOM_UNIT`).

    Unit ids are dotted paths under the agency id: ``KEMENSOS.01.03`` is the third child
    of the first eselon I unit.
    """
    rows: list[tuple[str, str, str | None, int, str, bool, str, float]] = []

    def jalan(u: _Unit, uid: str, induk: str | None) -> None:
        rows.append((uid, u.nama, induk, u.tingkat, u.provinsi, u.ilustrasi, u.jenis, u.bobot))
        for i, anak in enumerate(u.anak, start=1):
            jalan(anak, f"{uid}.{i:02d}", uid)

    jalan(_pohon(), instansi_id, None)
    df = pl.DataFrame(
        rows,
        schema=[
            ("unit_kerja", pl.String),
            ("unit_kerja_nama", pl.String),
            ("induk", pl.String),
            ("tingkat", pl.Int8),
            ("provinsi", pl.String),
            ("ilustrasi", pl.Boolean),
            ("jenis", pl.String),
            ("bobot", pl.Float64),
        ],
        orient="row",
    )
    return df.with_columns(
        provinsi_nama=pl.col("provinsi").replace_strict(dict(KODE_PROVINSI)),
        instansi=pl.lit(instansi_id),
    ).select(KOLOM_UNIT)
