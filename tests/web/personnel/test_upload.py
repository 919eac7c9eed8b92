"""The upload page: files -> preview with the findings -> confirm -> one load by the
admin with one audit event; a bad file is refused naming file, row and column and
changes nothing; only the HR admin may use it, and only with their own pending upload."""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import xlsxwriter
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bakat.domain.errors import InputError
from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.audit.models import AuditEvent
from bakat.web.audit.verify import verify
from bakat.web.personnel import upload
from bakat.web.personnel.models import Muatan, Pegawai
from bakat.web.personnel.store import sha256_of
from bakat.web.personnel.views_upload import KUNCI_SESI
from tests.parquet_support import damage_nama
from tests.web.conftest import Cast

AS_OF = date(2025, 10, 17)
SEMUA = ("pegawai.csv", "kinerja.csv", "asesmen.csv", "siasn.xlsx", "unit_kerja.csv")


def _client(cast: Cast, role: str = "admin") -> Client:
    client = Client()
    client.force_login(cast.users[role])
    return client


def _file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _from(folder: Path, *names: str) -> list[SimpleUploadedFile]:
    return [_file(name, (folder / name).read_bytes()) for name in names]


def _post(client: Client, cast: Cast, files: list[SimpleUploadedFile], **extra: Any) -> Any:
    data = {
        "instansi": cast.ins_a.pk,
        "as_of": AS_OF.isoformat(),
        "kebijakan": "nasional-2025",
        "berkas": files,
        **extra,
    }
    return client.post(reverse("pegawai_unggah"), data)


def _staged() -> list[Path]:
    root = upload.folder_unggahan()
    return sorted(root.iterdir()) if root.is_dir() else []


def _nothing_loaded(cast: Cast) -> None:
    assert Pegawai.objects.count() == 4  # the cast only
    assert not Muatan.objects.exists()
    assert not AuditEvent.objects.filter(jenis="data.dimuat").exists()


@pytest.fixture(autouse=True)
def _empty_staging() -> None:
    for entry in _staged():
        upload.hapus(entry)


def test_the_admin_gets_the_form_with_today_and_both_policy_presets(cast: Cast) -> None:
    response = _client(cast).get(reverse("pegawai_unggah"))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'type="file" name="berkas"' in body and "multiple" in body
    assert "nasional-2025" in body and "jpm" in body
    assert response.context["form"].initial["as_of"] == timezone.localdate()


@pytest.mark.parametrize(
    ("role", "shown"), [("admin", True), ("analis", False), ("auditor", False), ("nasional", False)]
)
def test_the_navigation_shows_the_upload_link_to_admins_only(
    cast: Cast, role: str, shown: bool
) -> None:
    body = _client(cast, role).get(reverse("beranda")).content.decode()
    assert (f'href="{reverse("pegawai_unggah")}"' in body) is shown


def test_the_upload_page_speaks_english_on_request(cast: Cast) -> None:
    client = _client(cast)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("pegawai_unggah")).content.decode()
    assert "Upload and preview" in body and "Unggah dan pratinjau" not in body


def test_a_good_set_of_files_is_previewed_with_counts_and_nothing_is_stored(
    cast: Cast, small_agency: Path
) -> None:
    response = _post(_client(cast), cast, _from(small_agency, *SEMUA))
    assert response.status_code == 200
    assert response.templates[0].name == "personnel/unggah_pratinjau.html"
    p = response.context["p"]
    baris = {t.tabel: t.baris for t in p.tabel}
    expected = pl.read_csv(small_agency / "pegawai.csv", infer_schema=False).height
    assert baris["pegawai"] == expected == 120
    assert set(baris) == {"pegawai", "kinerja", "asesmen", "siasn", "unit_kerja"}
    assert p.jumlah_temuan == sum(p.per_tingkat.values()) > 0
    assert p.disparitas is not None and p.disparitas > 0
    assert p.aturan and p.aturan[0]["n"] >= p.aturan[-1]["n"]
    # Cast members whose NIP the file also holds are updates, the rest are new.
    cast_nips = set(Pegawai.objects.values_list("nip", flat=True))
    file_nips = set(pl.read_csv(small_agency / "pegawai.csv", infer_schema=False)["nip"])
    assert p.pegawai_baru == len(file_nips - cast_nips)
    assert p.pegawai_baru + p.pegawai_diubah <= len(file_nips)
    assert 'name="token"' in response.content.decode()
    _nothing_loaded(cast)
    (folder,) = _staged()
    assert sorted(q.name for q in folder.iterdir()) == sorted(SEMUA)


