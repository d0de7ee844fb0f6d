"""Each court guide in shared/seeds walked in Chromium by the labels a person reads, one screenshot per step.

At each step, every label, button, link, message and menu item the guide shows is on the page, in the guide's
order where it shows one (walk.expect_in_order).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from conftest import PACER_PASSWORD as TEST_PASSWORD
from conftest import make_ecf, make_pacer
from openecf.courts.profiles import COOKIE_NOTICE, NOTICE_WEB_SITE, NOTICE_WEBSITE, NOTICE_WIWD
from openecf.demo.data import PACER_PASSWORD
from tests.browser.walk import Walk, deliver_outbox, expect_in_order

LIMITED_MENU = ["Query", "Reports", "Utilities", "Help", "Log Out"]
DISTRICT_FILER_MENU = ["Civil", "Criminal", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]
BANKRUPTCY_FILER_MENU = ["Bankruptcy", "Adversary", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]
LINK_ITEM = "Link a CM/ECF account to my PACER account"
PERMANENT = (
    "After you submit this screen, your old e-filing credentials for the CM/ECF account will be permanently linked "
    "to your upgraded PACER account. Use your upgraded PACER account to e-file in this court."
)
PACER_LOGIN_PAGE = [  # seeds 003 and 004, step 2
    "PACER LOGIN",
    COOKIE_NOTICE,
    "Login",
    "* Required Information",
    "Username *",
    "Password *",
    "Client Code",
    "Login",
    "Clear",
    "Cancel",
    "Need an Account? | Forgot Your Password? | Forgot User Name?",
    NOTICE_WEB_SITE,
]


def menu_bar(page: Page) -> Locator:
    return page.get_by_role("navigation", name="CM/ECF menu")


def menu_labels(page: Page) -> list[str]:
    """The menu bar's items as a person sees them, left to right (drop-down entries are hidden until opened)."""
    return [" ".join(text.split()) for text in menu_bar(page).locator("a.menubar-link").all_inner_texts()]


def menu(page: Page, label: str) -> Locator:
    return menu_bar(page).get_by_role("link", name=label, exact=True)


def utilities_sections(page: Page) -> list[tuple[str, list[str]]]:
    """The Utilities page: each section's heading and its items, top to bottom."""
    return [
        (
            section.get_by_role("heading").inner_text(),
            [" ".join(text.split()) for text in section.get_by_role("link").all_inner_texts()],
        )
        for section in page.get_by_role("main").locator("section").all()
    ]


def log_in(page: Page, walk: Walk, username: str, password: str = PACER_PASSWORD) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    walk.step("pacer-login-filled")
    page.get_by_role("button", name="Login").click()


