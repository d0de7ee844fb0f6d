"""Throttled guessing: growing waits per account, PACER account and address; a ceiling that spares the owner."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from conftest import PACER_PASSWORD, TEST_ORIGIN, make_ecf, make_pacer, visible_text
from openecf.audit.context import Origin
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import Link
from openecf.throttle import services as throttle
from openecf.throttle import stores
from openecf.throttle.policy import REMEMBER_ADDRESS

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed attempts. For your security, try again in 1 minute"


def _login(username: str, password: str, address: str = "198.51.100.1") -> Any:
    return Client(REMOTE_ADDR=address).post("/login/", {"username": username, "password": password, "client_code": ""})


@pytest.fixture(params=["database", "redis"])
def store(request: pytest.FixtureRequest, settings: Any) -> Iterator[str]:
    """Every service-level test runs against both stores."""
    if request.param == "database":
        yield "database"
        return
    import redis

    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url).ping()
    except redis.RedisError:
        # Never a silent skip: production keeps the counters in Redis, so its store is tested on every run.
        pytest.fail("no Redis server at 127.0.0.1:6379: `make test` starts one (scripts/ensure-redis.sh)")
    prefix = f"openecf-test-{uuid.uuid4().hex}:"
    settings.OPENECF_THROTTLE_STORE, settings.REDIS_URL, settings.OPENECF_THROTTLE_REDIS_PREFIX = "redis", url, prefix
    yield "redis"
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


def test_after_five_wrong_passwords_the_account_waits_and_the_message_says_until_when() -> None:
    make_pacer("jattorney", "John Attorney")
    for _ in range(6):
        assert _login("jattorney", "wrong-password").status_code == 401
    right = _login("jattorney", PACER_PASSWORD, address="198.51.100.2")  # another address: the account is locked
    assert right.status_code == 429
    assert TOO_MANY in visible_text(right) and "UTC)." in visible_text(right)
    assert 25 <= int(right["Retry-After"]) <= 30
    locked = AuditEvent.objects.filter(event="throttle.locked", detail__scope="account").get()
    assert locked.username == "jattorney" and locked.detail["failures"] == 6
    refused = AuditEvent.objects.filter(event="login.failed", detail__reason="throttled")
    assert refused.count() == 1


def test_an_unknown_username_is_throttled_exactly_like_a_real_one() -> None:
    make_pacer("jattorney", "John Attorney")
    real = [_login("jattorney", "wrong-password").status_code for _ in range(7)]
    unknown = [_login("nosuchfiler", "wrong-password", address="198.51.100.9").status_code for _ in range(7)]
    assert real == unknown == [401] * 6 + [429]


def test_waits_double_from_30_seconds_to_at_most_15_minutes(store: str) -> None:
    guess = throttle.login_attempt(username="jattorney", origin=Origin(ip_address=None))
    at, waits = timezone.now(), list[int | None]()
    for _ in range(12):
        throttle.failed(guess, origin=TEST_ORIGIN, at=at)
        try:
            throttle.check(guess, at=at)
            waits.append(0)
        except throttle.Throttled as throttled:
            waits.append(throttled.retry_after)
            at = throttled.until  # type: ignore[assignment]
    assert waits == [0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]


def test_a_right_password_after_the_wait_signs_in_and_starts_the_count_again() -> None:
    make_pacer("jattorney", "John Attorney")
    guess = throttle.login_attempt(username="jattorney", origin=Origin(ip_address="198.51.100.1"))
    earlier = timezone.now() - timedelta(minutes=5)
    for _ in range(6):
        throttle.failed(guess, origin=TEST_ORIGIN, at=earlier)  # the 30-second wait is long over
    assert _login("jattorney", PACER_PASSWORD).status_code == 302
    assert _login("jattorney", "wrong-password").status_code == 401
    assert _login("jattorney", PACER_PASSWORD).status_code == 302


def test_after_100_failures_only_an_address_that_signed_in_before_gets_in(store: str) -> None:
    owner_home = Origin(ip_address="203.0.113.5")
    throttle.succeeded(throttle.login_attempt(username="jattorney", origin=owner_home))
    attacker = throttle.login_attempt(username="jattorney", origin=Origin(ip_address=None))
    at = timezone.now() - timedelta(days=30)
    for _ in range(100):
        throttle.failed(attacker, origin=TEST_ORIGIN, at=at)
        at += timedelta(minutes=16)  # always waiting out the back-off
    with pytest.raises(throttle.Throttled) as stopped:
        throttle.check(attacker)
    assert stopped.value.until is None and "signed in to it before" in stopped.value.message
    throttle.check(throttle.login_attempt(username="jattorney", origin=owner_home))  # the owner is not locked out
    assert AuditEvent.objects.filter(event="throttle.locked", detail__ceiling=True).count() == 1


def test_one_address_guessing_many_usernames_is_slowed_down(store: str) -> None:
    at = timezone.now()
    for number in range(21):
        guess = throttle.login_attempt(username=f"user{number}", origin=Origin(ip_address="192.0.2.66"))
        throttle.failed(guess, origin=TEST_ORIGIN, at=at)
    with pytest.raises(throttle.Throttled):
        throttle.check(throttle.login_attempt(username="someone-new", origin=Origin(ip_address="192.0.2.66")), at=at)
    throttle.check(throttle.login_attempt(username="someone-new", origin=Origin(ip_address="192.0.2.67")), at=at)
    assert AuditEvent.objects.filter(event="throttle.locked", detail__scope="address").count() == 1


def _link_client(username: str, address: str, password: str = PACER_PASSWORD) -> Client:
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        "/login/?court=wied", {"username": username, "password": password, "client_code": "", "court": "wied"}
    )
    assert response.status_code == 302
    return client


def _guess(client: Client, login: str, password: str) -> Any:
    return client.post("/ecf/wied/utilities/link/", {"login": login, "password": password})


def test_cm_ecf_passwords_are_throttled_per_cm_ecf_account_whoever_guesses(demo: None) -> None:
    from openecf.demo.data import PACER_PASSWORD as DEMO_PASSWORD

    first = _link_client("jattorney", "198.51.100.11", DEMO_PASSWORD)
    second = _link_client("asample22", "198.51.100.12", DEMO_PASSWORD)
    statuses = [_guess(client, "cs5184", "guess") for client in [first, second] * 3]
    assert [r.status_code for r in statuses] == [400] * 6
    stopped = _guess(first, "cs5184", "wied-ecf-5184")  # even the right password waits
    assert stopped.status_code == 429
    assert "Too many wrong CM/ECF logins or passwords. For your security, try again in 1 minute" in (
        visible_text(stopped)
    )
    assert not Link.objects.exists()
    assert AuditEvent.objects.filter(event="link.refused", detail__reason="throttled").count() == 1


def test_one_pacer_account_guessing_many_cm_ecf_logins_is_slowed_down(db: None) -> None:
    make_pacer("jattorney", "John Attorney")
    make_ecf("wied", "cs5184", "John Attorney", "wied-ecf-5184")
    from openecf.courts.models import Court
    from openecf.courts.services import set_nextgen_date

    court = Court.objects.get(pk="wied")
    set_nextgen_date(court=court, go_live=court.local_date(), origin=TEST_ORIGIN)  # the court's today, not UTC's
    guesser = _link_client("jattorney", "198.51.100.21")
    assert [_guess(guesser, f"login{n}", "guess").status_code for n in range(6)] == [400] * 6
    assert _guess(guesser, "cs5184", "wied-ecf-5184").status_code == 429


def test_the_old_court_login_shares_the_cm_ecf_accounts_throttle(demo: None) -> None:
    """At a court not yet on NextGen, the court-issued login is another place to guess a CM/ECF password."""
    court_login = "/ecf/nysd/cgi-bin/login.pl"
    wrong = [Client().post(court_login, {"login": "jattorney", "password": "guess"}).status_code for _ in range(6)]
    assert wrong == [403] * 6
    stopped = Client().post(court_login, {"login": "jattorney", "password": "nysd-ecf-attorney"})
    assert stopped.status_code == 429
    assert "Too many wrong CM/ECF logins or passwords. For your security, try again in 1 minute" in (
        visible_text(stopped)
    )


def test_a_right_password_clears_the_failures_its_check_read(store: str) -> None:
    guess = throttle.login_attempt(username="jattorney", origin=Origin(ip_address="198.51.100.1"))
    earlier = timezone.now() - timedelta(minutes=5)
    for _ in range(6):
        throttle.failed(guess, origin=TEST_ORIGIN, at=earlier)
    throttle.succeeded(guess, reading=throttle.check(guess))
    for _ in range(5):
        throttle.failed(guess, origin=TEST_ORIGIN)
    # Five failures since the success: the count started again, so they are still free (no wait, no Throttled).
    _scope, account_key, _label = guess.counted()[0]
    counter = throttle.check(guess).counters[account_key]
    assert (counter.failures, counter.locked_until) == (5, None)


def _remembered_until(guess: throttle.Attempt) -> Any:
    return stores.current().read([], guess.known_key).remembered_until


def test_a_remembered_address_is_renewed_at_most_once_a_day(store: str) -> None:
    guess = throttle.login_attempt(username="jattorney", origin=Origin(ip_address="203.0.113.5"))
    first = timezone.now()
    throttle.succeeded(guess, at=first, reading=throttle.check(guess, at=first))
    assert abs(_remembered_until(guess) - (first + REMEMBER_ADDRESS)) < timedelta(seconds=2)
    later = first + timedelta(hours=20)
    throttle.succeeded(guess, at=later, reading=throttle.check(guess, at=later))
    assert abs(_remembered_until(guess) - (first + REMEMBER_ADDRESS)) < timedelta(seconds=2)  # not rewritten
    next_day = first + timedelta(days=2)
    throttle.succeeded(guess, at=next_day, reading=throttle.check(guess, at=next_day))
    assert abs(_remembered_until(guess) - (next_day + REMEMBER_ADDRESS)) < timedelta(seconds=2)


def test_a_login_without_failures_from_a_remembered_address_only_reads_the_throttle(
    django_assert_num_queries: Any,
) -> None:
    guess = throttle.login_attempt(username="jattorney", origin=Origin(ip_address="203.0.113.5"))
    with django_assert_num_queries(2):  # the check's read; the address is new, so one upsert remembers it
        throttle.succeeded(guess, reading=throttle.check(guess))
    with django_assert_num_queries(1):  # the check's read, and nothing to write
        throttle.succeeded(guess, reading=throttle.check(guess))


def _behind_proxy(client_address: str) -> Origin:
    """The origin of a request that reached the app through the trusted proxy at 10.0.0.5."""
    from django.test import RequestFactory

    request = RequestFactory().post(
        "/login/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=f"203.0.113.250, {client_address}"
    )
    return Origin.of(request)


def test_behind_a_proxy_the_known_address_exemption_is_the_owners_address_only(store: str, settings: Any) -> None:
    from ipaddress import ip_network

    settings.OPENECF_TRUSTED_PROXIES = [ip_network("10.0.0.5/32")]
    owner = _behind_proxy("203.0.113.5")
    throttle.succeeded(throttle.login_attempt(username="jattorney", origin=owner))
    attacker = _behind_proxy("198.51.100.66")
    guess = throttle.login_attempt(username="jattorney", origin=attacker)
    at = timezone.now() - timedelta(days=30)
    for _ in range(100):
        throttle.failed(guess, origin=attacker, at=at)
        at += timedelta(minutes=16)  # always waiting out the back-off
    with pytest.raises(throttle.Throttled) as stopped:
        throttle.check(guess)  # the owner signing in through the same proxy does not make the attacker known
    assert stopped.value.until is None
    throttle.check(throttle.login_attempt(username="jattorney", origin=owner))
    ceiling = AuditEvent.objects.get(event="throttle.locked", detail__ceiling=True)
    assert (ceiling.ip_address, ceiling.detail["scope"]) == ("198.51.100.66", "account")
