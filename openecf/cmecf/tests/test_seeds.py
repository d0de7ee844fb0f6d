"""Each court guide in shared/seeds walked step by step over HTTP, as a filer would, with the demo accounts."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import PACER_PASSWORD as TEST_PASSWORD
from conftest import form_nonce, link_href, make_ecf, make_pacer, menu_bar, visible_text
from openecf.cmecf.models import Link
from openecf.courts.models import Court
from openecf.demo.data import PACER_PASSWORD
from openecf.notices.services import deliver_pending

pytestmark = pytest.mark.django_db

LIMITED_MENU = ["Query", "Reports", "Utilities", "Help", "Log Out"]


def _login_via_court(
    client: Client, court: str, username: str, password: str = PACER_PASSWORD, client_code: str = ""
) -> None:
    """The court's CM/ECF site -> its entry (Document Filing System...) -> the court's PACER login -> back."""
    landing = client.get(f"/ecf/{court}/")
    login_url = link_href(landing, Court.objects.get(pk=court).landing_entry)
    login_page = client.get(login_url)
    assert login_page.status_code == 200
    signed_in = client.post(login_url, {"username": username, "password": password, "client_code": client_code})
    assert signed_in.status_code == 302, visible_text(signed_in)
    assert signed_in["Location"].startswith(f"/ecf/{court}/")


def _submit_link(client: Client, court: str, link_page_url: str, login: str, password: str) -> Any:
    form = client.get(link_page_url)
    assert "CM/ECF login:" in visible_text(form) and "CM/ECF password:" in visible_text(form)
    return client.post(link_page_url, {"login": login, "password": password})


def test_seed_000_eastern_district_of_wisconsin(demo: None, smtp_inbox: object) -> None:
    client = Client()
    _login_via_court(client, "wied", "jattorney")
    home = client.get("/ecf/wied/")
    assert menu_bar(home) == LIMITED_MENU
    utilities = client.get(link_href(home, "Utilities"))
    link_url = link_href(utilities, "Link a CM/ECF account to my PACER account")
    # Step 6: the court-issued login cs5184 and its password; step 7: Submit.
    confirm = _submit_link(client, "wied", link_url, "cs5184", "wied-ecf-5184")
    text = visible_text(confirm)
    # Step 8: both names shown, they match, and the permanence warning.
    assert "Do you want to link these accounts?" in text
    assert "CM/ECF John Attorney PACER John Attorney" in text
    assert "permanently linked to your upgraded PACER account" in text
    assert "names do not match" not in text
    done = client.post("/ecf/wied/utilities/link/confirm/", {"nonce": form_nonce(confirm)}, follow=True)
    # Step 9: the message; steps 10-11: Civil and Criminal on the menu bar.
    assert "The CM/ECF account for John Attorney is now linked to your CSO account." in visible_text(done)
    assert menu_bar(done) == ["Civil", "Criminal", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]
    assert client.get(link_href(done, "Civil")).status_code == 200
    assert Link.objects.filter(court_id="wied", ecf_account__login="cs5184").count() == 1


def test_seed_001_western_district_of_wisconsin(demo: None) -> None:
    client = Client()
    # Steps 1-3: www.wiwd.uscourts.gov, the E-Filing tab, the login page "Wisconsin Western District Court Login".
    court_page = client.get("/courts/wiwd/")
    assert "(608) 264-5156" in visible_text(court_page)
    login_page = client.get(client.get(link_href(court_page, "E-Filing (CM/ECF) »"))["Location"])
    text = visible_text(login_page)
    assert "Wisconsin Western District Court Login" in text
    for words in [
        "Username *",
        "Password *",
        "Client Code",
        "Forgot password?",
        "Forgot username?",
        "Need an account?",
    ]:
        assert words in text
    assert "and all access attempts, may be recorded and monitored by persons authorized" in text  # seed 001's notice
    assert "Your browser must be set to accept cookies" not in text
    _login_via_court(client, "wiwd", "asample22")
    # Step 4: Utilities with its sections, the link item directly under "Your Account".
    utilities = client.get("/ecf/wiwd/utilities/")
    text = visible_text(utilities)
    for words in [
        "Your Account",
        "Your PACER Account...",
        "Miscellaneous",
        "Mailings...",
        "Court Information",
        "Release 3.2 Menu Items",
        "Judgment Index",
        "eFinCert",
        "Release 5.0 Menu Items",
        "NextGen Release 1.1 Menu Items",
    ]:
        assert words in text, words
    link_url = link_href(utilities, "Link a CM/ECF account to my PACER account")
    # Step 5: the form page and its explanations.
    form = client.get(link_url)
    text = visible_text(form)
    assert menu_bar(form) == LIMITED_MENU
    assert "This utility links your PACER account with your e-filer account in this court." in text
    assert "If you use CM/ECF for PACER only, no action is necessary." in text
    for label in ["Forgot your password?", "Forgot login/password", "More about Upgraded PACER account"]:
        assert client.get(link_href(form, label)).status_code == 200
    confirm = client.post(link_url, {"login": "asample", "password": "wiwd-ecf-sample"})
    # Step 6: verify both names.
    assert "CM/ECF Attorney Sample PACER Attorney Sample" in visible_text(confirm)
    done = client.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirm)}, follow=True)
    # Step 7: linked; Civil and Criminal now there.
    assert "The CM/ECF account for Attorney Sample is now linked to your CSO account." in visible_text(done)
    assert menu_bar(done)[:2] == ["Civil", "Criminal"]


def test_seed_002_western_bankruptcy_court_of_wisconsin(demo: None, smtp_inbox: object) -> None:
    client = Client()
    # Steps 1-2: the court's website lists the electronic services.
    court_page = client.get("/courts/wiwb/")
    text = visible_text(court_page)
    for entry in [
        "Case Locator (PACER) »",
        "E-Filing (CM/ECF) »",
        "E-Filing Proof of Claim »",
        "E-Filing Debtor Education »",
    ]:
        assert entry in text
    assert "https://www.wiwb.uscourts.gov/pacer-help" in text
    assert "https://www.wiwb.uscourts.gov/nextgen-cmecf-help" in text
    # Steps 3-4: redirected to the PACER login page for this court.
    login_page = client.get(client.get(link_href(court_page, "E-Filing (CM/ECF) »"))["Location"])
    assert "Wisconsin Western Bankruptcy Court NextGen Login" in visible_text(login_page)
    _login_via_court(client, "wiwb", "jpublic01")
    # Step 5: the limited menu bar.
    home = client.get("/ecf/wiwb/")
    assert menu_bar(home) == LIMITED_MENU
    # Steps 6-8: Utilities -> NextGen Release 1.1 Menu Items -> Link a CM/ECF Account to my PACER Account.
    utilities = client.get(link_href(home, "Utilities"))
    with pytest.raises(AssertionError):
        link_href(utilities, "Link a CM/ECF account to my PACER account")
    release = client.get(link_href(utilities, "NextGen Release 1.1 Menu Items"))
    link_url = link_href(release, "Link a CM/ECF account to my PACER account")
    # Steps 9-10: the current CM/ECF login and password for this court, Submit.
    confirm = _submit_link(client, "wiwb", link_url, "testattycg3", "wiwb-ecf-cg3")
    text = visible_text(confirm)
    # Step 11: the names differ (as in the guide): said plainly, confirmation required.
    assert "CM/ECF testattycg3 wivbcgA PACER John Public" in text
    assert "The names do not match." in text
    refused = client.post("/ecf/wiwb/utilities/link/confirm/", {"nonce": form_nonce(confirm)})
    assert refused.status_code == 400
    assert "The names differ. Tick the box" in visible_text(refused)
    assert not Link.objects.filter(court_id="wiwb").exists()
    # Step 12: Submit with the mismatch confirmed.
    done = client.post(
        "/ecf/wiwb/utilities/link/confirm/",
        {"nonce": form_nonce(refused), "names_differ_confirmed": "on"},
        follow=True,
    )
    # Step 13: the acknowledgement on screen and by e-mail.
    text = visible_text(done)
    assert "The CM/ECF account for testattycg3 wivbcgA is now linked to your CSO account." in text
    assert "Your PACER account has been linked to your CM/ECF account" in text
    assert deliver_pending() == 1
    [mail] = smtp_inbox.messages  # type: ignore[attr-defined]
    assert set(mail["X-Envelope-To"].split(", ")) == {"jpublic@example.com", "cg3@example.com"}
    assert "testattycg3" in mail.get_payload() and "jpublic01" in mail.get_payload()
    # Step 14: the bankruptcy menu bar.
    assert menu_bar(done) == ["Bankruptcy", "Adversary", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]
    assert Link.objects.get(court_id="wiwb").names_differed is True


def test_seed_003_generic_guide_at_guam_district(db: None) -> None:
    make_pacer("mcruz2019", "Maria Cruz")
    make_ecf("gud", "mcruz", "Maria Cruz", "gud-ecf-cruz")
    client = Client()
    # Step 1: the court's CM/ECF site and its Document Filing System link.
    landing = client.get("/ecf/gud/")
    login_page = client.get(link_href(landing, "Document Filing System"))
    # Step 2: the PACER LOGIN page with its cookie notice and Login / Clear / Cancel.
    text = visible_text(login_page)
    assert "PACER LOGIN Your browser must be set to accept cookies" in text
    assert "Login Clear Cancel Need an Account? | Forgot Your Password? | Forgot User Name?" in text
    assert client.get(link_href(login_page, "Cancel")).status_code == 200
    _login_via_court(client, "gud", "mcruz2019", TEST_PASSWORD)
    # Step 3: not on the Utilities page, but on NextGen Release 1.1 Menu Items.
    utilities = client.get("/ecf/gud/utilities/")
    assert "Link a CM/ECF account to my PACER account" not in visible_text(utilities)
    release = client.get(link_href(utilities, "NextGen Release 1.1 Menu Items"))
    link_url = link_href(release, "Link a CM/ECF account to my PACER account")
    # Steps 4-5: credentials, then verify and Submit.
    confirm = client.post(link_url, {"login": "mcruz", "password": "gud-ecf-cruz"})
    assert "CM/ECF Maria Cruz PACER Maria Cruz" in visible_text(confirm)
    done = client.post("/ecf/gud/utilities/link/confirm/", {"nonce": form_nonce(confirm)}, follow=True)
    # Step 6: linked; the Civil and Criminal menu items.
    assert "is now linked to your CSO account" in visible_text(done)
    assert menu_bar(done)[:2] == ["Civil", "Criminal"]


def test_seed_004_northern_district_of_alabama(demo: None) -> None:
    client = Client()
    # Step 1: ecf.alnd.uscourts.gov, "CM/ECF – Document Filing System".
    landing = client.get("/ecf/alnd/")
    login_page = client.get(link_href(landing, "CM/ECF – Document Filing System"))
    # Step 2: the PACER LOGIN page; Username, Password, Client Code *, Login.
    assert "Username * Password * Client Code *" in visible_text(login_page)
    _login_via_court(client, "alnd", "jattorney", client_code="alnd-seed-004")
    # Step 4: Utilities on the limited menu bar.
    home = client.get("/ecf/alnd/")
    assert menu_bar(home) == LIMITED_MENU
    utilities = client.get(link_href(home, "Utilities"))
    # Step 5: "Your Account" lists the link item beside the account utilities.
    text = visible_text(utilities)
    for item in [
        "Change Client Code",
        "Change PACER Exemption Status",
        "Citation Display Preferences",
        "Review Billing History",
    ]:
        assert item in text
    link_url = link_href(utilities, "Link a CM/ECF account to my PACER account")
    # Steps 6-7: cs5184 and its password.
    confirm = _submit_link(client, "alnd", link_url, "cs5184", "alnd-ecf-5184")
    # Step 8: names match; Submit.
    assert "CM/ECF John Attorney PACER John Attorney" in visible_text(confirm)
    done = client.post("/ecf/alnd/utilities/link/confirm/", {"nonce": form_nonce(confirm)}, follow=True)
    # Step 9: the message. Steps 10-11: Civil and Criminal appear on the next menu click (and at once here).
    assert "The CM/ECF account for John Attorney is now linked to your CSO account." in visible_text(done)
    query = client.get(link_href(done, "Query"))
    assert menu_bar(query) == ["Civil", "Criminal", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]
