"""Indonesian name parts and places for the synthetic agency.

Name styles follow broad regional naming customs [I]: Javanese/Sundanese and Malay-Muslim
given names, Batak family names (marga), Balinese birth-order names, and Christian given
names with eastern-Indonesian family names. They are drawn by the province of birth.

Places are regencies and cities with their Kemendagri codes (the first four digits of a
NIK; domain.md §4.3 [V] for the layout). The province prefixes are the Dukcapil list of
``bakat.domain.wilayah``; the regency digits are illustrative [I].
"""

from __future__ import annotations

# (kode kabupaten/kota, name as written in "tempat lahir"). Kota codes are 71 and above.
TEMPAT: tuple[tuple[str, str], ...] = (
    ("1171", "Banda Aceh"), ("1106", "Aceh Besar"), ("1173", "Lhokseumawe"),
    ("1275", "Medan"), ("1207", "Deli Serdang"), ("1212", "Tapanuli Utara"),
    ("1273", "Pematangsiantar"), ("1208", "Simalungun"), ("1278", "Gunungsitoli"),
    ("1371", "Padang"), ("1375", "Bukittinggi"), ("1306", "Padang Pariaman"),
    ("1471", "Pekanbaru"), ("1406", "Kampar"), ("1571", "Jambi"), ("1505", "Muaro Jambi"),
    ("1671", "Palembang"), ("1603", "Muara Enim"), ("1771", "Bengkulu"),
    ("1871", "Bandar Lampung"), ("1872", "Metro"), ("1801", "Lampung Selatan"),
    ("1971", "Pangkalpinang"), ("2171", "Batam"), ("2172", "Tanjungpinang"),
    ("3171", "Jakarta Selatan"), ("3172", "Jakarta Timur"), ("3173", "Jakarta Pusat"),
    ("3174", "Jakarta Barat"), ("3175", "Jakarta Utara"),
    ("3201", "Bogor"), ("3271", "Kota Bogor"), ("3202", "Sukabumi"), ("3203", "Cianjur"),
    ("3204", "Bandung"), ("3273", "Kota Bandung"), ("3205", "Garut"), ("3206", "Tasikmalaya"),
    ("3207", "Ciamis"), ("3208", "Kuningan"), ("3209", "Cirebon"), ("3212", "Indramayu"),
    ("3213", "Subang"), ("3215", "Karawang"), ("3216", "Bekasi"), ("3275", "Kota Bekasi"),
    ("3276", "Depok"), ("3277", "Cimahi"),
    ("3301", "Cilacap"), ("3302", "Banyumas"), ("3305", "Kebumen"), ("3308", "Magelang"),
    ("3309", "Boyolali"), ("3310", "Klaten"), ("3311", "Sukoharjo"), ("3313", "Karanganyar"),
    ("3318", "Pati"), ("3319", "Kudus"), ("3320", "Jepara"), ("3323", "Temanggung"),
    ("3372", "Surakarta"), ("3374", "Semarang"), ("3375", "Pekalongan"), ("3376", "Tegal"),
    ("3401", "Kulon Progo"), ("3402", "Bantul"), ("3403", "Gunungkidul"), ("3404", "Sleman"),
    ("3471", "Yogyakarta"),
    ("3501", "Pacitan"), ("3507", "Malang"), ("3573", "Kota Malang"), ("3509", "Jember"),
    ("3510", "Banyuwangi"), ("3515", "Sidoarjo"), ("3524", "Lamongan"), ("3525", "Gresik"),
    ("3571", "Kediri"), ("3577", "Madiun"), ("3578", "Surabaya"), ("3526", "Bangkalan"),
    ("3601", "Pandeglang"), ("3602", "Lebak"), ("3603", "Tangerang"), ("3671", "Kota Tangerang"),
    ("3673", "Serang"), ("3674", "Tangerang Selatan"),
    ("5171", "Denpasar"), ("5103", "Badung"), ("5104", "Gianyar"), ("5108", "Buleleng"),
    ("5271", "Mataram"), ("5201", "Lombok Barat"), ("5202", "Lombok Tengah"), ("5206", "Bima"),
    ("5371", "Kupang"), ("5310", "Sikka"), ("5303", "Timor Tengah Selatan"), ("5312", "Ende"),
    ("6171", "Pontianak"), ("6172", "Singkawang"), ("6271", "Palangka Raya"),
    ("6371", "Banjarmasin"), ("6372", "Banjarbaru"), ("6303", "Banjar"),
    ("6471", "Balikpapan"), ("6472", "Samarinda"), ("6571", "Tarakan"),
    ("7171", "Manado"), ("7102", "Minahasa"), ("7172", "Bitung"), ("7271", "Palu"),
    ("7204", "Donggala"), ("7371", "Makassar"), ("7306", "Gowa"), ("7311", "Bone"),
    ("7314", "Soppeng"), ("7372", "Parepare"), ("7471", "Kendari"), ("7403", "Muna"),
    ("7571", "Gorontalo"), ("7604", "Mamuju"), ("8171", "Ambon"), ("8101", "Maluku Tengah"),
    ("8271", "Ternate"), ("9171", "Jayapura"), ("9103", "Biak Numfor"), ("9271", "Sorong"),
    ("9202", "Manokwari"),
)  # fmt: skip

