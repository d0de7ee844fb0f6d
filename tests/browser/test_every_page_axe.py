"""Every page a person can reach, rendered in Chromium and checked by axe-core: no violation of impact serious or
critical on any of them, and each page the one expected (its URL name and its heading).

The pages are found from the URLconf: the authorization matrix (tests/test_authorization_matrix.py) has a row for
every URL name, and `test_every_url_name_is_toured_or_has_a_reason` fails when a name is neither reached by one of
the tours below (each tour says exactly which names it reaches, and checks that it did) nor listed in NOT_A_PAGE
with the reason. A new page therefore needs a place in a tour before the suite passes.

Each tour signs in once, as one person, and walks that person's pages in one browser page.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import FilePayload, Page, expect

from tests.browser import test_every_page_axe_accounts, test_filing  # noqa: F401  (their tours, for the coverage test)
from tests.browser.tour import DEMO_PASSWORD, TOURS, Tour, expect_tour, mailed_path, sign_in, tour_of

# URL names that are not a page a person opens, each with the reason; every other name is in a tour. The admin's
# namespace has no rows of its own (the matrix's NAMESPACE_ROWS): it is off, 404 for everyone, unless OPENECF_ADMIN=1.
NOT_A_PAGE = {
    "healthz": "a health check for the load balancer (JSON)",
    "signon:cso_auth": "the CSO API (JSON, POST only)",
    "signon:cso_logout": "the CSO API (JSON, POST only)",
    "signon:openapi": "the CSO API's description (JSON)",
    "cmecf:possible_case_numbers": "an XML answer to CM/ECF's own scripts",
    "cmecf:rss_outside": "the court's RSS feed (XML), read by feed readers",
    "clerks:audit_csv": "a CSV download of the audit log page (visited)",
    "signon:login_cancel": "the login's Cancel: a redirect to the court's page or the index (both visited)",
    "signon:login_continue": "the 'Continue to log in' button: a redirect to the login's next step (visited)",
    "clerks:logout": "the desk's Sign out button (POST): a redirect to the desk's sign-in (visited)",
    "clerks:account_status": "a button on the account page (POST): back to that page (visited)",
    "clerks:account_reset": "a button on the account page (POST): back to that page (visited)",
    "accounts:verify_resend": "a button (POST) whose answer is the register_done page's template (visited)",
    "demo_mail:inbox": "mounted only by `make run`'s demo (OPENECF_DEMO_MAILDIR), never in production",
    "demo_mail:message": "mounted only by `make run`'s demo (OPENECF_DEMO_MAILDIR), never in production",
    "locator:api_cases_find": "the PACER Case Locator's API (JSON, POST only)",
    "locator:api_parties_find": "the PACER Case Locator's API (JSON, POST only)",
    "locator:api_cases_download": "the PACER Case Locator's batch API (JSON), POST only",
    "locator:api_cases_status": "the PACER Case Locator's batch API (JSON)",
    "locator:api_cases_report": "the PACER Case Locator's batch API (JSON)",
    "locator:api_cases_reports": "the PACER Case Locator's batch API (JSON)",
    "locator:api_cases_delete": "the PACER Case Locator's batch API (JSON), DELETE only",
    "locator:api_parties_download": "the PACER Case Locator's batch API (JSON), POST only",
    "locator:api_parties_status": "the PACER Case Locator's batch API (JSON)",
    "locator:api_parties_report": "the PACER Case Locator's batch API (JSON)",
    "locator:api_parties_reports": "the PACER Case Locator's batch API (JSON)",
    "locator:api_parties_delete": "the PACER Case Locator's batch API (JSON), DELETE only",
    "cmecf:show_case_doc": "a redirect to the document's doc1 page",
    "cmecf:show_temp": "the PDF framed by doc1's page for a browser (a PDF, not a page)",
}

# --- Which names the tours reach: checked without a browser ----------------------------------------------------------


def test_every_url_name_is_toured_or_has_a_reason() -> None:
    from tests.test_authorization_matrix import ROWS

    toured = set().union(*TOURS.values())
    assert sorted(toured & set(NOT_A_PAGE)) == []
    assert sorted(set(ROWS) - toured - set(NOT_A_PAGE)) == []
    assert sorted((toured | set(NOT_A_PAGE)) - set(ROWS)) == []


# --- Data the tours need, made before the browser starts (see conftest) -----------------------------------------------

DEMO_COURTS = ("wiwd", "wied", "wiwb", "alnd", "ca8", "nysd", "ilnd", "gud")


@pytest.fixture
def courts_as_shown(demo_server: str) -> dict[str, tuple[str, str, str]]:
    """Each demo court: its name (the heading of its pages), the title of its login page, its link item's label."""
    from openecf.courts.models import Court
    from openecf.signon.views_login import login_page_profile

    return {
        court.pk: (court.name, login_page_profile(court).title, court.link_item_label)
        for court in Court.objects.filter(pk__in=DEMO_COURTS)
    }


