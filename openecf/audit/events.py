"""Every audit event name the code may write, with what it means and its category: the one list of them.

``audit.record`` refuses a name that is not here. The values are the strings stored in ``AuditEvent.event``; they
never change once written (existing rows, the clerk's audit-log filter and exports read them). A new event is a new
member with its category and a one-line meaning; ``docs/audit-events.md`` is generated from this list (see
``audit/tests/test_events.py``).
"""

from __future__ import annotations

from django.db import models


class Category(models.TextChoices):
    """What kind of thing happened, for whoever reads the log (the clerk's dashboard picks refusals and lockouts)."""

    SIGN_IN = "sign_in", "A sign-in, a sign-out, or a step of one that went through."
    REFUSAL = "refusal", "An attempt turned away: a wrong password, code or answer, or a check not passed."
    LOCKOUT = (
        "lockout",
        "Guessing stopped: the throttle locked out an account, a PACER account's link attempts or an address.",
    )
    IDENTITY_CHANGE = (
        "identity_change",
        (
            "An account's identity or credentials changed: created, verified, upgraded, its e-mail, password, contact "
            "details or authenticators."
        ),
    )
    ACCESS_CHANGE = (
        "access_change",
        "What an account may reach changed: a link, a CM/ECF account, e-filing at a court, a clerk's court.",
    )
    REQUEST = "request", "A request or a step towards a change that another step or a person completes or declines."
    DISCLOSURE = "disclosure", "A clerk gave out what the desk keeps masked."
    MAIL = "mail", "An e-mail carrying a link, a code or a notice was queued."
    ACCOUNT_SETTING = "account_setting", "An account holder's own setting changed (client codes)."
    COURT_SETTING = "court_setting", "A court's settings changed: go-live date, profile, help contacts, link item."
    OPERATION = "operation", "An operator's run outside the pages (benchmark data, purges)."
    CASE_RECORD = "case_record", "A case's record changed: opened, its parties, attorneys, judge, docket entries."
    BILLING = "billing", "PACER fees: a charge to the ledger, an exemption asked for or set."


