"""The authorization matrix: every URL pattern has an owner and an access rule, and every actor's answer is checked.

The table ``ROWS`` names each URL pattern of ``config.urls`` (and of ``config.urls_court_host``, which serves the
same names with a court's pages at the root of its own host) by its ``namespace:name``, with the app that owns it,
its access rule and sample arguments. The tests walk the URLconfs: a pattern without a row fails, and so does a
row without a pattern. Each actor below then requests each URL (GET; POST with only the CSRF token where the view
takes POST; POST without the token, which every form must refuse with 403), and the status, and for a redirect
its destination, must be exactly the one the rule gives (or the row's own override, which says why).

The rows state the SECURE answer, not necessarily today's. ``OPENECF_ACCESS_DOC=write pytest
tests/test_authorization_matrix.py -k docs`` writes the table as Markdown.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.crypto import get_random_string

# --- Actors -----------------------------------------------------------------------------------------------------

ANONYMOUS = "anonymous"
AT_CODE = "mid-login: one-time code"
AT_ENROL = "mid-login: MFA enrolment"
AT_REDACTION = "mid-login: redaction notice"
PACER = "PACER user"
FILER = "linked filer"
VIEWER = "linked viewer"
CLERK = "clerk of wiwd"
OTHER_CLERK = "clerk of wied"
STAFF = "staff"

ACTORS = (ANONYMOUS, AT_CODE, AT_ENROL, AT_REDACTION, PACER, FILER, VIEWER, CLERK, OTHER_CLERK, STAFF)
MID_LOGIN = (AT_CODE, AT_ENROL, AT_REDACTION)
PACER_SIGNED_IN = (PACER, FILER, VIEWER, STAFF)
STEP_URL = {AT_CODE: "/login/code/", AT_ENROL: "/login/mfa-required/", AT_REDACTION: "/login/redaction/"}
ACTOR_NOTES = {
    ANONYMOUS: "no session",
    AT_CODE: "password posted for an account with an authenticator app: at /login/code/",
    AT_ENROL: "password posted for a filer without an app: at /login/mfa-required/",
    AT_REDACTION: "a filer with an app who posted the password and the code: at /login/redaction/",
    PACER: "signed in to PACER, no link, no app",
    FILER: "signed in with app code and redaction notice; linked to an attorney CM/ECF account at wiwd",
    VIEWER: "signed in (no step); linked to a viewer CM/ECF account at wiwd",
    CLERK: "signed in to the clerk's desk (password + app code at /clerk/login/), clerk of wiwd",
    OTHER_CLERK: "signed in to the clerk's desk, clerk of wied only",
    STAFF: "is_staff, signed in to PACER",
}

COURT = "wiwd"
DOMAIN = "uscourts.example"
COURT_HOST = f"ecf.{COURT}.{DOMAIN}"
SIGN_ON_HOST = f"pacer.login.{DOMAIN}"


@dataclass(frozen=True)
class Expect:
    """A status; for a redirect, where to: a path ("/login/") or, to another host, "//host/path"."""

    status: int
    to: str = ""

    def __str__(self) -> str:
        return f"{self.status} -> {self.to}" if self.to else str(self.status)


def go(to: str) -> Expect:
    return Expect(302, to)


OK = Expect(200)
BAD = Expect(400)
FORBIDDEN = Expect(403)
NOT_FOUND = Expect(404)
NOT_ALLOWED = Expect(405)
GONE = Expect(410)
CSRF_REFUSED = FORBIDDEN


@dataclass(frozen=True)
class Where:
    """Where the request is made: the path-based site, or a court's own host (ecf.<court>.<domain>)."""

    court_host: bool = False

    def court_login(self) -> str:
        """The PACER login a court page sends a visitor to."""
        return f"//{SIGN_ON_HOST}/login/" if self.court_host else "/login/"

    def court_path(self, rest: str = "") -> str:
        return f"/{rest}" if self.court_host else f"/ecf/{COURT}/{rest}"


# --- Rules: who is let in; what everyone else gets ----------------------------------------------------------------

Outcome = Callable[[str, Where], Expect | None]  # None: let in (the row's own answer)


@dataclass(frozen=True)
class Rule:
    name: str
    text: str
    outcome: Outcome


def _public(actor: str, where: Where) -> Expect | None:
    return None


def _step(step_actor: str) -> Outcome:
    def outcome(actor: str, where: Where) -> Expect | None:
        if actor == step_actor:
            return None
        if actor in MID_LOGIN:
            return go(STEP_URL[actor])  # another step's URL leads back to the current step
        return go("/login/")  # no login in progress: start again

    return outcome


def _login_in_progress(actor: str, where: Where) -> Expect | None:
    return go(STEP_URL[actor]) if actor in MID_LOGIN else go("/login/")


def _pacer_signed_in(actor: str, where: Where) -> Expect | None:
    return None if actor in PACER_SIGNED_IN else go("/login/")


def _pacer_or_enrolment(actor: str, where: Where) -> Expect | None:
    if actor in PACER_SIGNED_IN or actor == AT_ENROL:
        return None
    return go(STEP_URL[actor]) if actor in MID_LOGIN else go("/login/")


def _court_signed_in(actor: str, where: Where) -> Expect | None:
    return None if actor in PACER_SIGNED_IN else go(where.court_login())


def _filer_at_court(actor: str, where: Where) -> Expect | None:
    if actor == FILER:
        return None
    return FORBIDDEN if actor in PACER_SIGNED_IN else go(where.court_login())


def _ecf_account_at_court(actor: str, where: Where) -> Expect | None:
    if actor in (FILER, VIEWER):
        return None
    return FORBIDDEN if actor in PACER_SIGNED_IN else go(where.court_login())


def _clerk_signed_in(actor: str, where: Where) -> Expect | None:
    return None if actor in (CLERK, OTHER_CLERK) else go("/clerk/login/")


def _clerk_of_court(actor: str, where: Where) -> Expect | None:
    if actor == CLERK:
        return None
    return NOT_FOUND if actor == OTHER_CLERK else go("/clerk/login/")


