"""The retirement forecast (proyeksi.csv) on a hand-made agency."""

from __future__ import annotations

from datetime import date

from tests.engine.development.records import jabatan, pegawai, rows, run

# A.year = 2025: the forecast covers 2025-2029.
PEOPLE = [
    # ADMINISTRATOR (BUP 58) retiring 2026-04-01; holds P1.
    pegawai("1", jenjang_jabatan="ADMINISTRATOR", tanggal_lahir=date(1968, 3, 10)),
    # Past the BUP (2025-02-01) and still active: counted in 2025; holds P2.
    pegawai("2", jenjang_jabatan="ADMINISTRATOR", tanggal_lahir=date(1967, 1, 1)),
    # PENGAWAS of unit U2 retiring 2028-06-01.
    pegawai("3", jenjang_jabatan="PENGAWAS", unit_kerja="U2", tanggal_lahir=date(1970, 5, 5)),
    # Pool members one step below ADMINISTRATOR (PENGAWAS, AHLI_MUDA).
    pegawai("4", jenjang_jabatan="PENGAWAS", tanggal_lahir=date(1990, 1, 1)),
    pegawai("5", jenjang_jabatan="AHLI_MUDA", tanggal_lahir=date(1990, 1, 1)),
    # A pool member who retires on 2026-07-01.
    pegawai("6", jenjang_jabatan="PENGAWAS", tanggal_lahir=date(1968, 6, 1)),
    # No birth date: no retirement date. An entry grade.
    pegawai("7", jenjang_jabatan="PELAKSANA", tanggal_lahir=None),
    # Inactive: left out.
    pegawai(
        "8", jenjang_jabatan="ADMINISTRATOR", tanggal_lahir=date(1967, 5, 1), status_aktif=False
    ),
]
POSTS = [jabatan("P1", nip_pemangku="1"), jabatan("P2", nip_pemangku="2"), jabatan("P3")]
SUCCESSORS = [
    {"jabatan_id": "P1", "peringkat": 1, "nip": "4", "kesiapan": "siap_1_2_tahun"},
    {"jabatan_id": "P1", "peringkat": 2, "nip": "5", "kesiapan": "potensi_masa_depan"},
    {"jabatan_id": "P2", "peringkat": 1, "nip": "5", "kesiapan": "siap_sekarang"},
]
BOXES = {"4": 8, "5": 9, "6": 7}
YEARS = range(2025, 2030)


def _forecast() -> list[dict[str, object]]:
    result = run(people=PEOPLE, posts=POSTS, successors=SUCCESSORS, boxes=BOXES)
    assert [result.ringkasan[f"pensiun_{y}"] for y in range(2025, 2030)] == [1, 2, 0, 1, 0]
    return rows(result, "proyeksi.csv")


def _pick(table: list[dict[str, object]], scope: str, grade: str, unit: str | None = None):  # type: ignore[no-untyped-def]
    return {
        r["tahun"]: r
        for r in table
        if r["cakupan"] == scope and r["jenjang_jabatan"] == grade and r["unit_kerja"] == unit
    }


def test_it_counts_retirements_per_year_against_ready_successors() -> None:
    admin = _pick(_forecast(), "instansi", "ADMINISTRATOR")
    columns = (
        "pegawai_aktif",
        "pensiun",
        "pensiun_kumulatif",
        "pensiun_pemangku",
        "pemangku_suksesor_siap",
        "pemangku_tanpa_suksesor_siap",
        "kelompok_talenta_di_bawah",
        "kekurangan",
    )
    got = {year: tuple(row[c] for c in columns) for year, row in admin.items()}
    assert got == {
        # 2: the successor of P2 is ready now. Pool below: 4, 5 and 6 (6 leaves in 2026).
        2025: (2, 1, 1, 1, 1, 0, 3, 0),
        # 1: P1's successor is ready only from 2027.
        2026: (2, 1, 2, 1, 0, 1, 2, 0),
        2027: (2, 0, 2, 0, 0, 0, 2, 0),
        2028: (2, 0, 2, 0, 0, 0, 2, 0),
        2029: (2, 0, 2, 0, 0, 0, 2, 0),
    }


def test_it_shows_the_shortfall_where_no_pool_feeds_the_grade() -> None:
    pengawas = _pick(_forecast(), "instansi", "PENGAWAS")
    shortfall = {
        year: (row["pensiun_kumulatif"], row["kekurangan"]) for year, row in pengawas.items()
    }
    assert shortfall == {2025: (0, 0), 2026: (1, 1), 2027: (1, 1), 2028: (2, 2), 2029: (2, 2)}


def test_an_entry_grade_has_no_pool_to_compare() -> None:
    pelaksana = _pick(_forecast(), "instansi", "PELAKSANA")
    assert {r["kelompok_talenta_di_bawah"] for r in pelaksana.values()} == {None}
    assert {r["kekurangan"] for r in pelaksana.values()} == {None}
    assert {r["pensiun"] for r in pelaksana.values()} == {0}


def test_unit_rows_start_with_the_first_retirement() -> None:
    table = _forecast()
    units = [
        (r["unit_kerja"], r["jenjang_jabatan"], r["tahun"], r["pensiun"])
        for r in table
        if r["cakupan"] == "unit"
    ]
    assert units == [
        *(("U1", "ADMINISTRATOR", y, n) for y, n in zip(YEARS, (1, 1, 0, 0, 0), strict=True)),
        *(("U1", "PENGAWAS", y, n) for y, n in zip(YEARS[1:], (1, 0, 0, 0), strict=True)),
        ("U2", "PENGAWAS", 2028, 1),
        ("U2", "PENGAWAS", 2029, 0),
    ]
    assert table[0]["cakupan"] == "instansi"


def test_without_successors_no_holder_is_covered() -> None:
    result = run(people=PEOPLE, posts=POSTS, boxes=BOXES)
    table = rows(result, "proyeksi.csv")
    assert sum(r["pemangku_suksesor_siap"] for r in table) == 0
    assert result.catatan