# --- A visitor: the sign-on pages, each court's signed-out pages, and the pages of an error ----------------------

VISITOR = tour_of(
    "visitor",
    "signon:index",
    "signon:court",
    "signon:login",
    "signon:help",
    "signon:logout",
    "cmecf:home",
    "cmecf:login_pl",
    "cmecf:court_info",
    "clerks:login",
)


def test_a_visitor_s_pages(courts_as_shown: dict[str, tuple[str, str, str]], page: Page) -> None:
    from openecf.signon.help import TOPICS

    tour = Tour(page)
    tour.visit("signon:index", "Federal courts")
    tour.visit("signon:login", "PACER LOGIN")
    for court, (name, login_title, _) in courts_as_shown.items():
        tour.visit("signon:court", name, court)
        tour.visit("cmecf:home", name, court)
        tour.visit("signon:login", login_title, query=f"?court={court}")
    tour.visit("cmecf:court_info", "Court Information", "wiwd")  # public, as the rules it states
    for topic, help_topic in TOPICS.items():
        tour.visit("signon:help", help_topic.title, topic)
    tour.visit("cmecf:login_pl", "CM/ECF Filer Login", "nysd")  # a court not on NextGen: its own login
    tour.visit("signon:logout", "You have logged out")
    tour.visit("clerks:login", "Clerk's desk sign-in")
    expect_tour(tour, VISITOR)


def test_pages_of_an_error(demo_server: str, page: Page) -> None:
    tour = Tour(page)
    tour.error("/no-such-page/", 404, "Page not found")
    tour.error(reverse("signon:court", args=["zzz"]), 404, "Page not found")
    tour.error(reverse("clerks:dashboard", args=["wiwd"]) + "no-such-page/", 404, "Page not found")
    tour.error(reverse("accounts:reset_password", args=["not-a-secret"]), 410, "This link no longer works")
    tour.error(reverse("accounts:verify_email", args=["not-a-secret"]), 410, "Verify your e-mail address")
    tour.error(reverse("accounts:confirm_email", args=["not-a-secret"]), 410, "Confirm your new e-mail address")
    tour.error(reverse("cmecf:password_reset", args=["wiwd", "not-a-token"]), 410, "This link can no longer be used")
    tour.error(reverse("cmecf:password_new", args=["wiwd"]), 410, "This link can no longer be used")
    # A form whose CSRF cookie is gone: 403 with the reason.
    page.goto(reverse("signon:login") + "?court=wiwd")
    page.context.clear_cookies()
    page.get_by_label("Username").fill("asample22")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Login").click()
    assert posted.value.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Your form expired")
    tour.accessible()
    # Too many wrong passwords: 429, the login page with the wait.
    page.goto(reverse("signon:login") + "?court=wiwd")
    statuses = []
    for _ in range(7):
        page.get_by_label("Username").fill("asample22")
        page.get_by_label("Password").fill("not the password")
        with page.expect_response(lambda response: response.request.method == "POST") as posted:
            page.get_by_role("button", name="Login").click()
        statuses.append(posted.value.status)
    assert statuses[-1] == 429, statuses
    expect(page.get_by_role("alert")).to_be_visible()
    tour.accessible()
    # A signed-in person without filing rights at a filing menu: 403, the refusal.
    sign_in(page, "jpublic01", DEMO_PASSWORD, "wiwd")
    tour.error(reverse("cmecf:menu", args=["wiwd", "civil"]), 403, "Filing is not available to you in this court")
    tour.error(reverse("cmecf:menu", args=["wiwd", "no-such-menu"]), 404, "no-such-menu")