def _clerk_login_step(actor: str, where: Where) -> Expect | None:
    return go("/clerk/login/")  # none of the actors is between the desk's password and its code


def _admin_off(actor: str, where: Where) -> Expect | None:
    return NOT_FOUND


PUBLIC = Rule("PUBLIC", "anyone", _public)
LOGIN_IN_PROGRESS = Rule(
    "LOGIN_IN_PROGRESS", "a login between the password and its last step: on to the current step", _login_in_progress
)
PACER_SIGNED_IN_RULE = Rule("PACER_SIGNED_IN", "signed in to PACER (else to /login/)", _pacer_signed_in)
PACER_OR_ENROLMENT = Rule(
    "PACER_SIGNED_IN or PENDING_LOGIN_STEP(enrolment)",
    "signed in to PACER, or at the MFA enrolment step of a login (an account with no app); at another step: back to it",
    _pacer_or_enrolment,
)
COURT_SIGNED_IN = Rule(
    "COURT_SIGNED_IN", "signed in to PACER (or the old court login of a court not on NextGen)", _court_signed_in
)
FILER_AT_COURT = Rule(
    "FILER_AT_COURT", "signed in, with filing rights at this court (others signed in: 403)", _filer_at_court
)
ECF_ACCOUNT_AT_COURT = Rule(
    "ECF_ACCOUNT_AT_COURT",
    "signed in, with a CM/ECF account at this court (linked; a viewer too); others signed in: 403",
    _ecf_account_at_court,
)
CLERK_SIGNED_IN = Rule("CLERK_SIGNED_IN", "signed in to the clerk's desk (else to /clerk/login/)", _clerk_signed_in)
CLERK_OF_COURT = Rule(
    "CLERK_OF_COURT", "signed in to the desk as a clerk of this court (a clerk of another court: 404)", _clerk_of_court
)
CLERK_LOGIN_STEP = Rule(
    "PENDING_DESK_SIGN_IN", "between the desk's password and its code (else to /clerk/login/)", _clerk_login_step
)
ADMIN_OFF = Rule("ADMIN_OFF", "the admin is off unless OPENECF_ADMIN=1: 404 for everyone", _admin_off)
API_TOKEN = Rule("API_CREDENTIALS", "anyone: the request carries its own credentials (CSRF-exempt API)", _public)
DEMO_ONLY = Rule("DEMO_ONLY", "mounted only in the demo (OPENECF_DEMO_MAILDIR, DEBUG): anyone there", _public)


def PENDING_LOGIN_STEP(step_actor: str) -> Rule:  # named as the rule reads in the table
    step = {AT_CODE: "code", AT_ENROL: "enrolment", AT_REDACTION: "redaction"}[step_actor]
    return Rule(
        f"PENDING_LOGIN_STEP({step})",
        f"a login at its {step} step; at another step: back to it; no login in progress: to /login/",
        _step(step_actor),
    )


# --- The table ----------------------------------------------------------------------------------------------------

Answer = Expect | Callable[[str, Where], Expect]


@dataclass(frozen=True)
class Row:
    owner: str
    rule: Rule
    get: Answer = OK  # the answer to a GET for an actor the rule lets in
    post: Answer | None = None  # the answer to a POST (CSRF token only) for an actor let in; None: no POST
    args: tuple[str, ...] = ()  # sample arguments (names of WORLD ids, or literal strings)
    query: str = ""
    overrides: dict[tuple[str, str], Expect] = field(default_factory=dict)  # (actor, "GET"/"POST") -> answer
    why: str = ""
    csrf_exempt: bool = False


def _by_actor(answers: dict[str, Expect], default: Expect) -> Callable[[str, Where], Expect]:
    return lambda actor, where: answers.get(actor, default)


ROWS: dict[str, Row] = {}


def row(name: str, owner: str, rule: Rule, **kwargs: Any) -> None:
    assert name not in ROWS, f"two rows for {name}"
    ROWS[name] = Row(owner, rule, **kwargs)


def _after_cancel(actor: str, where: Where) -> Expect:
    return go("/")


# Central Sign-On (openecf.signon)
S = "openecf.signon"
row("signon:index", S, PUBLIC)
row("signon:court", S, PUBLIC, args=(COURT,))
row("signon:login", S, PUBLIC, post=BAD)
row("signon:login_code", S, PENDING_LOGIN_STEP(AT_CODE), post=Expect(401))
row(
    "signon:login_mfa_required",
    S,
    PENDING_LOGIN_STEP(AT_ENROL),
    post=go("/login/redaction/"),
    why="POST is the 'skip' (a filer without an app, a limited number of times): on to the redaction notice",
)
row("signon:login_redaction", S, PENDING_LOGIN_STEP(AT_REDACTION), post=BAD)
row("signon:login_continue", S, LOGIN_IN_PROGRESS, post=OK)
row("signon:login_cancel", S, PUBLIC, get=go("/"), post=go("/"), why="discards a pending login; harmless without one")
row("signon:logout", S, PUBLIC, post=OK)
row("signon:help", S, PUBLIC, args=("forgot-password",))
row("signon:cso_auth", S, API_TOKEN, get=NOT_ALLOWED, post=OK, csrf_exempt=True)
row("signon:cso_logout", S, API_TOKEN, get=NOT_ALLOWED, post=OK, csrf_exempt=True)
row("signon:openapi", S, PUBLIC)
row("healthz", "openecf.core", PUBLIC)

# PACER accounts: Manage My Account and the upgrade (openecf.myaccount), registration and recovery (openecf.accounts)
A = "openecf.accounts"
MY = "openecf.myaccount"
row("accounts:manage", MY, PACER_SIGNED_IN_RULE)
row("accounts:contact", MY, PACER_SIGNED_IN_RULE, post=BAD)
row("accounts:email", MY, PACER_SIGNED_IN_RULE, post=BAD)
row(
    "accounts:confirm_email",
    MY,
    PUBLIC,
    args=("not-a-secret",),
    get=GONE,
    post=GONE,
    why="the e-mailed link is the proof",
)
row("accounts:password", MY, PACER_SIGNED_IN_RULE, post=BAD)
row("accounts:client_code", MY, PACER_SIGNED_IN_RULE, post=go("/account/"), why="an empty form is a valid choice")
row("accounts:register", A, PUBLIC, post=BAD)
row("accounts:register_person", A, PUBLIC, post=BAD)
for step in ("address", "county", "security"):
    row(
        f"accounts:register_{step}",
        A,
        PUBLIC,
        get=go("/account/register/person/"),
        post=go("/account/register/person/"),
        why="a later page before the first: back to the first",
    )