def test_confirming_loads_the_files_with_one_audit_event_by_the_admin(
    cast: Cast, small_agency: Path
) -> None:
    client = _client(cast)
    preview = _post(client, cast, _from(small_agency, *SEMUA))
    token = preview.context["token"]
    response = client.post(reverse("pegawai_unggah_konfirmasi"), {"token": token})
    muatan = Muatan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("pegawai_unggah_hasil", args=[muatan.pk])
    assert muatan.instansi == cast.ins_a
    file_nips = set(pl.read_csv(small_agency / "pegawai.csv", infer_schema=False)["nip"])
    assert file_nips <= set(
        Pegawai.objects.filter(instansi=cast.ins_a).values_list("nip", flat=True)
    )
    (event,) = AuditEvent.objects.filter(jenis="data.dimuat")
    assert event.aktor == cast.users["admin"]
    assert event.instansi == cast.ins_a
    assert event.perubahan["pegawai_baru"] == preview.context["p"].pegawai_baru
    assert event.perubahan["disparitas"] == preview.context["p"].disparitas
    digest = sha256_of(small_agency / "pegawai.csv")
    assert event.perubahan["berkas"]["pegawai.csv"] == digest
    assert (Path(settings.BAKAT_FILE_STORE) / digest[:2] / f"{digest}.csv").is_file()
    assert verify().utuh
    assert _staged() == []
    assert KUNCI_SESI not in client.session
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert digest in page.content.decode() and "admin" in page.content.decode()


def test_confirming_also_maps_the_agency_and_plans_its_succession(
    cast: Cast, small_agency: Path
) -> None:
    from bakat.web.succession.models import SuccessionRun
    from bakat.web.talent.models import PlacementRun

    client = _client(cast)
    token = _post(client, cast, _from(small_agency, *SEMUA)).context["token"]
    client.post(reverse("pegawai_unggah_konfirmasi"), {"token": token})
    run = PlacementRun.objects.get(instansi=cast.ins_a)
    # Everyone in the uploaded file (the cast's own records are not in it).
    file_nips = set(pl.read_csv(small_agency / "pegawai.csv", infer_schema=False)["nip"])
    assert run.jumlah_pegawai == len(file_nips) == 120
    assert SuccessionRun.objects.filter(instansi=cast.ins_a).count() == 1
    events = AuditEvent.objects.filter(aktor=cast.users["admin"]).order_by("pk")
    assert [e.jenis for e in events if e.jenis != "data.dibaca"][-3:] == [
        "data.dimuat",
        "talenta.dipetakan",
        "suksesi.dihitung",
    ]
    assert verify().utuh


def test_a_second_confirm_of_the_same_token_is_refused(cast: Cast, small_agency: Path) -> None:
    client = _client(cast)
    token = _post(client, cast, _from(small_agency, "pegawai.csv")).context["token"]
    client.post(reverse("pegawai_unggah_konfirmasi"), {"token": token})
    again = client.post(reverse("pegawai_unggah_konfirmasi"), {"token": token}, follow=True)
    assert "kedaluwarsa" in again.content.decode()
    assert AuditEvent.objects.filter(jenis="data.dimuat").count() == 1


