"""The PCL API's headers: the token in X-NEXT-GEN-CSO, the client code in X-CLIENT-CODE (else the token's), and an
account that requires a client code refused with the court's words."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, make_pacer
from openecf.billing.models import Charge
from openecf.signon import cso_tokens
from openecf.signon import services as signon
from openecf.signon.models import TokenOrigin

pytestmark = pytest.mark.django_db
FIND = "/pcl-public-api/rest/cases/find?page=0"


def _post(token: str, body: object, **headers: Any) -> tuple[int, dict[str, Any]]:
    response = Client().post(
        FIND, json.dumps(body), content_type="application/json", HTTP_X_NEXT_GEN_CSO=token, **headers
    )
    return response.status_code, json.loads(response.content or b"{}")


def test_the_client_code_header_wins_over_the_token_s() -> None:
    account = make_pacer("searcher04", "Sid Searcher")
    token = cso_tokens.issue(account=account, origin=TokenOrigin.API, client_code="from-login")
    status, answer = _post(token, {"caseTitle": "none such"})
    assert status == 200 and answer["receipt"]["clientCode"] == "from-login"
    status, answer = _post(token, {"caseTitle": "none such"}, HTTP_X_CLIENT_CODE="matter-22")
    assert status == 200 and answer["receipt"]["clientCode"] == "matter-22"
    assert list(Charge.objects.order_by("pk").values_list("client_code", "pages", "cost_cents")) == [
        ("from-login", 1, 10),
        ("matter-22", 1, 10),
    ]


def test_an_account_that_requires_a_client_code_gets_406_without_one() -> None:
    account = make_pacer("searcher05", "Sal Searcher")
    signon.set_client_code_required(account=account, required=True, origin=TEST_ORIGIN)
    token = cso_tokens.issue(account=account, origin=TokenOrigin.API, client_code="")
    assert _post(token, {"caseTitle": "x"}) == (406, {"message": "A Client Code is required for PACER search"})
    assert _post(token, {"caseTitle": "x"}, HTTP_X_CLIENT_CODE="m")[0] == 200
    assert Charge.objects.count() == 1


def test_a_body_that_is_not_json_or_a_bad_page_is_406() -> None:
    token = cso_tokens.issue(account=make_pacer("searcher06", "Sy Searcher"), origin=TokenOrigin.API)
    client = Client()
    bad = client.post(FIND, b"{not json", content_type="application/json", HTTP_X_NEXT_GEN_CSO=token)
    assert (bad.status_code, json.loads(bad.content)) == (406, {"message": "The search must be a JSON object."})
    page = client.post(
        "/pcl-public-api/rest/cases/find?page=-1", b"{}", content_type="application/json", HTTP_X_NEXT_GEN_CSO=token
    )
    assert (page.status_code, json.loads(page.content)) == (406, {"message": "page must be a whole number from 0."})
    assert not Charge.objects.exists()