row("accounts:register_done", A, PUBLIC)
row("accounts:verify_resend", A, PUBLIC, get=NOT_ALLOWED, post=OK, why="the same answer whether or not a mail was due")
row(
    "accounts:verify_email",
    A,
    PUBLIC,
    args=("not-a-secret",),
    get=GONE,
    post=GONE,
    why="the e-mailed link is the proof",
)
row("accounts:upgrade", MY, PACER_SIGNED_IN_RULE, get=go("/account/upgrade/done/"))
for step in ("person", "address", "county", "security"):
    row(
        f"accounts:upgrade_{step}",
        MY,
        PACER_SIGNED_IN_RULE,
        get=go("/account/upgrade/done/"),
        post=go("/account/upgrade/done/"),
        why="only a legacy account upgrades; none of the actors is one",
    )
row("accounts:upgrade_done", MY, PACER_SIGNED_IN_RULE)
row("accounts:forgot_password", A, PUBLIC, post=BAD)
row(
    "accounts:forgot_password_question",
    A,
    PUBLIC,
    get=go("/account/forgot-password/"),
    post=go("/account/forgot-password/"),
    why="the question page needs the first page's answer",
)
row(
    "accounts:reset_password",
    A,
    PUBLIC,
    args=("not-a-secret",),
    get=GONE,
    post=GONE,
    why="the e-mailed link is the proof",
)
row("accounts:forgot_username", A, PUBLIC, post=BAD)

# E-file registration (openecf.efile)
row("efile:request", "openecf.efile", PACER_SIGNED_IN_RULE, post=BAD)

# Authenticator apps: Login and Security (openecf.myaccount, on openecf.mfa)
M = "openecf.myaccount"
row("mfa:overview", M, PACER_SIGNED_IN_RULE, post=OK)
row("mfa:add", M, PACER_OR_ENROLMENT, post=OK, why="adding an app mid-login is the enrolment step, nothing else")
row(
    "mfa:remove",
    M,
    PACER_SIGNED_IN_RULE,
    args=("@filer_app",),
    get=_by_actor({FILER: OK}, NOT_FOUND),
    post=_by_actor({FILER: BAD}, NOT_FOUND),
    why="the sample is the linked filer's app: anyone else's account has no such app (404)",
)
row("mfa:backup_codes", M, PACER_SIGNED_IN_RULE, post=BAD)

# A court's CM/ECF site (openecf.cmecf, openecf.ecfpasswords)
C = "openecf.cmecf"
row(
    "cmecf:home",
    C,
    PUBLIC,
    args=(COURT,),
    why="signed out: the court's CM/ECF landing page, whose entry leads to the login (seeds 003, 004); signed in: "
    "the court's home page",
)
row(
    "cmecf:transport_room",
    C,
    PUBLIC,
    args=(COURT,),
    query="servlet=Utilities.jsp",
    get=NOT_FOUND,
    post=NOT_FOUND,
    why="appellate NextGen's pages: a district court has none (404); cmecf/tests/test_appellate.py covers ca8's",
)
row(
    "cmecf:login_pl",
    C,
    PUBLIC,
    args=(COURT,),
    get=lambda actor, where: go(where.court_login()),
    post=BAD,
    why="wiwd is on NextGen: GET leads to the PACER login; an empty POST is an incomplete form",
)
R = "openecf.reports"
row(
    "cmecf:possible_case_numbers",
    R,
    PUBLIC,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="answers 'Not logged in' in its XML when not signed in; a read, so a POST without a CSRF token is answered too",
)
row(
    "cmecf:iquery",
    R,
    COURT_SIGNED_IN,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="Query: a read; clients post multipart without a CSRF token; an empty POST is the form again",
)
row(
    "cmecf:dktrpt",
    R,
    COURT_SIGNED_IN,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="the Docket Report: a read, CSRF-exempt like every .pl; an empty POST is its form again",
)
row(
    "cmecf:histdocqry",
    R,
    COURT_SIGNED_IN,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="History/Documents: a read, CSRF-exempt; its one-time token is in the form's action",
)
row(
    "cmecf:rss_outside",
    R,
    PUBLIC,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="the court's RSS feed: public, as the courts publish it (sealed cases left out); a POST reads it too",
)
row(
    "cmecf:wrtoprpt",
    R,
    COURT_SIGNED_IN,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="Written Opinions (free): a read, CSRF-exempt like every .pl; an empty POST is its form again",
)
row(
    "cmecf:casefiled_rpt",
    R,
    COURT_SIGNED_IN,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="Civil Cases: a read, CSRF-exempt; an empty POST is its form again",
)
row(
    "cmecf:crcasefiled_rpt",
    R,
    COURT_SIGNED_IN,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="Criminal Cases: a read, CSRF-exempt; an empty POST is its form again",
)
row(
    "cmecf:dktactivityrpt",
    R,
    COURT_SIGNED_IN,
    args=(COURT,),
    post=OK,
    csrf_exempt=True,
    why="Docket Activity: a read, CSRF-exempt; an empty POST is its form again",
)
row(
    "cmecf:searchclaims",
    R,
    COURT_SIGNED_IN,
    args=(COURT,),
    get=NOT_FOUND,
    post=NOT_FOUND,
    csrf_exempt=True,
    why="the Claims Register is a bankruptcy court's: wiwd, a district court, has none (404); "
    "reports/tests/test_lists.py covers wiwb's",
)
row("cmecf:utilities", C, COURT_SIGNED_IN, args=(COURT,))
row("cmecf:nextgen_menu", C, COURT_SIGNED_IN, args=(COURT,))
row("cmecf:link", C, COURT_SIGNED_IN, args=(COURT,), post=BAD)
row(
    "cmecf:link_confirm",
    C,
    COURT_SIGNED_IN,
    args=(COURT,),
    get=lambda actor, where: go(where.court_path("utilities/link/")),
    post=Expect(409),
    why="GET goes back to the link form; a POST without a proposal in the session is refused",
)
row(
    "cmecf:link_done",
    C,
    COURT_SIGNED_IN,
    args=(COURT,),
    get=lambda actor, where: OK if actor in (FILER, VIEWER) else go(where.court_path("utilities/link/")),
    why="without a link at this court: to the link form",
)
row("cmecf:client_code", C, COURT_SIGNED_IN, args=(COURT,), post=OK)
row("cmecf:password_forgot", "openecf.ecfpasswords", PUBLIC, args=(COURT,), post=BAD)
row(
    "cmecf:password_reset",
    "openecf.ecfpasswords",
    PUBLIC,
    args=(COURT, "not-a-token"),
    get=GONE,
    why="the e-mailed link is the proof",
)
row(
    "cmecf:password_new",
    "openecf.ecfpasswords",
    PUBLIC,
    args=(COURT,),
    get=GONE,
    post=GONE,
    why="only after a reset link was opened",
)
row("cmecf:menu", C, FILER_AT_COURT, args=(COURT, "civil"), why="a filing menu")
row("cmecf:unavailable", C, COURT_SIGNED_IN, args=(COURT, "docket-sheet"))
row(
    "cmecf:maintain_account",
    C,
    ECF_ACCOUNT_AT_COURT,
    args=(COURT,),
    post=_by_actor({VIEWER: FORBIDDEN}, BAD),
    why="a POST without its action is an incomplete form; a viewer may not add or remove filing agents",
)
row("cmecf:filing_check_pdf", "openecf.filing", COURT_SIGNED_IN, args=(COURT,), post=BAD, why="no file: incomplete")
row(
    "cmecf:court_info",
    "openecf.filing",
    PUBLIC,
    args=(COURT,),
    why="CourtInfo.pl: the court's published PDF rules and limits, before and after signing in",
)

