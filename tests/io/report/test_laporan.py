"""The report model is read from the result files, and leaves out with a note any
section whose files are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from bakat.domain.errors import InputError
from bakat.io.report.laporan import susun_laporan
from bakat.io.report.model import Bagian, GrafikKotak, Laporan
from tests.io.report.conftest import FILES, JAHAT, write_folder


def _bagian(laporan: Laporan, kunci: str) -> Bagian:
    return next(b for b in laporan.bagian if b.kunci == kunci)


def _fakta(bagian: Bagian, label: str) -> object:
    return next(f.nilai for f in bagian.fakta if f.label == label)


def test_it_builds_every_section_in_reading_order(hasil: Path) -> None:
    laporan = susun_laporan(hasil)
    assert [b.kunci for b in laporan.bagian] == [
        "cakupan", "kotak", "suksesi", "proyeksi", "kualitas", "jp", "rekonsiliasi", "sinyal",
    ]  # fmt: skip
    assert laporan.tidak_ada == ()
    assert laporan.tanggal_acuan == "2025-10-17"
    assert laporan.kebijakan == "nasional-2025 2025.1"


def test_it_reads_the_coverage(hasil: Path) -> None:
    cakupan = _bagian(susun_laporan(hasil), "cakupan")
    assert cakupan.pengantar.startswith("2.757 dari 3.414 pegawai terpetakan (80,8%)")
    assert _fakta(cakupan, "Terpetakan") == 2757
    alasan = cakupan.tabel[0].frame
    assert dict(zip(alasan["alasan"], alasan["jumlah"], strict=True))["cpns"] == 226
    unit = cakupan.tabel[2].frame
    assert unit["nama"][0] == JAHAT  # the lowest coverage first


def test_it_counts_people_per_box_from_the_placements(hasil: Path) -> None:
    kotak = _bagian(susun_laporan(hasil), "kotak")
    grid = kotak.grafik[0]
    assert isinstance(grid, GrafikKotak)
    assert dict(grid.jumlah) == {1: 0, 2: 0, 3: 0, 4: 1, 5: 0, 6: 0, 7: 0, 8: 2, 9: 1}
    assert grid.total == 4
    assert _fakta(kotak, "Masuk kelompok talenta") == 2
    assert _fakta(kotak, "Dikecualikan: Menjelang batas usia pensiun") == 1


def test_it_reads_succession_risk_and_the_forecast(hasil: Path) -> None:
    laporan = susun_laporan(hasil)
    suksesi = _bagian(laporan, "suksesi")
    assert _fakta(suksesi, "Jabatan target") == 3
    assert _fakta(suksesi, "Jabatan target tanpa suksesor siap") == 2
    assert _fakta(suksesi, "Jabatan berisiko") == 1
    assert _fakta(suksesi, "Rata-rata suksesor per jabatan") == pytest.approx(5 / 3)
    proyeksi = _bagian(laporan, "proyeksi")
    # The per-agency rows only: the unit row (99 retirements) is a breakdown of them.
    assert _fakta(proyeksi, "Pensiun dalam 5 tahun") == 24
    assert _fakta(proyeksi, "Pemangku pensiun tanpa suksesor siap") == 1


def test_it_reads_quality_reconciliation_and_signals(hasil: Path) -> None:
    laporan = susun_laporan(hasil)
    kualitas = _bagian(laporan, "kualitas")
    assert _fakta(kualitas, "Indeks kualitas data") == pytest.approx(99.77)
    assert _fakta(kualitas, "Temuan Galat (error)") == 5
    assert kualitas.catatan and "1 aturan dilewati" in kualitas.catatan[0]
    jp = _bagian(laporan, "jp")
    assert _fakta(jp, "Persentase mencapai 20 JP") == pytest.approx(85.4)
    assert _fakta(jp, "Unit di bawah target") == 1
    assert _fakta(jp, "Pegawai dengan rencana pengembangan (IDP)") == 2
    rekonsiliasi = _bagian(laporan, "rekonsiliasi")
    assert _fakta(rekonsiliasi, "Baris perbedaan") == 102
    assert _fakta(rekonsiliasi, "Dikoreksi BKN") == 47
    assert _fakta(rekonsiliasi, "Usulan koreksi ke BKN") == 2
    sinyal = _bagian(laporan, "sinyal")
    assert _fakta(sinyal, "Unit perlu ditelaah") == 1
    assert _fakta(sinyal, "Kelompok perlu ditelaah (masuk kelompok talenta)") == 1


def test_it_undoes_the_formula_guard_of_the_result_files(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "hasil")
    (folder / "usulan_bkn.csv").write_text("nip,nama\n1,'=SUM(A1)\n", encoding="utf-8")
    rekonsiliasi = _bagian(susun_laporan(folder), "rekonsiliasi")
    usulan = rekonsiliasi.tabel[-1].frame
    assert usulan["nama"].to_list() == ["=SUM(A1)"]


@pytest.mark.parametrize(
    ("absent", "section", "note"),
    [
        (frozenset({"ringkasan_rekonsiliasi.csv"}), "rekonsiliasi", "rekonsiliasi"),
        (frozenset({"kekuatan_suksesi.csv"}), "suksesi", "suksesi"),
        (frozenset({"proyeksi.csv"}), "proyeksi", "proyeksi"),
        (frozenset({"kalibrasi.csv", "keadilan.csv"}), "sinyal", "kalibrasi"),
        (frozenset({"indeks_kualitas.csv", "ringkasan_aturan.csv"}), "kualitas", "kualitas"),
    ],
)
def test_it_leaves_out_a_section_whose_files_are_absent(
    tmp_path: Path, absent: frozenset[str], section: str, note: str
) -> None:
    laporan = susun_laporan(write_folder(tmp_path / "hasil", skip=absent))
    assert section not in [b.kunci for b in laporan.bagian]
    assert any(note in catatan for catatan in laporan.tidak_ada)


def test_it_counts_succession_from_the_successor_list_without_the_strength_file(
    tmp_path: Path,
) -> None:
    folder = write_folder(tmp_path / "hasil", skip=frozenset({"kekuatan_suksesi.csv"}))
    (folder / "suksesi.csv").write_text(
        "jabatan_id,peringkat,nip,skor,kesiapan\nJ1,1,1,90.00,siap_sekarang\n"
        "J1,2,2,80.00,siap_1_2_tahun\nJ2,1,3,70.00,potensi_masa_depan\n",
        encoding="utf-8",
    )
    suksesi = _bagian(susun_laporan(folder), "suksesi")
    assert _fakta(suksesi, "Jabatan target") == 2
    assert _fakta(suksesi, "Jabatan target tanpa suksesor siap") == 1


def test_an_empty_folder_gives_a_report_of_notes(tmp_path: Path) -> None:
    laporan = susun_laporan(write_folder(tmp_path / "kosong", skip=frozenset(FILES)))
    assert laporan.bagian == ()
    assert len(laporan.tidak_ada) == 8
    assert laporan.tanggal_acuan is None


def test_it_refuses_a_result_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder hasil tidak ditemukan"):
        susun_laporan(tmp_path / "tidak-ada")


def test_it_adds_a_table_per_agency_when_the_data_names_agencies(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "hasil")
    (folder / "cakupan.csv").write_text(
        "dimensi,instansi,kelompok,nama,jumlah_pegawai,terpetakan,tidak_terpetakan,"
        "persen_terpetakan,cpns\n"
        "semua,,,,30,20,10,66.67,10\n"
        "instansi,A,A,,10,10,0,100.00,0\ninstansi,B,B,,20,10,10,50.00,10\n"
        "unit_kerja,A,A.01,Biro A,10,10,0,100.00,0\nunit_kerja,B,B.01,Biro B,20,10,10,50.00,10\n",
        encoding="utf-8",
    )
    (folder / "indeks_kualitas.csv").write_text(
        "cakupan,instansi,unit_kerja,jumlah_pegawai,indeks\n"
        "semua,,,30,99.00\ninstansi,A,,10,98.00\nunit,A,A.01,10,98.00\nunit,B,B.01,20,99.50\n",
        encoding="utf-8",
    )
    laporan = susun_laporan(folder)
    cakupan = _bagian(laporan, "cakupan")
    per_instansi = next(t for t in cakupan.tabel if t.sheet == "Cakupan per Instansi")
    assert per_instansi.frame["kelompok"].to_list() == ["A", "B"]
    unit = next(
        t for t in _bagian(laporan, "kualitas").tabel if t.sheet == "Kualitas Data per Unit"
    )
    assert dict(zip(unit.frame["unit_kerja"], unit.frame["nama"], strict=True)) == {
        "A.01": "Biro A",
        "B.01": "Biro B",
    }