def test_an_xlsx_file_written_by_a_spreadsheet_is_loaded(
    cast: Cast, small_agency: Path, tmp_path: Path
) -> None:
    frame = pl.read_csv(small_agency / "pegawai.csv", infer_schema=False)
    path = tmp_path / "pegawai.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("Pegawai")
        sheet.write_row(0, 0, frame.columns)
        for i, row in enumerate(frame.iter_rows(), start=1):
            sheet.write_row(i, 0, ["" if v is None else v for v in row])
    client = _client(cast)
    preview = _post(client, cast, _from(tmp_path, "pegawai.xlsx"))
    assert {t.tabel: t.baris for t in preview.context["p"].tabel} == {"pegawai": frame.height}
    client.post(reverse("pegawai_unggah_konfirmasi"), {"token": preview.context["token"]})
    (event,) = AuditEvent.objects.filter(jenis="data.dimuat")
    assert event.perubahan["berkas"] == {"pegawai.xlsx": sha256_of(path)}
    assert Pegawai.objects.filter(instansi=cast.ins_a).count() >= frame.height


def _pegawai_lines(small_agency: Path) -> list[str]:
    return (small_agency / "pegawai.csv").read_text(encoding="utf-8").splitlines()[:6]


def _without_first_column(lines: list[str]) -> list[str]:
    return [line.split(",", 1)[1] for line in lines]


def _broken(
    case: str, small_agency: Path
) -> tuple[SimpleUploadedFile, str, int | None, str | None]:
    """An uploaded file and the file, row and column its refusal must name."""
    lines = _pegawai_lines(small_agency)
    if case == "kolom wajib hilang":
        body = _without_first_column(lines)
        return _file("pegawai.csv", "\n".join(body).encode()), "pegawai.csv", 1, "nip"
    if case == "nip berulang":
        body = [*lines, lines[2]]
        return _file("pegawai.csv", "\n".join(body).encode()), "pegawai.csv", 7, "nip"
    if case == "judul ganda":
        body = [lines[0].replace("nama,", "NIP,", 1), *lines[1:]]
        return _file("pegawai.csv", "\n".join(body).encode()), "pegawai.csv", 1, "nip, NIP"
    if case == "baris terlalu panjang":
        body = [*lines[:3], lines[3] + ",x,y", *lines[4:]]
        return _file("Pegawai.CSV", "\n".join(body).encode()), "pegawai.csv", 4, "ke-25"
    if case == "instansi lain":
        body = [lines[0] + ",instansi", *(f"{line},INS-B" for line in lines[1:])]
        return _file("pegawai.csv", "\n".join(body).encode()), "pegawai.csv", 2, "instansi"
    if case == "xlsx rusak":
        return _file("pegawai.xlsx", b"bukan zip"), "pegawai.xlsx", None, None
    if case == "nama tak dikenal":
        return _file("karyawan.csv", "\n".join(lines).encode()), "karyawan.csv", None, None
    if case == "program":
        return _file("pegawai.exe", b"MZ\x90\x00"), "pegawai.exe", None, None
    if case == "jalur":
        # Django keeps only the last part of a path; a drive prefix survives it.
        return _file("C:pegawai.csv", "\n".join(lines).encode()), "C:pegawai.csv", None, None
    raise AssertionError(case)


@pytest.mark.parametrize(
    "case",
    [
        "kolom wajib hilang",
        "nip berulang",
        "judul ganda",
        "baris terlalu panjang",
        "instansi lain",
        "xlsx rusak",
        "nama tak dikenal",
        "program",
        "jalur",
    ],
)
def test_a_bad_file_is_refused_naming_file_row_and_column_and_nothing_changes(
    cast: Cast, small_agency: Path, case: str
) -> None:
    file, berkas, baris, kolom = _broken(case, small_agency)
    extra = _from(small_agency, "kinerja.csv") if case != "nama tak dikenal" else []
    response = _post(_client(cast), cast, [file, *extra])
    assert response.status_code == 200
    galat = response.context["galat"]
    assert (galat.berkas, galat.baris, galat.kolom) == (berkas, baris, kolom)
    body = response.content.decode()
    assert 'id="galat-unggah"' in body
    assert str(settings.BAKAT_FILE_STORE) not in body  # no server path is shown
    _nothing_loaded(cast)
    assert _staged() == []


