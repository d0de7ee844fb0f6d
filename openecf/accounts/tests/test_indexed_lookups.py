"""Lookups that run on every login or registration stay index probes as accounts grow to PACER's millions.

Each test captures the SQL the real code runs and asks the database for its plan: a lookup written so that no
index serves it (``username__iexact`` compiles to UPPER() or LIKE) plans a scan of every account, and fails here.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import authenticate

from conftest import PACER_PASSWORD, TEST_ORIGIN, make_pacer, plans_of
from openecf.accounts import recovery
from openecf.accounts.details import Person
from openecf.accounts.models import PacerAccount, UserType
from openecf.accounts.registration import likely_duplicate

pytestmark = pytest.mark.django_db


def _uses(plan: str, index: str) -> bool:
    scanned = "Seq Scan" in plan or "SCAN accounts_paceraccount" in plan
    return index in plan and not scanned


@pytest.mark.parametrize("typed", ["jattorney", "JAttorney", "nosuchuser"])
def test_the_login_finds_the_account_by_the_case_insensitive_username_index(typed: str) -> None:
    make_pacer("jattorney", "John Attorney")
    plans = plans_of("accounts_paceraccount", lambda: authenticate(None, username=typed, password=PACER_PASSWORD))
    assert all(_uses(plan, "pacer_username_unique_ci") for plan in plans), plans


def test_a_username_typed_in_another_case_still_signs_in() -> None:
    account = make_pacer("jattorney", "John Attorney")
    assert authenticate(None, username=" JATTORNEY ", password=PACER_PASSWORD) == account
    assert PacerAccount.objects.get_by_natural_key("JAttorney") == account


def test_the_username_reminder_finds_accounts_by_the_case_insensitive_email_index() -> None:
    make_pacer("jattorney", "John Attorney", email="John.Attorney@example.com")
    plans = plans_of(
        "accounts_paceraccount", lambda: recovery.send_usernames(email="john.attorney@EXAMPLE.com", origin=TEST_ORIGIN)
    )
    assert all(_uses(plan, "pacer_email_ci") for plan in plans), plans


def test_the_duplicate_check_of_registration_reads_two_indexes_not_every_account() -> None:
    make_pacer("jattorney", "John Attorney", email="john.attorney@example.com")
    person = Person(
        user_type=UserType.CASE_SEARCH,
        name="John Attorney",
        date_of_birth=date(1970, 1, 2),
        email="JOHN.ATTORNEY@example.com",
        phone="",
    )
    plans = plans_of("accounts_paceraccount", lambda: likely_duplicate(person))
    assert all(_uses(plan, "pacer_email_ci") and "pacer_date_of_birth" in plan for plan in plans), plans
    assert likely_duplicate(person)  # the same name, and the same address in another case