def submit_ecf_credentials(page: Page, walk: Walk, login: str, password: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(LINK_ITEM)
    # Seeds 000 and 004, step 6: "CM/ECF login: cs5184 *", "CM/ECF password: *", Submit Clear.
    expect_in_order(page, ["CM/ECF login: *", "CM/ECF password: *", "Submit", "Clear"])
    walk.step("link-form")
    page.get_by_label("CM/ECF login:").fill(login)
    page.get_by_label("CM/ECF password:").fill(password)
    walk.step("link-form-filled")
    page.get_by_role("button", name="Submit").click()


def expect_confirmation(page: Page, ecf_name: str, pacer_name: str) -> None:
    """Seeds 000 step 8, 001 step 6, 002 step 11, 004 step 8: word for word, Submit and Clear."""
    expect(page.get_by_role("heading", name="Do you want to link these accounts?")).to_be_visible()
    names = page.get_by_role("table")
    expect(names.get_by_role("row", name=f"CM/ECF {ecf_name}")).to_be_visible()
    expect(names.get_by_role("row", name=f"PACER {pacer_name}")).to_be_visible()
    expect_in_order(
        page,
        [LINK_ITEM, "Do you want to link these accounts?", f"CM/ECF {ecf_name}", f"PACER {pacer_name}", PERMANENT],
    )
    buttons = page.get_by_role("main").get_by_role("button")
    expect(buttons).to_have_text(["Submit", "Clear"])


def expect_linked(page: Page, ecf_name: str) -> None:
    expect(page.get_by_role("status")).to_contain_text(
        f"The CM/ECF account for {ecf_name} is now linked to your CSO account."
    )
    expect_in_order(page, [LINK_ITEM, f"The CM/ECF account for {ecf_name} is now linked to your CSO account."])


def test_seed_000_eastern_district_of_wisconsin(demo_server: str, page: Page, walk: Callable[[str], Walk]) -> None:
    steps = walk("000-wied")
    # Steps 1-5 are not in the guide; the way in is the court's CM/ECF site.
    page.goto("/ecf/wied/")
    steps.step("cm-ecf-site")
    page.get_by_role("link", name="Document Filing System", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wisconsin Eastern District Court Login")
    steps.step("pacer-login")
    log_in(page, steps, "jattorney")
    # Step 10's menu bar before linking (no Search yet).
    assert menu_labels(page) == LIMITED_MENU
    steps.step("limited-menu-bar")
    menu(page, "Utilities").click()
    steps.step("utilities")
    page.get_by_role("main").get_by_role("link", name=LINK_ITEM).click()
    # Step 6: the hint's court-issued login cs5184 and its password; step 7: Submit.
    submit_ecf_credentials(page, steps, "cs5184", "wied-ecf-5184")
    # Step 8: the names match.
    expect_confirmation(page, "John Attorney", "John Attorney")
    expect(page.get_by_text("The names do not match")).to_have_count(0)
    steps.step("confirm-names")
    page.get_by_role("button", name="Submit").click()
    # Step 9: the message; steps 10-11: Civil and Criminal on the menu bar at once.
    expect_linked(page, "John Attorney")
    assert menu_labels(page) == DISTRICT_FILER_MENU
    steps.step("linked")
    menu(page, "Civil").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Civil")
    steps.step("civil-menu")


def test_seed_001_western_district_of_wisconsin(demo_server: str, page: Page, walk: Callable[[str], Walk]) -> None:
    steps = walk("001-wiwd")
    # Step 1: the court's website, with the clerk's office number for help with the login.
    page.goto("/courts/wiwd/")
    expect(page.get_by_text("(608) 264-5156")).to_be_visible()
    steps.step("court-website")
    # Step 2: the E-Filing tab; step 3: the PACER login designated for this court, word for word, no cookie notice.
    page.get_by_role("link", name="E-Filing (CM/ECF) »").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wisconsin Western District Court Login")
    expect_in_order(
        page,
        [
            "Wisconsin Western District Court Login",
            "* Required Information",
            "Username *",
            "Password *",
            "Client Code",
            "Forgot password? | Forgot username? | Need an account?",
            NOTICE_WIWD,
        ],
    )
    expect(page.get_by_text("Your browser must be set to accept cookies")).to_have_count(0)
    steps.step("pacer-login")
    log_in(page, steps, "asample22")
    # Step 5's menu bar: CM/ECF Query Reports Utilities Help Log Out.
    assert menu_labels(page) == LIMITED_MENU
    steps.step("limited-menu-bar")
    # Step 4: Utilities, exactly its sections and items, then the link item under "Your Account".
    menu(page, "Utilities").click()
    assert utilities_sections(page) == [
        ("Your Account", ["Your PACER Account...", LINK_ITEM]),
        ("Miscellaneous", ["Mailings...", "Court Information"]),
        ("Release 3.2 Menu Items", ["Judgment Index"]),
        ("Miscellaneous", ["eFinCert"]),
        ("Release Menu Items", ["Release 5.0 Menu Items", "NextGen Release 1.1 Menu Items"]),
    ]
    steps.step("utilities")
    page.get_by_role("main").get_by_role("region", name="Your Account").get_by_role("link", name=LINK_ITEM).click()
    # Step 5: the explanation, the form and its help links, in the guide's order.
    expect_in_order(
        page,
        [
            LINK_ITEM,
            "This utility links your PACER account with your e-filer account in this court.",
            "If you use CM/ECF for PACER only, no action is necessary.",
            "If you had a CM/ECF e-filing account in this court before the court converted to NextGen CM/ECF, enter "
            "your old CM/ECF login and password below and press Submit.",
            "CM/ECF login:",
            "CM/ECF password:",
            "Submit",
            "Clear",
            "Forgot your password?",
            "Forgot login/password",
            "More about Upgraded PACER account",
        ],
    )
    submit_ecf_credentials(page, steps, "asample", "wiwd-ecf-sample")
    # Step 6: verify both names.
    expect_confirmation(page, "Attorney Sample", "Attorney Sample")
    steps.step("confirm-names")
    page.get_by_role("button", name="Submit").click()
    # Step 7: linked; the full complement of menus, Civil and Criminal included, without a refresh.
    expect_linked(page, "Attorney Sample")
    assert menu_labels(page) == DISTRICT_FILER_MENU
    steps.step("linked")
    menu(page, "Criminal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Criminal")
    steps.step("criminal-menu")


def test_seed_002_western_bankruptcy_court_of_wisconsin(
    demo_server: str, smtp_inbox: object, page: Page, walk: Callable[[str], Walk]
) -> None:
    steps = walk("002-wiwb")
    # Steps 1-2: the court's website and its electronic services, in the guide's order.
    page.goto("/courts/wiwb/")
    services = page.get_by_role("navigation", name="Electronic services")
    expect(services.get_by_role("link")).to_have_text(
        ["Case Locator (PACER) »", "E-Filing (CM/ECF) »", "E-Filing Proof of Claim »", "E-Filing Debtor Education »"]
    )
    steps.step("court-website")
    services.get_by_role("link", name="E-Filing (CM/ECF) »").click()
    # Steps 3-4: the PACER login page of this court, word for word: Login and Clear only, no cookie notice.
    expect(page.get_by_role("heading", level=1)).to_have_text("Wisconsin Western Bankruptcy Court NextGen Login")
    expect_in_order(
        page,
        [
            "Wisconsin Western Bankruptcy Court NextGen Login",
            "* Required information",
            "Username *",
            "Password *",
            "Client Code",
            "Login",
            "Clear",
            "Forgot password?",
            "Forgot username?",
            "Need an account?",
            NOTICE_WEBSITE,
        ],
    )
    expect(page.get_by_role("main").get_by_role("button")).to_have_text(["Login", "Clear"])
    expect(page.get_by_role("link", name="Cancel")).to_have_count(0)
    expect(page.get_by_text("Your browser must be set to accept cookies")).to_have_count(0)
    steps.step("pacer-login")
    log_in(page, steps, "jpublic01")
    # Step 5: the limited menu bar.
    assert menu_labels(page) == LIMITED_MENU
    steps.step("limited-menu-bar")
    # Steps 6-8: Utilities -> NextGen Release 1.1 Menu Items -> the link item.
    menu(page, "Utilities").click()
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name=LINK_ITEM)).to_have_count(0)
    steps.step("utilities")
    main.get_by_role("link", name="NextGen Release 1.1 Menu Items").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("NextGen Release 1.1 Menu Items")
    steps.step("nextgen-release-menu-items")
    page.get_by_role("main").get_by_role("link", name=LINK_ITEM).click()
    # Steps 9-10: the current CM/ECF login and password for this court, Submit.
    submit_ecf_credentials(page, steps, "testattycg3", "wiwb-ecf-cg3")
    # Step 11: the names differ, as in the guide: said plainly, and the filer must confirm it.
    expect_confirmation(page, "testattycg3 wivbcgA", "John Public")
    expect(page.get_by_role("alert")).to_contain_text("The names do not match.")
    steps.step("confirm-names-differ")
    page.get_by_role("button", name="Submit").click()
    confirm_box = page.get_by_label("I confirm that this CM/ECF account is mine although the names differ.")
    expect(confirm_box).to_have_attribute("aria-invalid", "true")
    expect(confirm_box).to_have_accessible_description(re.compile("^The names differ. Tick the box"))
    expect(confirm_box).to_be_focused()
    steps.step("confirm-box-required")
    # Step 12: Submit with the mismatch confirmed.
    confirm_box.check()
    page.get_by_role("button", name="Submit").click()
    # Step 13: the acknowledgement on screen and by e-mail.
    expect_linked(page, "testattycg3 wivbcgA")
    expect_in_order(
        page,
        [
            LINK_ITEM,
            "Your PACER account has been linked to your CM/ECF account",
            "You should also receive an e-mail notification acknowledgement.",
        ],
    )
    # Step 14: Bankruptcy and Adversary on the menu bar.
    assert menu_labels(page) == BANKRUPTCY_FILER_MENU
    steps.step("linked")
    assert deliver_outbox() == 1
    [mail] = smtp_inbox.messages  # type: ignore[attr-defined]
    assert set(mail["X-Envelope-To"].split(", ")) == {"jpublic@example.com", "cg3@example.com"}
    menu(page, "Bankruptcy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bankruptcy")
    steps.step("bankruptcy-menu")


