"""Every form is CSRF-protected: each template form carries the token, and each POST without one is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from conftest import visible_text
from openecf.demo.data import PACER_PASSWORD

TEMPLATES = Path(settings.BASE_DIR) / "openecf" / "templates"
POSTS = [
    "/login/?court=wied",
    "/logout/",
    "/ecf/nysd/cgi-bin/login.pl",
    "/ecf/wied/utilities/link/",
    "/ecf/wied/utilities/link/confirm/",
    "/ecf/wied/utilities/client-code/",
    "/ecf/ca8/n/beam/servlet/TransportRoom?servlet=LinkAccount.jsp",
    "/ecf/ca8/n/beam/servlet/TransportRoom?servlet=LinkConfirm.jsp",
    "/clerk/wiwd/profile/",
]


def test_every_post_form_in_the_templates_carries_the_csrf_token() -> None:
    forms = []
    for template in TEMPLATES.rglob("*.html"):
        for form in re.findall(r"(?is)<form\b[^>]*>.*?</form>", template.read_text()):
            if re.search(r'(?i)method="post"', form):
                forms.append((template.name, "{% csrf_token %}" in form))
    assert forms and all(has_token for _, has_token in forms), forms


@pytest.mark.django_db
@pytest.mark.parametrize("url", POSTS)
def test_a_post_without_the_token_is_refused(demo: None, url: str) -> None:
    client = Client(enforce_csrf_checks=True)
    signed_in = Client()
    signed_in.post("/login/", {"username": "jattorney", "password": PACER_PASSWORD, "client_code": ""})
    client.cookies = signed_in.cookies  # a signed-in browser, tricked by another site into posting
    response = client.post(url, {"login": "cs5184", "password": "wied-ecf-5184", "nonce": "x", "client_code": "x"})
    assert response.status_code == 403
    assert "Your form expired" in visible_text(response)