# Noticing pages of a court's site (openecf.noticing)
N = "openecf.noticing"
row(
    "cmecf:email_information",
    N,
    ECF_ACCOUNT_AT_COURT,
    args=(COURT,),
    post=BAD,
    why="an empty form: the notice choice is required",
)
# E-filing on a court's CM/ECF site (openecf.filing)
FL = "openecf.filing"
row("cmecf:filing_search", FL, FILER_AT_COURT, args=(COURT,), why="the Search menu's event search")
row(
    "cmecf:filing_category",
    FL,
    FILER_AT_COURT,
    args=(COURT, "civil", "notices"),
    post=BAD,
    why="POST with no event chosen: the page again with its error (400)",
)
row(
    "cmecf:filing_step",
    FL,
    FILER_AT_COURT,
    args=(COURT, "no-such-transaction", "case"),
    get=NOT_FOUND,
    post=NOT_FOUND,
    why="a step of a filing transaction: the sample key names none of the filer's (404 page)",
)

# Documents on a court's CM/ECF site (openecf.documents)
D = "openecf.documents"
row(
    "cmecf:doc1",
    D,
    COURT_SIGNED_IN,
    args=(COURT, "20510000001"),
    get=NOT_FOUND,
    post=NOT_FOUND,
    csrf_exempt=True,
    why="the attachment menu or receipt; POST got_receipt=1 the billed PDF (a read, posted multipart by clients): "
    "here no such document. With magic_num, the NEF's free look, open to anyone: the link is the proof",
)
row(
    "cmecf:show_case_doc",
    D,
    COURT_SIGNED_IN,
    args=(COURT,),
    query="1,1,,",
    get=NOT_FOUND,
    post=NOT_FOUND,
    csrf_exempt=True,
    why="a redirect to the document's doc1 page; here no such document (a read: POSTs without a token too)",
)
row(
    "cmecf:show_temp",
    D,
    COURT_SIGNED_IN,
    args=(COURT,),
    query="not-a-ticket",
    get=NOT_FOUND,
    post=NOT_FOUND,
    csrf_exempt=True,
    why="the framed PDF of a view just charged: the signed ticket is the proof; here none (POST reads alike)",
)

# The clerk's desk (openecf.clerks)
K = "openecf.clerks"
row(
    "clerks:home",
    K,
    CLERK_SIGNED_IN,
    get=_by_actor({CLERK: go(f"/clerk/{COURT}/"), OTHER_CLERK: go("/clerk/wied/")}, OK),
    why="a clerk of one court goes straight to its dashboard",
)
row("clerks:login", K, PUBLIC, post=BAD)
row("clerks:login_code", K, CLERK_LOGIN_STEP, post=OK)
row("clerks:logout", K, PUBLIC, get=NOT_ALLOWED, post=go("/clerk/login/"))
row("clerks:dashboard", K, CLERK_OF_COURT, args=(COURT,))
row("clerks:accounts", K, CLERK_OF_COURT, args=(COURT,))
row("clerks:account_new", K, CLERK_OF_COURT, args=(COURT,), post=BAD)
row("clerks:account", K, CLERK_OF_COURT, args=(COURT, "@filer_ecf"))
row("clerks:account_status", K, CLERK_OF_COURT, args=(COURT, "@filer_ecf"), get=NOT_ALLOWED, post=BAD)
row(
    "clerks:account_reset",
    K,
    CLERK_OF_COURT,
    args=(COURT, "@filer_ecf"),
    get=NOT_ALLOWED,
    post=Expect(409),
    why="the sample account is linked: a linked account's court password is not reset (409)",
)
row("clerks:account_login", K, CLERK_OF_COURT, args=(COURT, "@filer_ecf"), post=BAD)
row("clerks:account_unlink", K, CLERK_OF_COURT, args=(COURT, "@filer_ecf"), post=BAD)
row("clerks:corrections", K, CLERK_OF_COURT, args=(COURT,))
row("clerks:correction", K, CLERK_OF_COURT, args=(COURT, "@correction"), post=BAD)
row("clerks:efile_registrations", K, CLERK_OF_COURT, args=(COURT,))
row("clerks:efile_registration", K, CLERK_OF_COURT, args=(COURT, "@registration"), post=BAD)
row("clerks:go_live", K, CLERK_OF_COURT, args=(COURT,), post=BAD)
row("clerks:profile", K, CLERK_OF_COURT, args=(COURT,), post=BAD)
row("clerks:contacts", K, CLERK_OF_COURT, args=(COURT,), post=go(f"/clerk/{COURT}/contacts/"))
row("clerks:import", K, CLERK_OF_COURT, args=(COURT,), post=BAD)
row("clerks:audit", K, CLERK_OF_COURT, args=(COURT,))
row("clerks:audit_csv", K, CLERK_OF_COURT, args=(COURT,))

