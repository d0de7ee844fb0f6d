"""A clerk sets the court's profile on the desk; an operator with set_court_profile. Both audited; filers see it."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from conftest import link_href, visible_text
from openecf.audit.models import AuditEvent
from openecf.courts.models import Court
from openecf.courts.profiles import NOTICE_WEB_SITE, NOTICE_WIWD, WIWD_LAYOUT

pytestmark = pytest.mark.django_db


def form_of() -> dict[str, str]:
    return {
        "login_style": "nextgen",
        "login_title": "Wisconsin Western District Court Login",
        "login_required_note": "Required Information",
        "login_buttons": "login_clear_cancel",
        "login_notice": NOTICE_WIWD,
        "landing_entry": "Document Filing System",
        "utilities_layout": "Your Account: pacer_account, maintain_ecf_account, link\n"
        "Miscellaneous: mailings, court_information\n"
        "Release 3.2 Menu Items: judgment_index\n"
        "Miscellaneous: efincert\n"
        "Release Menu Items: release_5_0, nextgen_release_1_1",
    }


def test_the_desk_shows_the_profile_as_it_is(clara: Client) -> None:
    page = clara.get("/clerk/wiwd/profile/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Release 3.2 Menu Items: judgment_index" in html
    assert re.search(r'value="nextgen"[^>]*checked', html)
    assert link_href(clara.get("/clerk/wiwd/"), "Court profile") == "/clerk/wiwd/profile/"


def test_a_clerk_changes_the_login_page_and_utilities_and_it_is_audited(clara: Client) -> None:
    data = form_of()
    data.update(
        login_style="pacer",
        client_code_required="on",
        login_notice=NOTICE_WEB_SITE,
        landing_entry="CM/ECF – Document Filing System",
        utilities_layout="Your Account: client_code, link\nMiscellaneous: court_information",
    )
    saved = clara.post("/clerk/wiwd/profile/", data)
    assert saved.status_code == 302 and saved["Location"] == "/clerk/wiwd/profile/?saved=5"
    assert "Saved: 5 change(s), recorded in the audit log." in visible_text(clara.get(saved["Location"]))
    event = AuditEvent.objects.get(event="court.profile_changed")
    assert event.actor is not None and event.actor.username == "claraclerk" and event.court_id == "wiwd"
    assert set(event.detail["changed"]) == {
        "login_style",
        "client_code_required",
        "login_notice",
        "landing_entry",
        "utilities_layout",
    }
    assert event.detail["changed"]["login_style"] == ["nextgen", "pacer"]
    # Filers see it at once.
    login = visible_text(Client().get("/login/?court=wiwd"))
    assert "PACER LOGIN Your browser must be set to accept cookies" in login and "Client Code *" in login
    assert "CM/ECF – Document Filing System" in visible_text(Client().get("/ecf/wiwd/"))


def test_a_bad_layout_is_refused_with_the_reason_and_nothing_changes(clara: Client) -> None:
    data = form_of()
    for layout, message in [
        ("Your Account: pacer_account", "The layout must place the link item (link)."),
        ("Your Account: link, teleport", "unknown item(s) teleport"),
        ("Your Account link", "Line 1 must read “Section title: item, item”."),
        ("A: link\nB: link", "Each item appears once; repeated: link."),
    ]:
        refused = clara.post("/clerk/wiwd/profile/", {**data, "utilities_layout": layout})
        assert refused.status_code == 400
        assert message in visible_text(refused), layout
    assert Court.objects.get(pk="wiwd").utilities_layout == WIWD_LAYOUT
    assert not AuditEvent.objects.filter(event="court.profile_changed").exists()


def test_saving_the_same_profile_records_nothing(clara: Client) -> None:
    saved = clara.post("/clerk/wiwd/profile/", form_of())
    assert saved["Location"] == "/clerk/wiwd/profile/?saved=0"
    assert not AuditEvent.objects.filter(event="court.profile_changed").exists()


def test_set_court_profile_command(db: None) -> None:
    out = StringIO()
    call_command(
        "set_court_profile",
        "wied",
        "--login-style=pacer",
        "--login-buttons=login_clear",
        "--client-code-required=yes",
        "--utilities=Your Account: link, client_code; Miscellaneous: mailings",
        stdout=out,
    )
    text = out.getvalue()
    assert text.startswith("wied: login_style, login_buttons, client_code_required, utilities_layout changed.\n")
    assert "  buttons:              Login / Clear\n" in text
    assert "    Your Account: link, client_code\n    Miscellaneous: mailings" in text
    court = Court.objects.get(pk="wied")
    assert (court.login_style, court.login_buttons, court.client_code_required) == ("pacer", "login_clear", True)
    event = AuditEvent.objects.get(event="court.profile_changed")
    assert event.actor is None and event.court_id == "wied"
    call_command("set_court_profile", "wied", "--reset", stdout=StringIO())
    court = Court.objects.get(pk="wied")
    assert (court.login_style, court.login_buttons, court.client_code_required) == (
        "nextgen",
        "login_clear_cancel",
        False,
    )


def test_set_court_profile_refuses_bad_input_with_exit_status_2(db: None) -> None:
    with pytest.raises(CommandError, match="The layout must place the link item") as refused:
        call_command("set_court_profile", "wied", "--utilities=Your Account: mailings", stdout=StringIO())
    assert refused.value.returncode == 2
    with pytest.raises(CommandError, match="Landing entry: 1 to 100 characters") as refused:
        call_command("set_court_profile", "wied", "--landing-entry= ", stdout=StringIO())
    assert not AuditEvent.objects.filter(event="court.profile_changed").exists()
