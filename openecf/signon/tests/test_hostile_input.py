"""Bad input gets a clear answer, never a server error, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import visible_text
from openecf.demo.data import PACER_PASSWORD

pytestmark = pytest.mark.django_db

ODD_VALUES = ["\x00", "a\x00b", "x" * 5000, "' OR 1=1 --", "<script>alert(1)</script>", "\ud7ff\ufffd", "../../etc"]
NUL = "Null characters are not allowed."
CLIENT_CODE_RULE = "no spaces or commas"
# For each odd value: the login form's status, the old court login's status, and what the client-code page answers
# (status, the sentence the filer reads). "../../etc" is a well-formed client code and a wrong password.
ANSWERS = {
    "\x00": (400, 400, 400, NUL),
    "a\x00b": (400, 400, 400, NUL),
    "x" * 5000: (400, 400, 400, "has at most"),
    "' OR 1=1 --": (400, 403, 400, CLIENT_CODE_RULE),
    "<script>alert(1)</script>": (400, 403, 400, CLIENT_CODE_RULE),
    "\ud7ff\ufffd": (400, 403, 400, CLIENT_CODE_RULE),
    "../../etc": (401, 403, 200, "Your client code is now “../../etc”."),
}


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_court_ids_in_addresses_are_not_found(demo: None, value: str) -> None:
    client = Client()
    for path in [f"/ecf/{value}/", f"/courts/{value}/", f"/ecf/{value}/utilities/link/", f"/help/{value}/"]:
        response = client.get(path)
        assert response.status_code == 404, (path, response.status_code)


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_values_in_the_login_form_are_refused_clearly(demo: None, value: str) -> None:
    client = Client()
    response = client.post(
        f"/login/?court={value}",
        {"username": value, "password": value, "client_code": value, "court": value, "next": value},
    )
    status = ANSWERS[value][0]
    assert response.status_code == status
    if status == 401:  # well-formed, wrong: the one answer for a failed login
        assert "Invalid username or password." in visible_text(response)
    else:  # malformed: the form names the field
        assert 'class="errorlist"' in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_values_in_the_link_forms_are_refused_clearly(demo: None, value: str) -> None:
    client = Client()
    client.post("/login/?court=wiwd", {"username": "asample22", "password": PACER_PASSWORD, "court": "wiwd"})
    response = client.post("/ecf/wiwd/utilities/link/", {"login": value, "password": value})
    assert response.status_code == 400
    confirm = client.post(
        "/ecf/wiwd/utilities/link/confirm/", {"nonce": value, "names_differ_confirmed": value}, follow=True
    )
    assert confirm.status_code == 409
    assert "This confirmation is no longer valid" in visible_text(confirm)
    court_login = client.post("/ecf/nysd/cgi-bin/login.pl", {"login": value, "password": value})
    _login, court_login_status, client_code_status, client_code_text = ANSWERS[value]
    assert court_login.status_code == court_login_status
    client_code = client.post("/ecf/wiwd/utilities/client-code/", {"client_code": value})
    assert client_code.status_code == client_code_status
    assert client_code_text in visible_text(client_code)


def test_methods_a_page_does_not_take_are_refused(demo: None) -> None:
    assert Client().put("/login/").status_code == 405
    assert Client().delete("/ecf/wiwd/cgi-bin/login.pl").status_code == 405