# PACER fees (openecf.billing): the court site's Utilities fee pages; the desk's page is openecf.clerks'
B = "openecf.billing"
row("cmecf:billing_history", B, COURT_SIGNED_IN, args=(COURT,))
row("cmecf:transaction_log", B, COURT_SIGNED_IN, args=(COURT,))
row("cmecf:exemption_status", B, COURT_SIGNED_IN, args=(COURT,), post=BAD, why="an empty request has no grounds")
row("clerks:fees", K, CLERK_OF_COURT, args=(COURT,), post=BAD)

# The PACER Case Locator (openecf.locator): its page, and its API (the token in X-NEXT-GEN-CSO)
L = "openecf.locator"
row("locator:search", L, PACER_SIGNED_IN_RULE, why="the form alone: a search (and its charge) needs criteria")
for name in ("locator:api_cases_find", "locator:api_parties_find"):
    row(
        name,
        L,
        API_TOKEN,
        get=NOT_ALLOWED,
        post=_by_actor({actor: Expect(406) for actor in PACER_SIGNED_IN}, Expect(401)),
        csrf_exempt=True,
        why="401 without a live sign-on token; signed in, an empty search is refused (406)",
    )

# PCL batch searches: the report ids sampled ("1") are nobody's, so a signed-on actor is told 404, not another's
_SIGNED_ON = {actor: Expect(406) for actor in PACER_SIGNED_IN}
for kind in ("cases", "parties"):
    row(
        f"locator:api_{kind}_download",
        L,
        API_TOKEN,
        get=NOT_ALLOWED,
        post=_by_actor(_SIGNED_ON, Expect(401)),
        csrf_exempt=True,
        why="401 without a live sign-on token; signed on, an empty search is refused (406)",
    )
    for name in (f"locator:api_{kind}_status", f"locator:api_{kind}_report"):
        row(
            name,
            L,
            API_TOKEN,
            args=("1",),
            get=_by_actor({actor: NOT_FOUND for actor in PACER_SIGNED_IN}, Expect(401)),
            post=NOT_ALLOWED,
            csrf_exempt=True,
            why="only the submitting account's reports exist for it; others are 404, as missing ones",
        )
    row(
        f"locator:api_{kind}_reports",
        L,
        API_TOKEN,
        get=_by_actor({actor: OK for actor in PACER_SIGNED_IN}, Expect(401)),
        post=NOT_ALLOWED,
        csrf_exempt=True,
        why="the signed-on account's own reports",
    )
    row(
        f"locator:api_{kind}_delete",
        L,
        API_TOKEN,
        args=("1",),
        get=NOT_ALLOWED,
        post=NOT_ALLOWED,
        csrf_exempt=True,
        why="DELETE only (openecf/locator/tests/test_batch.py: another account's report is 404)",
    )

# The demo's inbox (openecf.demo), mounted only with OPENECF_DEMO_MAILDIR
row("demo_mail:inbox", "openecf.demo", DEMO_ONLY)
row("demo_mail:message", "openecf.demo", DEMO_ONLY, args=("no-such-message",), get=NOT_FOUND)

# Every pattern of a namespace under one rule (each pattern is still enumerated and requested).
NAMESPACE_ROWS: dict[str, Row] = {
    "admin": Row("django.contrib.admin", ADMIN_OFF, get=NOT_FOUND, post=NOT_FOUND),
}


# --- The URLconfs, walked ------------------------------------------------------------------------------------------


def _demo_urlconf() -> Any:
    """config.urls as the demo mounts it (OPENECF_DEMO_MAILDIR set), read afresh, leaving config.urls untouched."""
    import runpy
    import types

    from django.test import override_settings

    with override_settings(OPENECF_DEMO_MAILDIR="/nonexistent-demo-maildir"):
        module = types.ModuleType("openecf_demo_urls")
        module.__dict__.update(runpy.run_path(str(Path(__file__).resolve().parent.parent / "config" / "urls.py")))
    return module


DEMO_URLCONF = _demo_urlconf()


@dataclass(frozen=True)
class Pattern:
    key: str  # namespace:name; an unnamed pattern: namespace:<its route>
    route: str  # the whole route, regular-expression anchors dropped
    namespace: str
    pattern: URLPattern


def walk(urlconf: Any) -> Iterator[Pattern]:
    def _walk(resolver: URLResolver, prefix: str, namespaces: tuple[str, ...]) -> Iterator[Pattern]:
        for entry in resolver.url_patterns:
            route = prefix + str(entry.pattern).lstrip("^").rstrip("$")
            if isinstance(entry, URLResolver):
                yield from _walk(entry, route, (*namespaces, entry.namespace) if entry.namespace else namespaces)
            else:
                namespace = ":".join(namespaces)
                name = entry.name or f"<{route}>"  # unnamed: its whole route
                key = f"{namespace}:{name}" if namespace else name
                yield Pattern(key=key, route=route, namespace=namespace, pattern=entry)

    return _walk(get_resolver(urlconf), "", ())


ROOT_PATTERNS = list(walk("config.urls"))
COURT_HOST_PATTERNS = list(walk("config.urls_court_host"))
DEMO_PATTERNS = [p for p in walk(DEMO_URLCONF) if p.namespace == "demo_mail"]
ALL_PATTERNS = ROOT_PATTERNS + COURT_HOST_PATTERNS + DEMO_PATTERNS


