"""The CM/ECF menus and the Utilities page, in the seeds' own words.

Items OpenECF has not built yet lead to a page that says so (never to a 404).

Every court page shows the menu bar with its drop-downs: some fifty reversed URLs. They depend only on the court's
menu settings and the URL layout in force (path, or which court's host), so they are built once per process for
each such key and shared (hence tuples, never mutated); a clerk's change to the court's link item changes the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.text import slugify

from openecf.courts.models import Court, CourtType, LinkItemLocation
from openecf.signon.hosts import current_court_host


@dataclass(frozen=True)
class Entry:
    label: str
    url: str


@dataclass(frozen=True)
class Section:
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class MenuKey:
    """What a court's menus are made of: its menu settings and where its pages are (the URL layout in force)."""

    court_id: str
    court_type: str
    link_item_location: str
    link_item_label: str
    urlconf: str
    script_prefix: str
    # The court whose own host serves the request ("" on the sign-on host or without OPENECF_COURT_DOMAIN): on
    # ecf.wiwd.<domain> wiwd's pages are at the root, on ecf.ilnd.<domain> the same pages are under /ecf/wiwd/.
    host_court: str

    @classmethod
    def of(cls, court: Court) -> MenuKey:
        urlconf = get_urlconf()
        return cls(
            court.pk,
            court.type,
            court.link_item_location,
            court.link_item_label,
            str(urlconf or ""),
            get_script_prefix(),
            current_court_host.get(),
        )


def unavailable(court: MenuKey, label: str) -> Entry:
    return Entry(label, reverse("cmecf:unavailable", args=[court.court_id, slugify(label)]))


def _link_entry(court: MenuKey) -> Entry:
    return Entry(court.link_item_label, reverse("cmecf:link", args=[court.court_id]))


def utilities_sections(court: Court) -> tuple[Section, ...]:
    return _utilities_sections(MenuKey.of(court))


@lru_cache(maxsize=4096)
def _utilities_sections(court: MenuKey) -> tuple[Section, ...]:
    your_account = [
        Entry("Your PACER Account...", reverse("accounts:manage")),  # Manage My Account
        unavailable(court, "Maintain Your ECF Account"),
    ]
    if court.link_item_location == LinkItemLocation.UTILITIES:
        your_account.append(_link_entry(court))
    your_account += [
        Entry("Change Client Code", reverse("cmecf:client_code", args=[court.court_id])),
        unavailable(court, "Change PACER Exemption Status"),
        unavailable(court, "Citation Display Preferences"),
        unavailable(court, "Review Billing History"),
        unavailable(court, "View Your Transaction Log"),
    ]
    return (
        Section("Your Account", tuple(your_account)),
        Section(
            "Miscellaneous",
            (
                unavailable(court, "Mailings..."),
                Entry("Court Information", reverse("signon:court", args=[court.court_id])),
                unavailable(court, "Verify a Document"),
                unavailable(court, "Check PDF Document"),
            ),
        ),
        Section("Release 3.2 Menu Items", (unavailable(court, "Judgment Index"),)),
        Section("Miscellaneous", (unavailable(court, "eFinCert"),)),
        Section(
            "Release Menu Items",
            (
                unavailable(court, "Release 5.0 Menu Items"),
                Entry("NextGen Release 1.1 Menu Items", reverse("cmecf:nextgen_menu", args=[court.court_id])),
            ),
        ),
    )


def nextgen_release_sections(court: Court) -> tuple[Section, ...]:
    key = MenuKey.of(court)
    entries = []
    if court.link_item_location == LinkItemLocation.NEXTGEN_MENU:
        entries.append(_link_entry(key))
    entries.append(unavailable(key, "E-Mail Notification Preferences"))
    return (Section("NextGen Release 1.1 Menu Items", tuple(entries)),)


_MENUS: dict[str, list[str]] = {
    "query": ["Case Number or Party Name Search", "Attorney Search", "Alias Search"],
    "reports": [
        "Docket Sheet",
        "Civil Cases",
        "Criminal Cases",
        "Calendar Events",
        "Written Opinions",
        "Docket Activity",
    ],
    "civil": [
        "Open a Civil Case",
        "Complaints and Other Initiating Documents",
        "Answers to Complaints",
        "Motions and Related Filings",
        "Other Filings",
    ],
    "criminal": ["Indictments and Informations", "Motions and Related Filings", "Notices", "Other Filings"],
    "bankruptcy": ["Open a Bankruptcy Case", "Motions/Applications", "Claim Actions", "Plan", "Other"],
    "adversary": ["Open an Adversary Case", "Answer/Response", "Motions/Applications", "Other"],
    "filings": ["File a Document", "Open a New Case"],
    "search": ["Search for a menu item"],
    "help": ["CM/ECF User Manual", "Court Information", "PACER Help"],
}

MENU_TITLES = {slug: slug.title() for slug in _MENUS}
FILING_MENUS = {"civil", "criminal", "bankruptcy", "adversary", "filings"}


def menu_sections(court: Court, slug: str) -> tuple[Section, ...]:
    return _menu_sections(MenuKey.of(court), slug)


@lru_cache(maxsize=4096)
def _menu_sections(court: MenuKey, slug: str) -> tuple[Section, ...]:
    labels = list(_MENUS[slug])
    if slug == "reports" and court.court_type == CourtType.BANKRUPTCY:
        labels = ["Docket Sheet", "Claims Register", "Calendar Events", "Written Opinions", "Docket Activity"]
    return (Section(MENU_TITLES[slug], tuple(unavailable(court, label) for label in labels)),)


def is_menu(slug: str) -> bool:
    return slug in _MENUS


# The menus CM/ECF shows with a drop-down arrow (the seeds' "Bankruptcy ▾ Adversary ▾ Query Reports ▾ Utilities ▾");
# Query, Search and Help are plain links.
DROPDOWN_MENUS = FILING_MENUS | {"reports", "utilities"}


@dataclass(frozen=True)
class BarItem:
    """One item of the menu bar: its own page (which works without JavaScript) and its drop-down entries."""

    label: str
    slug: str
    url: str
    sections: tuple[Section, ...]


@lru_cache(maxsize=4096)
def bar_for_key(court: MenuKey, items: tuple[tuple[str, str], ...]) -> tuple[BarItem, ...]:
    """The bar for the (label, slug) menus a visitor has at this court, in their order."""
    bar = []
    for label, slug in items:
        if slug == "utilities":
            url, sections = reverse("cmecf:utilities", args=[court.court_id]), _utilities_sections(court)
        else:
            url = reverse("cmecf:menu", args=[court.court_id, slug])
            sections = _menu_sections(court, slug) if is_menu(slug) else ()
        bar.append(BarItem(label, slug, url, sections if slug in DROPDOWN_MENUS else ()))
    return tuple(bar)
