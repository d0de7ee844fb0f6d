"""One sign-in state machine for every way in: the browser login, the PACER Authentication API, the clerk's
desk and the admin site.

Read it top to bottom:

1. **Steps.** PASSWORD, then CODE (a one-time code from an authenticator app or a backup code) or ENROL (a filer
   without an app adds one, or skips while skips are left), then REDACTION (filers acknowledge the redaction
   rules), then DONE. Which of them a sign-in takes is decided by the account's facts, never by the request.
2. **Profiles.** Each way in is a profile of the same machine: who it admits and what it asks. The desk and the
   admin site need an app and never enrol or skip; the browser and the API ask filers for the redaction notice.
3. **State.** A sign-in whose password was right, kept in the session between requests (the browser, the desk,
   the admin) or for one request (the API). It is bound to the password (a change voids it), lives
   ``PENDING_SECONDS`` and allows ``MAX_WRONG_CODES`` wrong codes before the password must be entered again.
4. **``current_step``** is the only place that says what comes next. Every step's handler calls ``expect``
   first: a step is accepted only when it is the current one, whatever URL was posted to.
5. **Handlers**, in openecf/signon/steps.py: ``check_password``, ``submit_code``, ``skip_enrolment``,
   ``finish_enrolment``, ``accept_redaction``: each audited (passed and refused), each secret it checks throttled
   by openecf/throttle's one policy.

Finishing (a session and token, a desk session, an admin session) is the caller's: the machine only says DONE.
docs/security.md draws the machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any, NamedTuple

from django.contrib.auth import HASH_SESSION_KEY
from django.db import transaction
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.signon.selectors import SignOnFacts, sign_on_facts

PENDING_SECONDS = 10 * 60
MAX_WRONG_CODES = 5


# --- 1. Steps -----------------------------------------------------------------------------------------------


class Step(StrEnum):
    PASSWORD = "password"  # noqa: S105 - a step's name
    CODE = "code"
    ENROL = "enrol"
    REDACTION = "redaction"
    DONE = "done"
    BLOCKED = "blocked"  # the facts changed under the sign-in (its app was removed at the desk): start again


# --- 2. Profiles --------------------------------------------------------------------------------------------


class SignInEvents(NamedTuple):
    """A way in's audit events by outcome (each a registry member; a new profile adds its own to audit/events.py)."""

    failed: Event
    refused: Event
    succeeded: Event  # written by the caller that finishes the sign-in


@dataclass(frozen=True)
class Profile:
    name: str
    events: SignInEvents
    needs_app: bool  # only an account with an authenticator app gets past the password; no enrolment, no skip
    filers_enrol: bool  # a filer without an app is asked to add one (or skip while skips are left)
    asks_redaction: bool  # filers acknowledge the redaction notice
    where: str = ""  # how the MFA service's audit events name this way in
    # Who this way in is for (None: every account); the others fail exactly as with a wrong password.
    admits: Callable[[PacerAccount], bool] | None = None
    urls: tuple[tuple[Step, str], ...] = ()  # where each step is taken, for the browser profiles

    def url_name(self, step: Step) -> str:
        return dict(self.urls).get(step, "")

    @property
    def session_key(self) -> str:
        return _session_key(self.name)


def _session_key(profile_name: str) -> str:
    return f"openecf.signin.{profile_name}"


def is_staff(account: PacerAccount) -> bool:
    return bool(account.is_staff and account.is_active)


def admits(profile: Profile, account: PacerAccount) -> bool:
    return profile.admits is None or bool(profile.admits(account))


# The PACER ways in and the admin site. The clerk's desk declares its profile where its rule of who is a clerk
# lives, in openecf/clerks/signin.py (a layer above this one).
WEB = Profile(
    name="web",
    events=SignInEvents(Event.LOGIN_FAILED, Event.LOGIN_REFUSED, Event.LOGIN_SUCCEEDED),
    where="login",
    needs_app=False,
    filers_enrol=True,
    asks_redaction=True,
    urls=(
        (Step.PASSWORD, "signon:login"),
        (Step.CODE, "signon:login_code"),
        (Step.ENROL, "signon:login_mfa_required"),
        (Step.REDACTION, "signon:login_redaction"),
    ),
)
API = replace(WEB, name="api", where="api", urls=())
ADMIN = Profile(
    name="admin",
    events=SignInEvents(Event.ADMIN_LOGIN_FAILED, Event.ADMIN_LOGIN_REFUSED, Event.ADMIN_LOGIN_SUCCEEDED),
    where="admin-login",
    needs_app=True,
    filers_enrol=False,
    asks_redaction=False,
    admits=is_staff,
    urls=((Step.PASSWORD, "admin:login"), (Step.CODE, "admin:login_code")),
)


# --- 3. State -----------------------------------------------------------------------------------------------


