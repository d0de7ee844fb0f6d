"""Where an account is in its life, as the sign-in path needs to know it.

The login (openecf/signon) calls two things from here and nothing else:
- ``sign_in_block(account)`` after the password has been proved: an account whose e-mail address is not yet
  verified, or that is held for review as a likely duplicate, does not get a session. Only someone who knows
  the password learns why, so this tells nobody else whether the account exists.
- ``after_sign_in_url(account, next_url)``: a legacy account is led to the upgrade first (it may skip it and
  keep searching; it cannot link or file until it upgrades).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import models
from django.http import HttpRequest
from django.urls import reverse

from openecf.accounts.models import PacerAccount
from openecf.notices.addresses import masked

UNVERIFIED_SESSION_KEY = "openecf.unverified_account"


class SignInBlock(models.TextChoices):
    EMAIL_UNVERIFIED = "email_unverified", "E-mail address not yet verified"
    HELD_FOR_REVIEW = "held_for_review", "Held for review as a likely duplicate"


BLOCK_MESSAGES = {
    SignInBlock.EMAIL_UNVERIFIED: (
        "Your e-mail address has not been verified yet. Open the link in the message we sent to {email} to "
        "activate your account, then log in again."
    ),
    SignInBlock.HELD_FOR_REVIEW: (
        "Your new account is being reviewed because it looks like an account that already exists. The PACER "
        "Service Center will e-mail you at {email} when it is released: (800) 676-6856, pacer@psc.uscourts.gov."
    ),
}


class SignInRefused(Exception):
    """The password was right, but the account may not sign in yet."""

    def __init__(self, block: SignInBlock, account: PacerAccount) -> None:
        self.block = block
        self.account = account
        self.message = BLOCK_MESSAGES[block].format(email=masked(account.email))
        super().__init__(self.message)


def sign_in_block(account: PacerAccount) -> SignInBlock | None:
    """Why this account, its password proved, may not sign in now."""
    if not account.email_verified:
        return SignInBlock.EMAIL_UNVERIFIED
    if account.held_for_review:
        return SignInBlock.HELD_FOR_REVIEW
    return None


def remember_refusal(request: HttpRequest, refused: SignInRefused) -> dict[str, str]:
    """Let the refused (but password-proved) visitor ask for a new verification link; returns template context."""
    if refused.block != SignInBlock.EMAIL_UNVERIFIED:
        return {}
    request.session[UNVERIFIED_SESSION_KEY] = refused.account.pk
    return {"resend_verification_url": reverse("accounts:verify_resend")}


def upgrade_url(next_url: str = "") -> str:
    url = reverse("accounts:upgrade")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def after_sign_in_url(account: PacerAccount, next_url: str) -> str:
    if account.is_legacy:
        return upgrade_url(next_url)
    return next_url


def effective_client_code(account: PacerAccount, typed: str) -> str:
    """The client code typed at login, else the account's default from Manage My Account.

    A login that requires a client code should test this value, so a default satisfies the requirement.
    """
    return typed or account.default_client_code