# Naming style by province code; unlisted provinces use MELAYU.
JAWA, MELAYU, BATAK, BALI, TIMUR = range(5)
GAYA_PROVINSI: dict[str, tuple[tuple[int, float], ...]] = {
    "12": ((BATAK, 0.55), (MELAYU, 0.35), (JAWA, 0.10)),
    "31": ((JAWA, 0.65), (MELAYU, 0.20), (BATAK, 0.08), (TIMUR, 0.07)),
    "32": ((JAWA, 0.85), (MELAYU, 0.15)),
    "33": ((JAWA, 0.95), (MELAYU, 0.05)),
    "34": ((JAWA, 0.95), (MELAYU, 0.05)),
    "35": ((JAWA, 0.92), (MELAYU, 0.08)),
    "36": ((JAWA, 0.80), (MELAYU, 0.20)),
    "51": ((BALI, 0.85), (JAWA, 0.15)),
    "53": ((TIMUR, 0.85), (MELAYU, 0.15)),
    "71": ((TIMUR, 0.80), (MELAYU, 0.20)),
    "81": ((TIMUR, 0.55), (MELAYU, 0.45)),
    "91": ((TIMUR, 0.80), (JAWA, 0.20)),
    "92": ((TIMUR, 0.80), (JAWA, 0.20)),
}