def test_a_damaged_parquet_column_is_refused_naming_file_and_column(
    cast: Cast, small_agency: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(small_agency, folder)
    damage_nama(folder)
    response = _post(_client(cast), cast, _from(folder, "pegawai.parquet", "kinerja.csv"))
    assert response.status_code == 200
    galat = response.context["galat"]
    assert (galat.berkas, galat.kolom) == ("pegawai.parquet", "nama")
    _nothing_loaded(cast)
    assert _staged() == []


def test_an_upload_without_the_employee_table_is_refused(cast: Cast, small_agency: Path) -> None:
    response = _post(_client(cast), cast, _from(small_agency, "kinerja.csv"))
    galat = response.context["galat"]
    assert "pegawai" in galat.pesan and galat.berkas is None
    _nothing_loaded(cast)
    assert _staged() == []


def test_an_oversized_file_is_refused_before_it_is_staged(
    cast: Cast, small_agency: Path, settings: Any
) -> None:
    settings.BAKAT_UPLOAD_MAX_MB = 0
    response = _post(_client(cast), cast, _from(small_agency, "pegawai.csv"))
    galat = response.context["galat"]
    assert galat.berkas == "pegawai.csv" and "MB" in galat.pesan
    _nothing_loaded(cast)
    assert _staged() == []


def test_two_files_for_one_table_are_refused(cast: Cast, small_agency: Path) -> None:
    files = [*_from(small_agency, "pegawai.csv"), _file("PEGAWAI.parquet", b"PAR1")]
    galat = _post(_client(cast), cast, files).context["galat"]
    assert galat.berkas == "PEGAWAI.parquet" and "pegawai" in galat.pesan
    assert _staged() == []


@pytest.mark.parametrize(
    "name",
    [
        "../pegawai.csv",
        "/etc/pegawai.csv",
        ".pegawai.csv",
        "pegawai.csv\x00.exe",
        "C:pegawai.csv",
        "unit_kerja.xlsx",
        "instansi.csv",
        "pegawai.tar.gz",
        "pegawai",
        "",
    ],
)
def test_it_refuses_a_file_name_that_is_not_a_loaded_table(name: str) -> None:
    with pytest.raises(InputError):
        upload.nama_berkas(name)


@pytest.mark.parametrize(
    ("name", "staged"),
    [
        ("pegawai.csv", "pegawai.csv"),
        ("SIASN.XLSX", "siasn.xlsx"),
        ("Kinerja.parquet", "kinerja.parquet"),
        ("unit_kerja.csv", "unit_kerja.csv"),
    ],
)
def test_it_stages_a_table_file_under_its_lower_case_name(name: str, staged: str) -> None:
    assert upload.nama_berkas(name) == staged


@pytest.mark.parametrize("role", ["analis", "pimpinan", "pegawai", "komite", "auditor", "nasional"])
def test_only_the_admin_may_open_post_or_confirm_an_upload(
    cast: Cast, small_agency: Path, role: str
) -> None:
    client = _client(cast, role)
    assert client.get(reverse("pegawai_unggah")).status_code == 403
    assert _post(client, cast, _from(small_agency, "pegawai.csv")).status_code == 403
    confirm = client.post(reverse("pegawai_unggah_konfirmasi"), {"token": "0" * 32})
    assert confirm.status_code == 403
    _nothing_loaded(cast)
    assert _staged() == []


def test_anonymous_visitors_are_sent_to_the_login_page(cast: Cast) -> None:
    response = Client().get(reverse("pegawai_unggah"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_admin_cannot_load_into_an_agency_they_do_not_administer(
    cast: Cast, small_agency: Path
) -> None:
    response = _post(
        _client(cast), cast, _from(small_agency, "pegawai.csv"), instansi=cast.ins_b.pk
    )
    assert response.status_code == 200
    assert "instansi" in response.context["form"].errors
    _nothing_loaded(cast)
    assert _staged() == []


def test_the_token_of_another_user_is_refused(cast: Cast, small_agency: Path) -> None:
    token = _post(_client(cast), cast, _from(small_agency, "pegawai.csv")).context["token"]
    other = User.objects.create_user(username="admin2", password="kata-sandi-uji-123")
    Penugasan.objects.create(user=other, peran=Peran.ADMIN, instansi=cast.ins_a)
    client = Client()
    client.force_login(other)
    response = client.post(reverse("pegawai_unggah_konfirmasi"), {"token": token}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("pegawai_unggah")
    assert "kedaluwarsa" in response.content.decode()
    _nothing_loaded(cast)
    assert [p.name for p in _staged()] == [token]  # the owner's upload is left alone


@pytest.mark.parametrize("token", ["0" * 32, "../../etc", ""])
def test_an_unknown_token_is_refused_with_a_clear_message(cast: Cast, token: str) -> None:
    response = _client(cast).post(
        reverse("pegawai_unggah_konfirmasi"), {"token": token}, follow=True
    )
    assert "Unggahan tidak dikenal atau kedaluwarsa" in response.content.decode()
    _nothing_loaded(cast)


def test_files_changed_after_the_preview_are_not_loaded(cast: Cast, small_agency: Path) -> None:
    client = _client(cast)
    token = _post(client, cast, _from(small_agency, "pegawai.csv")).context["token"]
    staged = upload.folder_unggahan() / token / "pegawai.csv"
    staged.write_bytes(staged.read_bytes() + b"\n")
    response = client.post(reverse("pegawai_unggah_konfirmasi"), {"token": token})
    assert "berubah sejak pratinjau" in response.context["galat"].pesan
    _nothing_loaded(cast)
    assert _staged() == []


def test_a_new_upload_replaces_the_pending_one(cast: Cast, small_agency: Path) -> None:
    client = _client(cast)
    first = _post(client, cast, _from(small_agency, "pegawai.csv")).context["token"]
    second = _post(client, cast, _from(small_agency, "pegawai.csv")).context["token"]
    assert [p.name for p in _staged()] == [second]
    refused = client.post(reverse("pegawai_unggah_konfirmasi"), {"token": first})
    assert refused.status_code == 302 and not Muatan.objects.exists()


def test_staging_folders_older_than_a_day_are_removed(db: None) -> None:
    root = upload.folder_unggahan()
    old, fresh = root / ("a" * 32), root / ("b" * 32)
    for folder in (old, fresh):
        folder.mkdir(parents=True)
    day_ago = time.time() - upload.UMUR_MAKS.total_seconds() - 60
    os.utime(old, (day_ago, day_ago))
    upload.bersihkan_kedaluwarsa()
    assert _staged() == [fresh]


def test_the_result_page_of_another_agency_is_not_found(cast: Cast) -> None:
    muatan = Muatan.objects.create(instansi=cast.ins_b, dimuat_pada=timezone.now(), as_of=AS_OF)
    response = _client(cast).get(reverse("pegawai_unggah_hasil", args=[muatan.pk]))
    assert response.status_code == 404


def test_the_preview_counts_new_and_changed_employees_against_the_database(
    cast: Cast, small_agency: Path, tmp_path: Path
) -> None:
    from bakat.web.personnel.services import load_data

    load_data(actor=None, folder=small_agency, as_of=AS_OF, instansi_kode=cast.ins_a.kode)
    frame = pl.read_csv(small_agency / "pegawai.csv", infer_schema=False)
    changed = frame.with_columns(
        pl.when(pl.int_range(pl.len()) == 0)
        .then(pl.lit("Nama Baru"))
        .otherwise("nama")
        .alias("nama")
    )
    extra = frame.head(1).with_columns(pl.lit("199001012020011001").alias("nip"))
    pl.concat([changed, extra]).write_csv(tmp_path / "pegawai.csv")
    p = _post(_client(cast), cast, _from(tmp_path, "pegawai.csv")).context["p"]
    assert (p.pegawai_baru, p.pegawai_diubah) == (1, 1)