# --- The clerk's desk: a clerk of two courts, every page of the desk at one of them ----------------------------------

CLERK = tour_of(
    "clerk",
    "clerks:fees",
    "clerks:login",
    "clerks:login_code",
    "clerks:home",
    "clerks:dashboard",
    "clerks:accounts",
    "clerks:account_new",
    "clerks:account",
    "clerks:account_login",
    "clerks:account_unlink",
    "clerks:corrections",
    "clerks:correction",
    "clerks:efile_registrations",
    "clerks:efile_registration",
    "clerks:go_live",
    "clerks:contacts",
    "clerks:profile",
    "clerks:import",
    "clerks:audit",
)


@pytest.fixture
def desk(demo_server: str) -> dict[str, Any]:
    """A clerk of wiwd and wied with an app, one without an app, a linked filer at wiwd and an e-file request."""
    from conftest import TEST_ORIGIN, make_pacer
    from openecf.accounts.models import PacerAccount
    from openecf.clerks.services import grant_membership
    from openecf.clerks.tests.conftest import make_clerk
    from openecf.cmecf.models import EcfAccount, Link
    from openecf.courts.models import Court
    from openecf.efile.models import EfileRegistration

    clerk, totp = make_clerk("axeclerk", "Axel Clerk", "wiwd", "wied")
    no_app = make_pacer("axenoapp", "Nora Noapp")
    grant_membership(account=no_app, courts=Court.objects.filter(pk="wiwd"), origin=TEST_ORIGIN)
    ecf = EcfAccount.objects.get(court_id="wiwd", login="asample")
    Link.objects.create(pacer_account=PacerAccount.objects.get(username="asample22"), court_id="wiwd", ecf_account=ecf)
    registration = EfileRegistration.objects.create(
        account=PacerAccount.objects.get(username="jpublic01"), court_id="wiwd", role="attorney", bar_id="WI 1000001"
    )
    return {"clerk": clerk.username, "totp": totp, "no_app": no_app.username, "ecf": ecf, "efile": registration}


def desk_sign_in(page: Page, username: str) -> None:
    from conftest import PACER_PASSWORD

    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PACER_PASSWORD)
    page.get_by_role("button", name="Next").click()


