"""The one single-use scheme (openecf/core/single_use.py), on the tables that use it: account links, MFA codes.

Every e-mailed link or code works once, until it expires, for its own purpose only, until something voids it;
the table holds a digest, never the secret; digests are compared in constant time.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from conftest import make_pacer
from openecf.accounts import email_links
from openecf.accounts.models import AccountToken, PacerAccount, TokenPurpose
from openecf.core import single_use
from openecf.mfa.models import EmailCode, EmailCodePurpose
from openecf.mfa.services import EMAIL_CODES

pytestmark = pytest.mark.django_db

RESET = TokenPurpose.RESET_PASSWORD
VERIFY = TokenPurpose.VERIFY_EMAIL


@pytest.fixture
def nora(db: None) -> PacerAccount:
    return make_pacer("nnewfiler", "Nora Newfiler")


def _use(secret: str, purpose: TokenPurpose, **kwargs: Any) -> AccountToken | None:
    with transaction.atomic():
        return email_links.use(secret, purpose, **kwargs)


def _issue(account: PacerAccount, purpose: TokenPurpose, **kwargs: Any) -> str:
    with transaction.atomic():
        return email_links.issue(account=account, purpose=purpose, email=account.email, **kwargs)


def test_a_link_works_once(nora: PacerAccount) -> None:
    secret = _issue(nora, RESET)
    assert email_links.peek(secret, RESET) is not None
    assert email_links.peek(secret, RESET) is not None  # looking does not use it up
    token = _use(secret, RESET)
    assert token is not None and token.account == nora and token.used_at is not None
    assert _use(secret, RESET) is None
    assert email_links.peek(secret, RESET) is None


def test_a_link_works_until_its_lifetime_ends_and_not_after(nora: PacerAccount) -> None:
    sent = timezone.now()
    secret = _issue(nora, RESET, at=sent)
    ends = sent + email_links.LIFETIME[RESET]
    assert ends - sent == timedelta(hours=1)
    assert email_links.peek(secret, RESET, at=ends) is None
    assert _use(secret, RESET, at=ends) is None
    assert email_links.peek(secret, RESET, at=ends - timedelta(seconds=1)) is not None
    assert _use(secret, RESET, at=ends - timedelta(seconds=1)) is not None


def test_a_link_opens_nothing_for_another_purpose_and_is_not_spent_by_trying(nora: PacerAccount) -> None:
    secret = _issue(nora, VERIFY)
    assert email_links.peek(secret, RESET) is None
    assert _use(secret, RESET) is None
    assert _use(secret, TokenPurpose.CHANGE_EMAIL) is None
    assert _use(secret, VERIFY) is not None


def test_void_ends_the_unused_links_of_the_purposes_named_for_that_account_only(nora: PacerAccount) -> None:
    other = make_pacer("asample22", "Attorney Sample")
    reset, verify, others_reset = _issue(nora, RESET), _issue(nora, VERIFY), _issue(other, RESET)
    with transaction.atomic():
        assert email_links.void(account=nora, purposes=[RESET]) == 1
        assert email_links.void(account=nora, purposes=[RESET]) == 0  # already void
    assert _use(reset, RESET) is None
    assert _use(verify, VERIFY) is not None
    assert _use(others_reset, RESET) is not None


def test_a_new_link_voids_the_earlier_one_of_its_purpose(nora: PacerAccount) -> None:
    first, verify = _issue(nora, RESET), _issue(nora, VERIFY)
    second = _issue(nora, RESET)
    assert _use(first, RESET) is None
    assert _use(second, RESET) is not None
    assert _use(verify, VERIFY) is not None


def test_the_table_keeps_a_digest_not_the_secret(nora: PacerAccount) -> None:
    secret = _issue(nora, RESET)
    assert len(secret) == 43
    row = AccountToken.objects.get(account=nora)
    assert row.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(list(AccountToken.objects.values_list()))


def test_an_overlong_or_empty_secret_is_refused_unlooked(nora: PacerAccount, django_assert_num_queries: Any) -> None:
    with transaction.atomic(), django_assert_num_queries(0):
        assert email_links.peek("", RESET) is None
        assert email_links.peek("x" * 101, RESET) is None
        assert email_links.use("x" * 101, RESET) is None
        assert email_links.use("", RESET) is None


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, bool]]:
    """Every digest comparison the scheme makes, with its result."""
    calls: list[tuple[str, str, bool]] = []
    real = single_use.constant_time_compare

    def recording(a: str, b: str) -> bool:
        result = real(a, b)
        calls.append((a, b, result))
        return result

    monkeypatch.setattr(single_use, "constant_time_compare", recording)
    return calls


def test_a_link_is_matched_by_a_constant_time_comparison(nora: PacerAccount, compared: list[Any]) -> None:
    secret = _issue(nora, RESET)
    digest = AccountToken.objects.get(account=nora).digest
    assert _use(secret, RESET) is not None
    assert compared == [(digest, digest, True)]


def _send_code(account: PacerAccount) -> str:
    with transaction.atomic():
        _, code = EMAIL_CODES.issue(
            holder={"account": account, "purpose": EmailCodePurpose.ADD_AUTHENTICATOR}, lifetime=timedelta(minutes=15)
        )
    return code


def _enter(account: PacerAccount, code: str) -> tuple[EmailCode | None, bool]:
    with transaction.atomic():
        return EMAIL_CODES.use_code(code, holder={"account": account})


def test_a_code_is_compared_in_constant_time_and_works_once(nora: PacerAccount, compared: list[Any]) -> None:
    code = _send_code(nora)
    assert len(code) == 6 and code.isdigit()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    assert _enter(nora, wrong) == (None, True)
    assert len(compared) == 1 and compared[0][2] is False
    used, live = _enter(nora, code)
    assert used is not None and live is True
    assert compared[1][2] is True and compared[1][0] == compared[1][1]
    assert _enter(nora, code) == (None, False)  # used: no live code is left


def test_a_code_is_void_after_five_wrong_entries(nora: PacerAccount) -> None:
    code = _send_code(nora)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        assert _enter(nora, wrong) == (None, True)
    assert EmailCode.objects.get(account=nora).attempts == 5
    assert _enter(nora, code) == (None, False)


def test_a_code_is_stored_as_a_keyed_digest(nora: PacerAccount) -> None:
    code = _send_code(nora)
    row = EmailCode.objects.get(account=nora)
    assert row.digest != hashlib.sha256(code.encode()).hexdigest()
    assert row.digest == EMAIL_CODES.digest(code) and code not in row.digest


def test_an_expired_code_is_refused(nora: PacerAccount) -> None:
    code = _send_code(nora)
    EmailCode.objects.filter(account=nora).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _enter(nora, code) == (None, False)
