"""What the account-life tests share: filling in the multi-page forms, and reading the e-mail that arrived."""

from __future__ import annotations

import re
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from django.test import Client

from openecf.notices.services import deliver_pending

NEW_PASSWORD = "Quiet-Harbor-Lantern-77"
ANSWERS = {"question1": "first_pet", "answer1": "Fluffy", "question2": "birth_city", "answer2": "Madison"}
ANSWERS |= {"question3": "first_car", "answer3": "Volvo"}


def delivered(inbox: Any) -> list[Message]:
    """Run the outbox as the send_outbox worker does; return the messages the SMTP server received by now."""
    deliver_pending()
    return list(inbox.messages)


def body(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def mail_to(inbox: Any, address: str, subject_part: str = "") -> Message:
    """The newest message to this address (whose subject contains subject_part)."""
    found = [
        m
        for m in delivered(inbox)
        if address.lower() in m["X-Envelope-To"].lower() and subject_part.lower() in str(m["Subject"]).lower()
    ]
    assert found, f"no e-mail to {address} about {subject_part!r}"
    return found[-1]


def link_path(message: Message, fragment: str) -> str:
    """The path of the link in the e-mail that contains fragment (as a reader would click it)."""
    match = re.search(r"https?://\S*" + re.escape(fragment) + r"\S*", body(message))
    assert match, f"no link with {fragment!r} in: {body(message)}"
    return urlsplit(match.group(0)).path


def register(
    client: Client,
    *,
    username: str = "nnewfiler",
    name: str = "Nora Newfiler",
    email: str = "nora@example.com",
    date_of_birth: str = "1985-04-25",
    user_type: str = "attorney_filer",
    state: str = "WI",
    county: str = "55025",
    password: str = NEW_PASSWORD,
) -> Any:
    person = {"user_type": user_type, "name": name, "date_of_birth": date_of_birth, "email": email, "phone": ""}
    response = client.post("/account/register/", person)
    if response.status_code != 302:
        return response
    address = {"line1": "120 N Henry St", "line2": "", "city": "Madison", "state": state, "zip_code": "53703"}
    assert client.post(response["Location"], address)["Location"] == "/account/register/county/"
    assert client.post("/account/register/county/", {"county": county})["Location"] == "/account/register/security/"
    security = {"username": username, "password1": password, "password2": password, **ANSWERS}
    return client.post("/account/register/security/", security)


def login(client: Client, username: str, password: str, court: str = "wiwd") -> Any:
    return client.post(
        f"/login/?court={court}", {"username": username, "password": password, "client_code": "", "court": court}
    )
