"""Hostile input against the PACER Authentication API, generated from its own OpenAPI description.

schemathesis sends valid and invalid bodies, wrong types, odd encodings and other methods; every answer must be
free of server errors and match the schema (HTTP 200, the documented keys, each a string).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from openecf.signon.api import OPENAPI_PATH

schema = schemathesis.openapi.from_path(str(OPENAPI_PATH))


@pytest.fixture
def wsgi_app() -> Iterator[Any]:
    """The real WSGI application; like Django's test client, it keeps the test's database connection open
    between requests (the handler would close it after each one, ending the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_never_fails_and_always_answers_as_described(case: Any, wsgi_app: Any) -> None:
    response = case.call(app=wsgi_app)
    assert response.status_code < 500, response.text
    # Every generated body, valid or not, gets the documented answer: invalid input is explained in the
    # body ("loginResult": "1") rather than by an HTTP error, as PACER clients expect.
    case.validate_response(
        response,
        checks=[
            schemathesis.checks.not_a_server_error,
            schemathesis.specs.openapi.checks.status_code_conformance,
            schemathesis.specs.openapi.checks.content_type_conformance,
            schemathesis.specs.openapi.checks.response_schema_conformance,
        ],
    )
