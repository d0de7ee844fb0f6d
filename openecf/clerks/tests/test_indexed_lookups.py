"""The clerk's desk finds a court's CM/ECF accounts by e-mail address through an index, however big the court."""

from __future__ import annotations

import pytest
from django.db import connection

from conftest import make_ecf, make_pacer, plans_of
from openecf.clerks import selectors
from openecf.clerks.scope import ClerkScope
from openecf.cmecf.models import EcfAccount
from openecf.courts.models import Court
from openecf.efile.models import EfileRegistration

pytestmark = pytest.mark.django_db


def test_accounts_with_the_filers_email_address_are_found_by_the_court_email_index() -> None:
    court = Court.objects.get(pk="wiwd")
    filer = make_pacer("asample22", "Attorney Sample", email="Attorney.Sample@example.com")
    mine = make_ecf("wiwd", "asample", "Attorney Sample", "Old-Court-Password-1!", email="attorney.sample@EXAMPLE.com")
    # A court of some size, with the statistics a live database keeps: on a table of two rows the planner rightly
    # prefers whichever index also gives the order, and the test would show nothing.
    EcfAccount.objects.bulk_create(
        EcfAccount(
            court=court,
            login=f"filer{n}",
            login_key=f"filer{n}",
            password="!",
            name=f"Filer {n}",
            email=f"filer{n}@example.com",
        )
        for n in range(3000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    scope = ClerkScope(clerk=filer, court=court)
    found = EfileRegistration(account=filer, court=court)
    plans = plans_of("cmecf_ecfaccount", lambda: list(selectors.accounts_like(scope, found)))
    assert all("ecf_court_email_ci" in plan and "SCAN cmecf_ecfaccount" not in plan for plan in plans), plans
    assert list(selectors.accounts_like(scope, found)) == [mine]
