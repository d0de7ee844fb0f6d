"""A clerk of wiwd sees and changes nothing of another court: every desk URL, tried with alnd's ids, fails."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse

from conftest import TEST_ORIGIN, make_pacer
from openecf.audit.models import AuditEvent
from openecf.clerks.models import LinkCorrection
from openecf.clerks.scope import scope_for
from openecf.clerks.services import propose_link_removal
from openecf.clerks.tests.conftest import desk_client, make_clerk
from openecf.cmecf.models import EcfAccount, Link
from openecf.courts.models import Court
from openecf.courts.services import EDITABLE_PROFILE_FIELDS
from openecf.ecfpasswords.models import PasswordReset
from openecf.efile.models import EfileRegistration
from openecf.efile.services import request_registration
from openecf.notices.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def alnd_objects(demo: None) -> dict[str, int]:
    """An alnd CM/ECF account, linked, with a removal proposed by an alnd clerk; an e-file request to alnd."""
    account = EcfAccount.objects.get(court_id="alnd", login="cs5184")
    pacer = make_pacer("alndfiler1", "John Attorney")
    Link.objects.create(pacer_account=pacer, ecf_account=account, court_id="alnd")
    alnd_clerk, _ = make_clerk("alndclerk1", "Alma Clerk", "alnd")
    scope = scope_for(alnd_clerk, "alnd")
    assert scope is not None
    correction = propose_link_removal(
        scope=scope, ecf=account, reason="Linked by the paralegal to the wrong attorney.", origin=TEST_ORIGIN
    )
    registration = request_registration(
        account=make_pacer("alndasker1", "Alan Asker"),
        court=Court.objects.get(pk="alnd"),
        role="attorney",
        bar_id="ASB-1234 (Alabama)",
        statement="",
        origin=TEST_ORIGIN,
    )
    return {"account": account.pk, "correction": correction.pk, "registration": registration.pk}


def _urls(court: str, ids: dict[str, int]) -> list[tuple[str, str]]:
    """Every desk page of a court, as (method, url)."""
    a, c, r = ids["account"], ids["correction"], ids["registration"]
    return [
        ("get", reverse("clerks:dashboard", args=[court])),
        ("get", reverse("clerks:accounts", args=[court])),
        ("get", reverse("clerks:account_new", args=[court])),
        ("post", reverse("clerks:account_new", args=[court])),
        ("get", reverse("clerks:account", args=[court, a])),
        ("post", reverse("clerks:account_status", args=[court, a])),
        ("post", reverse("clerks:account_reset", args=[court, a])),
        ("get", reverse("clerks:account_login", args=[court, a])),
        ("post", reverse("clerks:account_login", args=[court, a])),
        ("get", reverse("clerks:account_unlink", args=[court, a])),
        ("post", reverse("clerks:account_unlink", args=[court, a])),
        ("get", reverse("clerks:corrections", args=[court])),
        ("get", reverse("clerks:correction", args=[court, c])),
        ("post", reverse("clerks:correction", args=[court, c])),
        ("get", reverse("clerks:efile_registrations", args=[court])),
        ("get", reverse("clerks:efile_registration", args=[court, r])),
        ("post", reverse("clerks:efile_registration", args=[court, r])),
        ("get", reverse("clerks:go_live", args=[court])),
        ("post", reverse("clerks:go_live", args=[court])),
        ("get", reverse("clerks:contacts", args=[court])),
        ("post", reverse("clerks:contacts", args=[court])),
        ("get", reverse("clerks:profile", args=[court])),
        ("post", reverse("clerks:profile", args=[court])),
        ("get", reverse("clerks:import", args=[court])),
        ("post", reverse("clerks:import", args=[court])),
        ("get", reverse("clerks:audit", args=[court])),
        ("get", reverse("clerks:audit_csv", args=[court])),
    ]


def _hostile_data() -> dict[str, object]:
    csv = io.BytesIO(b"login,name,email,role,password\nintruder,In Truder,in@example.com,attorney,Xx-Intruder-2026!\n")
    csv.name = "accounts.csv"
    return {
        "active": "0",
        "reason": "Cross-court attempt by a wiwd clerk, must fail.",
        "method": "photo_id",
        "note": "",
        "decision": "approve",
        "go_live": "2031-01-06",
        "link_item_location": "utilities",
        "action": "save",
        "clerk_phone": "(555) 000-0000",
        "login_style": "nextgen",
        "login_title": "Hijacked Login",
        "login_required_note": "Required Information",
        "login_buttons": "login_clear",
        "login_notice": "Hijacked.",
        "landing_entry": "Hijacked",
        "utilities_layout": "Your Account: link",
        "login": "intruder",
        "name": "In Truder",
        "email": "in@example.com",
        "role": "attorney",
        "file": csv,
    }


def _state() -> tuple[object, ...]:
    alnd = Court.objects.get(pk="alnd")
    return (
        list(EcfAccount.objects.filter(court=alnd).values_list("login", "is_active", "password")),
        list(Link.objects.filter(court=alnd).values_list("pk", flat=True)),
        list(LinkCorrection.objects.values_list("pk", "status")),
        list(EfileRegistration.objects.values_list("pk", "status", "decided_by", "ecf_account")),
        PasswordReset.objects.count(),
        OutboxMessage.objects.count(),
        (alnd.nextgen_go_live, alnd.link_item_location, alnd.clerk_phone),
        [getattr(alnd, field) for field in EDITABLE_PROFILE_FIELDS],
    )


def test_a_wiwd_clerk_gets_404_for_every_desk_page_of_alnd(alnd_objects: dict[str, int]) -> None:
    clerk = desk_client(*make_clerk("wiwdclerk9", "Wanda Clerk", "wiwd"))
    before = _state()
    for method, url in _urls("alnd", alnd_objects):
        response = getattr(clerk, method)(url, _hostile_data() if method == "post" else None)
        assert response.status_code == 404, (method, url, response.status_code)
    assert _state() == before


def test_alnd_ids_under_the_wiwd_desk_find_nothing_and_change_nothing(alnd_objects: dict[str, int]) -> None:
    clerk = desk_client(*make_clerk("wiwdclerk9", "Wanda Clerk", "wiwd"))
    before = _state()
    tried = 0
    for method, url in _urls("wiwd", alnd_objects):
        if not {str(alnd_objects[kind]) for kind in ("account", "correction", "registration")} & set(url.split("/")):
            continue  # only the pages that take an object id
        tried += 1
        response = getattr(clerk, method)(url, _hostile_data() if method == "post" else None)
        assert response.status_code == 404, (method, url, response.status_code)
    assert tried == 11
    assert _state() == before
    assert not AuditEvent.objects.filter(court_id="alnd", actor__username="wiwdclerk9").exists()


def test_the_wiwd_desk_lists_and_exports_nothing_of_alnd(alnd_objects: dict[str, int]) -> None:
    clerk = desk_client(*make_clerk("wiwdclerk9", "Wanda Clerk", "wiwd"))
    listing = clerk.get("/clerk/wiwd/accounts/?q=John")
    assert "John Attorney" not in listing.content.decode()  # alnd's, wied's and ca8's John Attorney are not here
    exported = b"".join(clerk.get("/clerk/wiwd/audit.csv").streaming_content).decode()  # type: ignore[attr-defined]
    assert "alnd" not in exported and "alndclerk1" not in exported
    assert "wiwd" in exported  # the wiwd events are there
    corrections = clerk.get("/clerk/wiwd/corrections/").content.decode()
    assert "Linked by the paralegal" not in corrections
    assert "Alan Asker" not in clerk.get("/clerk/wiwd/efile/").content.decode()


def test_the_desk_needs_its_own_sign_in_and_not_a_pacer_login(demo: None, client_of: object) -> None:
    clerk, _totp = make_clerk("wiwdclerk9", "Wanda Clerk", "wiwd")
    pacer_only = client_of(clerk)  # type: ignore[operator]
    response = pacer_only.get("/clerk/wiwd/")
    assert response.status_code == 302 and response["Location"].startswith("/clerk/login/")
    assert Client().get("/clerk/wiwd/accounts/").status_code == 302
