"""Go-live: the clerk sets or moves the date (previewed, audited), filers are e-mailed, and reminded on the day."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from conftest import TEST_ORIGIN, make_ecf, make_pacer, visible_text
from openecf.accounts.models import PacerAccount
from openecf.audit.models import AuditEvent
from openecf.clerks import golive
from openecf.clerks.scope import ClerkScope
from openecf.clerks.tests.conftest import desk_client, make_clerk
from openecf.cmecf.models import Link
from openecf.courts.models import Court
from openecf.courts.services import set_nextgen_date
from openecf.notices.models import OutboxMessage
from openecf.notices.services import deliver_pending

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilnd_clerk(demo: None) -> Client:
    """A clerk of ilnd (scheduled, not yet live), whose court has three active and one inactive filer."""
    make_ecf("ilnd", "afirst", "Ann First", "pw-Ann-First-1!", email="ann@example.com")
    make_ecf("ilnd", "bsecond", "Bob Second", "pw-Bob-Second-1!", email="bob@example.com", role="viewer")
    make_ecf("ilnd", "gone", "Gus Gone", "pw-Gus-Gone-1!", email="gus@example.com", active=False)
    return desk_client(*make_clerk("ilndclerk1", "Ida Clerk", "ilnd"))


def test_preview_shows_what_filers_will_see_and_changes_nothing(ilnd_clerk: Client) -> None:
    court = Court.objects.get(pk="ilnd")
    assert court.nextgen_go_live is not None
    new_date = court.nextgen_go_live + timedelta(days=14)
    preview = ilnd_clerk.post(
        "/clerk/ilnd/go-live/",
        {"go_live": new_date.isoformat(), "link_item_location": "utilities", "action": "preview"},
    )
    text = visible_text(preview)
    assert "Utilities → Link a CM/ECF account to my PACER account" in text
    assert f"moves to NextGen CM/ECF on {new_date:%A, %B} {new_date.day}, {new_date.year}" in text
    assert "The e-mail each of the court's 3 active CM/ECF account holders receives" in text
    assert Court.objects.get(pk="ilnd").nextgen_go_live == court.nextgen_go_live
    assert OutboxMessage.objects.count() == 0


def test_moving_the_date_emails_every_active_account_holder_once(ilnd_clerk: Client, smtp_inbox: Any) -> None:
    court = Court.objects.get(pk="ilnd")
    old = court.nextgen_go_live
    assert old is not None
    new_date = old + timedelta(days=7)
    saved = ilnd_clerk.post(
        "/clerk/ilnd/go-live/",
        {"go_live": new_date.isoformat(), "link_item_location": "nextgen_menu", "action": "save"},
        follow=True,
    )
    assert "Saved. 3 e-mail(s) to the court's CM/ECF account holders are queued" in visible_text(saved)
    assert Court.objects.get(pk="ilnd").nextgen_go_live == new_date
    assert deliver_pending() == 3
    to = {mail["X-Envelope-To"]: mail.get_payload() for mail in smtp_inbox.messages}
    assert set(to) == {"ann@example.com", "bob@example.com", "jattorney@example.com"}  # one each, not Gus
    assert f"(moved from {old:%A, %B} {old.day}, {old.year})" in to["ann@example.com"]
    assert "Your CM/ECF login afirst no longer opens the filing system." in to["ann@example.com"]
    assert "Utilities → NextGen Release 1.1 Menu Items → Link a CM/ECF account" in to["ann@example.com"]
    announced = AuditEvent.objects.get(event="court.go_live_announced", court_id="ilnd")
    assert announced.username == "ilndclerk1" and announced.detail["recipients"] == 3
    assert AuditEvent.objects.get(event="court.nextgen_date_set", actor__username="ilndclerk1").detail == {
        "previous": old.isoformat(),
        "go_live": new_date.isoformat(),
    }


def test_a_past_date_and_a_live_court_are_refused(ilnd_clerk: Client) -> None:
    past = ilnd_clerk.post(
        "/clerk/ilnd/go-live/", {"go_live": "2020-01-06", "link_item_location": "nextgen_menu", "action": "save"}
    )
    assert past.status_code == 400 and "The go-live date must be today" in visible_text(past)
    wiwd = desk_client(*make_clerk("wiwdclerk9", "Wanda Clerk", "wiwd"))
    live = wiwd.post(
        "/clerk/wiwd/go-live/", {"go_live": "2040-01-02", "link_item_location": "utilities", "action": "save"}
    )
    assert "is live on NextGen since Monday, April 25, 2022; its date can no longer be moved" in visible_text(live)
    assert Court.objects.get(pk="wiwd").nextgen_go_live.isoformat() == "2022-04-25"  # type: ignore[union-attr]
    assert OutboxMessage.objects.count() == 0
    moved = wiwd.post(
        "/clerk/wiwd/go-live/", {"go_live": "2022-04-25", "link_item_location": "nextgen_menu", "action": "save"}
    )
    assert moved.status_code == 302  # a live court still places its link item
    assert Court.objects.get(pk="wiwd").link_item_location == "nextgen_menu"
    assert OutboxMessage.objects.count() == 0  # no date change, no announcement


def test_go_live_day_reminds_those_not_yet_linked_once(ilnd_clerk: Client, smtp_inbox: Any) -> None:
    court = Court.objects.get(pk="ilnd")
    set_nextgen_date(court=court, go_live=court.local_date(), origin=TEST_ORIGIN)
    ann = make_pacer("annfirst1", "Ann First")
    Link.objects.create(pacer_account=ann, ecf_account=court.ecf_accounts.get(login="afirst"), court=court)
    out = StringIO()
    call_command("send_go_live_reminders", stdout=out)
    assert "ilnd: 2 reminder(s) queued" in out.getvalue()
    deliver_pending()
    assert sorted(mail["X-Envelope-To"] for mail in smtp_inbox.messages) == ["bob@example.com", "jattorney@example.com"]
    assert "is live on NextGen CM/ECF from today" in smtp_inbox.messages[0].get_payload()
    again = StringIO()
    call_command("send_go_live_reminders", stdout=again)
    assert "No court goes live today" in again.getvalue()
    assert deliver_pending() == 0


def test_help_contacts_are_edited_and_shown_where_filers_are_told_to_contact_the_court(clara: Client) -> None:
    bad = clara.post("/clerk/wiwd/contacts/", {"clerk_phone": "(608) 264-5156", "help_desk_email": "not-an-address"})
    assert bad.status_code == 400 and "Enter a valid email address." in visible_text(bad)
    clara.post(
        "/clerk/wiwd/contacts/",
        {
            "clerk_phone": "(608) 555-0199",
            "help_desk_url": "https://www.wiwd.uscourts.gov/nextgen-help",
            "help_desk_email": "ecfhelp@wiwd.example.com",
            "pacer_help_url": "",
        },
    )
    court_page = visible_text(Client().get("/courts/wiwd/"))
    assert "Clerk's Office: (608) 555-0199" in court_page
    assert "CM/ECF HelpDesk: https://www.wiwd.uscourts.gov/nextgen-help" in court_page
    event = AuditEvent.objects.get(event="court.contacts_changed", court_id="wiwd")
    assert event.detail["changed"]["clerk_phone"] == ["(608) 264-5156", "(608) 555-0199"]


def test_a_double_submitted_save_emails_the_filers_once(ilnd_clerk: Client) -> None:
    # A double click: both requests read the court (their scope) before either saved.
    clerk = PacerAccount.objects.get(username="ilndclerk1")
    first = ClerkScope(clerk=clerk, court=Court.objects.get(pk="ilnd"))
    second = ClerkScope(clerk=clerk, court=Court.objects.get(pk="ilnd"))
    assert first.court.nextgen_go_live is not None
    new_date = first.court.nextgen_go_live + timedelta(days=7)
    place = "utilities" if first.court.link_item_location == "nextgen_menu" else "nextgen_menu"
    assert golive.schedule(scope=first, go_live=new_date, link_item_location=place, origin=TEST_ORIGIN) == 3
    with pytest.raises(golive.GoLiveRefused) as refused:
        golive.schedule(scope=second, go_live=new_date, link_item_location=place, origin=TEST_ORIGIN)
    assert str(refused.value) == "Nothing changed: that is already the court's date and link item place."
    assert OutboxMessage.objects.filter(kind="court.go_live_announced").count() == 3
    by_clerk = AuditEvent.objects.filter(court_id="ilnd", actor=clerk, event__startswith="court.")
    assert sorted(by_clerk.values_list("event", flat=True)) == [
        "court.go_live_announced",
        "court.link_item_moved",
        "court.nextgen_date_set",
    ]
    court = Court.objects.get(pk="ilnd")
    assert (court.nextgen_go_live, court.link_item_location) == (new_date, place)
