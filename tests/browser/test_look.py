"""The look of CM/ECF, as a filer meets it: the menu bar's drop-downs with and without JavaScript, a phone,
paper, and nothing loaded from anywhere but the app itself."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import new_page
from tests.browser.walk import SCREENSHOTS, Walk, assert_accessible, log_in

FILER = ("wied", "jattorney")


def link_wied(page: Page) -> None:
    page.goto("/ecf/wied/utilities/link/")
    page.get_by_label("CM/ECF login:").fill("cs5184")
    page.get_by_label("CM/ECF password:").fill("wied-ecf-5184")
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status")).to_contain_text("is now linked to your CSO account")


def test_drop_downs_open_on_hover_and_by_their_buttons(demo_server: str, page: Page) -> None:
    log_in(page, *FILER)
    bar = page.get_by_role("navigation", name="CM/ECF menu")
    link_item = bar.get_by_role("link", name="Link a CM/ECF account to my PACER account")
    expect(link_item).to_be_hidden()
    bar.get_by_role("link", name="Utilities", exact=True).hover()
    expect(link_item).to_be_visible()
    page.get_by_role("heading", level=1).hover()
    expect(link_item).to_be_hidden()
    toggle = bar.get_by_role("button", name="Reports menu")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(bar.get_by_role("link", name="Docket Sheet")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("main").click()
    expect(bar.get_by_role("link", name="Docket Sheet")).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    # A drop-down entry goes where its page's entry goes.
    bar.get_by_role("link", name="Utilities", exact=True).hover()
    link_item.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Link a CM/ECF account to my PACER account")


def test_menus_work_as_plain_links_without_javascript(demo_server: str, chromium: Browser) -> None:
    page = new_page(chromium, demo_server, java_script_enabled=False)
    steps = Walk(page, "no-javascript", axe=False)  # the same pages pass axe with JavaScript on
    log_in(page, *FILER)
    link_wied(page)
    bar = page.get_by_role("navigation", name="CM/ECF menu")
    expect(bar.get_by_role("button")).to_have_count(0)  # the drop-down buttons need the script
    for label, entry in [
        ("Civil", "Open a Civil Case"),
        ("Reports", "Docket Sheet"),
        ("Utilities", "Change Client Code"),
    ]:
        bar.get_by_role("link", name=label, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(label)
        expect(page.get_by_role("main").get_by_role("link", name=entry)).to_be_visible()
    steps.step("utilities")
    # From the keyboard, a menu's entries open when its link has the focus.
    bar.get_by_role("link", name="Criminal", exact=True).focus()
    expect(bar.locator("#menu-criminal").get_by_role("link", name="Notices")).to_be_visible()
    steps.step("criminal-focused")
    page.context.close()


def test_readable_on_a_phone(demo_server: str, chromium: Browser) -> None:
    page = new_page(chromium, demo_server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    steps = Walk(page, "phone")

    def fits(name: str) -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{page.url} is {width} px wide on a 390 px phone: the reader must scroll sideways"
        steps.step(name)

    page.goto("/courts/wied/")
    fits("court-website")
    page.goto("/login/?court=wied")
    fits("pacer-login")
    log_in(page, *FILER)
    fits("limited-menu-bar")
    page.goto("/ecf/wied/utilities/link/")
    page.get_by_label("CM/ECF login:").fill("cs5184")
    page.get_by_label("CM/ECF password:").fill("wied-ecf-5184")
    page.get_by_role("button", name="Submit").click()
    fits("confirm-names")
    page.get_by_role("button", name="Submit").click()
    fits("linked")
    # Touch screens have no hover: the ▾ button opens the menu, within the screen's width.
    page.get_by_role("button", name="Utilities menu").tap()
    entry = page.get_by_role("navigation", name="CM/ECF menu").get_by_role("link", name="Change Client Code")
    expect(entry).to_be_visible()
    box = page.locator("#menu-utilities").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    fits("utilities-drop-down")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    page.context.close()


def test_prints_the_page_without_menus_or_buttons(demo_server: str, page: Page) -> None:
    log_in(page, *FILER)
    page.goto("/ecf/wied/utilities/link/")
    page.get_by_label("CM/ECF login:").fill("cs5184")
    page.get_by_label("CM/ECF password:").fill("wied-ecf-5184")
    page.get_by_role("button", name="Submit").click()
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="CM/ECF menu")).to_be_hidden()
    expect(page.get_by_role("button", name="Submit")).to_be_hidden()
    expect(page.get_by_role("banner").get_by_text("District Court, E.D. Wisconsin")).to_be_visible()
    expect(page.get_by_role("heading", name="Do you want to link these accounts?")).to_be_visible()
    expect(page.get_by_role("table")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "print-confirm-names.png", full_page=True)
    pdf = page.pdf(path=SCREENSHOTS / "print-confirm-names.pdf", format="Letter")
    assert pdf.startswith(b"%PDF")


def test_everything_comes_from_the_app(demo_server: str, page: Page) -> None:
    """No CDN, web font or tracker: every request the pages make goes to the app's own address."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/")
    page.goto("/courts/wied/")
    log_in(page, *FILER)
    link_wied(page)
    page.get_by_role("navigation", name="CM/ECF menu").get_by_role("link", name="Civil", exact=True).click()
    assert requested
    assert [url for url in requested if not url.startswith(demo_server + "/")] == []
    assert any(url.endswith(".css") for url in requested) and any(url.endswith(".js") for url in requested)