def test_every_page_of_the_clerk_s_desk(desk: dict[str, Any], page: Page) -> None:
    from conftest import code_at

    tour = Tour(page)
    tour.visit("clerks:login", "Clerk's desk sign-in")
    desk_sign_in(page, desk["no_app"])
    tour.here("clerks:login", "Add an authenticator app first")
    tour.visit("clerks:login", "Clerk's desk sign-in")
    desk_sign_in(page, desk["clerk"])
    tour.here("clerks:login_code", "Enter your one-time passcode")
    page.get_by_label("One-time passcode").fill(code_at(desk["totp"]))
    page.get_by_role("button", name="Sign in").click()
    tour.here("clerks:home", "Your courts")

    court, ecf = "wiwd", desk["ecf"]
    for name, heading in [
        ("clerks:dashboard", "Dashboard"),
        ("clerks:accounts", "CM/ECF accounts"),
        ("clerks:account_new", "New CM/ECF account"),
        ("clerks:corrections", "Link corrections"),
        ("clerks:efile_registrations", "E-file registrations"),
        ("clerks:go_live", "NextGen go-live"),
        ("clerks:contacts", "Help contacts"),
        ("clerks:profile", "Court profile"),
        ("clerks:import", "Import CM/ECF accounts"),
        ("clerks:audit", "Audit log"),
        ("clerks:fees", "PACER fees"),
    ]:
        tour.visit(name, heading, court)
    tour.visit("clerks:accounts", "CM/ECF accounts", court, query="?q=a")  # search results
    tour.visit("clerks:efile_registration", f"E-file registration #{desk['efile'].pk}", court, str(desk["efile"].pk))
    tour.visit("clerks:account", ecf.name, court, str(ecf.pk))
    tour.visit("clerks:account_login", f"Look up the login of {ecf.name}", court, str(ecf.pk))
    page.get_by_role("main").get_by_role("radio").first.check()
    page.get_by_role("button", name="Record the check and show the login").click()
    tour.here("clerks:account_login", f"Login of {ecf.name}")
    tour.visit("clerks:account_unlink", "Propose removing a wrong link", court, str(ecf.pk))
    page.get_by_label("Why is this link wrong, and how did you check it?").fill("Linked by mistake, checked by phone.")
    page.get_by_role("button", name="Propose the removal").click()
    tour.here("clerks:correction", re.compile(r"^Link correction #\d+$"))
    # The desk of the other court, and the menu's way back to the list of courts.
    tour.visit("clerks:dashboard", "Dashboard", "wied")
    page.get_by_role("button", name="Sign out").click()
    tour.here("clerks:login", "Clerk's desk sign-in")
    expect_tour(tour, CLERK)


# --- A filer at each court: its pages before linking, the link procedure, the menus after it ------------------------

FILER = tour_of(
    "filer",
    "signon:login",
    "cmecf:home",
    "cmecf:utilities",
    "cmecf:nextgen_menu",
    "cmecf:link",
    "cmecf:link_confirm",
    "cmecf:link_done",
    "cmecf:client_code",
    "cmecf:unavailable",
    "cmecf:menu",
    "cmecf:transport_room",
    "cmecf:maintain_account",
    "cmecf:filing_check_pdf",
    "cmecf:email_information",
    "cmecf:doc1",
    "cmecf:iquery",
    "cmecf:dktrpt",
    "cmecf:histdocqry",
    "cmecf:wrtoprpt",
    "cmecf:casefiled_rpt",
    "cmecf:crcasefiled_rpt",
    "cmecf:dktactivityrpt",
    "cmecf:searchclaims",
    "cmecf:billing_history",
    "cmecf:transaction_log",
    "cmecf:exemption_status",
    "locator:search",
)


@pytest.fixture
def filer_as_j_attorney(courts_as_shown: dict[str, tuple[str, str, str]]) -> dict[str, tuple[str, str, str]]:
    """jattorney's CM/ECF account at wiwd, under another spelling of his name."""
    from conftest import make_ecf

    make_ecf("wiwd", "jattywiwd", "J. Attorney", "wiwd-ecf-jatty")
    make_ecf("wiwd", "wiwdpara", "Pat Paralegal", "wiwd-ecf-para", role="nonattorney")  # to be his filing agent
    return courts_as_shown


