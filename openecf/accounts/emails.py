"""The text of every e-mail about an account's life: what PACER would send, with the link the reader follows."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from openecf.accounts.models import PacerAccount, TokenPurpose
from openecf.accounts.tokens import lifetime_text

SERVICE_CENTER = "PACER Service Center: (800) 676-6856, pacer@psc.uscourts.gov"
NOT_YOU = f"If you did not ask for this, contact the {SERVICE_CENTER}."


@dataclass(frozen=True)
class Mail:
    subject: str
    body: str


def url(link_base: str, name: str, *args: str) -> str:
    return link_base.rstrip("/") + reverse(name, args=args)


def verify_email(account: PacerAccount, *, link_base: str, secret: str) -> Mail:
    return Mail(
        "Verify your e-mail address for your new PACER account",
        f"Dear {account.name},\n\n"
        f"Thank you for registering for a PACER account. Your username is {account.username}.\n\n"
        "Open this link to verify your e-mail address and activate the account:\n\n"
        f"{url(link_base, 'accounts:verify_email', secret)}\n\n"
        f"The link works once and expires in {lifetime_text(TokenPurpose.VERIFY_EMAIL)}. Until the address is "
        f"verified the account cannot be used.\n\n{NOT_YOU}\n",
    )


def held_for_review(account: PacerAccount) -> Mail:
    return Mail(
        "Your PACER registration is held for review",
        f"Dear {account.name},\n\n"
        f"Your e-mail address is verified. Your registration for the username {account.username} looks like an "
        "account that already exists, "
        "so it is held for review. The PACER Service Center will write to you when it has been released. "
        "If you already have an account, use Forgot username? or Forgot password? on the PACER login page "
        f"instead.\n\n{SERVICE_CENTER}\n",
    )


def account_activated(account: PacerAccount) -> Mail:
    return Mail(
        "Your PACER account is active",
        f"Dear {account.name},\n\nYour e-mail address is verified and your PACER account {account.username} "
        f"(account number {account.account_number}) is active. You can log in now.\n\n{NOT_YOU}\n",
    )


def account_released(account: PacerAccount) -> Mail:
    return Mail(
        "Your PACER account has been released",
        f"Dear {account.name},\n\nThe review of your new PACER account {account.username} is finished; "
        f"you can log in now (once your e-mail address is verified).\n\n{SERVICE_CENTER}\n",
    )


def upgraded(account: PacerAccount, *, old_username: str) -> Mail:
    return Mail(
        "Your PACER account has been upgraded",
        f"Dear {account.name},\n\n"
        f"Your legacy PACER account has been upgraded. Your new username is {account.username}; the old "
        f"username {old_username} no longer logs in. Use the new username and password at every court, and "
        "link your CM/ECF accounts under Utilities at each NextGen court where you file.\n\n"
        f"{NOT_YOU}\n",
    )


def reset_link(account: PacerAccount, *, link_base: str, secret: str) -> Mail:
    return Mail(
        "Reset your PACER password",
        f"Dear {account.name},\n\n"
        f"Someone (we hope you) asked to reset the password of the PACER account {account.username}. "
        "Open this link to choose a new password:\n\n"
        f"{url(link_base, 'accounts:reset_password', secret)}\n\n"
        f"The link works once and expires in {lifetime_text(TokenPurpose.RESET_PASSWORD)}. Your password stays "
        f"as it is until you choose a new one.\n\n{NOT_YOU}\n",
    )


def reset_refused(account: PacerAccount) -> Mail:
    return Mail(
        "Attempt to reset your PACER password",
        f"Dear {account.name},\n\n"
        f"Someone asked to reset the password of the PACER account {account.username} but did not answer the "
        "security question correctly, so no reset link was sent. Your password has not changed.\n\n"
        f"If this was you, try again from Forgot password? on the PACER login page. {NOT_YOU}\n",
    )


def password_changed(account: PacerAccount, *, how: str) -> Mail:
    return Mail(
        "Your PACER password was changed",
        f"Dear {account.name},\n\n"
        f"The password of the PACER account {account.username} was changed ({how}). Every other login session "
        f"and API token of the account has been ended.\n\n{NOT_YOU}\n",
    )


def usernames(email: str, accounts: list[PacerAccount]) -> Mail:
    if not accounts:
        return Mail(
            "Your PACER username request",
            f"Someone asked for the PACER usernames registered to {email}. No PACER account uses this e-mail "
            "address. If you have an account, it may use another address; "
            f"the {SERVICE_CENTER} can help.\n\nIf you did not ask for this, you can ignore this message.\n",
        )
    listed = "\n".join(f"  {account.username}  ({account.name})" for account in accounts)
    return Mail(
        "Your PACER username",
        f"These PACER usernames are registered to {email}:\n\n{listed}\n\n"
        "Use Forgot password? on the PACER login page if you also need a new password.\n\n"
        "If you did not ask for this, you can ignore this message.\n",
    )


def confirm_new_email(account: PacerAccount, *, link_base: str, secret: str, new_email: str) -> Mail:
    return Mail(
        "Confirm your new e-mail address for PACER",
        f"Dear {account.name},\n\n"
        f"The PACER account {account.username} asked to use {new_email} as its e-mail address. Open this link "
        "to confirm it:\n\n"
        f"{url(link_base, 'accounts:confirm_email', secret)}\n\n"
        f"The link works once and expires in {lifetime_text(TokenPurpose.CHANGE_EMAIL)}. "
        f"Until then, notices keep going to the old address.\n\n{NOT_YOU}\n",
    )


def email_change_requested(account: PacerAccount, *, new_email: str) -> Mail:
    return Mail(
        "Change of e-mail address requested for your PACER account",
        f"Dear {account.name},\n\n"
        f"Someone logged in to the PACER account {account.username} asked to change its e-mail address from "
        f"this address to {new_email}. Nothing changes until the new address is confirmed.\n\n{NOT_YOU}\n",
    )


def email_changed(account: PacerAccount, *, old_email: str) -> Mail:
    return Mail(
        "Your PACER e-mail address was changed",
        f"Dear {account.name},\n\n"
        f"The e-mail address of the PACER account {account.username} is now {account.email} (it was "
        f"{old_email}).\n\n{NOT_YOU}\n",
    )


def contact_changed(account: PacerAccount) -> Mail:
    return Mail(
        "Your PACER contact details were changed",
        f"Dear {account.name},\n\nThe contact details (address, telephone) of the PACER account "
        f"{account.username} were changed.\n\n{NOT_YOU}\n",
    )
