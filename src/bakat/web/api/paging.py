"""Paging of the lists and the request's user."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from ninja import Schema
from pydantic import Field

from bakat.web.accounts.access import Akses, akses_untuk
from bakat.web.accounts.models import User

M = TypeVar("M", bound=Model)
#: Largest id accepted in a filter (keeps values within every database's integer).
ID_MAKS = 2**31 - 1


class ParamHalaman(Schema):
    halaman: int = Field(1, ge=1, le=100_000, description="Nomor halaman (mulai 1).")
    per_halaman: int = Field(50, ge=1, le=200, description="Baris per halaman (1-200).")


def potong(qs: QuerySet[M], p: ParamHalaman) -> tuple[list[M], dict[str, int]]:
    """One page of ``qs`` (already in a stable order) and the paging fields."""
    start = (p.halaman - 1) * p.per_halaman
    rows = list(qs[start : start + p.per_halaman])
    return rows, {"jumlah": qs.count(), "halaman": p.halaman, "per_halaman": p.per_halaman}


def pengguna(request: HttpRequest) -> tuple[User, Akses]:
    """The token's user (set by ``TokenAuth``) and their grants."""
    user = request.user
    assert isinstance(user, User)
    return user, akses_untuk(user)


__all__ = ["ID_MAKS", "ParamHalaman", "pengguna", "potong"]
