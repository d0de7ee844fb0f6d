"""Utilities -> NextGen Release 1.1 Menu Items -> E-Mail Notification Preferences: a filer chooses a notice per
filing or a daily summary and adds secondary addresses; the NEF then follows the choice."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, link_href, make_filer, make_pacer, visible_text
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import Link
from openecf.noticing.models import Delivery, NoticePreference, SecondaryEmail
from openecf.noticing.nef import send_nef
from openecf.noticing.tests.conftest import World, file_with_pdfs

pytestmark = pytest.mark.django_db

URL = "/ecf/wiwd/utilities/email-information/"


@pytest.fixture
def filer(db: None) -> tuple[Client, Any]:
    account = make_filer("wiwdfiler1", "Fay Filer", "wiwd")
    client = Client()
    client.force_login(account)
    return client, Link.objects.get(pacer_account=account).ecf_account


def test_reachable_from_utilities(filer: tuple[Client, Any]) -> None:
    client, _ = filer
    utilities = client.get("/ecf/wiwd/utilities/")
    release = client.get(link_href(utilities, "NextGen Release 1.1 Menu Items"))
    assert link_href(release, "E-Mail Notification Preferences") == URL


def test_the_page_shows_the_address_on_file_and_the_current_choice(filer: tuple[Client, Any]) -> None:
    client, ecf = filer
    response = client.get(URL)
    assert response.status_code == 200
    text = visible_text(response)
    assert f"E-Mail Information for Fay Filer Primary e-mail address {ecf.email}" in text
    assert "Notices now go as a notice for each filing, in HTML." in text
    assert 'value="each" required id="id_delivery_0" checked' in response.content.decode()


def test_choosing_a_daily_summary_and_secondary_addresses(filer: tuple[Client, Any]) -> None:
    client, ecf = filer
    response = client.post(
        URL,
        {
            "delivery": "daily",
            "email_format": "text",
            "secondary_emails": "desk@firm.example.com\n\nDESK@firm.example.com\nme2@firm.example.com",
        },
    )
    assert response.status_code == 200
    text = visible_text(response)
    assert "Your e-mail information has been saved." in text
    assert (
        "Notices now go as one daily summary of the day's filings, with copies to DESK@firm.example.com, "
        "me2@firm.example.com, in plain text."
    ) in text
    preference = NoticePreference.objects.get(ecf_account=ecf)
    assert (preference.delivery, preference.email_format) == (Delivery.DAILY_SUMMARY, "text")
    assert list(SecondaryEmail.objects.filter(ecf_account=ecf).values_list("email", flat=True)) == [
        "DESK@firm.example.com",
        "me2@firm.example.com",
    ]
    [event] = AuditEvent.objects.filter(event="notice_preferences.changed")
    assert (event.detail["delivery_before"], event.detail["delivery"]) == ("each", "daily")
    assert event.detail["secondary_added"] == ["desk@firm.example.com", "me2@firm.example.com"]
    # Back to each filing, one address removed.
    response = client.post(
        URL, {"delivery": "each", "email_format": "html", "secondary_emails": "me2@firm.example.com"}
    )
    assert "Notices now go as a notice for each filing, with copies to me2@firm.example.com, in HTML." in visible_text(
        response
    )
    assert list(SecondaryEmail.objects.filter(ecf_account=ecf).values_list("email", flat=True)) == [
        "me2@firm.example.com"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email_format": "html", "secondary_emails": ""}, "Choose a notice for each filing or a daily summary."),
        ({"delivery": "each"}, "Choose HTML or plain text."),
        (
            {"delivery": "weekly", "email_format": "html"},
            "Select a valid choice. weekly is not one of the available choices.",
        ),
        (
            {"delivery": "each", "email_format": "html", "secondary_emails": "not-an-address\nok@example.com"},
            "Not an e-mail address: not-an-address.",
        ),
        (
            {
                "delivery": "each",
                "email_format": "html",
                "secondary_emails": "\n".join(f"a{n}@example.com" for n in range(6)),
            },
            "Enter at most 5 secondary addresses (6 given).",
        ),
    ],
)
def test_what_is_refused_is_said_and_nothing_changes(
    filer: tuple[Client, Any], data: dict[str, str], message: str
) -> None:
    client, _ = filer
    response = client.post(URL, data)
    assert response.status_code == 400
    assert message in visible_text(response)
    assert not NoticePreference.objects.exists() and not SecondaryEmail.objects.exists()


def test_a_pacer_user_without_a_cmecf_account_is_told_why(db: None) -> None:
    client = Client()
    client.force_login(make_pacer("pacerpat1", "Pat Pacer"))
    response = client.get(URL)
    assert response.status_code == 403
    assert "Your PACER account is not linked to a CM/ECF account in this court" in visible_text(response)


def test_the_nef_follows_the_choice_and_the_secondary_addresses(world: World) -> None:
    bob = world.defense_attorney
    pacer = make_pacer("bbakerpacer", "Bob Baker")
    Link.objects.create(pacer_account=pacer, court_id="wiwd", ecf_account=bob)
    client = Client()
    client.force_login(pacer)
    client.post(URL, {"delivery": "each", "email_format": "html", "secondary_emails": "assistant@bakerllp.example.com"})
    entry = file_with_pdfs(world.case, world.plaintiff_attorney, "MOTION to Dismiss by John Smith.")
    nef = send_nef(entry=entry, origin=TEST_ORIGIN)
    assert [(r.account.login, r.emails) for r in nef.recipients] == [
        ("aadams", ("alice@adamslaw.example.com",)),
        ("bbaker", ("bob@bakerllp.example.com", "assistant@bakerllp.example.com")),
    ]
    client.post(URL, {"delivery": "daily", "email_format": "html", "secondary_emails": ""})
    entry = file_with_pdfs(world.case, world.plaintiff_attorney, "MOTION to Strike by John Smith.")
    assert [r.account.login for r in send_nef(entry=entry, origin=TEST_ORIGIN).recipients] == ["aadams"]
