"""The sign-in state machine, tried as an attacker would: skip a step, post a step out of order, add an app in
the middle of someone's login, guess at the desk, send a code that a later refusal would waste.

Each profile (browser, API, desk, admin) and each combination of account facts (enrolled in an app, filer,
client code required, legacy): every step URL posted out of order signs nobody in and leaves the sign-in where
it was.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, TEST_ORIGIN, code_at, enrol_app, make_filer, make_pacer, pacer_login
from openecf.accounts.models import PacerAccount
from openecf.audit.models import AuditEvent
from openecf.mfa.models import Authenticator, EmailCode
from openecf.signon import services as signon_services
from openecf.signon.models import CsoToken

pytestmark = pytest.mark.django_db

STEP_URLS = {
    "code": "/login/code/",
    "enrol": "/login/mfa-required/",
    "redaction": "/login/redaction/",
}


def signed_in(client: Client) -> bool:
    """Whether the browser holds a PACER session or a sign-on token (what opens Manage My Account and the courts)."""
    return "_auth_user_id" in client.session or bool(
        client.cookies.get("NextGenCSO") and client.cookies["NextGenCSO"].value
    )


def current_step_url(client: Client) -> str:
    return client.get("/login/continue/")["Location"]


def _account(*, enrolled: bool, filer: bool, client_code: bool, legacy: bool, n: int) -> tuple[PacerAccount, Any]:
    # make_filer's account is a modern one: a legacy filer gets the flag afterwards.
    username = f"leg{n:03d}" if legacy and not filer else f"facts{n:04d}"
    account = make_filer(username, "Fay Filer") if filer else make_pacer(username, "Fay Filer", legacy=legacy)
    if filer and legacy:
        PacerAccount.objects.filter(pk=account.pk).update(is_legacy=True)
        account.refresh_from_db()
    phone = enrol_app(account) if enrolled else None
    if client_code:
        signon_services.set_client_code_required(account=account, required=True, origin=TEST_ORIGIN)
    return account, phone


def _passing_data(step: str, phone: Any) -> dict[str, str]:
    """What would pass the step if it were the current one."""
    if step == "code":
        return {"code": code_at(phone)} if phone else {"code": "123456"}
    if step == "redaction":
        return {"accept": "on"}
    return {}


FACTS = list(itertools.product([False, True], repeat=4))


@pytest.mark.parametrize(
    ("enrolled", "filer", "client_code", "legacy"),
    FACTS,
    ids=[f"enrolled={e}-filer={f}-clientcode={c}-legacy={g}" for e, f, c, g in FACTS],
)
def test_no_step_of_the_browser_login_can_be_skipped_or_taken_out_of_order(
    enrolled: bool, filer: bool, client_code: bool, legacy: bool
) -> None:
    n = FACTS.index((enrolled, filer, client_code, legacy))
    account, phone = _account(enrolled=enrolled, filer=filer, client_code=client_code, legacy=legacy, n=n)
    client = Client()
    # Before the password: every step URL sends back to the login, and signs nobody in.
    for step, url in STEP_URLS.items():
        response = client.post(url, _passing_data(step, phone))
        assert response.status_code == 302 and response["Location"].startswith("/login/?"), (step, response)
        assert not signed_in(client)
    response = client.post("/login/", {"username": account.username, "password": PACER_PASSWORD, "client_code": "m1"})
    assert response.status_code == 302
    expected_steps = (["code"] if enrolled else ["enrol"] if filer else []) + (["redaction"] if filer else [])
    asked: list[str] = []
    while expected_steps[len(asked) :]:
        current = expected_steps[len(asked)]
        assert current_step_url(client) == STEP_URLS[current]
        for step, url in STEP_URLS.items():
            if step == current:
                continue
            out_of_order = client.post(url, _passing_data(step, phone))
            assert out_of_order.status_code == 302 and out_of_order["Location"] == STEP_URLS[current], (step, current)
            assert not signed_in(client), (step, current)
            assert current_step_url(client) == STEP_URLS[current]
        emailed_before = EmailCode.objects.count()
        add = client.post("/account/mfa/add/", {"action": "send"})
        if current == "enrol":  # the one step where adding an app belongs: the e-mailed code goes out
            assert add.status_code == 200 and EmailCode.objects.count() == emailed_before + 1
        else:
            assert add.status_code == 302 and EmailCode.objects.count() == emailed_before
        assert not signed_in(client)
        taken = client.post(STEP_URLS[current], _passing_data(current, phone))
        assert taken.status_code == 302
        asked.append(current)
    assert asked == expected_steps
    assert signed_in(client)
    refused = AuditEvent.objects.filter(event="signin.out_of_order", actor=account)
    assert refused.count() == len(expected_steps) * (len(STEP_URLS) - 1)


def test_skip_for_now_is_refused_to_an_account_that_has_an_app(demo: None) -> None:
    """Finding: after the password (302 to /login/code/) a POST to /login/mfa-required/ completed the login."""
    account = make_pacer("enrolled1", "Ed Enrolled")
    enrol_app(account)
    client = Client()
    assert pacer_login(client, "enrolled1")["Location"] == "/login/code/"
    skipped = client.post("/login/mfa-required/")
    assert skipped.status_code == 302 and skipped["Location"] == "/login/code/"
    assert client.get("/account/").status_code == 302
    assert "NextGenCSO" not in client.cookies
    assert not CsoToken.objects.filter(account=account).exists()
    assert not AuditEvent.objects.filter(event="mfa.skipped").exists()
    event = AuditEvent.objects.get(event="signin.out_of_order")
    assert event.detail == {"profile": "web", "attempted": "enrol", "current": "code"}


def test_password_and_mailbox_cannot_replace_the_app(demo: None, smtp_inbox: Any) -> None:
    """Finding: mid-login, /account/mfa/add/ let an account with an app add another, and that finished the login."""
    account = make_filer("enrolled2", "Ed Enrolled")
    enrol_app(account)
    client = Client()
    assert pacer_login(client, "enrolled2")["Location"] == "/login/code/"
    for data in ({}, {"action": "send"}, {"action": "check", "email_code": "123456"}, {"action": "confirm"}):
        response = client.post("/account/mfa/add/", data)
        assert response.status_code == 302 and response["Location"] == "/login/code/"
    assert client.get("/account/mfa/add/")["Location"] == "/login/code/"
    assert EmailCode.objects.filter(account=account).count() == 0
    assert Authenticator.objects.filter(account=account).count() == 1
    assert not signed_in(client)


def test_a_filer_without_an_app_adds_one_during_the_login_and_goes_on_to_the_redaction_notice(
    smtp_inbox: Any,
) -> None:
    from openecf.mfa.tests.test_enrolment import add_app

    account = make_filer("newfiler1", "Nell Filer")
    client = Client()
    assert pacer_login(client, "newfiler1")["Location"] == "/login/mfa-required/"
    added, _phone = add_app(client, smtp_inbox)
    assert added.status_code == 200
    assert not signed_in(client)
    assert current_step_url(client) == "/login/redaction/"
    assert client.post("/login/redaction/", {"accept": "on"}).status_code == 302
    assert signed_in(client)
    assert AuditEvent.objects.get(event="login.succeeded", actor=account).detail["mfa"] == "totp"


def test_a_one_time_code_is_not_used_up_by_a_request_refused_for_its_missing_redaction_flag() -> None:
    """Finding: cso-auth used up the code, then refused the filer for the missing redactFlag."""
    account = make_filer("apifiler1", "Abe Filer")
    phone = enrol_app(account)
    code = code_at(phone)
    api = Client()
    body = {"loginId": "apifiler1", "password": PACER_PASSWORD, "otpCode": code}
    refused = api.post("/services/cso-auth", body, content_type="application/json").json()
    assert refused["loginResult"] == "13"
    assert refused["errorDescription"] == signon_services.REDACTION_NOTICE
    assert not AuditEvent.objects.filter(event="mfa.failed").exists()
    accepted = api.post("/services/cso-auth", {**body, "redactFlag": "1"}, content_type="application/json").json()
    assert accepted["loginResult"] == "0" and len(accepted["nextGenCSO"]) == 128


@pytest.mark.parametrize(
    ("body", "result"),
    [
        ({"redactFlag": "1"}, "13"),  # the app's code missing
        ({"redactFlag": "1", "otpCode": "000000"}, "13"),  # a wrong code
        ({"otpCode": "CODE"}, "13"),  # the redaction flag missing
    ],
    ids=["no-code", "wrong-code", "no-redact-flag"],
)
def test_the_api_signs_a_filer_with_an_app_in_only_with_every_step(body: dict[str, str], result: str) -> None:
    account = make_filer("apifiler2", "Abe Filer")
    phone = enrol_app(account)
    body = {k: (code_at(phone) if v == "CODE" else v) for k, v in body.items()}
    answer = (
        Client()
        .post("/services/cso-auth", {"loginId": "apifiler2", "password": PACER_PASSWORD, **body}, "application/json")
        .json()
    )
    assert answer["loginResult"] == result and answer["nextGenCSO"] == ""
    assert not CsoToken.objects.filter(account=account).exists()


def test_a_web_sign_in_at_its_code_step_does_not_open_the_desk_code_step_nor_the_reverse(demo: None) -> None:
    from openecf.clerks.tests.conftest import make_clerk

    _clerk, phone = make_clerk("claraclerk", "Clara Clerk", "wiwd")
    web = Client()
    assert pacer_login(web, "claraclerk")["Location"] == "/login/code/"
    assert web.post("/clerk/login/code/", {"code": code_at(phone)})["Location"] == "/clerk/login/?expired=1"
    assert web.get("/clerk/wiwd/").status_code == 302
    desk = Client()
    assert desk.post("/clerk/login/", {"username": "claraclerk", "password": PACER_PASSWORD})["Location"] == (
        "/clerk/login/code/"
    )
    assert desk.post("/login/code/", {"code": code_at(phone)})["Location"] == "/login/?expired=1"
    assert not signed_in(desk)


def test_the_desk_password_step_is_throttled(demo: None) -> None:
    """Finding: 40 wrong passwords for wiwdclerk1 at /clerk/ all answered 401, never 429."""
    client = Client()
    statuses = [
        client.post("/clerk/login/", {"username": "wiwdclerk1", "password": f"Wrong-Guess-{n}!"}).status_code
        for n in range(40)
    ]
    assert statuses == [401] * 6 + [429] * 34
    locked = client.post("/clerk/login/", {"username": "wiwdclerk1", "password": PACER_PASSWORD})
    assert locked.status_code == 429 and "Too many failed attempts" in locked.content.decode()
    assert AuditEvent.objects.filter(event="clerk_login.failed", detail__reason="throttled").count() == 35


def test_the_desk_code_step_answers_429_once_the_code_throttle_locks(demo: None) -> None:
    """Finding: the desk's code step did not catch the throttle's exception (a 500 once the code throttle locked)."""
    from openecf.clerks.tests.conftest import make_clerk

    make_clerk("claraclerk", "Clara Clerk", "wiwd")
    client = Client()
    statuses = []
    for _ in range(2):  # five wrong codes use up a sign-in; the throttle counts across sign-ins
        client.post("/clerk/login/", {"username": "claraclerk", "password": PACER_PASSWORD})
        for _ in range(5):
            response = client.post("/clerk/login/code/", {"code": "000000"})
            statuses.append(response.status_code)
            if response.status_code != 401:
                break
    assert statuses == [401, 401, 401, 401, 302, 401, 429]
    assert "Too many failed attempts" in response.content.decode()
    assert response["Retry-After"] == "30"