class Event(models.TextChoices):
    """Each member: the stored name, its category, and its meaning (the label)."""

    category: Category

    def __new__(cls, value: str, category: Category) -> Event:
        # Django's Choices takes the last item of each member's tuple as its label (the meaning); the rest arrives
        # here. The value alone is the member's value, so Event("login.failed") and the stored strings match it.
        member = str.__new__(cls, value)
        member._value_ = value
        member.category = category
        return member

    @property
    def meaning(self) -> str:
        return str(self.label)

    # --- Signing in to PACER (the web form and the cso-auth API) ----------------------------------------------
    LOGIN_SUCCEEDED = "login.succeeded", Category.SIGN_IN, "A PACER account signed in (web or API), every step passed."
    LOGIN_FAILED = (
        "login.failed",
        Category.REFUSAL,
        "A PACER sign-in failed: wrong username or password, or throttled.",
    )
    LOGIN_REFUSED = (
        "login.refused",
        Category.REFUSAL,
        "A right password, but the account may not sign in yet (e-mail unverified, held) or must add an app.",
    )
    LOGOUT = "logout", Category.SIGN_IN, "A PACER sign-on ended: the session, its token and any old court logins."
    SIGNIN_STEP_PASSED = (
        "signin.step_passed",
        Category.SIGN_IN,
        "A step after the password was passed: the code, adding an app, the redaction notice.",
    )
    SIGNIN_OUT_OF_ORDER = (
        "signin.out_of_order",
        Category.REFUSAL,
        "A step of a sign-in was attempted that is not its current one; nothing was checked.",
    )
    CLIENT_CODE_CHANGED = "client_code.changed", Category.ACCOUNT_SETTING, "The client code of a sign-on was changed."
    CLIENT_CODE_REQUIREMENT_CHANGED = (
        "client_code.requirement_changed",
        Category.ACCOUNT_SETTING,
        "An account holder turned on or off requiring a client code at sign-in.",
    )

    # --- Multi-factor authentication -------------------------------------------------------------------------
    MFA_FAILED = "mfa.failed", Category.REFUSAL, "A one-time code was refused: wrong, replayed, malformed or expired."
    MFA_BACKUP_CODE_USED = "mfa.backup_code_used", Category.SIGN_IN, "A backup code was accepted and used up."
    MFA_EMAIL_CODE_SENT = "mfa.email_code_sent", Category.MAIL, "A one-time code was e-mailed to add an app."
    MFA_SKIPPED = "mfa.skipped", Category.SIGN_IN, "A filer skipped adding an authenticator app (skips are counted)."
    MFA_ENROLLED = "mfa.enrolled", Category.IDENTITY_CHANGE, "An authenticator app was added to a PACER account."
    MFA_REMOVED = "mfa.removed", Category.IDENTITY_CHANGE, "An authenticator app was removed from a PACER account."
    MFA_BACKUP_CODES_REPLACED = (
        "mfa.backup_codes_replaced",
        Category.IDENTITY_CHANGE,
        "A new set of backup codes replaced the old one.",
    )

    # --- The throttle ------------------------------------------------------------------------------------------
    THROTTLE_LOCKED = (
        "throttle.locked",
        Category.LOCKOUT,
        "Too many failures: an account, link attempts or an address locked for a while, or an account at its ceiling.",
    )

    # --- The clerk's desk and the admin site: their own sign-ins --------------------------------------------
    CLERK_LOGIN_SUCCEEDED = "clerk_login.succeeded", Category.SIGN_IN, "A clerk signed in to the clerk's desk."
    CLERK_LOGIN_FAILED = (
        "clerk_login.failed",
        Category.REFUSAL,
        "A desk sign-in failed: wrong password, not a clerk, throttled, or no authenticator app.",
    )
    CLERK_LOGIN_REFUSED = (
        "clerk_login.refused",
        Category.REFUSAL,
        "A right password at the desk, but the account may not sign in yet (e-mail unverified, held).",
    )
    CLERK_LOGOUT = "clerk_logout", Category.SIGN_IN, "A clerk signed out of the clerk's desk."
    ADMIN_LOGIN_SUCCEEDED = "admin_login.succeeded", Category.SIGN_IN, "A staff member signed in to the admin site."
    ADMIN_LOGIN_FAILED = (
        "admin_login.failed",
        Category.REFUSAL,
        "An admin-site sign-in failed: wrong password, not staff, throttled, or no authenticator app.",
    )
    ADMIN_LOGIN_REFUSED = (
        "admin_login.refused",
        Category.REFUSAL,
        "A right password at the admin site, but the account may not sign in yet (e-mail unverified, held).",
    )
    ADMIN_LOGOUT = "admin_logout", Category.SIGN_IN, "A staff member signed out of the admin site."

    # --- PACER accounts --------------------------------------------------------------------------------------
    PACER_ACCOUNT_CREATED = (
        "pacer_account.created",
        Category.IDENTITY_CHANGE,
        "A PACER account was created by an operator's command or the demo loader.",
    )
    PACER_ACCOUNT_REGISTERED = (
        "pacer_account.registered",
        Category.IDENTITY_CHANGE,
        "Someone registered a PACER account (it signs in once its e-mail is verified).",
    )
    PACER_ACCOUNT_EMAIL_VERIFIED = (
        "pacer_account.email_verified",
        Category.IDENTITY_CHANGE,
        "A new account's e-mail address was verified by its link.",
    )
    PACER_ACCOUNT_VERIFICATION_RESENT = (
        "pacer_account.verification_resent",
        Category.MAIL,
        "A new e-mail verification link was sent (the old one stops working).",
    )
    PACER_ACCOUNT_RELEASED = (
        "pacer_account.released",
        Category.IDENTITY_CHANGE,
        "The PACER Service Center released an account held for review as a likely duplicate.",
    )
    PACER_ACCOUNT_UPGRADED = (
        "pacer_account.upgraded",
        Category.IDENTITY_CHANGE,
        "A legacy PACER account was upgraded: new username, password, security questions, details.",
    )
    PACER_ACCOUNT_CONTACT_CHANGED = (
        "pacer_account.contact_changed",
        Category.IDENTITY_CHANGE,
        "An account holder changed the postal address or phone number.",
    )
    CLIENT_CODE_PREFERENCE_CHANGED = (
        "client_code_preference.changed",
        Category.ACCOUNT_SETTING,
        "An account holder changed the default client code.",
    )
    EMAIL_CHANGE_REQUESTED = (
        "email_change.requested",
        Category.REQUEST,
        "An account holder asked to change the e-mail address; a link went to the new one.",
    )
    EMAIL_CHANGE_CONFIRMED = (
        "email_change.confirmed",
        Category.IDENTITY_CHANGE,
        "The new e-mail address was confirmed by its link and replaced the old one.",
    )
    EMAIL_CHANGE_REFUSED = (
        "email_change.refused",
        Category.REFUSAL,
        "An e-mail change was refused: wrong current password, or throttled.",
    )
    PASSWORD_CHANGED = (
        "password.changed",
        Category.IDENTITY_CHANGE,
        "An account holder changed the password; other sign-ons and open links ended.",
    )
    PASSWORD_CHANGE_REFUSED = (
        "password.change_refused",
        Category.REFUSAL,
        "A password change was refused: wrong current password, or throttled.",
    )

    # --- Forgotten PACER password or username ----------------------------------------------------------------
    PASSWORD_RESET_STARTED = (
        "password_reset.started",
        Category.REQUEST,
        "Someone started a password reset with a username and one more fact.",
    )
    PASSWORD_RESET_THROTTLED = (
        "password_reset.throttled",
        Category.REFUSAL,
        "A reset answer was not checked: too many tries for the username or from the address.",
    )
    PASSWORD_RESET_NO_ACCOUNT = (
        "password_reset.no_account",
        Category.REFUSAL,
        "A reset was answered for a username with no active account; nothing was sent.",
    )
    PASSWORD_RESET_NOT_IDENTIFIED = (
        "password_reset.not_identified",
        Category.REFUSAL,
        "A reset's extra fact (e-mail, account number, date of birth) was wrong; nothing was sent.",
    )
    PASSWORD_RESET_ANSWER_WRONG = (
        "password_reset.answer_wrong",
        Category.REFUSAL,
        "A reset's security answer was wrong; the account holder was told by e-mail.",
    )
    PASSWORD_RESET_LINK_SENT = (
        "password_reset.link_sent",
        Category.MAIL,
        "A single-use password reset link was e-mailed to the account's address.",
    )
    PASSWORD_RESET = (
        "password.reset",
        Category.IDENTITY_CHANGE,
        "A password was set through a reset link; other sign-ons and open links ended.",
    )
    USERNAME_REMINDER_SENT = (
        "username_reminder.sent",
        Category.MAIL,
        "The usernames of an e-mail address's accounts were e-mailed to it.",
    )

    # --- Links between PACER and CM/ECF accounts -------------------------------------------------------------
    LINK_ATTEMPTED = "link.attempted", Category.REQUEST, "A filer entered a CM/ECF login to link at a court."
    LINK_VERIFIED = (
        "link.verified",
        Category.REQUEST,
        "The CM/ECF login and password were right; the link awaits the filer's confirmation.",
    )
    LINK_CONFIRMED = "link.confirmed", Category.ACCESS_CHANGE, "A PACER account was linked to a court's CM/ECF account."
    LINK_REFUSED = "link.refused", Category.REFUSAL, "A link was refused; the detail says why."
    LINK_REMOVAL_PROPOSED = (
        "link.removal_proposed",
        Category.REQUEST,
        "A clerk proposed removing a link; another clerk decides.",
    )
    LINK_REMOVED = "link.removed", Category.ACCESS_CHANGE, "A second clerk approved a link's removal: it is gone."
    LINK_REMOVAL_REJECTED = (
        "link.removal_rejected",
        Category.REQUEST,
        "A second clerk rejected a proposed link removal; the link stays.",
    )

    # --- CM/ECF accounts at a court ---------------------------------------------------------------------------
    ECF_LOGIN_SUCCEEDED = "ecf_login.succeeded", Category.SIGN_IN, "A filer signed in with the court's old login."
    ECF_LOGIN_FAILED = (
        "ecf_login.failed",
        Category.REFUSAL,
        "A sign-in with a court's old login failed: wrong login or password, inactive, court on NextGen, throttled.",
    )
    ECF_ACCOUNT_CREATED = (
        "ecf_account.created",
        Category.ACCESS_CHANGE,
        "A CM/ECF account was created at a court (desk, import, e-file registration or command).",
    )
    ECF_ACCOUNT_DEACTIVATED = "ecf_account.deactivated", Category.ACCESS_CHANGE, "A clerk deactivated a CM/ECF account."
    ECF_ACCOUNT_REACTIVATED = "ecf_account.reactivated", Category.ACCESS_CHANGE, "A clerk reactivated a CM/ECF account."
    ECF_ACCOUNT_LOGIN_DISCLOSED = (
        "ecf_account.login_disclosed",
        Category.DISCLOSURE,
        "A clerk revealed a CM/ECF login to a caller after recording the identity check made.",
    )
    ECF_ACCOUNTS_IMPORTED = (
        "ecf_accounts.imported",
        Category.ACCESS_CHANGE,
        "A clerk imported a court's CM/ECF accounts from a CSV file (the counts in the detail).",
    )
    ECF_PASSWORD_RESET_REQUESTED = (
        "ecf_password.reset_requested",
        Category.REQUEST,
        "Someone asked for a CM/ECF password reset at a court; the detail says what followed.",
    )
    ECF_PASSWORD_RESET_SENT = (
        "ecf_password.reset_sent",
        Category.MAIL,
        "A clerk sent a CM/ECF password reset link to the account's address.",
    )
    ECF_PASSWORD_RESET_COMPLETED = (
        "ecf_password.reset_completed",
        Category.IDENTITY_CHANGE,
        "A CM/ECF password was set through a reset link.",
    )
    EFILE_REGISTRATION_REQUESTED = (
        "efile_registration.requested",
        Category.REQUEST,
        "A PACER account asked for e-filing rights at a court.",
    )
    EFILE_REGISTRATION_APPROVED = (
        "efile_registration.approved",
        Category.ACCESS_CHANGE,
        "A clerk approved an e-file registration: a linked CM/ECF account now files.",
    )
    EFILE_REGISTRATION_DENIED = (
        "efile_registration.denied",
        Category.REQUEST,
        "A clerk denied an e-file registration, with a reason for the filer.",
    )
    CLERK_MEMBERSHIP_GRANTED = (
        "clerk.membership_granted",
        Category.ACCESS_CHANGE,
        "A PACER account became a clerk of a court (an operator's command or the demo loader).",
    )
    CLERK_MEMBERSHIP_REVOKED = (
        "clerk.membership_revoked",
        Category.ACCESS_CHANGE,
        "A PACER account stopped being a clerk of a court (an operator's command).",
    )

    # --- Filing agents: an attorney's non-attorney filers (Utilities -> Maintain Your ECF Account) ------------
    FILING_AGENT_ADDED = (
        "filing_agent.added",
        Category.ACCESS_CHANGE,
        "An attorney made a non-attorney filer of the court their filing agent, who may now file on their behalf.",
    )
    FILING_AGENT_REMOVED = (
        "filing_agent.removed",
        Category.ACCESS_CHANGE,
        "An attorney removed a filing agent, who may no longer file on their behalf.",
    )
    FILING_AGENT_REFUSED = (
        "filing_agent.refused",
        Category.REFUSAL,
        "An attorney's attempt to add or remove a filing agent was refused; the detail says why.",
    )

    # --- Courts --------------------------------------------------------------------------------------------------
    COURT_NEXTGEN_DATE_SET = (
        "court.nextgen_date_set",
        Category.COURT_SETTING,
        "A court's NextGen go-live date was set or cleared.",
    )
    COURT_LINK_ITEM_MOVED = (
        "court.link_item_moved",
        Category.COURT_SETTING,
        "A court's link item moved between Utilities and the NextGen Release 1.1 menu.",
    )
    COURT_PROFILE_CHANGED = (
        "court.profile_changed",
        Category.COURT_SETTING,
        "A court's profile changed: its login and landing pages, its Utilities layout.",
    )
    COURT_CONTACTS_CHANGED = (
        "court.contacts_changed",
        Category.COURT_SETTING,
        "A clerk changed a court's help contacts.",
    )
    COURT_GO_LIVE_ANNOUNCED = (
        "court.go_live_announced",
        Category.MAIL,
        "A court's go-live date was announced by e-mail to its active CM/ECF accounts.",
    )
    COURT_GO_LIVE_REMINDED = (
        "court.go_live_reminded",
        Category.MAIL,
        "A go-live reminder was e-mailed to a court's active CM/ECF accounts not yet linked.",
    )

    # --- Operations ----------------------------------------------------------------------------------------------
    BENCH_ACCOUNTS_LOADED = (
        "bench.accounts_loaded",
        Category.OPERATION,
        "The benchmark loader created its PACER and CM/ECF accounts (the counts in the detail).",
    )
    RECORDS_PURGED = (
        "records.purged",
        Category.OPERATION,
        "purge_expired deleted a batch of expired sessions, ended tokens or stale throttle records (counts in detail).",
    )
    JUDGE_ADDED = "judge.added", Category.CASE_RECORD, "A judge was added to a court's list of judges."
    CASE_OPENED = (
        "case.opened",
        Category.CASE_RECORD,
        "A case was opened and given its number (by a filing or by add_case).",
    )
    CASE_PARTY_ADDED = "case.party_added", Category.CASE_RECORD, "A party was added to a case, with its role."
    CASE_ATTORNEY_ADDED = (
        "case.attorney_added",
        Category.CASE_RECORD,
        "A CM/ECF account became an attorney of record for a party in a case.",
    )
    CASE_ATTORNEY_TERMINATED = (
        "case.attorney_terminated",
        Category.CASE_RECORD,
        "An attorney of record's appearance for a party ended (the termination date).",
    )
    DOCKET_ENTRY_FILED = (
        "docket_entry.filed",
        Category.CASE_RECORD,
        "A docket entry was filed in a case with its documents (number, documents and their SHA-256 in the detail).",
    )
    CLAIM_FILED = (
        "claim.filed",
        Category.CASE_RECORD,
        "A proof of claim was entered on a bankruptcy case's claims register (number, creditor, amounts).",
    )
    # --- Noticing: the Notice of Electronic Filing, its free looks, daily summaries (openecf.noticing) ----------
    NEF_QUEUED = (
        "nef.queued",
        Category.MAIL,
        "A docket entry's Notice of Electronic Filing was queued, one message per recipient (who, in the detail).",
    )
    FREE_LOOK_USED = (
        "nef.free_look_used",
        Category.DISCLOSURE,
        "A recipient's NEF free-look link served its document (once; the link is spent).",
    )
    FREE_LOOK_REFUSED = (
        "nef.free_look_refused",
        Category.REFUSAL,
        "A free-look link was refused: used already, expired, or not a valid link for that document.",
    )
    DAILY_SUMMARY_QUEUED = (
        "nef.daily_summary_queued",
        Category.MAIL,
        "A filer's daily summary of the day's filings in their cases was queued (once per filer per day).",
    )
    NOTICE_PREFERENCES_CHANGED = (
        "notice_preferences.changed",
        Category.ACCOUNT_SETTING,
        "A CM/ECF account's e-mail notice preference (each filing or daily summary) or secondary addresses changed.",
    )
    FILING_STARTED = (
        "filing.started",
        Category.REQUEST,
        "A filer chose events under a filing menu and a filing transaction began (its events in the detail).",
    )
    FILING_SUBMITTED = (
        "filing.submitted",
        Category.CASE_RECORD,
        "A filing transaction's final step was submitted: its entry docketed and its NEF queued.",
    )
    FILING_ABANDONED = "filing.abandoned", Category.REQUEST, "A filer abandoned a filing transaction; nothing was kept."
    FILING_EXPIRED = (
        "filing.expired",
        Category.REQUEST,
        "A filing transaction passed the court's time limit before its submission; nothing was kept.",
    )
    FILING_OUT_OF_ORDER = (
        "filing.out_of_order",
        Category.REFUSAL,
        "A filing step was requested out of order, or for a transaction that is over; nothing was changed.",
    )
    FILING_DOCUMENT_REFUSED = (
        "filing.document_refused",
        Category.REFUSAL,
        "A PDF uploaded for filing failed the court's checks (what was found in the detail); nothing was stored.",
    )
    FILINGS_CLEANED = (
        "filings.cleaned",
        Category.OPERATION,
        "cleanup_filings removed timed-out filing transactions, their pending files and orphaned document files.",
    )

    # --- PACER fees (openecf.billing) ----------------------------------------------------------------------------
    FEE_CHARGED = (
        "fee.charged",
        Category.BILLING,
        "A page or search went on an account's ledger (pages, cost in cents and any waiver in the detail).",
    )
    FEE_EXEMPTION_REQUESTED = (
        "fee.exemption_requested",
        Category.BILLING,
        "A user asked a court for a fee exemption (Utilities -> Change PACER Exemption Status).",
    )
    FEE_EXEMPTION_SET = (
        "fee.exemption_set",
        Category.BILLING,
        "A clerk set a fee exemption for an account at the court, for a period.",
    )


class UnknownEvent(ValueError):
    """A name that is not in the registry was about to be written."""


_BY_NAME: dict[str, Event] = {event.value: event for event in Event}


def known(name: str) -> Event:
    """The registry's member for ``name``; UnknownEvent if there is none (nothing is written under an unknown name)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UnknownEvent(
            f"{name!r} is not an audit event: add it to Event in openecf/audit/events.py with its category and "
            "meaning, then regenerate docs/audit-events.md."
        ) from None


def in_categories(*categories: Category) -> list[Event]:
    """The events of these categories, in the registry's order."""
    return [event for event in Event if event.category in categories]
