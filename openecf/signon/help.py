"""Help pages for the links PACER shows: each says where to go online and how to get help, never a 404."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelpTopic:
    title: str
    paragraphs: list[str]
    action: tuple[str, str] | None = None  # (label, URL name) of the page that does it online


PACER_SERVICE_CENTER = (
    "The PACER Service Center answers questions about PACER accounts Monday through Friday, "
    "8 a.m. to 6 p.m. Central Time: (800) 676-6856, pacer@psc.uscourts.gov."
)

TOPICS: dict[str, HelpTopic] = {
    "forgot-password": HelpTopic(
        "Forgot password?",
        [
            "Enter your username and your e-mail address, account number or date of birth, answer one of your "
            "security questions, and we e-mail you a link to choose a new password. The link works once, for "
            "one hour.",
            "If you cannot receive e-mail at your address any more: " + PACER_SERVICE_CENTER,
        ],
        ("Reset your password", "accounts:forgot_password"),
    ),
    "forgot-username": HelpTopic(
        "Forgot username?",
        [
            "Enter your e-mail address and we send the usernames registered to it to that address.",
            PACER_SERVICE_CENTER,
        ],
        ("Get your username", "accounts:forgot_username"),
    ),
    "need-account": HelpTopic(
        "Need an account?",
        [
            "To e-file you need an individual PACER account (not a shared firm account). Register online; "
            "your account works once you have opened the link we e-mail to you.",
            PACER_SERVICE_CENTER,
        ],
        ("Register for a PACER account", "accounts:register"),
    ),
    "upgrade": HelpTopic(
        "Upgrading Your PACER Account",
        [
            "PACER accounts created before August 11, 2014 are legacy accounts. A legacy account can search "
            "PACER, but it must be upgraded before it can be linked to a CM/ECF account or used to e-file.",
            "Upgrading collects your date of birth and user type, your address and county, a new username of at "
            "least 8 characters, a new password and security questions. Log in with your legacy account and "
            "you are led through it; your old username stops working once you have upgraded.",
            PACER_SERVICE_CENTER,
        ],
        ("Upgrade your PACER account", "accounts:upgrade"),
    ),
    "ecf-password": HelpTopic(
        "Forgot your CM/ECF password?",
        [
            "Your CM/ECF login and password were issued by the court, not by PACER. If you do not know the "
            "password, you must contact the court to have the password reset.",
            "Before your CM/ECF account is linked, use Forgot your password? on the court's link page: a link to "
            "choose a new password goes to the e-mail address the court has on file. After linking, the old "
            "password is retired and you sign in with your PACER account.",
        ],
    ),
    "ecf-login": HelpTopic(
        "Forgot your CM/ECF login or password?",
        [
            "If you need help retrieving your CM/ECF login, contact the clerk's office of the court. "
            "The login is typically your first initial, middle initial and last name (for example, cjsmith).",
        ],
    ),
    "upgraded-account": HelpTopic(
        "More about Upgraded PACER account",
        [
            "NextGen CM/ECF uses your PACER account for both PACER and e-filing (Central Sign-On). Only an "
            "upgraded, individual PACER account can be linked to your CM/ECF account.",
            "Linking is a one-time process for each court, possible once the court is live on NextGen CM/ECF. "
            "A link is permanent: there is no way for a user to undo it or move it to a different account.",
        ],
    ),
}
