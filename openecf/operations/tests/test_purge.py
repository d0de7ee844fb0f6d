"""purge_expired deletes what can never be used again and keeps everything else, audit events above all."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from conftest import make_ecf, make_pacer
from openecf.accounts.models import AccountToken, TokenPurpose
from openecf.audit.events import Event
from openecf.audit.models import AuditEvent
from openecf.audit.sealing import seal_pending
from openecf.ecfpasswords.models import PasswordReset, ResetOrigin
from openecf.mfa.models import EmailCode, EmailCodePurpose
from openecf.operations.purge import purge_expired
from openecf.signon import cso_tokens
from openecf.signon.models import CsoToken, TokenOrigin
from openecf.throttle.models import Scope, ThrottleRecord

pytestmark = pytest.mark.django_db

NOW = timezone.now()
NONE = dict.fromkeys(
    ["sessions", "sign_on_tokens", "account_links", "ecf_reset_links", "email_codes", "throttle_records"], 0
)
HOUR = timedelta(hours=1)


def _sessions() -> None:
    for key, expires in [("expiredsession01", NOW - HOUR), ("livesession00001", NOW + HOUR)]:
        Session.objects.create(session_key=key, session_data="{}", expire_date=expires)


def _sign_on_tokens() -> dict[str, str]:
    """One token of each state; returns the live one's value, by name, to use after the purge."""
    account = make_pacer("jattorney", "John Attorney")
    raws = {
        name: cso_tokens.issue(account=account, origin=TokenOrigin.API) for name in ("live", "ended", "old", "idle")
    }
    by_name = {name: CsoToken.objects.get(digest=cso_tokens.digest_of(raw)) for name, raw in raws.items()}
    cso_tokens.end(by_name["ended"], reason="logout")
    CsoToken.objects.filter(pk=by_name["old"].pk).update(created_at=NOW - 30 * HOUR, expires_at=NOW - 6 * HOUR)
    CsoToken.objects.filter(pk=by_name["idle"].pk).update(last_used_at=NOW - 2 * HOUR)
    return raws


def _links() -> None:
    account = make_pacer("kfilerlaw", "Kim Filer")
    ecf = make_ecf("wiwd", "kfiler", "Kim Filer", "Ecf-Password-2026!")
    for name, used, expires in [
        ("used", NOW - HOUR, NOW + HOUR),
        ("expired", None, NOW - HOUR),
        ("live", None, NOW + HOUR),
    ]:
        AccountToken.objects.create(
            account=account,
            purpose=TokenPurpose.RESET_PASSWORD,
            digest=f"account-{name}".ljust(64, "0"),
            email="kfilerlaw@example.com",
            created_at=NOW - 2 * HOUR,
            expires_at=expires,
            used_at=used,
        )
        PasswordReset.objects.create(
            ecf_account=ecf,
            digest=f"reset-{name}".ljust(64, "0"),
            origin=ResetOrigin.FILER,
            created_at=NOW - 2 * HOUR,
            expires_at=expires,
            used_at=used,
        )
    for name, used, expires, attempts in [
        ("used", NOW - HOUR, NOW + HOUR, 0),
        ("expired", None, NOW - HOUR, 0),
        ("exhausted", None, NOW + HOUR, 5),
        ("live", None, NOW + HOUR, 4),
    ]:
        EmailCode.objects.create(
            account=account,
            purpose=EmailCodePurpose.ADD_AUTHENTICATOR,
            digest=f"code-{name}".ljust(64, "0"),
            expires_at=expires,
            used_at=used,
            attempts=attempts,
        )


# (key, scope, failures, last failure, locked until, remembered until): which throttle counters still say something.
THROTTLE = [
    ("known-expired", Scope.KNOWN, 0, None, None, NOW - HOUR),
    ("known-live", Scope.KNOWN, 0, None, None, NOW + 100 * 24 * HOUR),
    ("account-cleared", Scope.ACCOUNT, 0, NOW - 48 * HOUR, None, None),
    ("account-failures-old", Scope.ACCOUNT, 3, NOW - 400 * 24 * HOUR, None, None),  # only a success clears it
    ("account-locked", Scope.ACCOUNT, 0, NOW - 48 * HOUR, NOW + HOUR, None),
    ("pacer-cleared", Scope.PACER, 0, None, None, None),
    ("pacer-failures", Scope.PACER, 7, NOW - 48 * HOUR, NOW - 47 * HOUR, None),
    ("address-quiet-a-day", Scope.ADDRESS, 25, NOW - 25 * HOUR, NOW - 24 * HOUR, None),
    ("address-recent", Scope.ADDRESS, 3, NOW - 2 * HOUR, None, None),
    ("address-quiet-but-locked", Scope.ADDRESS, 40, NOW - 25 * HOUR, NOW + HOUR, None),
]
THROTTLE_KEPT = [
    "known-live",
    "account-failures-old",
    "account-locked",
    "pacer-failures",
    "address-recent",
    "address-quiet-but-locked",
]