@pytest.fixture
def guam_filer(server: str) -> str:
    """Seed 003 names no court or people: a filer at the District Court of Guam, made with the test factories."""
    make_pacer("mcruz2019", "Maria Cruz")
    make_ecf("gud", "mcruz", "Maria Cruz", "gud-ecf-cruz")
    return "mcruz2019"


def test_seed_003_generic_guide_at_guam(guam_filer: str, page: Page, walk: Callable[[str], Walk]) -> None:
    steps = walk("003-gud")
    # Step 1: the court's CM/ECF site; click the Document Filing System link.
    page.goto("/ecf/gud/")
    steps.step("cm-ecf-site")
    page.get_by_role("link", name="Document Filing System", exact=True).click()
    # Step 2: PACER LOGIN, word for word and in its order.
    expect(page.get_by_role("heading", level=1)).to_have_text("PACER LOGIN")
    expect_in_order(page, PACER_LOGIN_PAGE)
    steps.step("pacer-login")
    log_in(page, steps, guam_filer, TEST_PASSWORD)
    assert menu_labels(page) == LIMITED_MENU
    steps.step("limited-menu-bar")
    # Step 3: not on the Utilities page itself, but on NextGen Release 1.1 Menu Items.
    menu(page, "Utilities").click()
    expect(page.get_by_role("main").get_by_role("link", name=LINK_ITEM)).to_have_count(0)
    steps.step("utilities")
    page.get_by_role("main").get_by_role("link", name="NextGen Release 1.1 Menu Items").click()
    steps.step("nextgen-release-menu-items")
    page.get_by_role("main").get_by_role("link", name=LINK_ITEM).click()
    # Step 4: the CM/ECF login and CM/ECF password fields; step 5: verify and Submit.
    submit_ecf_credentials(page, steps, "mcruz", "gud-ecf-cruz")
    expect_confirmation(page, "Maria Cruz", "Maria Cruz")
    steps.step("confirm-names")
    page.get_by_role("button", name="Submit").click()
    # Step 6: linked; Civil and Criminal without pressing F5.
    expect_linked(page, "Maria Cruz")
    assert menu_labels(page) == DISTRICT_FILER_MENU
    steps.step("linked")