def test_a_filer_s_pages_at_each_court(filer_as_j_attorney: dict[str, tuple[str, str, str]], page: Page) -> None:
    courts_as_shown = filer_as_j_attorney
    from openecf.cmecf.menus import APPELLATE_PAGES, LINK_SERVLETS, MENU_TITLES

    tour = Tour(page)
    tour.visit("signon:login", courts_as_shown["wied"][1], query="?court=wied")
    sign_in(page, "jattorney", DEMO_PASSWORD, "wied")
    expect(page.get_by_role("navigation", name="CM/ECF menu")).to_be_visible()
    for court, (name, _, link_label) in courts_as_shown.items():
        if court == "ca8":
            continue  # appellate NextGen: its pages are TransportRoom's, below
        tour.visit("cmecf:home", name, court)
        tour.visit("cmecf:utilities", "Utilities", court)  # laid out by the court's profile
        tour.visit("cmecf:link", link_label, court)  # refused, or not, by the court's state
    for court in ("wiwd", "wiwb"):  # the same pages at each court of a kind: one district, one bankruptcy
        tour.visit("cmecf:nextgen_menu", "NextGen Release 1.1 Menu Items", court)
        tour.visit("cmecf:client_code", "Change Client Code", court)
        tour.visit("cmecf:unavailable", "Calendar events", court, "calendar-events")
        tour.visit("cmecf:iquery", "Query", court)  # Query and Reports: their forms
        tour.visit("cmecf:dktrpt", "Docket Sheet", court)
        tour.visit("cmecf:histdocqry", "History/Documents", court)
        tour.visit("cmecf:wrtoprpt", "Written Opinions Report", court)
        tour.visit("cmecf:dktactivityrpt", "Docket Activity Report", court)
        tour.visit("cmecf:unavailable", "Docket sheet", court, "docket-sheet")
        tour.visit("cmecf:billing_history", "Review Billing History", court)
        tour.visit("cmecf:transaction_log", "Transaction Log", court)
        tour.visit("cmecf:exemption_status", "Change PACER Exemption Status", court)
    tour.visit("cmecf:casefiled_rpt", "Civil Cases Report", "wiwd")  # a district court's reports
    tour.visit("cmecf:crcasefiled_rpt", "Criminal Cases Report", "wiwd")
    tour.visit("cmecf:searchclaims", "Claims Register", "wiwb")  # a bankruptcy court's
    tour.visit("locator:search", "PACER Case Locator")
    # At wiwd, a CM/ECF account under another spelling of the name: the confirmation asks to tick a box.
    link_label = courts_as_shown["wiwd"][2]
    tour.visit("cmecf:link", link_label, "wiwd")
    page.get_by_role("button", name="Submit").click()  # nothing typed: the fields' errors
    expect(page.get_by_role("alert")).to_be_focused()
    tour.here("cmecf:link", link_label)
    page.get_by_label("CM/ECF login:").fill("jattywiwd")
    page.get_by_label("CM/ECF password:").fill("wiwd-ecf-jatty")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Do you want to link these accounts?")).to_be_visible()
    tour.here("cmecf:link", link_label)  # the confirmation is the answer to the form
    page.get_by_role("button", name="Submit").click()  # the box not ticked
    expect(page.get_by_role("main").get_by_role("checkbox")).to_have_attribute("aria-invalid", "true")
    tour.here("cmecf:link_confirm", link_label)
    page.get_by_role("main").get_by_role("checkbox").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status")).to_contain_text("is now linked to your CSO account")
    tour.here("cmecf:link_done", link_label)
    for slug, title in MENU_TITLES.items():
        tour.visit("cmecf:menu", title, "wiwd", slug)
    # Utilities after linking: his account and a filing agent; a PDF checked and refused.
    tour.visit("cmecf:maintain_account", "Maintain Your ECF Account", "wiwd")
    page.get_by_label("CM/ECF login of the non-attorney filer:").fill("wiwdpara")
    page.get_by_role("button", name="Add Filing Agent").click()
    expect(page.get_by_role("status")).to_contain_text("Pat Paralegal (wiwdpara) is now your filing agent")
    tour.here("cmecf:maintain_account", "Maintain Your ECF Account")
    tour.visit("cmecf:filing_check_pdf", "Check PDF Document", "wiwd")
    exe: FilePayload = {"name": "motion.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 not a PDF"}
    page.get_by_label("PDF document to check:").set_input_files(files=exe)
    page.get_by_role("button", name="Check Document").click()
    expect(page.get_by_role("alert")).to_contain_text("This PDF document cannot be accepted.")
    tour.here("cmecf:filing_check_pdf", "Check PDF Document")
    # Linked: Utilities -> NextGen Release 1.1 Menu Items -> E-Mail Notification Preferences, a refused form, saved.
    tour.visit("cmecf:email_information", "E-Mail Information for J. Attorney", "wiwd")
    page.get_by_label("Secondary e-mail addresses").fill("not-an-address")
    page.get_by_role("button", name="Submit").click()
    tour.here("cmecf:email_information", "E-Mail Information for J. Attorney")
    page.get_by_label("A daily summary of the day's filings").check()
    page.get_by_label("Secondary e-mail addresses").fill("desk@example.com")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status")).to_contain_text("Your e-mail information has been saved.")
    tour.here("cmecf:email_information", "E-Mail Information for J. Attorney")
    # A free-look link that opens nothing (the PDF it opens when good is not a page).
    tour.visit(
        "cmecf:doc1",
        "Document not available",
        "wiwd",
        "20510000001",
        query="?caseid=1&de_seq_num=1&magic_num=1",
        status=404,
    )

    # Appellate NextGen at ca8: every TransportRoom page, the link procedure first.
    servlet = reverse("cmecf:transport_room", args=["ca8"]) + "?servlet="
    page.goto(servlet + LINK_SERVLETS["link"])
    tour.here("cmecf:transport_room", courts_as_shown["ca8"][2])
    page.get_by_label("CM/ECF login:").fill("jattorney8")
    page.get_by_label("CM/ECF password:").fill("ca8-ecf-attorney")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Do you want to link these accounts?")).to_be_visible()
    tour.here("cmecf:transport_room", courts_as_shown["ca8"][2])
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status")).to_contain_text("is now linked to your CSO account")
    tour.here("cmecf:transport_room", courts_as_shown["ca8"][2])
    tour.visit("cmecf:home", courts_as_shown["ca8"][0], "ca8")
    for page_name, heading in APPELLATE_PAGES.items():
        tour.visit("cmecf:transport_room", heading, "ca8", query=f"?servlet={page_name}")
    expect_tour(tour, FILER)


