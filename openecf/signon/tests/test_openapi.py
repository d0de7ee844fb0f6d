"""The served OpenAPI description is valid, covers every API route, and what the API answers matches it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from openapi_spec_validator import validate

from conftest import PACER_PASSWORD, code_at, enrol_app, make_filer, make_pacer

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec() -> dict[str, Any]:
    response = Client().get("/services/openapi.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    document: dict[str, Any] = response.json()
    validate(document)  # type: ignore[arg-type]
    return document


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return {**spec["components"]["schemas"][name], "components": spec["components"]}


def test_every_api_route_is_described_and_nothing_else(spec: dict[str, Any]) -> None:
    (signon,) = [  # the sign-on URLconf, mounted at the root
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and getattr(p.urlconf_module, "__name__", "") == "openecf.signon.urls"
    ]
    routes = {
        "/" + str(p.pattern)
        for p in signon.url_patterns
        if isinstance(p, URLPattern) and str(p.pattern).startswith("services/cso-")
    }
    assert routes == set(spec["paths"]) == {"/services/cso-auth", "/services/cso-logout"}


def test_each_kind_of_answer_matches_the_schema(spec: dict[str, Any]) -> None:
    make_pacer("researcher1", "Rita Searcher")
    make_filer("filer0001", "Fay Filer")
    mfa = make_pacer("secure001", "Sam Secure")
    phone = enrol_app(mfa)
    bodies = [
        {"loginId": "researcher1", "password": PACER_PASSWORD},
        {"loginId": "researcher1", "password": PACER_PASSWORD, "clientCode": "x y"},
        {"loginId": "researcher1", "password": "wrong-wrong-wrong"},
        {"loginId": "filer0001", "password": PACER_PASSWORD},
        {"loginId": "filer0001", "password": PACER_PASSWORD, "redactFlag": "1"},
        {"loginId": "secure001", "password": PACER_PASSWORD, "otpCode": code_at(phone)},
        {"loginId": "secure001", "password": PACER_PASSWORD, "otpCode": "000000"},
        {"password": "only"},
        [],
    ]
    auth_schema = schema(spec, "CsoAuthResponse")
    results = set()
    token = ""
    for body in bodies:
        answer = Client().post("/services/cso-auth", json.dumps(body), "application/json")
        assert answer.status_code == 200
        jsonschema.validate(answer.json(), auth_schema)
        results.add(answer.json()["loginResult"])
        token = token or answer.json()["nextGenCSO"]
    assert results == {"0", "1", "13"}
    logout_schema = schema(spec, "CsoLogoutResponse")
    for body in ({"nextGenCSO": token}, {"nextGenCSO": token}, {}, {"nextGenCSO": 5}):
        answer = Client().post("/services/cso-logout", json.dumps(body), "application/json")
        assert answer.status_code == 200
        jsonschema.validate(answer.json(), logout_schema)


def test_the_request_schema_names_the_fields_the_api_reads(spec: dict[str, Any]) -> None:
    from openecf.signon.api import _FIELDS

    described = set(spec["components"]["schemas"]["CsoAuthRequest"]["properties"])
    assert described == set(_FIELDS) - {"nextGenCSO"}
