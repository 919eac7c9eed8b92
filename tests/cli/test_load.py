"""``bakat load DATA``: into the web database, one audit event; a bad file exits 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.parquet_support import damage_nama
from tests.web.cli_support import bakat, small_agency


def test_it_loads_a_folder_maps_it_and_reports_the_counts(tmp_path: Path) -> None:
    data = small_agency(tmp_path / "data")
    result = bakat(tmp_path / "web", "load", data, "--as-of", "2025-10-17")
    assert result.returncode == 0, result.stderr
    assert "60 pegawai baru" in result.stdout
    assert "dari 60 pegawai terpetakan" in result.stdout
    with sqlite3.connect(tmp_path / "web" / "bakat.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM personnel_pegawai").fetchone() == (60,)
        assert db.execute("SELECT count(*) FROM talent_penempatan").fetchone() == (60,)
        assert db.execute("SELECT count(*) FROM succession_successionrun").fetchone() == (1,)
        events = db.execute("SELECT jenis FROM audit_auditevent ORDER BY id").fetchall()
        assert events == [("data.dimuat",), ("talenta.dipetakan",), ("suksesi.dihitung",)]


def test_a_missing_column_exits_2_naming_the_file_and_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "pegawai.csv").write_text("nama,golongan\nBudi,III/a\n", encoding="utf-8")
    result = bakat(tmp_path / "web", "load", data, "--as-of", "2025-10-17")
    assert result.returncode == 2
    assert "pegawai.csv" in result.stderr and "nip" in result.stderr
    with sqlite3.connect(tmp_path / "web" / "bakat.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM personnel_pegawai").fetchone() == (0,)


def test_a_damaged_parquet_column_exits_2_and_changes_nothing(tmp_path: Path) -> None:
    data = small_agency(tmp_path / "data")
    path = damage_nama(data)
    result = bakat(tmp_path / "web", "load", data, "--as-of", "2025-10-17")
    assert result.returncode == 2, result.stderr
    message = " ".join(result.stderr.split())
    assert str(path) in message and "kolom 'nama'" in message
    assert "Traceback" not in result.stderr
    with sqlite3.connect(tmp_path / "web" / "bakat.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM personnel_pegawai").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM audit_auditevent").fetchone() == (0,)
