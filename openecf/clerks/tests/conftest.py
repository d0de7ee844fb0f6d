"""Clerks of the demo courts, signed in to the desk through its real sign-in (password, then app code)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, TEST_ORIGIN, code_at, enrol_app, make_pacer
from openecf.accounts.models import PacerAccount
from openecf.clerks.services import grant_membership
from openecf.courts.models import Court


def make_clerk(username: str, name: str, *courts: str) -> tuple[PacerAccount, Any]:
    account = make_pacer(username, name)
    grant_membership(account=account, courts=Court.objects.filter(pk__in=courts), origin=TEST_ORIGIN)
    return account, enrol_app(account)


def desk_client(account: PacerAccount, totp: Any) -> Client:
    client = Client()
    response = client.post("/clerk/login/", {"username": account.username, "password": PACER_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:400]
    response = client.post("/clerk/login/code/", {"code": code_at(totp)})
    assert response.status_code == 302, response.content.decode()[:400]
    return client


@pytest.fixture
def clara(demo: None) -> Client:
    """Clara Clerk of wiwd, signed in."""
    return desk_client(*make_clerk("claraclerk", "Clara Clerk", "wiwd"))


@pytest.fixture
def carl(demo: None) -> Client:
    """Carl Deputy, a second clerk of wiwd, signed in."""
    return desk_client(*make_clerk("carldeputy", "Carl Deputy", "wiwd"))


def link_in(text: str) -> str:
    match = re.search(r"http://testserver(/ecf/[a-z0-9]+/password/reset/[^\s/]+/)", text)
    assert match, f"no reset link in: {text}"
    return match.group(1)
