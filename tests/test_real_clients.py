"""Real PACER clients, unmodified, against a live OpenECF on loopback: juriscraper 4.0.1 and pacersdk."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pyotp
import pytest
from juriscraper.lib.exceptions import PacerLoginException
from juriscraper.pacer import PacerSession, PossibleCaseNumberApi
from pacersdk.auth import Authenticator as PacerSdkAuthenticator

from conftest import PACER_PASSWORD, enrol_app, make_pacer
from openecf.audit.models import AuditEvent
from openecf.signon import cso_tokens
from tools.pacer_loopback import mounts

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("courts")]


def api_logins(username: str) -> int:
    return AuditEvent.objects.filter(event="login.succeeded", actor__username=username, detail__via="api").count()


def port_of(live_server: Any) -> int:
    return int(live_server.url.rsplit(":", 1)[1])


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def test_juriscraper_logs_in_stays_logged_in_and_logs_in_again_after_the_token_ends(
    live_server: Any, court_domain: None
) -> None:
    account = make_pacer("researcher1", "Rita Searcher")

    async def scenario() -> dict[str, Any]:
        session = PacerSession(username="researcher1", password=PACER_PASSWORD, mounts=mounts(port_of(live_server)))
        try:
            await session.login()
            seen: dict[str, Any] = {"token": session.cookies.get("NextGenCSO", domain=".uscourts.gov")}
            page = await session.get("https://ecf.wiwd.uscourts.gov/")
            seen["page_logged_in"] = b"/cgi-bin/login.pl?logout" in page.content
            seen["logins_after_page"] = await asyncio.to_thread(api_logins, "researcher1")
            lookup = PossibleCaseNumberApi("wiwd", session)
            await lookup.query("1:26-cv-00001")
            seen["lookup"] = lookup.data()
            seen["lookup_text"] = lookup.response.text
            await asyncio.to_thread(cso_tokens.end_all, account=account, reason="test")  # ended server-side
            again = await session.get("https://ecf.wiwd.uscourts.gov/utilities/")
            seen["again_logged_in"] = b"/cgi-bin/login.pl?logout" in again.content
            seen["logins_after_end"] = await asyncio.to_thread(api_logins, "researcher1")
            seen["new_token"] = session.cookies.get("NextGenCSO", domain=".uscourts.gov")
        finally:
            await session.aclose()
        return seen

    seen = run(scenario())
    assert len(seen["token"]) == 128
    assert seen["page_logged_in"] is True
    assert seen["logins_after_page"] == 1, "juriscraper counted the court page as logged in"
    assert seen["lookup"] is None and "Cannot find case 1:26-cv-00001" in seen["lookup_text"]
    assert seen["again_logged_in"] is True
    assert seen["logins_after_end"] == 2, "juriscraper noticed the ended token and logged in again by itself"
    assert seen["new_token"] != seen["token"]


def test_juriscraper_raises_for_a_bad_password_and_for_an_mfa_account(live_server: Any, court_domain: None) -> None:
    make_pacer("researcher1", "Rita Searcher")
    enrol_app(make_pacer("secure001", "Sam Secure"))

    async def attempt(username: str, password: str) -> str:
        session = PacerSession(username=username, password=password, mounts=mounts(port_of(live_server)))
        try:
            await session.login()
        except PacerLoginException as refusal:
            return str(refusal)
        finally:
            await session.aclose()
        return "logged in"

    assert run(attempt("researcher1", "Not-The-Password-1!")) != "logged in"
    assert run(attempt("secure001", PACER_PASSWORD)) != "logged in"
    assert AuditEvent.objects.filter(event="login.failed", username="researcher1").count() == 1
    assert AuditEvent.objects.filter(event="mfa.failed", actor__username="secure001").count() == 1


def _fresh_step() -> None:
    """Start at the beginning of a 30-second step, so two logins in a row fall in the same step."""
    left = 30 - time.time() % 30
    if left < 5:
        time.sleep(left + 0.1)


def test_pacersdk_logs_in_with_a_pyotp_code_and_fails_with_a_replayed_or_wrong_one(live_server: Any) -> None:
    phone = enrol_app(make_pacer("secure001", "Sam Secure"))
    config = {"authenticationurl": live_server.url}
    _fresh_step()
    client = PacerSdkAuthenticator("secure001", PACER_PASSWORD, config, secret=phone.secret, redaction=True)
    token = client.get_token()
    assert len(token) == 128
    replayed = PacerSdkAuthenticator("secure001", PACER_PASSWORD, config, secret=phone.secret, redaction=True)
    assert replayed.get_token() == ""
    wrong = PacerSdkAuthenticator("secure001", PACER_PASSWORD, config, secret=pyotp.random_base32(32))
    assert wrong.get_token() == ""
    assert AuditEvent.objects.filter(event="mfa.failed", detail__reason="replayed").count() == 1
    client.logout()
    assert cso_tokens.resolve(token) is None


def test_juriscraper_finds_a_case_by_number_reads_its_docket_and_downloads_a_billed_pdf(
    live_server: Any, court_domain: None, capsys: Any
) -> None:
    """tools/pacer_loopback.py's walk (the README's script): every field juriscraper parsed equals what is stored,
    and the receipts it accepted are the ledger's."""
    from datetime import date

    import pikepdf

    from conftest import TEST_ORIGIN
    from openecf.billing.models import Charge
    from openecf.cases import services as cases
    from openecf.cases.docketing import Upload, file_entry
    from openecf.cases.pdfmake import make_pdf
    from openecf.courts.models import Court
    from tools.pacer_loopback import _print, walk

    court = Court.objects.get(pk="wiwd")
    judge = cases.add_judge(court=court, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = cases.open_case(
        court=court,
        case_type="cv",
        title="Olson v. Great Lakes Shipping Co.",
        judge=judge,
        origin=TEST_ORIGIN,
        filed_on=date(2026, 2, 3),
    )
    cases.add_party(case=case, name="Erik Olson", role="plaintiff", origin=TEST_ORIGIN)
    for text, pages in (("COMPLAINT against Great Lakes Shipping Co.", 4), ("MOTION to Dismiss", 2)):
        upload = Upload(make_pdf([[f"{text} page {n}"] for n in range(pages)]), "doc.pdf", text)
        file_entry(case=case, text=text, documents=[upload], filed_on=date(2026, 2, 3), origin=TEST_ORIGIN)
    make_pacer("researcher9", "Rhea Searcher")

    walked = run(walk(port_of(live_server), "researcher9", PACER_PASSWORD, "wiwd", case.full_number))

    assert (walked["case"]["pacer_case_id"], walked["case"]["docket_number"]) == (str(case.caseid), case.full_number)
    docket = walked["docket"]
    assert (docket["case_name"], docket["docket_number"], docket["date_filed"]) == (
        "Olson v. Great Lakes Shipping Co.",
        case.full_number,  # juriscraper drops the judge's initials
        date(2026, 2, 3),
    )
    assert docket["assigned_to_str"] == "Judith D. Parker"
    assert [(p["name"], p["type"]) for p in docket["parties"]] == [("Erik Olson", "Plaintiff")]
    stored = list(case.entries.order_by("de_seq_num").prefetch_related("documents"))
    assert [
        (e["document_number"], e["description"], e["pacer_doc_id"], e["pacer_seq_no"]) for e in docket["docket_entries"]
    ] == [
        (
            str(s.number),
            f"{s.text} (Entered: {s.entered_at.astimezone(court.zone):%m/%d/%Y})",  # entered after the day filed
            s.documents.get().pacer_doc_id,
            str(s.de_seq_num),
        )
        for s in stored
    ]
    first = stored[0].documents.get()
    with pikepdf.open(__import__("io").BytesIO(walked["pdf"])) as pdf:
        assert len(pdf.pages) == first.page_count == 4
    assert list(Charge.objects.order_by("pk").values_list("description", "criteria", "pages", "cost_cents"))[-1] == (
        "Image1-0",
        case.number,
        4,
        40,
    )
    assert list(Charge.objects.order_by("pk").values_list("description", flat=True)) == ["Docket Report", "Image1-0"]
    _print(walked)  # what the script shows a person
    shown = capsys.readouterr().out.splitlines()
    assert (
        shown[0] == f"possible_case_numbers.pl: {case.number} Olson v. Great Lakes Shipping Co. (caseid {case.caseid})"
    )
    assert shown[-1] == f"Document 1 ({first.pacer_doc_id}): {len(walked['pdf']):,} bytes of PDF"