DEPAN_L: tuple[tuple[str, ...], ...] = (
    (  # JAWA
        "Agus", "Bambang", "Budi", "Dwi", "Eko", "Joko", "Sutrisno", "Suparman", "Hadi",
        "Wahyu", "Yudi", "Teguh", "Bayu", "Andi", "Asep", "Dede", "Cecep", "Ujang", "Rudi",
        "Heru", "Slamet", "Sugeng", "Tri", "Aris", "Dimas", "Fajar", "Rizky", "Arief",
        "Hendra", "Imam", "Nugroho", "Prasetyo", "Sigit", "Gunawan", "Setyo", "Anton",
    ),
    (  # MELAYU
        "Muhammad", "Ahmad", "Abdul", "Rahmat", "Hasan", "Ilham", "Irfan", "Fadli", "Syahrul",
        "Zulkifli", "Andi", "Arif", "Rizal", "Taufik", "Hendri", "Syamsul", "Yusuf", "Ridwan",
        "Fauzan", "Hamdan", "Faisal", "Muhlis", "Samsul", "Herman", "Wahyu", "Amir",
    ),
    (  # BATAK
        "Robert", "Jhon", "Daniel", "Benny", "Hotman", "Parlindungan", "Tigor", "Martua",
        "Sahat", "Poltak", "Bonar", "Rudolf", "Togar", "Marihot", "Ricardo", "Samuel",
    ),
    (  # BALI
        "Wayan", "Made", "Nyoman", "Ketut", "Putu", "Gede", "Komang", "Kadek",
    ),
    (  # TIMUR
        "Yohanes", "Yosef", "Agustinus", "Fransiskus", "Petrus", "Markus", "Paulus", "Stefanus",
        "Yakobus", "Aloysius", "Frederik", "Hendrik", "Yulius", "Marthen", "Obed", "Simon",
    ),
)  # fmt: skip
DEPAN_P: tuple[tuple[str, ...], ...] = (
    (  # JAWA
        "Sri", "Siti", "Dewi", "Endang", "Tri", "Wulan", "Rina", "Yuni", "Ratna", "Ani",
        "Lestari", "Dian", "Eka", "Fitri", "Indah", "Kartika", "Nur", "Puji", "Retno",
        "Rini", "Sari", "Tuti", "Wahyuni", "Yanti", "Ayu", "Novi", "Ika", "Ernawati",
        "Nining", "Euis", "Neneng", "Imas", "Lilis", "Rahayu", "Susanti", "Purwanti",
    ),
    (  # MELAYU
        "Siti", "Nur", "Fatimah", "Aisyah", "Nurul", "Rahmawati", "Yulia", "Mardiana",
        "Rosmawati", "Nurhayati", "Zainab", "Halimah", "Aminah", "Maryam", "Syarifah",
        "Rahmah", "Wati", "Suryani", "Hasnah", "Fitriani", "Nurlela", "Intan",
    ),
    (  # BATAK
        "Rosmawati", "Lamria", "Tiurma", "Hotmauli", "Rumondang", "Nurmaida", "Dameria",
        "Sondang", "Lasmaria", "Romauli", "Ruth", "Debora", "Elisabet", "Mariani",
    ),
    (  # BALI
        "Luh", "Made", "Nyoman", "Ketut", "Putu", "Komang", "Kadek", "Ayu",
    ),
    (  # TIMUR
        "Maria", "Theresia", "Elisabeth", "Yuliana", "Agnes", "Katarina", "Martha", "Yohana",
        "Magdalena", "Veronika", "Fransiska", "Regina", "Marselina", "Florentina",
    ),
)  # fmt: skip
# Second and third name words (given or family names).
BELAKANG: tuple[tuple[str, ...], ...] = (
    (  # JAWA
        "Santoso", "Wibowo", "Susanto", "Setiawan", "Purnomo", "Hidayat", "Kurniawan",
        "Saputra", "Wijaya", "Prasetyo", "Nugroho", "Suryadi", "Handayani", "Lestari",
        "Rahayu", "Wulandari", "Susilowati", "Kusuma", "Pratama", "Permana", "Sulistyo",
        "Hartono", "Riyanto", "Sumarno", "Supriyadi", "Firmansyah", "Hermawan", "Sudrajat",
        "Maulana", "Ramadhan", "Utami", "Anggraini", "Puspitasari", "Wahyudi", "Mulyadi",
    ),
    (  # MELAYU
        "Rahman", "Hidayat", "Saputra", "Syahputra", "Hasibuan", "Hamid", "Ismail", "Yusuf",
        "Ibrahim", "Abdullah", "Hasanuddin", "Rasyid", "Fauzi", "Halim", "Ramli", "Aziz",
        "Zainuddin", "Amiruddin", "Daeng", "Irawan", "Kamaruddin", "Syahrir", "Effendi",
    ),
    (  # BATAK (marga)
        "Siregar", "Nasution", "Simanjuntak", "Harahap", "Lubis", "Sitompul", "Hutapea",
        "Panjaitan", "Sinaga", "Simatupang", "Situmorang", "Pardede", "Manurung", "Tambunan",
        "Silalahi", "Sihombing", "Pasaribu", "Napitupulu", "Sitorus", "Hutagalung",
    ),
    (  # BALI
        "Sudarsana", "Suartana", "Wirawan", "Arsana", "Sukerta", "Mahendra", "Adnyana",
        "Sudiartha", "Astawa", "Suparta", "Wijaya", "Dewi", "Suryani", "Lestari", "Sari",
    ),
    (  # TIMUR
        "Manafe", "Tefa", "Bria", "Seran", "Wenas", "Sumual", "Lumintang", "Pattiasina",
        "Latumahina", "Rumbiak", "Wanggai", "Kambu", "Ndun", "Bessie", "Laoh", "Rondonuwu",
    ),
)  # fmt: skip

