"""Each court's profile: how its login page, its Utilities page and its CM/ECF landing page look.

The courts of the seeds (shared/seeds) are exactly as their guides show them; every other court gets the defaults
below. The profile lives in the Court row (one read serves every court page); a clerk of the court changes it on
the desk, an operator with ``set_court_profile``; both are audited (courts.services.set_court_profile).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models


class LoginStyle(models.TextChoices):
    NEXTGEN = "nextgen", "Court-branded NextGen login (e.g. “Wisconsin Western District Court Login”)"
    PACER = "pacer", "PACER LOGIN (title “PACER LOGIN”, the cookie notice, a “Login” box)"


class LoginButtons(models.TextChoices):
    LOGIN_CLEAR_CANCEL = "login_clear_cancel", "Login / Clear / Cancel"
    LOGIN_CLEAR = "login_clear", "Login / Clear"


BUTTON_LABELS = {
    LoginButtons.LOGIN_CLEAR_CANCEL: ("Login", "Clear", "Cancel"),
    LoginButtons.LOGIN_CLEAR: ("Login", "Clear"),
}

# The login pages' links, by style, in the order each shows them (seed 001 / 002; seeds 003 / 004).
LOGIN_LINKS = {
    LoginStyle.NEXTGEN: (
        ("forgot_password", "Forgot password?"),
        ("forgot_username", "Forgot username?"),
        ("register", "Need an account?"),
    ),
    LoginStyle.PACER: (
        ("register", "Need an Account?"),
        ("forgot_password", "Forgot Your Password?"),
        ("forgot_username", "Forgot User Name?"),
    ),
}

# The notices, verbatim. Seed 002 (NextGen login): "website"; seeds 003 and 004 (PACER LOGIN): "web site";
# seed 001 (wiwd): the long one, without "NOTICE:".
NOTICE_WEBSITE = (
    "NOTICE: This is a restricted government website for official PACER use only. Unauthorized entry is prohibited "
    "and subject to prosecution under Title 18 of the U.S. Code. All activities and access attempts are logged."
)
NOTICE_WEB_SITE = NOTICE_WEBSITE.replace("government website", "government web site")
NOTICE_WIWD = (
    "This is a restricted government website for official PACER use only. All activities of PACER subscribers or "
    "users of this system for any purpose, and all access attempts, may be recorded and monitored by persons "
    "authorized by the federal judiciary for improper use, protection of system security, performance of "
    "maintenance and for appropriate management by the judiciary of its systems. By subscribing to PACER, users "
    "expressly consent to system monitoring and to official access to data reviewed and created by them on the "
    "system. If evidence of unlawful activity is discovered, including unauthorized access attempts, it may be "
    "reported to law enforcement officials."
)
# Shown on the PACER LOGIN page only (seeds 003 and 004).
COOKIE_NOTICE = (
    "Your browser must be set to accept cookies in order to log in to this site. If your browser is set to accept "
    "cookies and you are experiencing problems with the login, delete the stored cookie file in your PC. Close and "
    "reopen your browser before trying again."
)

# The entry on the court's CM/ECF site that leads to its login: seed 003 (generic) and seed 004 (alnd).
ENTRY_GENERIC = "Document Filing System"
ENTRY_ALND = "CM/ECF – Document Filing System"


class Audience(models.TextChoices):
    EVERYONE = "everyone", "everyone signed in"
    FILER = "filer", "only after linking (a CM/ECF account)"


# Every item a Utilities page may show: key -> (label, who sees it). "link" is the court's link item
# (Court.link_item_label); it shows in Utilities only when the court puts it there (Court.link_item_location).
UTILITY_ITEMS: dict[str, tuple[str, str]] = {
    "pacer_account": ("Your PACER Account...", Audience.EVERYONE),
    "maintain_ecf_account": ("Maintain Your ECF Account", Audience.FILER),
    "link": ("(the court's link item)", Audience.EVERYONE),
    "client_code": ("Change Client Code", Audience.EVERYONE),
    "exemption_status": ("Change PACER Exemption Status", Audience.EVERYONE),
    "citation_preferences": ("Citation Display Preferences", Audience.EVERYONE),
    "billing_history": ("Review Billing History", Audience.EVERYONE),
    "transaction_log": ("View Your Transaction Log", Audience.FILER),
    "mailings": ("Mailings...", Audience.EVERYONE),
    "court_information": ("Court Information", Audience.EVERYONE),
    "verify_document": ("Verify a Document", Audience.EVERYONE),
    "check_pdf": ("Check PDF Document", Audience.EVERYONE),
    "judgment_index": ("Judgment Index", Audience.EVERYONE),
    "efincert": ("eFinCert", Audience.EVERYONE),
    "release_5_0": ("Release 5.0 Menu Items", Audience.EVERYONE),
    "nextgen_release_1_1": ("NextGen Release 1.1 Menu Items", Audience.EVERYONE),
    # Courts of appeals only: the page that holds their link item ("Link my filer account to my PACER account").
    "update_my_account": ("Update My Account", Audience.EVERYONE),
}

Layout = list[dict[str, Any]]  # [{"title": "Your Account", "items": ["pacer_account", "link", ...]}, ...]

DEFAULT_LAYOUT: Layout = [
    {
        "title": "Your Account",
        "items": [
            "pacer_account",
            "maintain_ecf_account",
            "link",
            "client_code",
            "exemption_status",
            "billing_history",
            "transaction_log",
        ],
    },
    {"title": "Miscellaneous", "items": ["mailings", "court_information", "verify_document", "check_pdf"]},
    {"title": "Release Menu Items", "items": ["nextgen_release_1_1"]},
]

# Seed 001, step 4 (what a PACER-only user sees), with the filer's own item after linking.
WIWD_LAYOUT: Layout = [
    {"title": "Your Account", "items": ["pacer_account", "maintain_ecf_account", "link"]},
    {"title": "Miscellaneous", "items": ["mailings", "court_information"]},
    {"title": "Release 3.2 Menu Items", "items": ["judgment_index"]},
    {"title": "Miscellaneous", "items": ["efincert"]},
    {"title": "Release Menu Items", "items": ["release_5_0", "nextgen_release_1_1"]},
]

# Seed 004, step 5, with the filer's items after linking.
ALND_LAYOUT: Layout = [
    {
        "title": "Your Account",
        "items": [
            "maintain_ecf_account",
            "client_code",
            "exemption_status",
            "link",
            "citation_preferences",
            "billing_history",
            "transaction_log",
        ],
    },
    {"title": "Miscellaneous", "items": ["mailings", "court_information"]},
]

# Appellate NextGen: Utilities -> Update My Account, where the link item lives.
APPELLATE_LAYOUT: Layout = [{"title": "Utilities", "items": ["update_my_account"]}]

PROFILE_FIELDS = (
    "login_style",
    "login_notice",
    "login_buttons",
    "login_required_note",
    "client_code_required",
    "landing_entry",
    "utilities_layout",
)

DEFAULT_PROFILE: dict[str, Any] = {
    "login_style": LoginStyle.NEXTGEN,
    "login_notice": NOTICE_WEBSITE,
    "login_buttons": LoginButtons.LOGIN_CLEAR_CANCEL,
    "login_required_note": "Required Information",
    "client_code_required": False,
    "landing_entry": ENTRY_GENERIC,
    "utilities_layout": DEFAULT_LAYOUT,
}

# The courts of the seeds, as their guides show them. Seed 003 names no court: the README walks it at gud.
SEED_PROFILES: dict[str, dict[str, Any]] = {
    "wiwd": {"login_notice": NOTICE_WIWD, "utilities_layout": WIWD_LAYOUT},  # seed 001
    "wiwb": {  # seed 002
        "login_buttons": LoginButtons.LOGIN_CLEAR,
        "login_required_note": "Required information",
    },
    "gud": {"login_style": LoginStyle.PACER, "login_notice": NOTICE_WEB_SITE},  # seed 003
    "alnd": {  # seed 004
        "login_style": LoginStyle.PACER,
        "login_notice": NOTICE_WEB_SITE,
        "client_code_required": True,
        "landing_entry": ENTRY_ALND,
        "utilities_layout": ALND_LAYOUT,
    },
}


def profile_for(court_id: str, court_type: str = "") -> dict[str, Any]:
    """The shipped profile of a court: the defaults (a court of appeals: its own Utilities), with the seed's own
    where the court has a seed."""
    profile = {**DEFAULT_PROFILE, **SEED_PROFILES.get(court_id, {})}
    if court_type == "appellate":
        profile["utilities_layout"] = APPELLATE_LAYOUT
    profile["utilities_layout"] = [
        {"title": s["title"], "items": list(s["items"])} for s in profile["utilities_layout"]
    ]
    return profile


def default_layout() -> Layout:
    return profile_for("")["utilities_layout"]


def clean_layout(layout: Any, *, appellate: bool | None = None) -> Layout:
    """A Utilities layout as stored: a list of sections, each a title and known item keys, each once. A court of
    appeals (appellate=True) places Update My Account, which holds its link item; any other court (False) places
    the link item itself; None (the model's own check, which knows no court) accepts either."""
    if not isinstance(layout, list) or not layout:
        raise ValidationError("The Utilities layout must be a list of sections.")
    cleaned: Layout = []
    keys: list[str] = []
    for number, section in enumerate(layout, 1):
        if not isinstance(section, dict) or set(section) != {"title", "items"}:
            raise ValidationError(f"Section {number} must have exactly a title and items.")
        title, items = section["title"], section["items"]
        if not isinstance(title, str) or not title.strip() or len(title) > 100:
            raise ValidationError(f"Section {number} needs a title of up to 100 characters.")
        if not isinstance(items, list) or not items or not all(isinstance(item, str) for item in items):
            raise ValidationError(f"Section {number} ({title}) needs a list of items.")
        unknown = [item for item in items if item not in UTILITY_ITEMS]
        if unknown:
            raise ValidationError(
                f"Section {number} ({title}): unknown item(s) {', '.join(unknown)}; known: {', '.join(UTILITY_ITEMS)}."
            )
        keys += items
        cleaned.append({"title": title.strip(), "items": list(items)})
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ValidationError(f"Each item appears once; repeated: {', '.join(repeated)}.")
    if appellate is None and "link" not in keys and "update_my_account" not in keys:
        raise ValidationError("The layout must place the link item (link) or Update My Account (update_my_account).")
    if appellate is False:
        if "link" not in keys:
            raise ValidationError("The layout must place the link item (link).")
        if "update_my_account" in keys:
            raise ValidationError("Only a court of appeals has Update My Account (update_my_account).")
    if appellate and "update_my_account" not in keys:
        raise ValidationError(
            "A court of appeals keeps its link item under Update My Account: place update_my_account "
            "(and not link, which lives there)."
        )
    if appellate and "link" in keys:
        raise ValidationError("At a court of appeals the link item lives under Update My Account: remove link.")
    return cleaned


def layout_text(layout: Layout) -> str:
    """The layout as a clerk edits it: one section a line, "Title: item, item"."""
    return "\n".join(f"{section['title']}: {', '.join(section['items'])}" for section in layout)


def parse_layout_text(text: str, *, appellate: bool | None = None) -> Layout:
    sections: Layout = []
    for number, line in enumerate((line for line in text.splitlines() if line.strip()), 1):
        title, colon, items = line.rpartition(":")
        if not colon:
            raise ValidationError(f"Line {number} must read “Section title: item, item”.")
        sections.append({"title": title.strip(), "items": [item.strip() for item in items.split(",") if item.strip()]})
    return clean_layout(sections, appellate=appellate)