# --- A court not on NextGen (nysd): its own login, its pages, and its own CM/ECF password recovery -----------------

COURT_LOGIN = tour_of(
    "court login",
    "cmecf:login_pl",
    "cmecf:home",
    "cmecf:utilities",
    "cmecf:password_forgot",
    "cmecf:password_reset",
    "cmecf:password_new",
)


def test_the_old_court_login_and_its_password_recovery(demo_server: str, smtp_inbox: Any, page: Page) -> None:
    tour = Tour(page)
    tour.visit("cmecf:password_forgot", "Forgot your CM/ECF password?", "nysd")
    page.get_by_role("main").locator("input[name=login]").fill("jattorney")
    page.get_by_role("button", name="Send the link").click()
    tour.here("cmecf:password_forgot", "Check your e-mail")
    page.goto(mailed_path(smtp_inbox, "/password/reset/"))
    tour.here("cmecf:password_new", "Choose a new CM/ECF password")
    new_password = page.get_by_role("main").locator("input[type=password]")
    new_password.nth(0).fill("Nysd-Court-Password-2026!")
    new_password.nth(1).fill("Nysd-Court-Password-2026!")
    page.get_by_role("button", name="Set the password").click()
    tour.here("cmecf:password_new", "Your CM/ECF password has been changed")
    tour.reached.add("cmecf:password_reset")  # the e-mailed link itself: it opened the page above

    tour.visit("cmecf:login_pl", "CM/ECF Filer Login", "nysd")
    page.get_by_role("main").locator("input[name=login]").fill("jattorney")
    page.get_by_role("main").locator("input[name=password]").fill("Nysd-Court-Password-2026!")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_role("navigation", name="CM/ECF menu")).to_be_visible()
    tour.accessible()
    tour.visit("cmecf:home", re.compile("New York"), "nysd")
    tour.visit("cmecf:utilities", "Utilities", "nysd")
    expect_tour(tour, COURT_LOGIN)
