"""The OpenAPI document, and a Schemathesis run over it against the application with
an HR admin's token on seeded placements, succession and quality results: no server
error, and every response conforms to the schema."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.web.api.conftest import Hasil
from tests.web.conftest import Cast

SCHEMA = "/api/v1/schema/"
PATHS = {
    "/api/v1/penempatan/",
    "/api/v1/penempatan/cakupan/",
    "/api/v1/penempatan/{nip}/",
    "/api/v1/suksesi/target/",
    "/api/v1/suksesi/target/{target_id}/",
    "/api/v1/suksesi/nominasi/",
    "/api/v1/kualitas/temuan/",
    "/api/v1/kualitas/disparitas/",
    "/api/v1/kualitas/indeks/",
}


@pytest.fixture
def _same_connection() -> Iterator[None]:
    """The WSGI handler closes the connection at the end of each request; the test's
    transaction must survive it (the test client does the same)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_schema_lists_every_endpoint_as_get_only_with_bearer_auth(db: None) -> None:
    response = Client().get(SCHEMA)
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == PATHS
    for item in document["paths"].values():
        assert set(item) == {"get"}
        assert item["get"]["security"] == [{"TokenAuth": []}]
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_a_path_word_of_the_api_cannot_be_read_as_a_nip(db: None) -> None:
    """``/penempatan/cakupan/`` is the coverage; the card's NIP parameter says so in its
    pattern, so that a client (or Schemathesis) never sends ``cakupan`` as a NIP."""
    document = json.loads(Client().get(SCHEMA).content)
    [parameter] = document["paths"]["/api/v1/penempatan/{nip}/"]["get"]["parameters"]
    pattern = parameter["schema"]["pattern"]
    assert not re.search(pattern, "cakupan")
    assert re.search(pattern, "198001012005011001") and re.search(pattern, "1980O1012005011001")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_refuses_writes(token: dict[str, str], method: str) -> None:
    response = getattr(Client(), method)(
        "/api/v1/penempatan/", headers={"Authorization": f"Bearer {token['admin']}"}
    )
    assert response.status_code == 405


def test_schemathesis_finds_no_server_error_and_no_schema_violation(
    pemetaan: Cast,
    hasil: Hasil,
    kualitas: Cast,
    token: dict[str, str],
    _same_connection: None,
    settings: Any,
) -> None:
    settings.BAKAT_API_RATE = "100000/m"
    schema = schemathesis.openapi.from_wsgi(SCHEMA, get_wsgi_application())
    headers = {"Authorization": f"Bearer {token['admin']}"}
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert {op.path for op in operations} == PATHS
    ok: set[str] = set()
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=25,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            response = case.call_and_validate(headers=headers, checks=checks)
            if response.status_code == 200:
                ok.add(case.operation.path)

        run()
    # Every list answered with data at least once (the run did reach the selectors).
    assert ok >= PATHS - {"/api/v1/penempatan/{nip}/", "/api/v1/suksesi/target/{target_id}/"}