@dataclass
class SignIn:
    profile: str
    account_id: int
    stamp: str  # the account's session hash when the password was proved: a password change voids the sign-in
    started: float
    court_id: str = ""
    next_url: str = ""
    client_code: str = ""
    mfa_method: str = ""  # "totp" or "backup" once the CODE step passed, "totp" after ENROL added an app
    mfa_skipped: bool = False
    redaction_accepted: bool = False
    wrong_codes: int = 0


def start(
    *,
    profile: Profile,
    account: PacerAccount,
    facts: SignOnFacts,
    court_id: str = "",
    next_url: str = "",
    client_code: str = "",
) -> Loaded:
    """A sign-in whose password was just proved, with the account's sign-on facts read with it."""
    state = SignIn(
        profile=profile.name,
        account_id=account.pk,
        stamp=account.get_session_auth_hash(),
        started=time.time(),
        court_id=court_id,
        next_url=next_url,
        client_code=client_code,
    )
    return Loaded(profile, state, account, facts)


def begin(request: HttpRequest, state: SignIn) -> None:
    """Keep a sign-in that has a step to come: under a new session key (the password was right). A PACER sign-in
    also ends the PACER session already in this browser (another account's, say); the desk's and the admin's
    sessions are their own and leave it alone."""
    request.session.cycle_key()
    if state.profile in (WEB.name, API.name):
        request.session.pop(HASH_SESSION_KEY, None)
    save(request, state)


def save(request: HttpRequest, state: SignIn) -> None:
    request.session[_session_key(state.profile)] = asdict(state)


def discard(request: HttpRequest, profile: Profile) -> None:
    request.session.pop(profile.session_key, None)


@dataclass(frozen=True)
class Loaded:
    """A live sign-in in hand: its profile, its state (what the session keeps), its account and the account's facts."""

    profile: Profile
    state: SignIn
    account: PacerAccount
    facts: SignOnFacts

    @property
    def step(self) -> Step:
        return current_step(self.profile, self.state, self.facts)


def load(request: HttpRequest, profile: Profile) -> Loaded | None:
    """The live sign-in of this profile in the session, or None (expired, used up, voided or never begun)."""
    data: Any = request.session.get(profile.session_key)
    if not isinstance(data, dict):
        return None
    try:
        state = SignIn(**data)
    except TypeError:
        discard(request, profile)
        return None
    account = PacerAccount.objects.filter(pk=state.account_id, is_active=True).first()
    if (
        state.profile != profile.name
        or account is None
        or time.time() - state.started > PENDING_SECONDS
        or state.wrong_codes >= MAX_WRONG_CODES
        or not constant_time_compare(state.stamp, account.get_session_auth_hash())
        or not admits(profile, account)
    ):
        discard(request, profile)
        return None
    return Loaded(profile, state, account, sign_on_facts(account))


# --- 4. What comes next -------------------------------------------------------------------------------------


def current_step(profile: Profile, state: SignIn, facts: SignOnFacts) -> Step:
    """The one step this sign-in may take now. A skip never stands in for an app the account has."""
    if not state.mfa_method:
        if facts.enrolled:
            return Step.CODE
        if profile.needs_app:
            return Step.BLOCKED
        if facts.filer and profile.filers_enrol and not state.mfa_skipped:
            return Step.ENROL
    if profile.asks_redaction and facts.filer and not state.redaction_accepted:
        return Step.REDACTION
    return Step.DONE


def remaining_steps(profile: Profile, state: SignIn, facts: SignOnFacts) -> list[Step]:
    """Every step still to take, in order, as if each passed: what a one-request sign-in (the API) must bring."""
    plan: list[Step] = []
    trial = replace(state)
    while (step := current_step(profile, trial, facts)) not in (Step.DONE, Step.BLOCKED):
        plan.append(step)
        if step == Step.CODE:
            trial.mfa_method = "planned"
        elif step == Step.ENROL:
            trial.mfa_skipped = True
        else:
            trial.redaction_accepted = True
    if step == Step.BLOCKED:
        plan.append(step)
    return plan


class OutOfOrder(Exception):
    """A step was attempted that is not the current one. Nothing was checked or changed."""

    def __init__(self, attempted: Step, current: Step) -> None:
        super().__init__(f"{attempted} attempted while {current} is the current step")
        self.attempted = attempted
        self.current = current


def expect(loaded: Loaded, step: Step, origin: Origin) -> None:
    """Go on only if ``step`` is the current step; otherwise audit the attempt and raise OutOfOrder."""
    current = loaded.step
    if current != step:
        with transaction.atomic():
            audit.record(
                event=Event.SIGNIN_OUT_OF_ORDER,
                origin=origin,
                actor=loaded.account,
                profile=loaded.profile.name,
                attempted=step.value,
                current=current.value,
            )
        raise OutOfOrder(step, current)


def may_enrol(loaded: Loaded | None) -> bool:
    """Whether adding an authenticator app belongs to this sign-in now: only at its ENROL step, which only an
    account without an app reaches. (Password and mailbox must never replace an app the account has.)"""
    return loaded is not None and loaded.step == Step.ENROL