# Education: (jurusan, gelar belakang). Gelar spellings follow common usage [I].
JURUSAN: dict[str, tuple[tuple[str, str], ...]] = {
    "SLTA": (("IPA", ""), ("IPS", ""), ("SMK Administrasi Perkantoran", ""),
             ("SMK Akuntansi", ""), ("SMK Teknik Komputer dan Jaringan", ""),
             ("SMK Pekerjaan Sosial", "")),
    "D1": (("Komputer Akuntansi", "A.P."), ("Administrasi Perkantoran", "A.P.")),
    "D2": (("Pendidikan Guru", "A.Ma."), ("Komputer", "A.Ma.")),
    "D3": (("Akuntansi", "A.Md.Ak."), ("Manajemen Informatika", "A.Md.Kom."),
           ("Administrasi Bisnis", "A.Md.A.B."), ("Keperawatan", "A.Md.Kep."),
           ("Kesejahteraan Sosial", "A.Md."), ("Perpustakaan", "A.Md.")),
    "D4": (("Pekerjaan Sosial", "S.Tr.Sos."), ("Rehabilitasi Sosial", "S.Tr.Sos."),
           ("Perlindungan dan Pemberdayaan Sosial", "S.Tr.Sos.")),
    "S1": (("Ilmu Kesejahteraan Sosial", "S.Sos."), ("Sosiologi", "S.Sos."),
           ("Ilmu Administrasi Negara", "S.AP."), ("Manajemen", "S.E."), ("Akuntansi", "S.E."),
           ("Ilmu Hukum", "S.H."), ("Psikologi", "S.Psi."), ("Teknik Informatika", "S.Kom."),
           ("Ilmu Komunikasi", "S.I.Kom."), ("Pendidikan Luar Biasa", "S.Pd."),
           ("Kesehatan Masyarakat", "S.K.M."), ("Statistika", "S.Stat."),
           ("Ilmu Pemerintahan", "S.IP."), ("Ekonomi Pembangunan", "S.E.")),
    "S2": (("Ilmu Kesejahteraan Sosial", "M.Si."), ("Administrasi Publik", "M.AP."),
           ("Manajemen", "M.M."), ("Psikologi Profesi", "M.Psi."), ("Ilmu Hukum", "M.H."),
           ("Sistem Informasi", "M.Kom."), ("Pekerjaan Sosial", "M.Kesos."),
           ("Kebijakan Publik", "M.Si.")),
    "S3": (("Ilmu Kesejahteraan Sosial", "M.Si."), ("Administrasi Publik", "M.AP."),
           ("Ilmu Manajemen", "M.M."), ("Sosiologi", "M.Si.")),
}  # fmt: skip

# Training catalogue: (name, smallest JP, largest JP) [I].
DIKLAT: tuple[tuple[str, int, int], ...] = (
    ("Webinar Literasi Digital ASN", 2, 4),
    ("E-Learning Manajemen ASN", 2, 8),
    ("Sosialisasi Penyusunan SKP", 2, 4),
    ("Sosialisasi Kode Etik dan Disiplin PNS", 2, 4),
    ("Bimbingan Teknis SIASN", 4, 8),
    ("Webinar Inovasi Pelayanan Publik", 2, 4),
    ("Bimbingan Teknis Data Terpadu Kesejahteraan Sosial", 8, 24),
    ("Bimbingan Teknis Manajemen Kasus", 8, 24),
    ("Workshop Pengelolaan Barang Milik Negara", 8, 16),
    ("Pelatihan Penanganan Anak Berhadapan dengan Hukum", 16, 40),
    ("Pelatihan Pendampingan Sosial Penyandang Disabilitas", 16, 40),
    ("Pelatihan Taruna Siaga Bencana", 16, 40),
    ("Pelatihan Fungsional Pekerja Sosial", 30, 60),
    ("Pelatihan Fungsional Penyuluh Sosial", 30, 60),
    ("Pelatihan Teknis Pengadaan Barang dan Jasa", 24, 40),
    ("Pelatihan Kepemimpinan Pengawas", 40, 60),
    ("Pelatihan Kepemimpinan Administrator", 40, 60),
)

