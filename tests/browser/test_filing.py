"""A civil filing in Chromium under axe-core (see test_every_page_axe.py): README's "File your first document" —
asample22, linked to asample at wiwd, finds the Notice of Appearance by the Search menu and files it in the demo's
Olson case, step by step, to the NEF on screen. Filing needs a login made with an authenticator app code, so each
filer has one and logs in with its code."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from openecf.cases.pdfmake import make_pdf
from tests.browser.tour import DEMO_PASSWORD, Tour, expect_tour, sign_in, tour_of


def sign_in_with_app(page: Page, username: str, court: str, phone: Any) -> None:
    """The PACER login as a filer with an authenticator app makes it: password, the app's code, the redaction
    agreement."""
    from conftest import code_at

    sign_in(page, username, DEMO_PASSWORD, court)
    page.get_by_label("One-time passcode").fill(code_at(phone))
    page.get_by_role("button", name="Verify").click()
    page.get_by_label(re.compile("I understand that, if I file")).check()
    page.get_by_role("button", name="Continue").click()


EFILER = tour_of("efiler", "cmecf:filing_search", "cmecf:filing_category", "cmecf:filing_step")


@pytest.fixture
def linked_asample(demo_server: str) -> tuple[str, Any]:
    """asample22 linked to asample at wiwd, with an authenticator app; the Olson case number and the 'phone'."""
    from conftest import enrol_app
    from openecf.accounts.models import PacerAccount
    from openecf.cases.models import Case
    from openecf.cmecf.models import EcfAccount, Link

    account = PacerAccount.objects.get(username="asample22")
    Link.objects.create(
        pacer_account=account,
        court_id="wiwd",
        ecf_account=EcfAccount.objects.get(court_id="wiwd", login_key="asample"),
    )
    case = Case.objects.get(court_id="wiwd", title="Olson v. Great Lakes Shipping Co.")
    return case.full_number, enrol_app(account)


def test_a_notice_of_appearance_in_a_civil_case(linked_asample: tuple[str, Any], page: Page) -> None:
    case_number, phone = linked_asample
    tour = Tour(page)
    sign_in_with_app(page, "asample22", "wiwd", phone)
    tour.visit("cmecf:filing_search", "Search", "wiwd", query="?q=appearance")
    page.get_by_role("link", name="Civil » Notices » Notice of Appearance").click()
    tour.here("cmecf:filing_category", "Civil Events")
    page.get_by_label("Notice of Appearance").check()
    page.get_by_role("button", name="Next").click()

    tour.here("cmecf:filing_step", "Civil Events")  # the case number
    page.get_by_label("Case Number").fill(case_number)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("main")).to_contain_text("Is this the correct case?")
    tour.accessible()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("main")).to_contain_text("Is this a joint filing")
    tour.accessible()
    page.get_by_role("button", name="Next").click()
    tour.accessible()
    page.get_by_label("Great Lakes Shipping Co. [Defendant]").check()
    page.get_by_role("button", name="Next").click()
    tour.accessible()  # the documents
    pdf = make_pdf([["NOTICE OF APPEARANCE"]])
    payload: FilePayload = {"name": "appearance.pdf", "mimeType": "application/pdf", "buffer": pdf}
    page.get_by_label("Main Document").set_input_files(files=[payload])
    page.get_by_role("button", name="Next").click()
    tour.accessible()  # the docket text
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("main")).to_contain_text("No further editing is allowed after this screen.")
    expect(page.locator("#final-text")).to_have_text(
        "NOTICE of Appearance by Attorney Sample on behalf of Great Lakes Shipping Co. (Sample, Attorney)"
    )
    tour.accessible()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("status")).to_contain_text("Filed: document number 3 in")
    tour.here("cmecf:filing_step", "Civil Events")
    expect_tour(tour, EFILER)


@pytest.fixture
def linked_at_wiwb(demo_server: str) -> Any:
    """jpublic01 linked to testattycg3 at wiwb, with an authenticator app; the 'phone'."""
    from conftest import enrol_app
    from openecf.accounts.models import PacerAccount
    from openecf.cmecf.models import EcfAccount, Link

    account = PacerAccount.objects.get(username="jpublic01")
    Link.objects.create(
        pacer_account=account,
        court_id="wiwb",
        ecf_account=EcfAccount.objects.get(court_id="wiwb", login_key="testattycg3"),
    )
    return enrol_app(account)


def test_opening_a_bankruptcy_case(linked_at_wiwb: Any, page: Page) -> None:
    tour = Tour(page)
    sign_in_with_app(page, "jpublic01", "wiwb", linked_at_wiwb)
    bar = page.get_by_role("navigation", name="CM/ECF menu")
    bar.get_by_role("link", name="Bankruptcy", exact=True).click()
    page.get_by_role("main").get_by_role("link", name="Open a Bankruptcy Case").click()
    tour.here("cmecf:filing_category", "Bankruptcy Events")
    page.get_by_label("Voluntary Petition (Chapter 13)").check()
    page.get_by_role("button", name="Next").click()
    tour.here("cmecf:filing_step", "Bankruptcy Events")  # the parties
    page.get_by_label("Debtor", exact=True).fill("Carl Chapter")
    page.get_by_role("button", name="Next").click()
    tour.accessible()
    payload: FilePayload = {"name": "petition.pdf", "mimeType": "application/pdf", "buffer": make_pdf([["PETITION"]])}
    page.get_by_label("Main Document").set_input_files(files=[payload])
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("main")).to_contain_text("The filing fee for this event is $313.")
    tour.accessible()
    page.get_by_label("Pay $313 (simulated pay.gov payment)").check()
    page.get_by_role("button", name="Next").click()
    tour.accessible()
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#final-text")).to_contain_text(
        "Chapter 13 Voluntary Petition. Fee Amount $313 filed by Carl Chapter."
    )
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("status")).to_contain_text("In re Carl Chapter")
    tour.here("cmecf:filing_step", "Bankruptcy Events")
