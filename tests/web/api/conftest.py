"""API fixtures on top of the fixed cast (tests/web/conftest.py): a token per member,
and the placement and succession results of tests/web/talent and tests/web/succession."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from bakat.web.api.tokens import buat_token
from bakat.web.personnel.models import Muatan
from bakat.web.quality.models import Disparitas, IndeksKualitas, Temuan
from tests.web.conftest import Cast
from tests.web.succession.conftest import Hasil, hasil, komite_terkait  # noqa: F401 (fixtures)
from tests.web.talent.conftest import pemetaan  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def _bersih_throttle() -> None:
    """Throttle windows live in the process cache: each test starts with none."""
    cache.clear()


@pytest.fixture
def token(cast: Cast) -> dict[str, str]:
    """A fresh token secret for each member of the cast."""
    return {
        name: buat_token(actor=user, user=user, name=f"uji {name}").rahasia
        for name, user in cast.users.items()
    }


@pytest.fixture
def kualitas(cast: Cast) -> Cast:
    """One load per agency: a finding per person (p_a and p_b "error" V01, p_a1
    "warning" V02, p_x "error" V01), a disparity per person (p_b "beda"/"siasn", the
    others "hanya_lokal"/"instansi"), and an index for the agency and each unit."""
    for instansi, people, units in [
        (cast.ins_a, [cast.p_a, cast.p_a1, cast.p_b], [cast.unit_r, cast.unit_a, cast.unit_b]),
        (cast.ins_b, [cast.p_x], [cast.unit_x]),
    ]:
        muatan = Muatan.objects.create(
            instansi=instansi, dimuat_pada=timezone.now(), as_of="2025-10-17"
        )
        for p in people:
            warning = p is cast.p_a1
            Temuan.objects.create(
                instansi=instansi, muatan=muatan, pegawai=p, unit=p.unit, nip=p.nip,
                tabel="pegawai", aturan="V02" if warning else "V01",
                tingkat="warning" if warning else "error", kolom="nik",
                nilai=p.nik, pesan=f"temuan {p.nip[-3:]}",
            )  # fmt: skip
            beda = p is cast.p_b
            Disparitas.objects.create(
                instansi=instansi, muatan=muatan, pegawai=p, unit=p.unit, nip=p.nip,
                nip_siasn=p.nip, status="beda" if beda else "hanya_lokal", kolom="golongan",
                nilai_lokal="III/a", nilai_siasn="III/b" if beda else "",
                pihak="siasn" if beda else "instansi",
            )  # fmt: skip
        IndeksKualitas.objects.create(
            instansi=instansi, muatan=muatan, unit=None, jumlah_pegawai=len(people), indeks=90.0
        )
        for i, unit in enumerate(units):
            IndeksKualitas.objects.create(
                instansi=instansi, muatan=muatan, unit=unit, jumlah_pegawai=1, indeks=80.0 + i
            )
    return cast


class Api:
    """A client sending one member's token."""

    def __init__(self, rahasia: str) -> None:
        self.client = Client()
        self.rahasia = rahasia

    def get(self, path: str, **params: str | int) -> tuple[int, Any]:
        response = self.client.get(
            f"/api/v1/{path}", params, headers={"Authorization": f"Bearer {self.rahasia}"}
        )
        return response.status_code, response.json()


@pytest.fixture
def api(token: dict[str, str]) -> Callable[[str], Api]:
    return lambda name: Api(token[name])


__all__ = ["Api", "Hasil"]