def test_seed_004_northern_district_of_alabama(demo_server: str, page: Page, walk: Callable[[str], Walk]) -> None:
    steps = walk("004-alnd")
    # Step 1: ecf.alnd.uscourts.gov; click on "CM/ECF – Document Filing System".
    page.goto("/ecf/alnd/")
    steps.step("cm-ecf-site")
    page.get_by_role("link", name="CM/ECF – Document Filing System", exact=True).click()
    # Step 2: the PACER LOGIN page, its Client Code required here ("Client Code *").
    expect(page.get_by_role("heading", level=1)).to_have_text("PACER LOGIN")
    expect_in_order(page, [*PACER_LOGIN_PAGE[:6], "Client Code *", *PACER_LOGIN_PAGE[7:]])
    steps.step("pacer-login")
    page.get_by_label("Client Code").fill("alnd-seed-004")
    log_in(page, steps, "jattorney")
    # Step 4: Utilities on the menu bar: Query Reports Utilities Help Log Out.
    assert menu_labels(page) == LIMITED_MENU
    steps.step("limited-menu-bar")
    menu(page, "Utilities").click()
    # Step 5: "Your Account", exactly as the guide lists it.
    assert utilities_sections(page)[0] == (
        "Your Account",
        [
            "Change Client Code",
            "Change PACER Exemption Status",
            LINK_ITEM,
            "Citation Display Preferences",
            "Review Billing History",
        ],
    )
    steps.step("utilities")
    page.get_by_role("main").get_by_role("region", name="Your Account").get_by_role("link", name=LINK_ITEM).click()
    # Steps 6-7: cs5184 and its password; step 8: names match, Submit.
    submit_ecf_credentials(page, steps, "cs5184", "alnd-ecf-5184")
    expect_confirmation(page, "John Attorney", "John Attorney")
    steps.step("confirm-names")
    page.get_by_role("button", name="Submit").click()
    # Step 9: the message; steps 10-11: a click on Query shows Civil and Criminal.
    expect_linked(page, "John Attorney")
    steps.step("linked")
    menu(page, "Query").click()
    assert menu_labels(page) == DISTRICT_FILER_MENU
    steps.step("query-with-filing-menus")