# Post-2022 pelaksana titles (the simplified nomenclature) [I].
PELAKSANA: tuple[str, ...] = (
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Pengelola Layanan Operasional",
    "Operator Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Pengelola Umum Operasional",
)
#: The pre-simplification titles SIASN may still show for the same posts [I].
PELAKSANA_LAMA: tuple[str, ...] = (
    "Pengadministrasi Umum",
    "Pengelola Data",
    "Pengelola Kepegawaian",
    "Pengemudi",
    "Petugas Keamanan",
    "Pramu Bakti",
)

# Functional post families: (name, keahlian grades exist, keterampilan grades exist) [I].
JF: tuple[tuple[str, bool, bool], ...] = (
    ("Pekerja Sosial", True, True),  # 0
    ("Penyuluh Sosial", True, True),  # 1
    ("Analis Kebijakan", True, False),  # 2
    ("Perencana", True, False),  # 3
    ("Analis Sumber Daya Manusia Aparatur", True, False),  # 4
    ("Asesor Sumber Daya Manusia Aparatur", True, False),  # 5
    ("Auditor", True, True),  # 6
    ("Pranata Komputer", True, True),  # 7
    ("Statistisi", True, True),  # 8
    ("Analis Anggaran", True, False),  # 9
    ("Pranata Keuangan APBN", False, True),  # 10
    ("Analis Hukum", True, False),  # 11
    ("Pranata Hubungan Masyarakat", True, True),  # 12
    ("Arsiparis", True, True),  # 13
    ("Pengelola Pengadaan Barang/Jasa", True, False),  # 14
    ("Perawat", True, True),  # 15
    ("Psikolog Klinis", True, False),  # 16
    ("Guru", True, False),  # 17
    ("Bidan", True, True),  # 18
    ("Penyuluh Pertanian", True, True),  # 19
    ("Dokter", True, False),  # 20
)
# Families by unit kind (see units.py), with weights.
JF_UNIT: dict[str, tuple[tuple[int, float], ...]] = {
    "sdm": ((4, 5), (5, 2), (13, 1), (2, 1)),
    "keuangan": ((9, 4), (10, 4), (3, 1)),
    "perencanaan": ((3, 5), (2, 2), (8, 1)),
    "hukum": ((11, 5), (2, 2)),
    "umum": ((13, 3), (14, 3), (12, 1)),
    "humas": ((12, 5), (7, 1)),
    "data": ((7, 5), (8, 3)),
    "itjen": ((6, 8), (2, 1)),
    "teknis": ((0, 5), (1, 3), (2, 2), (3, 1)),
    "sentra": ((0, 8), (1, 2), (15, 2), (16, 1)),
    "pemda": ((17, 8), (15, 3), (18, 2), (19, 2), (20, 1), (2, 1), (7, 1), (13, 1)),
    "pusat": ((2, 3), (3, 2), (7, 1), (4, 1), (13, 1), (9, 1)),
}

GRADE_LABEL: dict[str, str] = {
    "AHLI_UTAMA": "Ahli Utama",
    "AHLI_MADYA": "Ahli Madya",
    "AHLI_MUDA": "Ahli Muda",
    "AHLI_PERTAMA": "Ahli Pertama",
    "PENYELIA": "Penyelia",
    "MAHIR": "Mahir",
    "TERAMPIL": "Terampil",
    "PEMULA": "Pemula",
}
