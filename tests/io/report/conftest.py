"""A tiny hand-made result folder: the files the batch steps write, with a few rows each.

The numbers are chosen so that a reader can check them by hand: 2.757 of 3.414 people
placed (80,8%); one unit's name carries markup that must come out inert.
"""

from __future__ import annotations

from pathlib import Path

import pytest

#: A unit name that would run a script if it were not escaped.
JAHAT = "<script>alert('x')</script> & Co"

FILES = {
    "cakupan.csv": (
        "dimensi,kelompok,nama,jumlah_pegawai,terpetakan,tidak_terpetakan,persen_terpetakan,"
        "tidak_aktif,cpns,skp_kurang_dari_2_tahun,tanpa_asesmen,asesmen_kedaluwarsa\n"
        "semua,,,3414,2757,657,80.76,41,226,198,127,65\n"
        f'unit_kerja,U.01,"{JAHAT}",20,10,10,50.00,0,5,5,0,0\n'
        "unit_kerja,U.02,Biro Umum,3394,2747,647,80.94,41,221,193,127,65\n"
        "jenjang_jabatan,PELAKSANA,,976,790,186,80.94,10,100,40,30,6\n"
        "jenjang_jabatan,JPT_PRATAMA,,27,23,4,85.19,0,0,2,1,1\n"
    ),
    "pemetaan.csv": (
        "nip,terpetakan,alasan,level_kinerja,level_potensi,kotak,tanggal_acuan\n"
        "1,true,,atas,tinggi,9,2025-10-17\n"
        "2,true,,sesuai,tinggi,8,2025-10-17\n"
        "3,true,,sesuai,tinggi,8,2025-10-17\n"
        "4,true,,atas,rendah,4,2025-10-17\n"
        "5,false,cpns,,,,2025-10-17\n"
    ),
    "kelompok_talenta.csv": (
        "nip,kotak,masuk,alasan_pengecualian\n1,9,true,\n2,8,false,menjelang_bup\n3,8,true,\n"
    ),
    "indeks_kualitas.csv": (
        "cakupan,unit_kerja,jumlah_pegawai,pasangan_diperiksa,pasangan_lulus,kelengkapan,"
        "akurasi,konsistensi,ketepatan_waktu,indeks\n"
        "semua,,3414,1000,990,99.98,99.99,99.88,99.24,99.77\n"
        "unit,U.01,20,100,90,90.00,100.0,100.0,92.86,95.72\n"
        "unit,U.02,3394,900,900,100.0,100.0,100.0,100.0,100.0\n"
    ),
    "ringkasan_aturan.csv": (
        "aturan,nama_aturan,tingkat,dimensi,tabel,kolom,jumlah,dijalankan,keterangan,dasar\n"
        "V01,nip_bukan_18_digit,error,akurasi,pegawai,nip,5,true,,Perka BKN 22/2007\n"
        "V34,jp_kurang_dari_batas,warning,ketepatan_waktu,pegawai,nip,438,true,,PP 11/2017\n"
        "V07,nip_lama_bukan_9_digit,warning,akurasi,pegawai,nip_lama,,false,kolom tidak ada,x\n"
    ),
    "ringkasan_rekonsiliasi.csv": (
        "status,kolom,pihak,jumlah_baris,jumlah_rekaman\n"
        "beda,nama,bkn,23,23\nbeda,golongan,instansi,18,18\n"
        "cocok_fuzzy,nip,bkn,24,24\nhanya_lokal,,instansi,17,17\nhanya_siasn,,instansi,20,20\n"
    ),
    "usulan_bkn.csv": (
        "nip_siasn,nip,nama,kolom,nilai_siasn,nilai_usulan\n"
        "1,1,Budi,nama,BUDl,Budi\n2,2,=HYPERLINK(1),nama,X,Y\n"
    ),
    "kalibrasi.csv": (
        "unit_kerja,unit_kerja_nama,termasuk_subunit,terpetakan,kotak_1,kotak_2,kotak_3,"
        "kotak_4,kotak_5,kotak_6,kotak_7,kotak_8,kotak_9,persen_talenta_unit,"
        "persen_talenta_acuan,kotak_digabung,chi_kuadrat,derajat_bebas,p_nilai,p_terkoreksi,"
        "cramer_v,besaran_efek,status,catatan\n"
        "K,Kementerian,true,2757,0,0,88,0,286,305,11,1894,173,75.37,,,,,,,,,acuan,"
        "seluruh_instansi\n"
        "U.01,Biro Satu,true,65,0,0,3,0,5,3,0,46,8,83.08,75.19,3;7;9,6.3649,3,0.001,0.01,"
        "0.3480,sedang,perlu_ditelaah,\n"
        "U.02,Biro Dua,true,10,0,0,3,0,5,2,0,0,0,0,75.19,,,,,,,,tidak_cukup_data,unit_kecil\n"
    ),
    "keadilan.csv": (
        "seleksi,dimensi,kelompok,nama,jumlah,terpilih,tingkat,ci_bawah,ci_atas,"
        "kelompok_acuan,tingkat_acuan,rasio,di_bawah_ambang,status\n"
        "kelompok_talenta,jenis_kelamin,L,,1231,891,0.7238,0.6982,0.7481,L,0.7238,1.0000,"
        "false,tidak_ada_sinyal\n"
        "kelompok_talenta,kelompok_usia,50+,,300,150,0.5000,0.44,0.56,40-49,0.7767,0.6437,"
        "true,perlu_ditelaah\n"
    ),
    "kekuatan_suksesi.csv": (
        "jabatan_id,nama,unit_kerja,jenjang_jabatan,alasan_target,nip_pemangku,jumlah_kandidat,"
        "jumlah_suksesor,jumlah_siap_sekarang,jumlah_siap_1_2_tahun,"
        "jumlah_potensi_masa_depan,ada_suksesor_pertama,suksesor_di_daftar_lain,berisiko\n"
        "J1,Kepala Biro,U.01,JPT_PRATAMA,lowong,,5,3,1,2,0,true,0,false\n"
        "J2,Kepala Bagian,U.01,ADMINISTRATOR,pensiun,9,2,2,0,2,0,true,1,true\n"
        "J3,Kepala Subbagian,U.02,PENGAWAS,kritikal,8,0,0,0,0,0,false,0,false\n"
    ),
    "proyeksi.csv": (
        "cakupan,unit_kerja,jenjang_jabatan,tahun,pegawai_aktif,pensiun,pensiun_kumulatif,"
        "pensiun_pemangku,pemangku_suksesor_siap,pemangku_tanpa_suksesor_siap,"
        "kelompok_talenta_di_bawah,kekurangan\n"
        "instansi,,PELAKSANA,2025,900,10,10,0,0,0,,\n"
        "instansi,,ADMINISTRATOR,2025,50,2,2,2,1,1,30,0\n"
        "instansi,,PELAKSANA,2026,890,12,22,0,0,0,,\n"
        "unit,U.01,PELAKSANA,2025,20,99,99,0,0,0,,\n"
    ),
    "kepatuhan_jp.csv": (
        "cakupan,unit_kerja,unit_kerja_nama,nip,tahun,dinilai,jp_tahun,memenuhi,"
        "pegawai_dinilai,pegawai_memenuhi,persen_memenuhi,target_persen,target_tercapai\n"
        "semua,,,,2024,,,,3001,2563,85.40,80.00,true\n"
        "unit,U.01,Biro Satu,,2024,,,,10,5,50.00,80.00,false\n"
        "unit,U.02,Biro Dua,,2024,,,,2991,2558,85.52,80.00,true\n"
        "pegawai,U.01,Biro Satu,1,2024,true,12,false,,,,,\n"
    ),
    "idp.csv": "nip,kegiatan\n1,coaching\n1,mentoring\n2,coaching\n",
    "kebijakan.toml": 'id = "nasional-2025"\nversi = "2025.1"\n',
}


def write_folder(folder: Path, skip: frozenset[str] = frozenset()) -> Path:
    """Write the hand-made result files into ``folder`` (except those in ``skip``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        if name not in skip:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def hasil(tmp_path: Path) -> Path:
    """A result folder with every file."""
    return write_folder(tmp_path / "hasil")
