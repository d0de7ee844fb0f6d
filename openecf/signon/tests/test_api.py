"""The PACER Authentication API as a client developer meets it: POST JSON or XML, always 200, string keys."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import defusedxml.ElementTree as ET
import pytest
from django.test import Client
from django.utils import timezone

from conftest import PACER_PASSWORD, code_at, enrol_app, make_filer, make_pacer
from openecf.audit.models import AuditEvent
from openecf.signon import api
from openecf.signon.models import CsoToken

pytestmark = pytest.mark.django_db


def auth(client: Client, **body: Any) -> dict[str, str]:
    response = client.post("/services/cso-auth", json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert all(isinstance(value, str) for value in data.values()), data
    return data


def test_a_search_account_logs_in_and_gets_a_128_character_token() -> None:
    make_pacer("researcher1", "Rita Searcher")
    data = auth(Client(), loginId="researcher1", password=PACER_PASSWORD)
    assert data["loginResult"] == "0"
    assert data["errorDescription"] == ""
    assert len(data["nextGenCSO"]) == 128 and data["nextGenCSO"].isalnum()
    assert set(data) == {"nextGenCSO", "loginResult", "errorDescription"}


def test_the_username_is_not_case_sensitive() -> None:
    make_pacer("researcher1", "Rita Searcher")
    assert auth(Client(), loginId="RESEARCHER1", password=PACER_PASSWORD)["loginResult"] == "0"


@pytest.mark.parametrize(
    "login_id, password", [("researcher1", "Wrong-Password-123!"), ("nobody-here", PACER_PASSWORD)]
)
def test_bad_credentials_get_13_and_the_same_words_whether_or_not_the_account_exists(
    login_id: str, password: str
) -> None:
    make_pacer("researcher1", "Rita Searcher")
    data = auth(Client(), loginId=login_id, password=password)
    assert data == {
        "nextGenCSO": "",
        "loginResult": "13",
        "errorDescription": "Invalid username, password, or one-time passcode.",
    }
    assert AuditEvent.objects.filter(event="login.failed", username=login_id).count() == 1


def test_a_filer_without_redact_flag_is_refused_with_the_redaction_notice() -> None:
    make_filer("filer0001", "Fay Filer")
    data = auth(Client(), loginId="filer0001", password=PACER_PASSWORD)
    assert data["loginResult"] == "13" and data["nextGenCSO"] == ""
    assert data["errorDescription"].startswith("All filers must redact: Social Security")
    assert "Fed. R. Civ. P. 5.2" in data["errorDescription"]
    assert not CsoToken.objects.exists()


def test_a_filer_with_redact_flag_logs_in_with_a_warning_while_mfa_skips_last() -> None:
    make_filer("filer0001", "Fay Filer")
    data = auth(Client(), loginId="filer0001", password=PACER_PASSWORD, redactFlag="1")
    assert data["loginResult"] == "0" and len(data["nextGenCSO"]) == 128
    assert "Logins left without one: 2" in data["errorDescription"]


def test_an_unenrolled_filer_is_blocked_once_the_skips_are_used() -> None:
    make_filer("filer0001", "Fay Filer")
    results = [auth(Client(), loginId="filer0001", password=PACER_PASSWORD, redactFlag="1") for _ in range(4)]
    assert [r["loginResult"] for r in results] == ["0", "0", "0", "1"]
    assert results[3]["nextGenCSO"] == ""
    assert "add an authenticator app" in results[3]["errorDescription"]


def test_a_required_client_code_that_is_missing_gives_success_with_a_warning(django_user_model: Any) -> None:
    from openecf.signon.models import SignOnSettings

    account = make_pacer("researcher1", "Rita Searcher")
    SignOnSettings.objects.create(account=account, client_code_required=True)
    data = auth(Client(), loginId="researcher1", password=PACER_PASSWORD)
    assert data["loginResult"] == "0" and len(data["nextGenCSO"]) == 128
    assert data["errorDescription"] == "Required client code not entered."
    with_code = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, clientCode="matter-17/b")
    assert with_code["errorDescription"] == ""
    assert CsoToken.objects.filter(client_code="matter-17/b").count() == 1


def test_a_bad_client_code_is_refused_with_the_rule() -> None:
    make_pacer("researcher1", "Rita Searcher")
    data = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, clientCode="has space, comma")
    assert data["loginResult"] == "1" and data["nextGenCSO"] == ""
    assert "no spaces or commas" in data["errorDescription"]


class TestMultiFactor:
    def test_an_enrolled_account_needs_the_code_and_accepts_it_once(self) -> None:
        account = make_pacer("researcher1", "Rita Searcher")
        phone = enrol_app(account)
        assert auth(Client(), loginId="researcher1", password=PACER_PASSWORD)["loginResult"] == "13"
        code = code_at(phone)
        first = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, otpCode=code)
        assert first["loginResult"] == "0" and len(first["nextGenCSO"]) == 128
        replay = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, otpCode=code)
        assert replay == {
            "nextGenCSO": "",
            "loginResult": "13",
            "errorDescription": "Invalid username, password, or one-time passcode.",
        }
        assert AuditEvent.objects.filter(event="mfa.failed", actor=account).values_list("detail", flat=True)[0][
            "reason"
        ] in ("missing", "malformed")
        assert AuditEvent.objects.filter(event="mfa.failed", actor=account, detail__reason="replayed").exists()

    def test_two_factor_code_is_an_alias_and_one_step_of_drift_is_tolerated(self) -> None:
        account = make_pacer("researcher1", "Rita Searcher")
        phone = enrol_app(account)
        late = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, twoFactorCode=code_at(phone, -1))
        assert late["loginResult"] == "0"
        early = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, twoFactorCode=code_at(phone, +1))
        assert early["loginResult"] == "0"

    def test_codes_two_steps_away_are_refused(self) -> None:
        account = make_pacer("researcher1", "Rita Searcher")
        phone = enrol_app(account)
        for steps in (-2, +2):
            data = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, otpCode=code_at(phone, steps))
            assert data["loginResult"] == "13"

    def test_a_wrong_code_with_the_right_password_gets_the_same_answer_as_a_wrong_password(self) -> None:
        account = make_pacer("researcher1", "Rita Searcher")
        enrol_app(account)
        wrong_code = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, otpCode="000000")
        wrong_password = auth(Client(), loginId="researcher1", password="Not-The-Password-9!", otpCode="000000")
        assert wrong_code == wrong_password


class TestXml:
    def test_xml_in_xml_out(self) -> None:
        make_pacer("researcher1", "Rita Searcher")
        body = f"<CsoAuth><loginId>researcher1</loginId><password>{PACER_PASSWORD}</password></CsoAuth>"
        response = Client().post("/services/cso-auth", body, content_type="application/xml")
        assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
        root = ET.fromstring(response.content)
        assert root.tag == "CsoAuth"
        assert root.findtext("loginResult") == "0"
        assert len(root.findtext("nextGenCSO") or "") == 128
        assert root.findtext("errorDescription") == ""

    def test_entity_expansion_is_refused_without_harm(self) -> None:
        bomb = (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            "<CsoAuth><loginId>&lol2;</loginId><password>x</password></CsoAuth>"
        )
        response = Client().post("/services/cso-auth", bomb, content_type="application/xml")
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        assert root.findtext("loginResult") == "1"
        assert "XML could not be read" in (root.findtext("errorDescription") or "")


@pytest.mark.parametrize(
    "body, words",
    [
        ("", "The request body is empty"),
        ("{not json", "The JSON could not be read"),
        ("[1, 2]", "must be an object"),
        ('{"loginId": "x"}', "loginId and password are required"),
        ('{"loginId": ["x"], "password": "y"}', "loginId must be a string"),
        ('{"loginId": "a\\u0000b", "password": "y"}', "loginId is not valid"),
    ],
)
def test_malformed_requests_get_200_with_a_specific_reason(body: str, words: str) -> None:
    response = Client().post("/services/cso-auth", body, content_type="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["loginResult"] == "1" and data["nextGenCSO"] == ""
    assert words in data["errorDescription"]


class TestTokenLife:
    def login(self) -> str:
        make_pacer("researcher1", "Rita Searcher")
        return auth(Client(), loginId="researcher1", password=PACER_PASSWORD)["nextGenCSO"]

    def test_the_token_opens_court_pages_as_cookie_or_header(self) -> None:
        token = self.login()
        by_cookie = Client()
        by_cookie.cookies["NextGenCSO"] = token
        by_old_cookie = Client()
        by_old_cookie.cookies["PacerSession"] = token
        by_header = Client(HTTP_X_NEXT_GEN_CSO=token)
        for client in (by_cookie, by_old_cookie, by_header):
            page = client.get("/ecf/wiwd/")
            assert page.status_code == 200
            assert b"/cgi-bin/login.pl?logout" in page.content
            assert b"Rita Searcher" in page.content
        # A client that sent the header gets the cookies for its next requests.
        assert by_header.cookies["NextGenCSO"].value == token

    def test_without_a_token_the_court_sends_you_to_log_in(self) -> None:
        self.login()
        stranger = Client()
        stranger.cookies["NextGenCSO"] = "A" * 128
        response = stranger.get("/ecf/wiwd/utilities/")
        assert response.status_code == 302 and "/login/" in response["Location"]

    def test_logout_ends_the_token_at_once(self) -> None:
        token = self.login()
        response = Client().post("/services/cso-logout", json.dumps({"nextGenCSO": token}), "application/json")
        assert response.json() == {"loginResult": "0", "errorDescription": ""}
        assert Client(HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/utilities/").status_code == 302
        assert AuditEvent.objects.filter(event="logout", detail__via="api").count() == 1
        again = Client().post("/services/cso-logout", json.dumps({"nextGenCSO": token}), "application/json")
        assert again.json() == {"loginResult": "0", "errorDescription": ""}
        assert AuditEvent.objects.filter(event="logout", detail__via="api").count() == 1

    def test_the_idle_timeout_and_the_maximum_login_time_are_settings(self, settings: Any) -> None:
        token = self.login()
        stored = CsoToken.objects.get()
        settings.OPENECF_CSO_TOKEN_IDLE_SECONDS = 600
        CsoToken.objects.update(last_used_at=timezone.now() - timedelta(seconds=599))
        assert Client(HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/utilities/").status_code == 200
        CsoToken.objects.update(last_used_at=timezone.now() - timedelta(seconds=601))
        assert Client(HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/utilities/").status_code == 302
        long_ago = timezone.now() - timedelta(days=2)
        CsoToken.objects.update(
            created_at=long_ago, last_used_at=timezone.now(), expires_at=timezone.now() - timedelta(seconds=1)
        )
        assert Client(HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/utilities/").status_code == 302
        assert stored.expires_at - stored.created_at == timedelta(seconds=settings.OPENECF_CSO_TOKEN_MAX_SECONDS)

    def test_the_maximum_login_time_comes_from_the_setting(self, settings: Any) -> None:
        settings.OPENECF_CSO_TOKEN_MAX_SECONDS = 7200
        self.login()
        stored = CsoToken.objects.get()
        assert stored.expires_at - stored.created_at == timedelta(seconds=7200)

    def test_a_password_change_ends_every_token(self) -> None:
        token = self.login()
        from openecf.accounts.models import PacerAccount

        account = PacerAccount.objects.get(username="researcher1")
        account.set_password("A-Whole-New-Secret-77!")
        account.save()
        assert Client(HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/utilities/").status_code == 302


def test_get_is_not_an_api_call() -> None:
    assert Client().get("/services/cso-auth").status_code == 405
    assert api.INVALID == "13"


def test_a_court_reads_the_client_code_cookie_of_a_token_client() -> None:
    make_pacer("researcher1", "Rita Searcher")
    token = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, clientCode="first-matter")["nextGenCSO"]
    client = Client()
    client.cookies["NextGenCSO"] = token
    client.cookies["PacerClientCode"] = "other.matter/2"
    page = client.get("/ecf/wiwd/utilities/client-code/")
    assert 'value="other.matter/2"' in page.content.decode()
    changed = client.post("/ecf/wiwd/utilities/client-code/", {"client_code": "third_matter"})
    assert changed.status_code == 200
    assert client.cookies["PacerClientCode"].value == "third_matter"
    assert CsoToken.objects.get().client_code == "third_matter"


def test_one_time_code_guesses_are_throttled_even_with_the_right_password() -> None:
    account = make_pacer("researcher1", "Rita Searcher")
    phone = enrol_app(account)
    answers = [
        auth(Client(), loginId="researcher1", password=PACER_PASSWORD, otpCode=f"{n:06d}")
        for n in range(1, 9)
        if f"{n:06d}" not in {code_at(phone, s) for s in (-1, 0, 1)}
    ]
    assert answers[0]["loginResult"] == "13"
    assert answers[-1]["loginResult"] == "1"
    assert "Too many failed attempts" in answers[-1]["errorDescription"]
    right_code = auth(Client(), loginId="researcher1", password=PACER_PASSWORD, otpCode=code_at(phone))
    assert right_code["loginResult"] == "1", "while throttled, even the right code is not checked"
    assert AuditEvent.objects.filter(event="throttle.locked").exists()
