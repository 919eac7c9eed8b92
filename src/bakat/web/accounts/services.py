"""Writes of accounts: creating a user with one role (audited); demo accounts."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from bakat.web.accounts.models import Penugasan, Peran, User
from bakat.web.audit.chain import Subjek, record_event
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja

#: The password of every demo account (demo mode only, BAKAT_DEMO=1).
DEMO_PASSWORD = "bakat-demo"


def create_user_with_role(
    *,
    actor: User | None,
    username: str,
    password: str,
    peran: Peran,
    instansi: Instansi | None,
    unit: UnitKerja | None = None,
    pegawai: Pegawai | None = None,
) -> User:
    """Create ``username`` with one role assignment; audited in the agency's chain."""
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password)
        penugasan = Penugasan.objects.create(
            user=user, peran=peran, instansi=instansi, unit=unit, pegawai=pegawai
        )
        record_event(
            actor=actor,
            instansi=instansi,
            jenis="pengguna.dibuat",
            subjek=Subjek("accounts.user", username),
            perubahan={
                "peran": [None, peran.value],
                "unit": [None, unit.kode if unit else None],
                "pegawai": [None, pegawai.nip if pegawai else None],
                "penugasan": penugasan.pk,
            },
        )
    return user


def add_role(
    *,
    actor: User | None,
    user: User,
    peran: Peran,
    instansi: Instansi | None,
    unit: UnitKerja | None = None,
    pegawai: Pegawai | None = None,
) -> Penugasan:
    """Give ``user`` one more role assignment; audited in the agency's chain."""
    with transaction.atomic():
        penugasan = Penugasan.objects.create(
            user=user, peran=peran, instansi=instansi, unit=unit, pegawai=pegawai
        )
        record_event(
            actor=actor,
            instansi=instansi,
            jenis="pengguna.peran_ditambah",
            subjek=Subjek("accounts.user", user.username),
            perubahan={
                "peran": [None, peran.value],
                "unit": [None, unit.kode if unit else None],
                "pegawai": [None, pegawai.nip if pegawai else None],
                "penugasan": penugasan.pk,
            },
        )
    return penugasan


@dataclass(frozen=True)
class AkunDemo:
    username: str
    peran: Peran
    cakupan: str


def create_demo_accounts(*, instansi: Instansi) -> list[AkunDemo]:
    """The six demo accounts (password ``bakat-demo``); refused outside demo mode.

    ``analis`` covers the first eselon-I unit that has employees below it, ``pimpinan``
    heads the largest unit inside it, ``pegawai`` is an employee of that unit.
    """
    if not settings.BAKAT_DEMO:
        raise ImproperlyConfigured("demo accounts exist only with BAKAT_DEMO=1")
    units = list(UnitKerja.objects.filter(instansi=instansi).order_by("path"))
    roots = [u for u in units if u.induk_id is None]
    level1 = [u for u in units if u.induk_id is not None and roots and u.induk_id == roots[0].pk]
    counts = {u.pk: u.pegawai.count() for u in units}

    def subtree_count(unit: UnitKerja) -> int:
        return sum(n for pk, n in counts.items() if _path(units, pk).startswith(unit.path))

    analis_unit = next((u for u in level1 if subtree_count(u) > 0), units[0])
    inside = [u for u in units if u.path.startswith(analis_unit.path) and u.pk != analis_unit.pk]
    pimpinan_unit = max(inside or [analis_unit], key=lambda u: counts.get(u.pk, 0))
    pegawai = Pegawai.objects.filter(instansi=instansi, unit=pimpinan_unit).order_by("nip").first()
    if pegawai is None:
        pegawai = Pegawai.objects.filter(instansi=instansi).order_by("nip").first()
    plan = [
        ("admin", Peran.ADMIN, None, None, instansi.nama),
        ("analis", Peran.ANALIS, analis_unit, None, analis_unit.nama),
        ("komite", Peran.KOMITE, None, None, instansi.nama),
        ("pimpinan", Peran.PIMPINAN, pimpinan_unit, None, pimpinan_unit.nama),
        ("pegawai", Peran.PEGAWAI, None, pegawai, pegawai.nip if pegawai else "-"),
        ("auditor", Peran.AUDITOR, None, None, instansi.nama),
    ]
    akun = []
    for username, peran, unit, own, cakupan in plan:
        create_user_with_role(
            actor=None,
            username=username,
            password=DEMO_PASSWORD,
            peran=peran,
            instansi=instansi,
            unit=unit,
            pegawai=own,
        )
        akun.append(AkunDemo(username, peran, cakupan))
    return akun


def _path(units: list[UnitKerja], pk: int) -> str:
    return next((u.path for u in units if u.pk == pk), "")