APPELLATE_PACER_VIEW = ["Case Search", "Calendar", "Opinions", "Orders/Judgments", "Utilities", "Log Out"]
APPELLATE_LINK_ITEM = "Link my filer account to my PACER account"


def test_appellate_nextgen_at_the_eighth_circuit(demo_server: str, page: Page, walk: Callable[[str], Walk]) -> None:
    """No guide of its own: the appellate variant, from the PACER view to Filing -> File a Document."""
    steps = walk("appellate-ca8")
    page.goto("/ecf/ca8/")
    steps.step("cm-ecf-site")
    page.get_by_role("link", name="Document Filing System", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eighth Circuit Court of Appeals Login")
    steps.step("pacer-login")
    log_in(page, steps, "jattorney")
    # The PACER view, at the appellate URLs.
    assert menu_labels(page) == APPELLATE_PACER_VIEW
    expect(menu(page, "Case Search")).to_have_attribute(
        "href", "/ecf/ca8/n/beam/servlet/TransportRoom?servlet=CaseSearch.jsp"
    )
    steps.step("pacer-view")
    menu(page, "Utilities").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Utilities")
    assert "/n/beam/servlet/TransportRoom?servlet=Utilities.jsp" in page.url
    steps.step("utilities")
    page.get_by_role("main").get_by_role("link", name="Update My Account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Update My Account")
    expect(page.get_by_role("main").get_by_role("link")).to_have_text(
        [APPELLATE_LINK_ITEM, "Your PACER Account...", "Change Client Code"]
    )
    steps.step("update-my-account")
    page.get_by_role("main").get_by_role("link", name=APPELLATE_LINK_ITEM).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(APPELLATE_LINK_ITEM)
    page.get_by_label("CM/ECF login:").fill("jattorney8")
    page.get_by_label("CM/ECF password:").fill("ca8-ecf-attorney")
    steps.step("link-form-filled")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Do you want to link these accounts?")).to_be_visible()
    steps.step("confirm-names")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status")).to_contain_text(
        "The CM/ECF account for John Attorney is now linked to your CSO account."
    )
    assert menu_labels(page) == ["Filing", *APPELLATE_PACER_VIEW]
    steps.step("linked")
    menu(page, "Filing").click()
    page.get_by_role("main").get_by_role("link", name="File a Document").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("File a Document")
    steps.step("file-a-document")
    menu(page, "Log Out").click()
    expect(page.get_by_text("You have logged out of PACER and CM/ECF.")).to_be_visible()
    steps.step("logged-out")
