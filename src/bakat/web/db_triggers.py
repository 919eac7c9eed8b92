"""Migrations that install database triggers (frozen slates, frozen calibration
sessions): the SQL per database vendor, run as a reversible ``RunPython`` operation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import migrations

#: Vendor -> SQL statements run in order.
Pernyataan = Mapping[str, tuple[str, ...]]


def jalankan(schema_editor: Any, sql: Pernyataan, nama: str) -> None:
    """Run the statements for the connection's vendor; an unknown vendor is an error
    (a trigger that silently is not there would be a hole in the guarantee)."""
    vendor = schema_editor.connection.vendor
    if vendor not in sql:
        raise RuntimeError(f"no {nama} trigger for database vendor {vendor!r}")
    for statement in sql[vendor]:
        schema_editor.execute(statement)


def operasi(buat: Pernyataan, hapus: Pernyataan, nama: str) -> migrations.RunPython:
    """The reversible migration operation that creates (and, backwards, drops) them."""

    def create(apps: Any, schema_editor: Any) -> None:
        jalankan(schema_editor, buat, nama)

    def drop(apps: Any, schema_editor: Any) -> None:
        jalankan(schema_editor, hapus, nama)

    return migrations.RunPython(create, drop)