def _throttle() -> None:
    for key, scope, failures, last, locked, remembered in THROTTLE:
        ThrottleRecord.objects.create(
            key=key,
            scope=scope,
            failures=failures,
            last_failure_at=last,
            locked_until=locked,
            remembered_until=remembered,
        )


def test_void_records_go_and_everything_still_usable_stays() -> None:
    _sessions()
    raws = _sign_on_tokens()
    _links()
    _throttle()
    events_before = list(AuditEvent.objects.order_by("id").values_list("id", "event"))

    counts = purge_expired(at=NOW)

    assert counts == {
        "sessions": 1,
        "sign_on_tokens": 3,
        "account_links": 2,
        "ecf_reset_links": 2,
        "email_codes": 3,
        "throttle_records": 4,
    }
    assert list(Session.objects.values_list("session_key", flat=True)) == ["livesession00001"]
    assert list(CsoToken.objects.values_list("digest", flat=True)) == [cso_tokens.digest_of(raws["live"])]
    assert cso_tokens.resolve(raws["live"]) is not None  # the live sign-on still works
    assert list(AccountToken.objects.values_list("digest", flat=True)) == ["account-live".ljust(64, "0")]
    assert list(PasswordReset.objects.values_list("digest", flat=True)) == ["reset-live".ljust(64, "0")]
    assert list(EmailCode.objects.values_list("digest", flat=True)) == ["code-live".ljust(64, "0")]
    assert sorted(ThrottleRecord.objects.values_list("key", flat=True)) == sorted(THROTTLE_KEPT)
    # Audit events are never deleted; the purge adds one saying what it deleted.
    events_after = list(AuditEvent.objects.order_by("id").values_list("id", "event"))
    assert events_after[:-1] == events_before
    purged = AuditEvent.objects.order_by("id").last()
    assert purged is not None and purged.event == "records.purged"
    assert purged.detail == {"deleted": counts}


def test_nothing_void_means_nothing_deleted_and_nothing_audited() -> None:
    _sessions()
    Session.objects.filter(session_key="expiredsession01").delete()
    events = AuditEvent.objects.count()
    assert purge_expired(at=NOW) == NONE
    assert Session.objects.count() == 1
    assert AuditEvent.objects.count() == events


def test_a_backlog_goes_in_batches_each_its_own_audited_round() -> None:
    Session.objects.bulk_create(
        Session(session_key=f"expired{n:09d}", session_data="{}", expire_date=NOW - HOUR) for n in range(5)
    )
    assert purge_expired(at=NOW, batch_size=2)["sessions"] == 5
    rounds = AuditEvent.objects.filter(event=Event.RECORDS_PURGED).order_by("id")
    assert [event.detail["deleted"]["sessions"] for event in rounds] == [2, 2, 1]
    assert not Session.objects.exists()


def test_the_worker_bounds_one_turn_and_leaves_the_rest_for_the_next() -> None:
    Session.objects.bulk_create(
        Session(session_key=f"expired{n:09d}", session_data="{}", expire_date=NOW - HOUR) for n in range(5)
    )
    assert purge_expired(at=NOW, batch_size=2, max_rounds=1)["sessions"] == 2
    assert Session.objects.count() == 3


@pytest.mark.django_db(transaction=True)  # the sealer seals only what has committed
def test_the_command_reports_what_it_deleted_and_the_audit_chain_verifies() -> None:
    _sessions()
    _throttle()
    out = StringIO()
    call_command("purge_expired", "--batch-size", "2", stdout=out)
    assert out.getvalue().splitlines() == [
        "sessions          1 deleted",
        "sign_on_tokens    0 deleted",
        "account_links     0 deleted",
        "ecf_reset_links   0 deleted",
        "email_codes       0 deleted",
        "throttle_records  4 deleted",
    ]
    events = AuditEvent.objects.count()
    assert seal_pending() == events  # what the worker does within a second
    verified = StringIO()
    call_command("verify_audit", stdout=verified)  # exits 1 when any event was edited or deleted
    assert verified.getvalue().startswith(f"Audit log intact: {events} sealed event(s) in 1 seal(s).")
    rounds = AuditEvent.objects.filter(event=Event.RECORDS_PURGED).order_by("id").values_list("detail", flat=True)
    assert list(rounds) == [
        {"deleted": {**NONE, "sessions": 1, "throttle_records": 2}},
        {"deleted": {**NONE, "throttle_records": 2}},
    ]  # a third round found nothing, and said nothing


def test_a_batch_size_below_one_is_refused() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--batch-size must be at least 1"):
        call_command("purge_expired", "--batch-size", "0")