def row_of(pattern: Pattern) -> Row:
    return ROWS.get(pattern.key) or NAMESPACE_ROWS[pattern.namespace.split(":")[0]]


# --- The world: the actors' sessions and the objects the sample URLs name -----------------------------------------


@dataclass
class World:
    ids: dict[str, int]
    cookies: dict[str, dict[str, str]]


def _cookies(client: Client) -> dict[str, str]:
    return {name: morsel.value for name, morsel in client.cookies.items() if morsel.value}


def _to(response: Any) -> str:
    return _location(response["Location"]) if "Location" in response else ""


def _location(url: str) -> str:
    parts = urlsplit(url)
    return f"//{parts.netloc}{parts.path}" if parts.netloc else parts.path


def _build_world() -> World:
    from conftest import PACER_PASSWORD, TEST_ORIGIN, code_at, enrol_app, make_ecf, make_filer, make_pacer, pacer_login
    from openecf.clerks.scope import scope_for
    from openecf.clerks.services import propose_link_removal
    from openecf.clerks.tests.conftest import desk_client, make_clerk
    from openecf.cmecf.models import Link
    from openecf.efile.models import EfileRegistration

    cookies: dict[str, dict[str, str]] = {ANONYMOUS: {}}

    def signed_in(username: str, *, totp: Any = None, steps: tuple[str, ...] = ()) -> Client:
        client = Client()
        response = pacer_login(client, username, PACER_PASSWORD)
        assert response.status_code == 302, response.content.decode()[:300]
        for step in steps:
            assert _to(response) == step, (username, _to(response), step)
            if step == "/login/code/":
                response = client.post(step, {"code": code_at(totp)})
            elif step == "/login/redaction/":
                response = client.post(step, {"accept": "on"})
            assert response.status_code == 302, response.content.decode()[:300]
        assert _to(response) not in STEP_URL.values(), (username, _to(response))
        return client

    def mid_login(username: str, *, at: str, totp: Any = None) -> Client:
        client = Client()
        response = pacer_login(client, username, PACER_PASSWORD)
        if at == STEP_URL[AT_REDACTION]:
            assert _to(response) == STEP_URL[AT_CODE]
            response = client.post(STEP_URL[AT_CODE], {"code": code_at(totp)})
        assert (response.status_code, _to(response)) == (302, at), (username, response.status_code, _to(response))
        return client

    code_account = make_pacer("mxcode01", "Cody Code")
    cookies[AT_CODE] = _cookies(mid_login("mxcode01", at=STEP_URL[AT_CODE], totp=enrol_app(code_account)))
    make_filer("mxenrol1", "Enid Enrol", COURT)
    cookies[AT_ENROL] = _cookies(mid_login("mxenrol1", at=STEP_URL[AT_ENROL]))
    redact = make_filer("mxredac1", "Reda Redaction", COURT)
    cookies[AT_REDACTION] = _cookies(mid_login("mxredac1", at=STEP_URL[AT_REDACTION], totp=enrol_app(redact)))

    pacer = make_pacer("mxpacer1", "Pat Pacer")
    cookies[PACER] = _cookies(signed_in("mxpacer1"))
    filer = make_filer("mxfiler1", "Fay Filer", COURT)
    filer_totp = enrol_app(filer)
    cookies[FILER] = _cookies(signed_in("mxfiler1", totp=filer_totp, steps=("/login/code/", "/login/redaction/")))
    viewer = make_pacer("mxviewr1", "Vic Viewer")
    viewer_ecf = make_ecf(COURT, "mxviewecf", "Vic Viewer", "Old-Court-Password-1!", role="viewer")
    Link.objects.create(pacer_account=viewer, court_id=COURT, ecf_account=viewer_ecf)
    cookies[VIEWER] = _cookies(signed_in("mxviewr1"))
    staff = make_pacer("mxstaff1", "Stacy Staff")
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    cookies[STAFF] = _cookies(signed_in("mxstaff1"))

    clerk, clerk_totp = make_clerk("mxclerk1", "Clem Clerk", COURT)
    cookies[CLERK] = _cookies(desk_client(clerk, clerk_totp))
    cookies[OTHER_CLERK] = _cookies(desk_client(*make_clerk("mxclerk2", "Otto Other", "wied")))

    spare = make_filer("mxspare1", "Spencer Spare", COURT)
    scope = scope_for(clerk, COURT)
    assert scope is not None
    spare_ecf = Link.objects.get(pacer_account=spare, court_id=COURT).ecf_account
    correction = propose_link_removal(
        scope=scope, ecf=spare_ecf, reason="Linked by mistake, checked by phone.", origin=TEST_ORIGIN
    )
    registration = EfileRegistration.objects.create(account=pacer, court_id=COURT, role="attorney", bar_id="WI 1000001")
    ids = {
        "filer_ecf": Link.objects.get(pacer_account=filer, court_id=COURT).ecf_account_id,
        "filer_app": filer.authenticators.get().pk,
        "correction": correction.pk,
        "registration": registration.pk,
    }
    return World(ids=ids, cookies=cookies)


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """Every actor signed in once for the module (Argon2 makes each password check cost ~25 ms), in a transaction
    rolled back at the end; each request below runs in a savepoint of its own, also rolled back, so no request
    (a logout, a skip, a changed setting) changes what the next one sees."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world()
        transaction.set_rollback(True)


CSRF_SECRET = get_random_string(32)
# A POST without the CSRF token is refused before any view runs: asked as a visitor, a signed-in filer and a clerk
# (a browser tricked by another site into posting), not as every actor.
CSRF_ACTORS = (ANONYMOUS, FILER, CLERK)


def fetch(world: World, actor: str, method: str, url: str, *, token: bool = True, host: str = "") -> Expect:
    response = respond(world, actor, method, url, token=token, host=host)
    return Expect(response.status_code, _to(response) if 300 <= response.status_code < 400 else "")


def respond(world: World, actor: str, method: str, url: str, *, token: bool = True, host: str = "") -> Any:
    extra: dict[str, Any] = {"HTTP_HOST": host} if host else {}
    client = Client(enforce_csrf_checks=True, raise_request_exception=False, **extra)
    for name, value in world.cookies[actor].items():
        client.cookies[name] = value
    data: dict[str, str] = {}
    if method == "POST" and token:
        client.cookies["csrftoken"] = CSRF_SECRET
        data["csrfmiddlewaretoken"] = CSRF_SECRET
    with transaction.atomic():
        response = client.get(url) if method == "GET" else client.post(url, data)
        transaction.set_rollback(True)
    return response


def expected(row: Row, actor: str, method: str, where: Where, world: World) -> Expect:
    answer: Answer | None = row.overrides.get((actor, method))
    if answer is None:
        answer = row.rule.outcome(actor, where)
    if answer is None:
        answer = row.get if method == "GET" else row.post
    assert answer is not None
    found = answer(actor, where) if callable(answer) else answer
    return Expect(found.status, re.sub(r"@(\w+)", lambda m: str(world.ids[m.group(1)]), found.to))


SAMPLE_BY_NAME = {"object_id": "1", "content_type_id": "1", "app_label": "courts", "url": "no-such-page/"}


def url_of(pattern: Pattern, row: Row, world: World, urlconf: Any = None) -> str:
    if pattern.key in ROWS:
        args = [str(world.ids[a[1:]]) if a.startswith("@") else a for a in row.args]
        return reverse(pattern.key, args=args, urlconf=urlconf) + (f"?{row.query}" if row.query else "")
    # A namespace row: the route itself, its parameters filled by name.
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: SAMPLE_BY_NAME[m.group(1)], pattern.route)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: SAMPLE_BY_NAME[m.group(1)], path)
    return "/" + path


def check(pattern: Pattern, world: World, *, where: Where = Where(), host: str = "", url: str = "") -> None:
    row = row_of(pattern)
    url = url or url_of(pattern, row, world)
    wrong = []
    for actor in ACTORS:
        methods = [("GET", True)]
        if row.post is not None:
            methods += [("POST", True)]
        if row.post is not None and row.rule is not ADMIN_OFF and actor in CSRF_ACTORS:
            methods += [("POST", False)]
        for method, token in methods:
            # Without the token a form is refused; a CSRF-exempt read (every .pl, the API) answers as with it.
            want = expected(row, actor, method, where, world) if token or row.csrf_exempt else CSRF_REFUSED
            got = fetch(world, actor, method, url, token=token, host=host)
            if got != want:
                what = method if token or method == "GET" else "POST without CSRF token"
                wrong.append(f"{what} {host}{url} [{pattern.key}] as {actor}: expected {want}, got {got}")
    assert not wrong, f"{len(wrong)} wrong answer(s) ({row.rule.name}):\n" + "\n".join(wrong)


# --- The tests ------------------------------------------------------------------------------------------------------


def test_every_url_pattern_has_exactly_one_row() -> None:
    wrong = []
    for pattern in ALL_PATTERNS:
        top = pattern.namespace.split(":")[0]
        entries = (pattern.key in ROWS) + (top in NAMESPACE_ROWS)
        if entries != 1:
            wrong.append(f"{pattern.key} (/{pattern.route}): {entries} entries in the table")
    assert not wrong, "every URL pattern needs exactly one row in ROWS (or its namespace in NAMESPACE_ROWS):\n" + (
        "\n".join(wrong)
    )


def test_every_row_names_a_url_pattern() -> None:
    keys = {pattern.key for pattern in ALL_PATTERNS}
    namespaces = {pattern.namespace.split(":")[0] for pattern in ALL_PATTERNS}
    assert sorted(set(ROWS) - keys) == []
    assert sorted(set(NAMESPACE_ROWS) - namespaces) == []


def test_the_court_host_serves_the_same_views_under_the_same_names() -> None:
    """Only the court's CM/ECF pages move (to the host's root); every other pattern is the root URLconf's own
    object, so the matrix on the path-based site covers it."""
    root = {p.key: (p.pattern, p.route) for p in ROOT_PATTERNS}
    host = {p.key: (p.pattern, p.route) for p in COURT_HOST_PATTERNS}
    assert sorted(host) == sorted(root)
    moved = sorted(key for key in root if root[key][1] != host[key][1])
    assert moved == sorted(p.key for p in ROOT_PATTERNS if p.namespace == "cmecf")
    assert all(host[key][0] is root[key][0] for key in root if key.split(":")[0] != "admin")  # the same views
    assert all(host[key][1].startswith("<hostcourt:court_id>") for key in moved)


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", ROOT_PATTERNS, ids=[p.key for p in ROOT_PATTERNS])
def test_access(world: World, pattern: Pattern) -> None:
    check(pattern, world)


COURT_HOST_CMECF = [p for p in COURT_HOST_PATTERNS if p.namespace == "cmecf"]
ROOT_CMECF = [p for p in ROOT_PATTERNS if p.namespace == "cmecf"]
LOGOUT_LINK = "/cgi-bin/login.pl?logout"


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", ROOT_CMECF, ids=[p.key for p in ROOT_CMECF])
def test_every_court_page_a_signed_in_visitor_gets_carries_the_logout_link(world: World, pattern: Pattern) -> None:
    """juriscraper takes a court page without /cgi-bin/login.pl?logout for a signed-out one and signs in again
    before every request (CASES.md): every HTML page a signed-in visitor gets, error pages included, has it."""
    row = row_of(pattern)
    url = url_of(pattern, row, world)
    missing = []
    for actor in PACER_SIGNED_IN:
        for method in ("GET", "POST") if row.post is not None else ("GET",):
            response = respond(world, actor, method, url)
            html = response.get("Content-Type", "").startswith("text/html") and response.content
            if 300 <= response.status_code < 400 or not html:
                continue  # a redirect, a PDF, XML, or an empty 405: no page to carry a menu
            if LOGOUT_LINK not in response.content.decode():
                missing.append(f"{method} {url} as {actor}: {response.status_code} without {LOGOUT_LINK}")
    assert not missing, "\n".join(missing)


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", COURT_HOST_CMECF, ids=[p.key for p in COURT_HOST_CMECF])
def test_access_on_a_court_host(world: World, pattern: Pattern, settings: Any) -> None:
    from openecf.signon.hosts import current_court_host

    settings.OPENECF_COURT_DOMAIN = DOMAIN
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, f".{DOMAIN}"]
    reset = current_court_host.set(COURT)  # reverse() on the court host's URLconf drops its own court
    try:
        url = url_of(pattern, row_of(pattern), world, "config.urls_court_host")
    finally:
        current_court_host.reset(reset)
    assert not url.startswith("/ecf/"), url
    check(pattern, world, where=Where(court_host=True), host=COURT_HOST, url=url)


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", DEMO_PATTERNS, ids=[p.key for p in DEMO_PATTERNS])
def test_access_to_the_demo_inbox(world: World, pattern: Pattern, settings: Any, tmp_path: Path) -> None:
    for folder in ("cur", "new", "tmp"):
        (tmp_path / folder).mkdir()
    settings.DEBUG = True
    settings.OPENECF_DEMO_MAILDIR = str(tmp_path)
    settings.ROOT_URLCONF = DEMO_URLCONF
    check(pattern, world, url=url_of(pattern, row_of(pattern), world, DEMO_URLCONF))


@pytest.mark.django_db
def test_without_the_demo_its_inbox_is_not_there(world: World) -> None:
    assert [fetch(world, actor, "GET", "/demo/mail/") for actor in ACTORS] == [NOT_FOUND] * len(ACTORS)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/accounts/pacersaccount/"])
def test_the_admin_is_off_whether_or_not_its_urls_are_mounted(world: World, path: str) -> None:
    """The same answer as the admin rows above, asked of paths that also hold if the admin's URLs are unmounted."""
    got = {actor: str(fetch(world, actor, "GET", path)) for actor in ACTORS}
    assert got == {actor: "404" for actor in ACTORS}


