"""Why a link (or an old CM/ECF login) is refused, each with the message the filer reads."""

from __future__ import annotations

from django.db import models

from openecf.courts.models import Court


class Refusal(models.TextChoices):
    COURT_NOT_LIVE = "court_not_live", "Court not yet live on NextGen"
    COURT_NOT_ON_NEXTGEN = "court_not_on_nextgen", "Court has no NextGen date"
    SHARED_ACCOUNT = "shared_account", "Shared PACER account"
    LEGACY_ACCOUNT = "legacy_account", "Legacy PACER account not upgraded"
    PACER_ALREADY_LINKED = "pacer_already_linked", "PACER account already linked at this court"
    BAD_CREDENTIALS = "bad_credentials", "Wrong CM/ECF login or password"
    ECF_INACTIVE = "ecf_inactive", "CM/ECF account inactive"
    ECF_ALREADY_LINKED = "ecf_already_linked", "CM/ECF account already linked"
    CONFIRMATION_EXPIRED = "confirmation_expired", "Confirmation expired or not for this account"
    COURT_ON_NEXTGEN = "court_on_nextgen", "Old CM/ECF login at a NextGen court"
    THROTTLED = "throttled", "Too many wrong CM/ECF passwords"


# Refusals about the CM/ECF account typed: the form is shown again so the filer can correct it. The others
# (court, PACER account) cannot be fixed by typing something else.
RETRY_WITH_OTHER_CREDENTIALS = {Refusal.BAD_CREDENTIALS, Refusal.ECF_INACTIVE, Refusal.ECF_ALREADY_LINKED}


class LinkRefused(Exception):
    def __init__(self, reason: Refusal, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _contact(court: Court) -> str:
    if court.clerk_phone:
        return f"the clerk's office at {court.clerk_phone}"
    return "the clerk's office"


def refusal(reason: Refusal, court: Court, **facts: str) -> LinkRefused:
    """Build the refusal with the court's own facts (its name, go-live date, contacts) in the message."""
    where = f"The {court.display_name}"
    text = {
        Refusal.COURT_NOT_LIVE: (
            f"{where} is not yet live on NextGen CM/ECF. Linking will be possible from "
            f"{facts.get('go_live', '')}. Until then, keep using your court-issued CM/ECF login to file."
        ),
        Refusal.COURT_NOT_ON_NEXTGEN: (
            f"{where} has not set a date to go live on NextGen CM/ECF, so accounts cannot be linked here yet. "
            "Keep using your court-issued CM/ECF login to file; the court will announce its go-live date."
        ),
        Refusal.SHARED_ACCOUNT: (
            "You are logged in with a shared PACER account. A shared firm account cannot be linked to a CM/ECF "
            "account or used to e-file. Log out and log in with your own individual PACER account."
        ),
        Refusal.LEGACY_ACCOUNT: (
            "Your PACER account has not been upgraded. Only an upgraded individual PACER account can be linked "
            "to a CM/ECF account. Upgrade your PACER account, then return to this page."
        ),
        Refusal.PACER_ALREADY_LINKED: (
            f"Your PACER account is already linked to the CM/ECF account for {facts.get('ecf_name', '')} "
            f"at this court. A PACER account can be linked to only one CM/ECF account per court. If this link is "
            f"wrong, contact {_contact(court)}."
        ),
        Refusal.BAD_CREDENTIALS: (
            "The CM/ECF login or password is incorrect. Enter the login and password the court issued to you "
            "for filing. If you do not know them, use the forgot password or login links below."
        ),
        Refusal.ECF_INACTIVE: (
            f"This CM/ECF account is inactive and cannot be linked. Contact {_contact(court)} to have it reactivated."
        ),
        Refusal.ECF_ALREADY_LINKED: (
            "This CM/ECF account is already linked to a PACER account. A link is permanent and cannot be "
            f"undone or moved by a user; if it was linked to the wrong PACER account, contact {_contact(court)}."
        ),
        Refusal.CONFIRMATION_EXPIRED: (
            "This confirmation is no longer valid (it expired, was already used, or was started in another "
            "session). Enter your CM/ECF login and password again."
        ),
        Refusal.COURT_ON_NEXTGEN: (
            f"{where} is live on NextGen CM/ECF since {facts.get('go_live', '')}. Court-issued CM/ECF logins no "
            "longer open the filing system: log in with your upgraded individual PACER account and link your "
            "CM/ECF account under Utilities."
        ),
        Refusal.THROTTLED: (
            f"Too many wrong CM/ECF logins or passwords. For your security, {facts['retry']}."
            if facts.get("retry")
            else "Too many wrong CM/ECF logins or passwords: this CM/ECF account no longer accepts passwords from "
            f"this computer. Contact {_contact(court)}."
        ),
    }[reason]
    return LinkRefused(reason, text)
