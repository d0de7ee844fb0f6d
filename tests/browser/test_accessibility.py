"""axe-core on the pages around the seeds' flows: sign-on, errors, refusals and the court's utilities. No violation
of impact serious or critical; errors tied to their fields and announced; focus where a screen reader needs it."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from openecf.demo.data import PACER_PASSWORD
from tests.browser.walk import assert_accessible, axe_problems, log_in


def open_link_page(page: Page, court: str) -> None:
    page.goto(f"/ecf/{court}/utilities/link/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("account to my PACER account")


def test_sign_on_pages(demo_server: str, page: Page) -> None:
    for path, heading in [
        ("/", "Federal courts"),
        ("/courts/wiwb/", "United States Bankruptcy Court, W.D. Wisconsin"),
        ("/login/", "PACER LOGIN"),
        ("/login/?court=wiwd", "Wisconsin Western District Court Login"),
        ("/login/?court=wiwb", "Wisconsin Western Bankruptcy Court NextGen Login"),
        ("/login/?court=alnd", "PACER LOGIN"),
        ("/ecf/alnd/", "United States District Court for the Northern District of Alabama"),
        ("/ecf/nysd/", "District Court, S.D. New York"),
        ("/help/forgot-password/?court=wiwd", "Forgot password?"),
        ("/ecf/nysd/cgi-bin/login.pl", "CM/ECF Filer Login"),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert_accessible(page)


def test_login_errors_are_tied_to_their_fields_and_announced(demo_server: str, page: Page) -> None:
    page.goto("/login/?court=wiwd")
    page.get_by_label("Client Code").fill("has spaces, commas")
    page.get_by_role("button", name="Login").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Enter your PACER username.")).to_be_visible()
    for label, description in [
        ("Username", "Enter your PACER username."),
        ("Password", "Enter your PACER password."),
        (
            "Client Code",
            "Optional. Up to 32 characters; letters, digits and . _ - / only. "
            "A client code has up to 32 characters: letters, digits and . _ - / only (no spaces or commas).",
        ),
    ]:
        field = page.get_by_label(label)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(description)
    assert_accessible(page)
    # The summary's links take the focus to the field.
    summary.get_by_role("link", name="Enter your PACER password.").click()
    expect(page.get_by_label("Password")).to_be_focused()
    page.get_by_label("Username").fill("asample22")
    page.get_by_label("Password").fill("not the password")
    page.get_by_label("Client Code").fill("")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_role("alert")).to_have_text("Invalid username or password.")
    expect(page.get_by_role("alert")).to_be_focused()
    assert_accessible(page)


def test_error_pages(demo_server: str, page: Page) -> None:
    for path, status, heading in [
        ("/no-such-page/", 404, "Page not found"),
        ("/courts/zzz/", 404, "Page not found"),
        ("/help/no-such-topic/", 404, "Page not found"),
    ]:
        response = page.goto(path)
        assert response is not None and response.status == status
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
    # A form whose CSRF cookie is gone (cookies cleared, or blocked): 403 with the reason and what to do.
    page.goto("/login/?court=wiwd")
    page.context.clear_cookies()
    page.get_by_label("Username").fill("asample22")
    page.get_by_label("Password").fill(PACER_PASSWORD)
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Login").click()
    assert posted.value.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Your form expired")
    expect(page.get_by_text("Your browser must accept cookies")).to_be_visible()
    assert_accessible(page)


def test_court_pages_and_refusals(demo_server: str, page: Page) -> None:
    log_in(page, "wiwd", "asample22")
    # Filing before linking: refused with the way forward.
    response = page.goto("/ecf/wiwd/menu/civil/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("alert")).to_contain_text("is not linked to a CM/ECF filing account")
    assert_accessible(page)
    for path, heading in [
        ("/ecf/wiwd/utilities/", "Utilities"),
        ("/ecf/wiwd/utilities/nextgen-release-1.1/", "NextGen Release 1.1 Menu Items"),
        ("/ecf/wiwd/menu/reports/", "Reports"),
        ("/ecf/wiwd/unavailable/judgment-index/", "Judgment index"),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
    # A client code with a space: the field's error.
    page.goto("/ecf/wiwd/utilities/client-code/")
    page.get_by_label("Client Code").fill("a b")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Client Code")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    # Wrong CM/ECF password, then an inactive CM/ECF account: each its own message.
    open_link_page(page, "wiwd")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("CM/ECF login:")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("alert")).to_be_focused()
    assert_accessible(page)
    page.get_by_label("CM/ECF login:").fill("asample")
    page.get_by_label("CM/ECF password:").fill("wrong password")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("CM/ECF login:").fill("oldfiler")
    page.get_by_label("CM/ECF password:").fill("wiwd-ecf-old")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_contain_text("inactive")
    assert_accessible(page)
    # A court not yet live on NextGen.
    page.goto("/ecf/ilnd/")
    assert_accessible(page)
    open_link_page(page, "ilnd")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_refusals_of_shared_and_legacy_accounts(demo_server: str, page: Page) -> None:
    for username, words in [("smithfirm", "shared"), ("jdoe01", "upgrade")]:
        log_in(page, "wied", username)
        open_link_page(page, "wied")
        expect(page.get_by_role("alert")).to_contain_text(words)
        assert_accessible(page)
        page.get_by_role("navigation", name="CM/ECF menu").get_by_role("link", name="Log Out").click()
        expect(page.get_by_text("You have logged out of PACER and CM/ECF.")).to_be_visible()
        assert_accessible(page)


def test_the_axe_check_finds_what_it_should(server: str, page: Page) -> None:
    """The harness itself: a page with an unlabelled field and an image without text fails it."""
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"><input type="text"></main></html>')
    problems = "\n".join(axe_problems(page))
    assert "image-alt (critical)" in problems and "label (critical)" in problems
