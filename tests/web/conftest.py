"""Web tests: Django settings for pytest-django, set here so that the rest of the
suite never loads Django; and the fixed cast of users (architecture.md §9).

The cast lives in agency INS-A (root R with units A, A1 below A, and B) beside a
second agency INS-B (unit X). Each member's comment says what they may see.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakat.web.settings")
# Never the developer's own data folder: files stored by the tests go to a temporary one.
os.environ["BAKAT_DATA_DIR"] = tempfile.mkdtemp(prefix="bakat-web-test-")
atexit.register(shutil.rmtree, os.environ["BAKAT_DATA_DIR"], ignore_errors=True)
os.environ.pop("BAKAT_ENV", None)

import django  # noqa: E402

django.setup()

from django.conf import settings as _settings  # noqa: E402

# An xdist worker may have loaded the settings before this file ran (pytest-django does,
# with the folder inherited from the controller): each process keeps its own cache and
# file store all the same.
_settings.CACHES["default"]["LOCATION"] = str(Path(os.environ["BAKAT_DATA_DIR"]) / "cache")
_settings.BAKAT_FILE_STORE = Path(os.environ["BAKAT_DATA_DIR"]) / "berkas"

from bakat.web.accounts.models import Penugasan, Peran, User  # noqa: E402
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja  # noqa: E402

PASSWORD = "kata-sandi-uji-123"


@pytest.fixture(autouse=True)
def _cache_kosong() -> None:
    """The process cache (pages, worklist counts, throttle windows) outlives a test's
    rolled-back database: each test starts with an empty one."""
    from django.core.cache import cache

    from bakat.web.page_cache import kosongkan_lokal

    cache.clear()
    kosongkan_lokal()


@pytest.fixture(autouse=True)
def _fast_hasher(settings: Any) -> None:
    """Argon2 is tested on its own; elsewhere a fast hasher keeps the suite quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _unit(instansi: Instansi, kode: str, induk: UnitKerja | None) -> UnitKerja:
    unit = UnitKerja.objects.create(instansi=instansi, kode=kode, nama=f"Unit {kode}", induk=induk)
    unit.path = f"{induk.path if induk else '/'}{unit.pk}/"
    unit.save()
    return unit


def _pegawai(instansi: Instansi, unit: UnitKerja, nip: str, nik: str) -> Pegawai:
    return Pegawai.objects.create(
        instansi=instansi,
        unit=unit,
        unit_kerja=unit.kode,
        unit_kerja_nama=unit.nama,
        nip=nip,
        nik=nik,
        nama=f"Pegawai {nip[-3:]}",
        tanggal_lahir="1988-11-08",
        golongan="III/a",
        status_kepegawaian="PNS",
    )


@dataclass
class Cast:
    ins_a: Instansi
    ins_b: Instansi
    unit_r: UnitKerja
    unit_a: UnitKerja
    unit_a1: UnitKerja
    unit_b: UnitKerja
    unit_x: UnitKerja
    p_a: Pegawai
    p_a1: Pegawai
    p_b: Pegawai
    p_x: Pegawai
    users: dict[str, User]

    def pegawai(self, name: str) -> Pegawai:
        return {"a": self.p_a, "a1": self.p_a1, "b": self.p_b, "x": self.p_x}[name]


def _user(username: str, peran: Peran, **scope: object) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD)
    Penugasan.objects.create(user=user, peran=peran, **scope)
    return user


@pytest.fixture
def cast(db: None) -> Cast:
    ins_a = Instansi.objects.create(kode="INS-A", nama="Instansi A")
    ins_b = Instansi.objects.create(kode="INS-B", nama="Instansi B")
    r = _unit(ins_a, "R", None)
    a = _unit(ins_a, "R.A", r)
    a1 = _unit(ins_a, "R.A.1", a)
    b = _unit(ins_a, "R.B", r)
    x = _unit(ins_b, "X", None)
    p_a = _pegawai(ins_a, a, "198811082021012001", "3172184811880001")
    p_a1 = _pegawai(ins_a, a1, "198811082021012002", "3172184811880002")
    p_b = _pegawai(ins_a, b, "198811082021012003", "3172184811880003")
    p_x = _pegawai(ins_b, x, "198811082021012004", "3172184811880004")
    users = {
        # HR admin of INS-A: every record of INS-A with identity data; nothing of INS-B.
        "admin": _user("admin", Peran.ADMIN, instansi=ins_a),
        # HR analyst assigned to unit B: records of B (identity shown) and its worklist.
        "analis": _user("analis", Peran.ANALIS, instansi=ins_a, unit=b),
        # Unit head of A: read-only, A and A1 below it, NIK masked; not B.
        "pimpinan": _user("pimpinan", Peran.PIMPINAN, instansi=ins_a, unit=a),
        # Employee of unit B: their own record only (identity shown to them).
        "pegawai": _user("pegawai", Peran.PEGAWAI, instansi=ins_a, pegawai=p_b),
        # Talent committee member, spouse of p_a (recusal comes with the talent pages):
        # reads INS-A records with NIK and birth date masked; no worklist.
        "komite": _user("komite", Peran.KOMITE, instansi=ins_a),
        # Auditor of INS-A: read-only records (masked), worklist, audit trail and verify.
        "auditor": _user("auditor", Peran.AUDITOR, instansi=ins_a),
        # National monitor: aggregates across agencies only, no individual record.
        "nasional": _user("nasional", Peran.NASIONAL),
        # A second HR analyst of unit B: the second pair of eyes for B's corrections.
        "analis2": _user("analis2", Peran.ANALIS, instansi=ins_a, unit=b),
    }
    return Cast(ins_a, ins_b, r, a, a1, b, x, p_a, p_a1, p_b, p_x, users)


def catatan_komite(cast: Cast, nip: str, nama: str) -> Pegawai:
    """An employee record of INS-A (unit R) assigned to the committee member as their own."""
    sendiri = Pegawai.objects.create(
        instansi=cast.ins_a,
        unit=cast.unit_r,
        unit_kerja=cast.unit_r.kode,
        nip=nip,
        nama=nama,
        status_kepegawaian="PNS",
    )
    Penugasan.objects.create(
        user=cast.users["komite"], peran=Peran.PEGAWAI, instansi=cast.ins_a, pegawai=sendiri
    )
    return sendiri


@pytest.fixture(scope="session")
def small_agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated agency of 120 employees (seed 17, as of 2025-10-17), as CSV."""
    from bakat.synth.config import KonfigurasiSintesis
    from bakat.synth.generate import generate

    folder = tmp_path_factory.mktemp("agency") / "data"
    generate(folder, KonfigurasiSintesis(pegawai=120, seed=17, as_of=date(2025, 10, 17)))
    return folder
