"""Every rule of the link procedure, each with its own clear message (issue: rules of point 7)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from conftest import TEST_ORIGIN, form_nonce, link_href, make_ecf, make_pacer, menu_bar, visible_text
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import EcfAccount, Link
from openecf.courts.models import Court
from openecf.courts.services import set_nextgen_date
from openecf.demo.data import PACER_PASSWORD
from openecf.notices.models import OutboxMessage

pytestmark = pytest.mark.django_db

FILER_MENU = ["Civil", "Criminal", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]


def signed_in(username: str, court: str, password: str = PACER_PASSWORD) -> Client:
    client = Client()
    response = client.post(
        f"/login/?court={court}", {"username": username, "password": password, "client_code": "", "court": court}
    )
    assert response.status_code == 302, visible_text(response)
    return client


def attempt(client: Client, court: str, login: str, password: str) -> Any:
    return client.post(f"/ecf/{court}/utilities/link/", {"login": login, "password": password})


def link(client: Client, court: str, login: str, password: str, **extra: str) -> Any:
    confirm = attempt(client, court, login, password)
    assert "Do you want to link these accounts?" in visible_text(confirm), visible_text(confirm)
    return client.post(f"/ecf/{court}/utilities/link/confirm/", {"nonce": form_nonce(confirm), **extra}, follow=True)


def refusals(reason: str) -> int:
    return AuditEvent.objects.filter(event="link.refused", detail__reason=reason).count()


# Court not live yet: with a date, and with none set.


def test_court_with_a_future_date_says_when_linking_opens(demo: None) -> None:
    client = signed_in("jattorney", "ilnd")
    page = client.get("/ecf/ilnd/utilities/link/")
    expected = Court.objects.get(pk="ilnd").go_live_text
    assert (
        "The Illinois Northern District Court is not yet live on NextGen CM/ECF. Linking will be possible from "
        + expected
    ) in visible_text(page)
    assert "CM/ECF password:" not in visible_text(page)
    refused = attempt(client, "ilnd", "jattorney", "ilnd-ecf-attorney")
    assert "not yet live on NextGen" in visible_text(refused)
    assert not Link.objects.exists() and refusals("court_not_live") == 1


def test_a_refused_post_before_go_live_says_when_linking_opens(demo: None) -> None:
    """The refusal decided before the password is checked reaches the page whole: the date, not "from ."."""
    client = signed_in("jattorney", "ilnd")
    refused = attempt(client, "ilnd", "jattorney", "ilnd-ecf-attorney")
    expected = Court.objects.get(pk="ilnd").go_live_text
    assert refused.status_code == 403
    assert (
        "The Illinois Northern District Court is not yet live on NextGen CM/ECF. Linking will be possible from "
        f"{expected}. Until then, keep using your court-issued CM/ECF login to file."
    ) in visible_text(refused)


def test_court_without_a_date_says_none_is_set(demo: None) -> None:
    client = signed_in("jattorney", "nysd")
    refused = attempt(client, "nysd", "jattorney", "nysd-ecf-attorney")
    assert "The New York Southern District Court has not set a date to go live on NextGen CM/ECF" in (
        visible_text(refused)
    )
    assert not Link.objects.exists() and refusals("court_not_on_nextgen") == 1


def test_go_live_is_midnight_in_the_courts_own_time_zone(demo: None) -> None:
    """A Guam court live 'today' in Guam links even while it is still yesterday in Washington."""
    make_pacer("guamfiler1", "Ana Santos")
    make_ecf("gud", "asantos", "Ana Santos", "gud-ecf-santos")
    gud = Court.objects.get(pk="gud")
    set_nextgen_date(court=gud, go_live=gud.local_date(), origin=TEST_ORIGIN)
    from conftest import PACER_PASSWORD as TEST_PASSWORD

    client = signed_in("guamfiler1", "gud", TEST_PASSWORD)
    done = link(client, "gud", "asantos", "gud-ecf-santos")
    assert "is now linked to your CSO account" in visible_text(done)
    set_nextgen_date(court=gud, go_live=gud.local_date() + timedelta(days=1), origin=TEST_ORIGIN)
    assert not Court.objects.get(pk="gud").is_live()


# The PACER account must be an upgraded individual one.


def test_shared_firm_account_is_refused(demo: None) -> None:
    client = signed_in("smithfirm", "wiwd")
    page = client.get("/ecf/wiwd/utilities/link/")
    assert "shared PACER account" in visible_text(page)
    refused = attempt(client, "wiwd", "asample", "wiwd-ecf-sample")
    assert "A shared firm account cannot be linked" in visible_text(refused)
    assert "CM/ECF password:" not in visible_text(refused)  # nothing to retry with this account
    assert not Link.objects.exists() and refusals("shared_account") == 1


def test_legacy_account_is_refused_and_pointed_to_the_upgrade(demo: None) -> None:
    client = signed_in("jdoe01", "wiwd")
    refused = attempt(client, "wiwd", "jdoe", "wiwd-ecf-doe")
    text = visible_text(refused)
    assert "Your PACER account has not been upgraded." in text
    assert "Upgrading Your PACER Account" in text
    assert client.get("/help/upgrade/").status_code == 200
    assert not Link.objects.exists() and refusals("legacy_account") == 1


# Wrong credentials: one message for both, so logins cannot be discovered.


def test_wrong_login_and_wrong_password_get_the_same_message(demo: None) -> None:
    client = signed_in("asample22", "wiwd")
    unknown = attempt(client, "wiwd", "nosuchlogin", "wiwd-ecf-sample")
    wrong = attempt(client, "wiwd", "asample", "not-the-password")
    assert unknown.status_code == wrong.status_code == 400

    def message(response: object) -> str:
        text = visible_text(response)
        return text[text.index("The CM/ECF login or password is incorrect.") :][:200]

    assert message(unknown) == message(wrong)
    assert "CM/ECF password:" in visible_text(wrong)  # the form is there to try again
    assert not Link.objects.exists() and refusals("bad_credentials") == 2


def test_empty_fields_get_field_errors_not_a_refusal(demo: None) -> None:
    client = signed_in("asample22", "wiwd")
    response = attempt(client, "wiwd", "", "")
    text = visible_text(response)
    assert response.status_code == 400
    assert "Enter your CM/ECF login." in text and "Enter your CM/ECF password." in text
    assert 'aria-invalid="true"' in response.content.decode()


def test_logins_match_without_regard_to_case_or_surrounding_spaces(demo: None) -> None:
    client = signed_in("jattorney", "wied")
    done = link(client, "wied", "  CS5184 ", "wied-ecf-5184")
    assert "The CM/ECF account for John Attorney is now linked" in visible_text(done)


def test_logins_with_special_characters_link(db: None) -> None:
    make_pacer("specialchars", "Pat Special")
    make_ecf("wiwd", "p&special@$*", "Pat Special", "wiwd-ecf-special", email="pat@example.com")
    from conftest import PACER_PASSWORD as TEST_PASSWORD

    client = signed_in("specialchars", "wiwd", TEST_PASSWORD)
    done = link(client, "wiwd", "P&Special@$*", "wiwd-ecf-special")
    assert "is now linked to your CSO account" in visible_text(done)


# One CM/ECF account per PACER account per court, one PACER account per CM/ECF account.


def test_cm_ecf_account_already_linked_to_someone_else(demo: None) -> None:
    link(signed_in("asample22", "wiwd"), "wiwd", "asample", "wiwd-ecf-sample")
    make_pacer("otherlawyer", "Other Lawyer")
    from conftest import PACER_PASSWORD as TEST_PASSWORD

    refused = attempt(signed_in("otherlawyer", "wiwd", TEST_PASSWORD), "wiwd", "asample", "wiwd-ecf-sample")
    assert "This CM/ECF account is already linked to a PACER account." in visible_text(refused)
    assert "(608) 264-5156" in visible_text(refused)  # the clerk's office corrects wrong links
    assert Link.objects.get().pacer_account.username == "asample22"
    assert refusals("ecf_already_linked") == 1


def test_pacer_account_already_linked_at_this_court(demo: None) -> None:
    client = signed_in("jattorney", "wied")
    link(client, "wied", "cs5184", "wied-ecf-5184")
    make_ecf("wied", "jattorney2", "John Attorney", "wied-ecf-second")
    page = client.get("/ecf/wied/utilities/link/")
    assert "Your PACER account is already linked to the CM/ECF account for John Attorney at this court." in (
        visible_text(page)
    )
    refused = attempt(client, "wied", "jattorney2", "wied-ecf-second")
    assert "Your PACER account is already linked to the CM/ECF account for John Attorney at this court." in (
        visible_text(refused)
    )
    assert Link.objects.filter(court_id="wied").count() == 1


def test_inactive_cm_ecf_account_is_refused(demo: None) -> None:
    refused = attempt(signed_in("asample22", "wiwd"), "wiwd", "oldfiler", "wiwd-ecf-old")
    assert "This CM/ECF account is inactive" in visible_text(refused)
    assert not Link.objects.exists() and refusals("ecf_inactive") == 1


def test_inactive_account_with_wrong_password_only_hears_wrong_credentials(demo: None) -> None:
    refused = attempt(signed_in("asample22", "wiwd"), "wiwd", "oldfiler", "guess")
    assert "The CM/ECF login or password is incorrect." in visible_text(refused)
    assert "inactive" not in visible_text(refused)


def test_the_database_itself_forbids_a_second_link(demo: None) -> None:
    link(signed_in("jattorney", "wied"), "wied", "cs5184", "wied-ecf-5184")
    first = Link.objects.get()
    other = make_pacer("beasecond", "Bea Second")
    with pytest.raises(IntegrityError), transaction.atomic():
        Link.objects.create(pacer_account=other, ecf_account=first.ecf_account, court=first.court)
    second_ecf = make_ecf("wied", "second", "John Attorney", "x-password-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Link.objects.create(pacer_account=first.pacer_account, ecf_account=second_ecf, court=first.court)


# After linking.


def test_linked_credentials_open_nothing_and_cannot_link_again(demo: None) -> None:
    link(signed_in("jattorney", "wied"), "wied", "cs5184", "wied-ecf-5184")
    anonymous = Client()
    old_login = anonymous.post("/ecf/wied/cgi-bin/login.pl", {"login": "cs5184", "password": "wied-ecf-5184"})
    assert old_login.status_code == 403
    assert "Court-issued CM/ECF logins no longer open the filing system" in visible_text(old_login)
    attempt_logged = AuditEvent.objects.get(event="ecf_login.failed")
    assert attempt_logged.court_id == "wied" and attempt_logged.detail["reason"] == "court_on_nextgen"
    assert anonymous.get("/ecf/wied/menu/civil/").status_code == 302  # still not signed in
    make_pacer("paralegal1", "Pat Paralegal")
    from conftest import PACER_PASSWORD as TEST_PASSWORD

    again = attempt(signed_in("paralegal1", "wied", TEST_PASSWORD), "wied", "cs5184", "wied-ecf-5184")
    assert "already linked" in visible_text(again)


def test_a_link_at_one_court_grants_nothing_at_another(demo: None) -> None:
    client = signed_in("jattorney", "wied")
    link(client, "wied", "cs5184", "wied-ecf-5184")
    assert menu_bar(client.get("/ecf/wied/")) == FILER_MENU
    alnd = client.get("/ecf/alnd/")
    assert menu_bar(alnd) == ["Query", "Reports", "Utilities", "Help", "Log Out"]
    civil = client.get("/ecf/alnd/menu/civil/")
    assert civil.status_code == 403
    assert "not linked to a CM/ECF filing account in this court" in visible_text(civil)


def test_a_viewer_account_links_but_gets_no_filing_menus(demo: None) -> None:
    client = signed_in("mviewer01", "wied")
    done = link(client, "wied", "mviewer", "wied-ecf-viewer")
    assert "The CM/ECF account for Mary Viewer is now linked to your CSO account." in visible_text(done)
    assert "can view documents in this court but not file" in visible_text(done)
    assert menu_bar(done) == ["Query", "Reports", "Utilities", "Search", "Help", "Log Out"]
    assert client.get("/ecf/wied/menu/criminal/").status_code == 403


def test_appellate_courts_use_their_own_wording(demo: None) -> None:
    client = signed_in("jattorney", "ca8")
    update = client.get("/ecf/ca8/n/beam/servlet/TransportRoom?servlet=UpdateAccount.jsp")
    assert "Link my filer account to my PACER account" in visible_text(update)
    assert "Link a CM/ECF account" not in visible_text(update)
    done = link(client, "ca8", "jattorney8", "ca8-ecf-attorney")
    assert "The CM/ECF account for John Attorney is now linked" in visible_text(done)
    assert menu_bar(done)[0] == "Filing"


# The confirmation step.


def test_double_clicked_submit_shows_the_same_result_and_links_once(demo: None, smtp_inbox: object) -> None:
    client = signed_in("jattorney", "wied")
    confirm = attempt(client, "wied", "cs5184", "wied-ecf-5184")
    nonce = form_nonce(confirm)
    first = client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    second = client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    assert visible_text(first) == visible_text(second)
    assert "is now linked to your CSO account" in visible_text(second)
    assert Link.objects.count() == 1
    assert AuditEvent.objects.filter(event="link.confirmed").count() == 1
    assert OutboxMessage.objects.count() == 1


def test_confirmation_cannot_be_replayed_from_another_session(demo: None) -> None:
    victim = signed_in("jattorney", "wied")
    nonce = form_nonce(attempt(victim, "wied", "cs5184", "wied-ecf-5184"))
    intruder = signed_in("asample22", "wied")
    replay = intruder.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    assert "This confirmation is no longer valid" in visible_text(replay)
    assert not Link.objects.exists() and refusals("confirmation_expired") == 1


def test_confirmation_dies_when_the_cm_ecf_password_changes(demo: None) -> None:
    client = signed_in("jattorney", "wied")
    nonce = form_nonce(attempt(client, "wied", "cs5184", "wied-ecf-5184"))
    account = EcfAccount.objects.get(court_id="wied", login="cs5184")
    account.set_password("changed-meanwhile")
    account.save()
    response = client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    assert "This confirmation is no longer valid" in visible_text(response)
    assert not Link.objects.exists()


def test_confirmation_expires(demo: None, settings: object) -> None:
    settings.OPENECF_LINK_CONFIRM_MINUTES = 0  # type: ignore[attr-defined]
    client = signed_in("jattorney", "wied")
    nonce = form_nonce(attempt(client, "wied", "cs5184", "wied-ecf-5184"))
    response = client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    assert "This confirmation is no longer valid" in visible_text(response)
    assert not Link.objects.exists()


def test_the_confirmation_page_shows_submit_and_clear(demo: None) -> None:
    # Seeds 000, 001 and 002: "Submit Clear" under the permanence warning; nothing else to press.
    client = signed_in("jattorney", "wied")
    confirm = attempt(client, "wied", "cs5184", "wied-ecf-5184")
    assert (
        "Use your upgraded PACER account to e-file in this court. "
        "A link cannot be undone by you or moved to a different account. Submit Clear OpenECF"
    ) in visible_text(confirm)
    buttons = re.findall(r"<button[^>]*>([^<]+)</button>", confirm.content.decode().split("<main", 1)[1])
    assert buttons == ["Submit", "Clear"]


def test_the_link_form_marks_both_fields_required(demo: None) -> None:
    # Seeds 000 and 004: "CM/ECF login: cs5184 *" and "CM/ECF password: *", the star after the field.
    form = signed_in("jattorney", "wied").get("/ecf/wied/utilities/link/")
    assert "CM/ECF login: * CM/ECF password: * Submit Clear" in visible_text(form)
    assert re.search(r'<input type="text" name="login"[^>]*> <span class="required">\*</span>', form.content.decode())


def test_link_pages_need_a_pacer_login(demo: None) -> None:
    response = Client().get("/ecf/wiwd/utilities/link/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?court=wiwd&next=%2Fecf%2Fwiwd%2Futilities%2Flink%2F")


# Courts not on NextGen keep their own login.


def test_currentgen_court_keeps_its_court_issued_login(demo: None) -> None:
    client = Client()
    landing = client.get("/ecf/nysd/")
    assert landing.status_code == 200 and link_href(landing, "Document Filing System") == "/ecf/nysd/cgi-bin/login.pl"
    wrong = client.post("/ecf/nysd/cgi-bin/login.pl", {"login": "jattorney", "password": "nope"})
    assert wrong.status_code == 403 and "The CM/ECF login or password is incorrect." in visible_text(wrong)
    ok = client.post("/ecf/nysd/cgi-bin/login.pl", {"login": "JAttorney", "password": "nysd-ecf-attorney"}, follow=True)
    assert menu_bar(ok) == FILER_MENU
    assert client.get("/ecf/nysd/menu/civil/").status_code == 200
    # The court login is for this court only.
    assert client.get("/ecf/wied/utilities/").status_code == 302
    assert menu_bar(client.get("/ecf/wied/")) == []


def test_pacer_login_at_a_currentgen_court_gives_pacer_functions_only(demo: None) -> None:
    client = signed_in("jattorney", "nysd")
    home = client.get("/ecf/nysd/")
    assert menu_bar(home) == ["Query", "Reports", "Utilities", "Help", "Log Out"]
    assert "court-issued CM/ECF login" in visible_text(home)
    assert client.get("/ecf/nysd/menu/civil/").status_code == 403
    assert client.get("/ecf/nysd/menu/query/").status_code == 200


def test_the_court_login_stops_on_go_live_day(demo: None) -> None:
    client = Client()
    assert (
        client.post("/ecf/ilnd/cgi-bin/login.pl", {"login": "jattorney", "password": "ilnd-ecf-attorney"}).status_code
        == 302
    )
    assert menu_bar(client.get("/ecf/ilnd/"))[0] == "Civil"
    ilnd = Court.objects.get(pk="ilnd")
    set_nextgen_date(court=ilnd, go_live=ilnd.local_date(), origin=TEST_ORIGIN)
    # The old session no longer files, and the old login is refused with the reason.
    assert client.get("/ecf/ilnd/utilities/").status_code == 302
    refused = Client().post("/ecf/ilnd/cgi-bin/login.pl", {"login": "jattorney", "password": "ilnd-ecf-attorney"})
    assert refused.status_code == 403
    assert f"is live on NextGen CM/ECF since {Court.objects.get(pk='ilnd').go_live_text}." in visible_text(refused)


def test_link_audit_and_email_are_written_together_or_not_at_all(demo: None, monkeypatch: pytest.MonkeyPatch) -> None:
    client = signed_in("jattorney", "wied")
    nonce = form_nonce(attempt(client, "wied", "cs5184", "wied-ecf-5184"))

    def outbox_down(**kwargs: object) -> None:
        raise RuntimeError("outbox table unavailable")

    monkeypatch.setattr("openecf.notices.services.enqueue", outbox_down)
    with pytest.raises(RuntimeError):
        client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce})
    assert not Link.objects.exists()
    assert not AuditEvent.objects.filter(event="link.confirmed").exists()
    monkeypatch.undo()
    done = client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    assert "is now linked to your CSO account" in visible_text(done)
    assert Link.objects.count() == 1 and OutboxMessage.objects.count() == 1


def test_a_link_cannot_claim_a_court_other_than_its_accounts(demo: None) -> None:
    """Otherwise one PACER account could hold two links at one court by filing one under another court's id."""
    from openecf.accounts.models import PacerAccount

    with pytest.raises(ValueError, match="court must be its CM/ECF account's court"):
        Link.objects.create(
            pacer_account=PacerAccount.objects.get(username="jattorney"),
            ecf_account=EcfAccount.objects.get(court_id="wied", login="cs5184"),
            court=Court.objects.get(pk="alnd"),
        )
    assert not Link.objects.exists()
