"""The old court login: a court-issued CM/ECF login, accepted only where the court is not yet live on NextGen."""

from __future__ import annotations

from django.db import transaction

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.ecf_accounts import password_matches
from openecf.cmecf.models import EcfAccount, login_key
from openecf.cmecf.refusals import Refusal, refusal
from openecf.cmecf.selectors import account_for_login
from openecf.courts.models import Court
from openecf.throttle import services as throttle


def sign_in_with_court_login(*, court: Court, login: str, password: str, origin: Origin) -> EcfAccount:
    """The account the login and password open at this court; raises LinkRefused (audited either way)."""
    guess = throttle.ecf_password_attempt(court_id=court.pk, login_key=login_key(login), origin=origin)
    try:
        reading = throttle.check(guess)
    except throttle.Throttled as throttled:
        with transaction.atomic():
            audit.record(
                event=Event.ECF_LOGIN_FAILED, origin=origin, username=login.strip(), court=court, reason="throttled"
            )
        raise refusal(Refusal.THROTTLED, court, retry=throttled.retry) from None
    ecf = account_for_login(court, login)
    valid = password_matches(ecf, password)
    if valid:
        throttle.succeeded(guess, reading=reading)
    else:
        throttle.failed(guess, origin=origin)
    reason: Refusal | None = None
    if court.is_live():
        reason = Refusal.COURT_ON_NEXTGEN
    elif not valid:
        reason = Refusal.BAD_CREDENTIALS
    elif ecf is not None and not ecf.is_active:
        reason = Refusal.ECF_INACTIVE
    elif ecf is not None and hasattr(ecf, "link"):
        reason = Refusal.COURT_ON_NEXTGEN
    with transaction.atomic():
        audit.record(
            event=Event.ECF_LOGIN_FAILED if reason else Event.ECF_LOGIN_SUCCEEDED,
            origin=origin,
            username=login.strip(),
            court=court,
            ecf_account=ecf if valid else None,
            **({"reason": reason.value} if reason else {}),
        )
    if reason is not None:
        raise refusal(reason, court, go_live=court.go_live_text)
    assert ecf is not None
    return ecf
