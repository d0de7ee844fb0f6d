"""Forgot password? and Forgot username? — neither reveals whether an account exists, nor whether a fact was right.

Both pages answer the same whatever was typed, and do the same work. Forgot password? asks for a username and one
identifying fact (e-mail address, account number or date of birth), then a security question. The question depends
on the username alone: the account's own first question, or for an unknown username (or an account without
questions) one picked by a keyed hash of the username, the same on every try. Whether the fact was right is
checked only with the answer, and learned by nobody but the account's mailbox: the reset link goes there when
username, fact and answer are all right, and the last page reads the same in every case. The answer is always
hashed; every checked answer counts against the throttle (right or wrong: were a right one to clear the count,
the next try's wait would tell); the e-mail is left to the outbox worker (as every e-mail is), so no SMTP round
trip shows in the response time.
"""

from __future__ import annotations

import hmac
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from openecf.accounts import email_links, questions
from openecf.accounts.models import PacerAccount, SecurityAnswer, SecurityQuestion, TokenPurpose
from openecf.accounts.profile import store_new_password
from openecf.accounts.registration import LinkNotValid
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.notices import mail
from openecf.throttle import services as throttle


@dataclass(frozen=True)
class ResetChallenge:
    """Step two of Forgot password?, kept in the session (the visitor never sees the account id)."""

    username: str
    account_id: int | None
    question: str
    checks_answer: bool
    identified: bool  # whether the fact typed was the account's: used only with the answer, never shown

    def as_session(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_session(cls, data: Any) -> ResetChallenge | None:
        try:
            return cls(**data)
        except TypeError:
            return None

    @property
    def question_text(self) -> str:
        return SecurityQuestion(self.question).label


def _stand_in_question(username: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), username.casefold().encode(), "sha256").digest()
    values = SecurityQuestion.values
    return values[digest[0] % len(values)]


def _identifies(account: PacerAccount, *, email: str, account_number: str, date_of_birth: date | None) -> bool:
    if email:
        return account.email.strip().casefold() == email.strip().casefold()
    if account_number:
        return account.account_number == account_number.strip()
    return date_of_birth is not None and account.date_of_birth == date_of_birth


def start_password_reset(
    *, username: str, email: str = "", account_number: str = "", date_of_birth: date | None = None, origin: Origin
) -> ResetChallenge:
    """Step one: the username and one more fact. Always returns a question to ask, chosen by the username alone."""
    username = username.strip()
    account = PacerAccount.objects.with_username(username).filter(is_active=True).first()
    identified = account is not None and _identifies(
        account, email=email, account_number=account_number, date_of_birth=date_of_birth
    )
    # The same query whether or not the username is known (account_id IS NULL matches nothing).
    first = SecurityAnswer.objects.filter(account_id=account.pk if account else None).order_by("id").first()
    with transaction.atomic():
        audit.record(
            event=Event.PASSWORD_RESET_STARTED,
            origin=origin,
            actor=account,
            username=username,
            identified=identified,
        )
    return ResetChallenge(
        username=username,
        account_id=account.pk if account else None,
        question=first.question if first else _stand_in_question(username),
        # A legacy account has no questions yet: the e-mailed link is then the only proof, as it always is.
        checks_answer=first is not None or account is None,
        identified=identified,
    )


def answer_reset_question(*, challenge: ResetChallenge, answer: str, origin: Origin, link_base: str) -> None:
    """Step two: with the right fact and answer, e-mail a single-use reset link to the account's address.

    The right fact with a wrong answer tells the account holder (only the holder learns the fact was right); a
    wrong fact sends nothing. Raises throttle.Throttled, checking nothing, after too many tries for the username
    or from the address.
    """
    attempt = throttle.reset_attempt(username=challenge.username, origin=origin)
    try:
        throttle.check(attempt)
    except throttle.Throttled:
        with transaction.atomic():
            audit.record(event=Event.PASSWORD_RESET_THROTTLED, origin=origin, username=challenge.username)
        raise
    # The same two queries and one hash whether or not the username is known (ids 0 and None match nothing).
    account = PacerAccount.objects.filter(pk=challenge.account_id or 0, is_active=True).first()
    stored = SecurityAnswer.objects.filter(account_id=challenge.account_id, question=challenge.question).first()
    answered = questions.answer_matches(stored, answer)  # hashes either way
    if account is not None and not challenge.checks_answer:
        answered = True
    throttle.failed(attempt, origin=origin)  # every checked try counts, right or wrong (see the module's doc)
    with transaction.atomic():
        if account is None:
            audit.record(event=Event.PASSWORD_RESET_NO_ACCOUNT, origin=origin, username=challenge.username)
            return
        if not challenge.identified:
            audit.record(event=Event.PASSWORD_RESET_NOT_IDENTIFIED, origin=origin, actor=account)
            return
        if not answered:
            audit.record(event=Event.PASSWORD_RESET_ANSWER_WRONG, origin=origin, actor=account)
            mail.send(kind="password_reset.refused", to=[account.email], context={"account": account})
            return
        secret = email_links.issue(account=account, purpose=TokenPurpose.RESET_PASSWORD, email=account.email)
        audit.record(event=Event.PASSWORD_RESET_LINK_SENT, origin=origin, actor=account)
        mail.send(
            kind="password_reset.link",
            to=[account.email],
            context={
                "account": account,
                "link": email_links.url(link_base, "accounts:reset_password", secret),
                "hours": email_links.lifetime_hours(TokenPurpose.RESET_PASSWORD),
            },
        )


def reset_link_account(secret: str) -> PacerAccount | None:
    """Whose password the link resets, if it is still good (the link is not used up by looking)."""
    token = email_links.peek(secret, TokenPurpose.RESET_PASSWORD)
    return token.account if token else None


def reset_password(*, secret: str, password: str, origin: Origin) -> PacerAccount:
    """Set the new password and use the link up, in one transaction.

    Going through set_password changes the password hash, which ends every other session of the account (Django
    checks each session against it) and every API token; any other reset link and any pending change of e-mail
    address stop working. Raises LinkNotValid or ValidationError (the link then
    stays usable, so the person can try another password).
    """
    account = reset_link_account(secret)
    if account is None:
        raise LinkNotValid()
    validate_password(password, account)
    with transaction.atomic():
        token = email_links.use(secret, TokenPurpose.RESET_PASSWORD)
        if token is None:
            raise LinkNotValid()
        account = PacerAccount.objects.select_for_update().get(pk=token.account_id)
        store_new_password(account=account, password=password, event=Event.PASSWORD_RESET, origin=origin)
    return account


def send_usernames(*, email: str, origin: Origin) -> None:
    """Mail the usernames registered to this address, to this address; an address with none is told so."""
    email = email.strip()
    accounts = list(PacerAccount.objects.with_email(email).filter(is_active=True).order_by("username"))
    with transaction.atomic():
        audit.record(event=Event.USERNAME_REMINDER_SENT, origin=origin, email=email, accounts=len(accounts))
        mail.send(kind="username_reminder", to=[email], context={"email": email, "accounts": accounts})
