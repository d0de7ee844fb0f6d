"""Filing needs a login made with an authenticator app code (issue 14, item 4): a linked filer who skipped
enrolment keeps the filing menus but every filing page refuses, with the way to add an app; with a code, or a
backup code, the filing goes on. (The old court login of a court not on NextGen files without one:
test_other_flows.test_a_filer_with_the_old_court_login_files_at_a_court_not_on_nextgen.)"""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import force_sign_in, menu_bar, visible_text
from openecf.accounts.models import PacerAccount
from openecf.cases.models import DocketEntry
from openecf.filing.models import FilingTransaction, Status
from openecf.filing.tests.conftest import Flow, World, pdf, signed_in
from openecf.filing.tests.test_civil_flow import upload

pytestmark = pytest.mark.django_db

NOTICES = "/ecf/wiwd/filing/civil/notices/"
REFUSAL = (
    "Filing requires signing in with an authenticator app You did not enter an authenticator app code when you "
    "logged in to PACER this time. To file in this court with the CM/ECF account linked to your PACER account "
    "(Sam Skipper), your login must use an authenticator app. Add one under Manage My Account → Multi-factor "
    "authentication . Then log out and log in again with its code."  # visible_text spaces out the tags
)


def assert_refused(response: object) -> None:
    assert response.status_code == 403  # type: ignore[attr-defined]
    text = visible_text(response)
    assert REFUSAL in text
    page = response.content.decode()  # type: ignore[attr-defined]
    assert '<a href="/account/">Manage My Account</a>' in page
    assert '<a href="/account/mfa/">Multi-factor authentication</a>' in page
    assert '<a href="/ecf/wiwd/cgi-bin/login.pl?logout">log out</a>' in page


def test_a_linked_filer_signed_in_without_an_app_sees_the_menus_but_every_filing_page_refuses(world: World) -> None:
    _, skipper = signed_in("skipper", "Sam Skipper", mfa_method="")
    assert menu_bar(skipper.get("/ecf/wiwd/")) == [
        "Civil", "Criminal", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"
    ]  # fmt: skip
    for response in (
        skipper.get(NOTICES),
        skipper.post(NOTICES, {"event": ["civil-notice-of-appearance"]}),
        skipper.get("/ecf/wiwd/filing/search/?q=appearance"),
        skipper.post("/ecf/wiwd/filing/search/", {"q": "appearance"}),
    ):
        assert_refused(response)
    assert FilingTransaction.objects.count() == 0
    # The Civil menu page itself still lists the categories, as before.
    assert skipper.get("/ecf/wiwd/menu/civil/").status_code == 200


def test_a_transaction_begun_with_a_code_refuses_its_steps_to_a_login_without_one(world: World) -> None:
    _, with_app = signed_in("skipper", "Sam Skipper")
    flow = Flow(with_app)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    without_app = force_sign_in(Client(), PacerAccount.objects.get(username="skipperpacer"), mfa_method="")
    assert_refused(without_app.get(flow.url))
    assert_refused(without_app.post(flow.url, {"number": world.case.full_number}))
    txn = FilingTransaction.objects.get()
    assert (txn.answers, txn.status) == ({}, Status.OPEN)
    flow.go("case", {"number": world.case.full_number})  # the login with a code goes on
    assert flow.step == "style"


@pytest.mark.parametrize("method", ["totp", "backup"])
def test_with_an_app_code_or_a_backup_code_the_filer_files(world: World, method: str) -> None:
    _, client = signed_in("coder", "Cody Coder", mfa_method=method)
    flow = Flow(client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    flow.go("case", {"number": world.case.full_number})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
    flow.go("upload", {"main": upload("appearance.pdf", pdf("Notice of Appearance"))})
    flow.go("text", {"modifier": "", "free": ""})
    assert client.post(flow.url).status_code == 302
    assert FilingTransaction.objects.get().status == Status.FILED
    assert DocketEntry.objects.filter(case=world.case).count() == 2
