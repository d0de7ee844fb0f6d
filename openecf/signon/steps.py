"""The handlers of the sign-in machine's steps (openecf/signon/machine.py says which step comes next): the
password, the one-time code, the enrolment (skipped or done) and the redaction notice. Each refuses any step but
the current one, each is audited (passed and refused), and each secret it checks is throttled by openecf/throttle's
one policy. One-time codes themselves are checked by openecf/mfa.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest

from openecf.accounts import lifecycle
from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.courts.models import Court
from openecf.mfa import services as mfa_services
from openecf.signon.machine import MAX_WRONG_CODES, Loaded, Profile, Step, admits, expect
from openecf.throttle import services as throttle


def _passed(loaded: Loaded, step: Step, origin: Origin, **detail: Any) -> None:
    with transaction.atomic():
        audit.record(
            event=Event.SIGNIN_STEP_PASSED,
            origin=origin,
            actor=loaded.account,
            profile=loaded.profile.name,
            step=step.value,
            **detail,
        )


def check_password(
    *, profile: Profile, request: HttpRequest, username: str, password: str, court: Court | None = None
) -> PacerAccount | None:
    """The PASSWORD step, for every profile. Returns the account, or None for a wrong password (or an account
    this way in is not for, which reads the same). A right password is not yet a sign-in: steps may follow.

    Raises throttle.Throttled, without checking the password, after too many failures; lifecycle.SignInRefused
    when the password is right but the account may not sign in yet (only its holder learns why).
    """
    origin = Origin.of(request)
    via = {"via": profile.name} if profile.name in ("web", "api") else {"step": "password"}
    guess = throttle.login_attempt(username=username, origin=origin)
    try:
        reading = throttle.check(guess)
    except throttle.Throttled:
        with transaction.atomic():
            audit.record(
                event=profile.events.failed,
                origin=origin,
                username=username.strip(),
                court=court,
                reason="throttled",
                **via,
            )
        raise
    account = authenticate(request, username=username, password=password)
    if not isinstance(account, PacerAccount):
        throttle.failed(guess, origin=origin)
        with transaction.atomic():
            audit.record(event=profile.events.failed, origin=origin, username=username.strip(), court=court, **via)
        return None
    # The password was right: its guesses stop counting, whether or not this way in is for the account.
    throttle.succeeded(guess, reading=reading)
    if not admits(profile, account):
        with transaction.atomic():
            audit.record(event=profile.events.failed, origin=origin, actor=account, reason="not_admitted", **via)
        return None
    block = lifecycle.sign_in_block(account)
    if block is not None:
        with transaction.atomic():
            audit.record(
                event=profile.events.refused, origin=origin, actor=account, court=court, reason=block.value, **via
            )
        raise lifecycle.SignInRefused(block, account)
    return account


class CodeResult(StrEnum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    USED_UP = "used_up"  # too many wrong codes: the sign-in is over, the password must be entered again


def submit_code(loaded: Loaded, *, code: str, origin: Origin) -> CodeResult:
    """The CODE step. Raises OutOfOrder, or throttle.Throttled (the code was not checked)."""
    expect(loaded, Step.CODE, origin)
    method = mfa_services.verify_code(account=loaded.account, code=code, origin=origin, where=loaded.profile.where)
    if method is not None:
        loaded.state.mfa_method = method
        _passed(loaded, Step.CODE, origin, method=method)
        return CodeResult.ACCEPTED
    loaded.state.wrong_codes += 1
    return CodeResult.USED_UP if loaded.state.wrong_codes >= MAX_WRONG_CODES else CodeResult.WRONG


def skip_enrolment(loaded: Loaded, *, origin: Origin) -> int | None:
    """The ENROL step, skipped: returns the skips left afterwards, or None when none were left (not skipped)."""
    expect(loaded, Step.ENROL, origin)
    if loaded.facts.mfa_skips_left <= 0:
        with transaction.atomic():
            audit.record(
                event=loaded.profile.events.refused,
                origin=origin,
                actor=loaded.account,
                reason="mfa_enrolment_required",
                via=loaded.profile.name,
            )
        return None
    left = mfa_services.record_skip(account=loaded.account, origin=origin, where=loaded.profile.where)
    loaded.state.mfa_skipped = True
    return left


def finish_enrolment(loaded: Loaded, *, origin: Origin) -> None:
    """The ENROL step, done: an app was added in this sign-in (mfa.services checked its first code). ``loaded``
    is as read before the app was added, when ENROL was the current step."""
    expect(loaded, Step.ENROL, origin)
    loaded.state.mfa_method = "totp"
    _passed(loaded, Step.ENROL, origin)


def accept_redaction(loaded: Loaded, *, origin: Origin) -> None:
    expect(loaded, Step.REDACTION, origin)
    loaded.state.redaction_accepted = True
    _passed(loaded, Step.REDACTION, origin)


def refuse_blocked(loaded: Loaded, *, origin: Origin) -> None:
    """The password was right but the sign-in cannot go on: a profile that needs an app, and the account has
    none (the desk, the admin). Audited; the caller tells the holder how to add one."""
    with transaction.atomic():
        audit.record(
            event=loaded.profile.events.failed,
            origin=origin,
            actor=loaded.account,
            step="mfa",
            reason="no_authenticator",
        )
