"""Appellate NextGen, its own variant: Filing -> File a Document, Utilities -> Update My Account (the link item,
"Link my filer account to my PACER account"), the PACER view (Case Search, Calendar, Opinions, Orders/Judgments),
its URL scheme (n/beam/servlet/TransportRoom?servlet=...) and its own logout; at every court of appeals."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from conftest import form_nonce, link_href, make_ecf, make_pacer, menu_bar, visible_text
from openecf.cmecf.models import Link
from openecf.courts.models import Court, CourtType

pytestmark = pytest.mark.django_db

ROOM = "n/beam/servlet/TransportRoom"
PACER_VIEW = ["Case Search", "Calendar", "Opinions", "Orders/Judgments", "Utilities", "Log Out"]


def dropdown(response: object, slug: str) -> list[str]:
    menu = re.search(rf'(?s)<div class="dropdown" id="menu-{slug}">(.*?)</div>', response.content.decode())  # type: ignore[attr-defined]
    assert menu is not None, slug
    return re.findall(r"<a [^>]*>([^<]+)</a>", menu[1])


def test_there_are_13_courts_of_appeals() -> None:
    assert Court.objects.filter(type=CourtType.APPELLATE).count() == 13


@pytest.mark.parametrize("court", ["ca1", "ca8", "ca11", "cadc", "cafc"])
def test_an_appellate_court_walked_from_the_pacer_view_to_filing(court: str) -> None:
    Court.objects.filter(pk=court).update(nextgen_go_live="2017-01-17")
    pacer = make_pacer(f"{court}filer01", "Ann Appellant")
    make_ecf(court, "aappellant", "Ann Appellant", "Appeals-Court-Pw-1!")
    client = Client()
    client.force_login(pacer)
    home = client.get(f"/ecf/{court}/")
    # The PACER view: Case Search, Calendar, Opinions, Orders/Judgments, Utilities; no Filing before linking.
    assert menu_bar(home) == PACER_VIEW
    for label, servlet in [
        ("Case Search", "CaseSearch.jsp"),
        ("Calendar", "CalendarPacer.jsp"),
        ("Opinions", "OpinionsReport.jsp"),
        ("Orders/Judgments", "OrdersJudgmentsReport.jsp"),
        ("Utilities", "Utilities.jsp"),
        ("Log Out", "Logout"),
    ]:
        assert link_href(home, label) == f"/ecf/{court}/{ROOM}?servlet={servlet}"
    assert "cgi-bin" not in home.content.decode()
    assert dropdown(home, "utilities") == ["Update My Account"]
    # Utilities -> Update My Account -> "Link my filer account to my PACER account".
    utilities = client.get(link_href(home, "Utilities"))
    assert visible_text(utilities).count("Update My Account") == 2  # its heading and its item
    update = client.get(link_href(utilities, "Update My Account"))
    assert re.search(r"<h1>Update My Account</h1>", update.content.decode())
    link_url = link_href(update, "Link my filer account to my PACER account")
    assert link_url == f"/ecf/{court}/{ROOM}?servlet=LinkAccount.jsp"  # the link pages too, in appellate URLs
    assert client.get(f"/ecf/{court}/{ROOM}?servlet=FileDocument.jsp").status_code == 403
    form = client.get(link_url)
    assert f'action="/ecf/{court}/{ROOM}?servlet=LinkAccount.jsp"' in form.content.decode()
    confirm = client.post(link_url, {"login": "aappellant", "password": "Appeals-Court-Pw-1!"})
    assert "CM/ECF Ann Appellant PACER Ann Appellant" in visible_text(confirm)
    assert f'action="/ecf/{court}/{ROOM}?servlet=LinkConfirm.jsp"' in confirm.content.decode()
    submitted = client.post(f"/ecf/{court}/{ROOM}?servlet=LinkConfirm.jsp", {"nonce": form_nonce(confirm)})
    assert submitted["Location"] == f"/ecf/{court}/{ROOM}?servlet=LinkDone.jsp"
    done = client.get(submitted["Location"])
    assert "The CM/ECF account for Ann Appellant is now linked to your CSO account." in visible_text(done)
    assert "The Filing menu (File a Document) now appears" in visible_text(done)
    # Filing -> File a Document.
    assert menu_bar(done) == ["Filing", *PACER_VIEW]
    assert dropdown(done, "filing") == ["File a Document"]
    filing = client.get(link_href(done, "Filing"))
    page = client.get(link_href(filing, "File a Document"))
    assert page.status_code == 200 and "<h1>File a Document</h1>" in page.content.decode()
    assert Link.objects.filter(court_id=court).count() == 1


def test_the_district_pattern_is_not_the_appellate_one() -> None:
    client = Client()
    client.force_login(make_pacer("ca8pacer01", "Pat Pacer"))
    assert client.get("/ecf/ca8/utilities/")["Location"] == f"/ecf/ca8/{ROOM}?servlet=Utilities.jsp"
    assert (
        client.get("/ecf/ca8/utilities/nextgen-release-1.1/")["Location"]
        == f"/ecf/ca8/{ROOM}?servlet=UpdateAccount.jsp"
    )
    assert client.get("/ecf/ca8/menu/query/").status_code == 404
    assert client.get(f"/ecf/ca8/{ROOM}?servlet=NoSuch.jsp").status_code == 404
    assert client.post(f"/ecf/ca8/{ROOM}?servlet=CaseSearch.jsp").status_code == 405
    # A district court has no TransportRoom.
    assert client.get(f"/ecf/wiwd/{ROOM}?servlet=CaseSearch.jsp").status_code == 404


def test_signed_out_the_transport_room_sends_to_the_court_login_and_back() -> None:
    response = Client().get(f"/ecf/ca8/{ROOM}?servlet=CaseSearch.jsp")
    assert response.status_code == 302
    assert response["Location"] == (
        "/login/?court=ca8&next=%2Fecf%2Fca8%2Fn%2Fbeam%2Fservlet%2FTransportRoom%3Fservlet%3DCaseSearch.jsp"
    )


def test_the_appellate_logout_ends_the_session() -> None:
    make_pacer("ca8pacer02", "Pat Pacer")
    client = Client()
    client.post("/login/?court=ca8", {"username": "ca8pacer02", "password": "Tests-Are-Honest-42!", "court": "ca8"})
    assert client.get(f"/ecf/ca8/{ROOM}?servlet=CaseSearch.jsp").status_code == 200
    out = client.get(f"/ecf/ca8/{ROOM}?servlet=Logout", follow=True)
    assert "You have logged out of PACER and CM/ECF." in visible_text(out)
    assert client.get(f"/ecf/ca8/{ROOM}?servlet=CaseSearch.jsp").status_code == 302


def test_on_the_court_host_the_appellate_scheme_is_at_the_root(settings: object) -> None:
    settings.OPENECF_COURT_DOMAIN = "uscourts.gov"  # type: ignore[attr-defined]
    settings.ALLOWED_HOSTS = [".uscourts.gov"]  # type: ignore[attr-defined]
    client = Client(HTTP_HOST="ecf.ca8.uscourts.gov")
    client.force_login(make_pacer("ca8pacer03", "Pat Pacer"))
    home = client.get("/", secure=True)
    assert link_href(home, "Case Search") == f"/{ROOM}?servlet=CaseSearch.jsp"
    assert link_href(home, "Log Out") == f"/{ROOM}?servlet=Logout"
    assert client.get(f"/{ROOM}?servlet=UpdateAccount.jsp", secure=True).status_code == 200


def test_appellate_utilities_follow_the_court_profile() -> None:
    from io import StringIO

    from django.core.management import CommandError, call_command

    client = Client()
    client.force_login(make_pacer("ca8pacer04", "Pat Pacer"))
    utilities = f"/ecf/ca8/{ROOM}?servlet=Utilities.jsp"
    assert Court.objects.get(pk="ca8").utilities_layout == [{"title": "Utilities", "items": ["update_my_account"]}]
    assert re.findall(r'<h2 id="section-\d+">([^<]+)</h2>', client.get(utilities).content.decode()) == ["Utilities"]
    call_command(
        "set_court_profile",
        "ca8",
        "--utilities=Your Account: client_code, update_my_account, transaction_log",
        stdout=StringIO(),
    )
    page = client.get(utilities)
    assert dropdown(page, "utilities") == ["Change Client Code", "Update My Account"]  # the log is a filer's
    # At a court of appeals the link item lives under Update My Account, and must stay reachable.
    for layout, message in [
        ("Utilities: client_code", "place update_my_account"),
        ("Utilities: update_my_account, link", "remove link"),
    ]:
        with pytest.raises(CommandError, match=message):
            call_command("set_court_profile", "ca8", f"--utilities={layout}", stdout=StringIO())
    with pytest.raises(CommandError, match="Only a court of appeals has Update My Account"):
        call_command(
            "set_court_profile", "wiwd", "--utilities=Your Account: link, update_my_account", stdout=StringIO()
        )