# --- The table as a document ----------------------------------------------------------------------------------------


def access_markdown() -> str:
    lines = [
        "# Access: every URL, its owner and its rule",
        "",
        "Generated by `tests/test_authorization_matrix.py` (`OPENECF_ACCESS_DOC=write .venv/bin/pytest "
        "tests/test_authorization_matrix.py -k docs`); the same test fails when this page and the table differ.",
        "The test requests every URL as every actor below (GET; POST with only the CSRF token where the view takes "
        "POST; POST without the token, which every form refuses with 403) and compares the status, and for a "
        "redirect its destination, exactly. On a court's own host (`OPENECF_COURT_DOMAIN`) the court's CM/ECF pages "
        "are at the host's root and a visitor who must sign in goes to the sign-on host's `/login/`.",
        "",
        "## Actors",
        "",
        "| Actor | Column | What it is |",
        "| --- | --- | --- |",
        *[f"| {actor} | {SHORT[actor]} | {ACTOR_NOTES[actor]} |" for actor in ACTORS],
        "",
        "## Rules",
        "",
        "| Rule | Who is let in |",
        "| --- | --- |",
    ]
    rules: dict[str, str] = {}
    for entry in [*ROWS.values(), *NAMESPACE_ROWS.values()]:
        rules.setdefault(entry.rule.name, entry.rule.text)
    lines += [f"| `{name}` | {text} |" for name, text in rules.items()]
    lines += [
        "",
        "## URLs",
        "",
        "A GET's answer per actor (→: a 302 redirect to that path):",
        "",
        f"| URL | Name | Owner | Rule | Methods | {' | '.join(SHORT.values())} | Note |",
        f"| --- | --- | --- | --- | --- | {' | '.join('---' for _ in ACTORS)} | --- |",
    ]
    seen: set[str] = set()
    patterns = ROOT_PATTERNS + DEMO_PATTERNS
    for pattern in patterns:
        if pattern.key in seen or pattern.key not in ROWS:
            continue
        seen.add(pattern.key)
        entry = ROWS[pattern.key]
        methods = "POST" if entry.get == NOT_ALLOWED else ("GET, POST" if entry.post is not None else "GET")
        answers = " | ".join(_short(expected(entry, actor, "GET", Where(), _DOC_WORLD)) for actor in ACTORS)
        lines.append(
            f"| `/{pattern.route}` | `{pattern.key}` | {entry.owner} | `{entry.rule.name}` | {methods} | "
            f"{answers} | {entry.why} |"
        )
    for namespace, entry in NAMESPACE_ROWS.items():
        count = sum(1 for p in ROOT_PATTERNS if p.namespace.split(":")[0] == namespace)
        answers = " | ".join(_short(expected(entry, actor, "GET", Where(), _DOC_WORLD)) for actor in ACTORS)
        lines.append(
            f"| `/{namespace}/...` ({count} patterns) | `{namespace}:*` | {entry.owner} | `{entry.rule.name}` | "
            f"GET, POST | {answers} | {entry.why} |"
        )
    return "\n".join(lines) + "\n"


SHORT = {
    ANONYMOUS: "anon",
    AT_CODE: "at code",
    AT_ENROL: "at enrol",
    AT_REDACTION: "at redaction",
    PACER: "PACER",
    FILER: "filer",
    VIEWER: "viewer",
    CLERK: "clerk",
    OTHER_CLERK: "other clerk",
    STAFF: "staff",
}


def _short(answer: Expect) -> str:
    return f"→ `{answer.to}`" if answer.status == 302 else str(answer.status)


_DOC_WORLD = World(ids={"filer_ecf": 0, "filer_app": 0, "correction": 0, "registration": 0}, cookies={})
ACCESS_DOC = Path(__file__).resolve().parent.parent / "docs" / "access.md"


def test_docs_access_md_is_the_table() -> None:
    if os.environ.get("OPENECF_ACCESS_DOC") == "write":
        ACCESS_DOC.write_text(access_markdown())
    assert ACCESS_DOC.read_text() == access_markdown(), (
        "docs/access.md differs from the table: OPENECF_ACCESS_DOC=write .venv/bin/pytest "
        "tests/test_authorization_matrix.py -k docs"
    )
