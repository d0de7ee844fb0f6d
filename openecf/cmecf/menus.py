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
from openecf.courts.profiles import UTILITY_ITEMS, Audience, default_layout
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
    utilities_layout: tuple[tuple[str, tuple[str, ...]], ...] = ()  # the court's profile: (title, item keys)

    @classmethod
    def of(cls, court: Court) -> MenuKey:
        urlconf = get_urlconf()
        layout = court.utilities_layout or default_layout()
        return cls(
            court.pk,
            court.type,
            court.link_item_location,
            court.link_item_label,
            str(urlconf or ""),
            get_script_prefix(),
            current_court_host.get(),
            tuple((section["title"], tuple(section["items"])) for section in layout),
        )


def unavailable(court: MenuKey, label: str) -> Entry:
    return Entry(label, reverse("cmecf:unavailable", args=[court.court_id, slugify(label)]))


def _link_entry(court: MenuKey) -> Entry:
    return Entry(court.link_item_label, link_url(court.court_id, court.court_type))


# The link procedure's three pages: at a court of appeals in its own URL scheme (TransportRoom servlets).
LINK_SERVLETS = {"link": "LinkAccount.jsp", "link_confirm": "LinkConfirm.jsp", "link_done": "LinkDone.jsp"}


def link_url(court_id: str, court_type: str, page: str = "link") -> str:
    if court_type == CourtType.APPELLATE:
        return transport_url(court_id, LINK_SERVLETS[page])
    return reverse(f"cmecf:{page}", args=[court_id])


def utilities_sections(court: Court, *, linked: bool) -> tuple[Section, ...]:
    """The court's Utilities page (its profile's layout) as this visitor has it: before linking, what a PACER-only
    user has; after linking (or with the old court login), the filer's items too."""
    return _utilities_sections(MenuKey.of(court), linked)


def _utility_entry(court: MenuKey, key: str) -> Entry:
    label = UTILITY_ITEMS[key][0]
    if key == "link":
        return _link_entry(court)
    urls = {
        "pacer_account": lambda: reverse("accounts:manage"),  # Manage My Account
        "client_code": lambda: reverse("cmecf:client_code", args=[court.court_id]),
        "maintain_ecf_account": lambda: reverse("cmecf:maintain_account", args=[court.court_id]),
        "check_pdf": lambda: reverse("cmecf:filing_check_pdf", args=[court.court_id]),
        "court_information": lambda: reverse("cmecf:court_info", args=[court.court_id]),
        "nextgen_release_1_1": lambda: reverse("cmecf:nextgen_menu", args=[court.court_id]),
        "update_my_account": lambda: transport_url(court.court_id, "UpdateAccount.jsp"),
        # The fee pages (openecf/billing, served in this namespace by config/urls.py).
        "billing_history": lambda: reverse("cmecf:billing_history", args=[court.court_id]),
        "transaction_log": lambda: reverse("cmecf:transaction_log", args=[court.court_id]),
        "exemption_status": lambda: reverse("cmecf:exemption_status", args=[court.court_id]),
    }
    return Entry(label, urls[key]()) if key in urls else unavailable(court, label)


@lru_cache(maxsize=4096)
def _utilities_sections(court: MenuKey, linked: bool) -> tuple[Section, ...]:
    sections = []
    for title, keys in court.utilities_layout:
        shown = [
            key
            for key in keys
            if (linked or UTILITY_ITEMS[key][1] != Audience.FILER)
            and (key != "link" or court.link_item_location == LinkItemLocation.UTILITIES)
        ]
        if shown:
            sections.append(Section(title, tuple(_utility_entry(court, key) for key in shown)))
    placed = {key for _, keys in court.utilities_layout for key in keys}
    if court.link_item_location == LinkItemLocation.NEXTGEN_MENU and "nextgen_release_1_1" not in placed:
        # The link item is one level down: the way there must be on the page, whatever the layout says.
        sections.append(Section("Release Menu Items", (_utility_entry(court, "nextgen_release_1_1"),)))
    return tuple(sections)


def nextgen_release_sections(court: Court) -> tuple[Section, ...]:
    key = MenuKey.of(court)
    entries = []
    if court.link_item_location == LinkItemLocation.NEXTGEN_MENU:
        entries.append(_link_entry(key))
    # The page lives in openecf.noticing, served in this court site's namespace (config/urls.py).
    entries.append(Entry("E-Mail Notification Preferences", reverse("cmecf:email_information", args=[court.pk])))
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
    # The filing menus' categories: each leads to its events (openecf/filing, whose catalog uses these labels).
    "civil": [
        "Open a Civil Case",
        "Initial Pleadings and Service",
        "Motions and Related Filings",
        "Responses and Replies",
        "Notices",
        "Other Filings",
    ],
    "criminal": ["Motions and Related Filings", "Responses and Replies", "Notices", "Other Filings"],
    "bankruptcy": ["Open a Bankruptcy Case", "Motions/Applications", "Plan", "Notices", "Other"],
    "adversary": ["Open an Adversary Proceeding", "Motions", "Answers", "Notices", "Other"],
    "search": ["Search for a menu item"],
    "help": ["CM/ECF User Manual", "Court Information", "PACER Help"],
}

MENU_TITLES = {slug: slug.title() for slug in _MENUS}
FILING_MENUS = {"civil", "criminal", "bankruptcy", "adversary"}


def menu_sections(court: Court, slug: str) -> tuple[Section, ...]:
    return _menu_sections(MenuKey.of(court), slug)


@lru_cache(maxsize=4096)
def _menu_sections(court: MenuKey, slug: str) -> tuple[Section, ...]:
    labels = list(_MENUS[slug])
    if slug == "reports" and court.court_type == CourtType.BANKRUPTCY:
        labels = ["Docket Sheet", "Claims Register", "Calendar Events", "Written Opinions", "Docket Activity"]
    if slug in FILING_MENUS:
        # Reversed by name: the filing pages are a layer above, composed into this namespace by config/urls.py.
        entries = tuple(
            Entry(
                label, reverse("cmecf:filing_category", args=[court.court_id, slug, slugify(label.replace("/", " "))])
            )
            for label in labels
        )
        return (Section(MENU_TITLES[slug], entries),)
    if slug == "search":
        return (Section(MENU_TITLES[slug], (Entry(labels[0], reverse("cmecf:filing_search", args=[court.court_id])),)),)
    return (Section(MENU_TITLES[slug], tuple(_built_or_unavailable(court, slug, label) for label in labels)),)


# Menu items built as pages of their own (by URL name, reversed with the court id: the pages of openecf/filing
# and openecf/reports, layers above); the rest lead to "unavailable".
_BUILT_ITEMS = {
    ("help", "Court Information"): "cmecf:court_info",
    ("query", "Case Number or Party Name Search"): "cmecf:iquery",
    ("reports", "Docket Sheet"): "cmecf:dktrpt",
    ("reports", "Civil Cases"): "cmecf:casefiled_rpt",
    ("reports", "Criminal Cases"): "cmecf:crcasefiled_rpt",
    ("reports", "Written Opinions"): "cmecf:wrtoprpt",
    ("reports", "Docket Activity"): "cmecf:dktactivityrpt",
    ("reports", "Claims Register"): "cmecf:searchclaims",
}


def _built_or_unavailable(court: MenuKey, slug: str, label: str) -> Entry:
    name = _BUILT_ITEMS.get((slug, label))
    return Entry(label, reverse(name, args=[court.court_id])) if name else unavailable(court, label)


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
def bar_for_key(court: MenuKey, items: tuple[tuple[str, str], ...], linked: bool = False) -> tuple[BarItem, ...]:
    """The bar for the (label, slug) menus a visitor has at this court, in their order; linked: whether the
    visitor has the filer's Utilities items (see utilities_sections)."""
    if court.court_type == CourtType.APPELLATE:
        return tuple(
            BarItem(
                label,
                slug,
                transport_url(court.court_id, APPELLATE_MENUS[slug]),
                _appellate_dropdown(court, slug, linked),
            )
            for label, slug in items
        )
    bar = []
    for label, slug in items:
        if slug == "utilities":
            url, sections = reverse("cmecf:utilities", args=[court.court_id]), _utilities_sections(court, linked)
        else:
            url = reverse("cmecf:menu", args=[court.court_id, slug])
            sections = _menu_sections(court, slug) if is_menu(slug) else ()
        bar.append(BarItem(label, slug, url, sections if slug in DROPDOWN_MENUS else ()))
    return tuple(bar)


# --- Appellate NextGen: its own menus and URLs (n/beam/servlet/TransportRoom?servlet=...) --------------------------

# Servlet -> page title. The PACER view (Case Search, Calendar, Opinions, Orders/Judgments, Utilities), the filer's
# Filing -> File a Document, and Utilities -> Update My Account, where the link item lives.
APPELLATE_PAGES: dict[str, str] = {
    "CaseSearch.jsp": "Case Search",
    "CalendarPacer.jsp": "Calendar",
    "OpinionsReport.jsp": "Opinions",
    "OrdersJudgmentsReport.jsp": "Orders/Judgments",
    "Filing.jsp": "Filing",
    "FileDocument.jsp": "File a Document",
    "Utilities.jsp": "Utilities",
    "UpdateAccount.jsp": "Update My Account",
}
APPELLATE_FILING_PAGES = {"Filing.jsp", "FileDocument.jsp"}
APPELLATE_LOGOUT = "Logout"
# Menu bar slug -> servlet, in the bar's order (access._menus decides who has which).
APPELLATE_MENUS = {
    "filing": "Filing.jsp",
    "case-search": "CaseSearch.jsp",
    "calendar": "CalendarPacer.jsp",
    "opinions": "OpinionsReport.jsp",
    "orders-judgments": "OrdersJudgmentsReport.jsp",
    "utilities": "Utilities.jsp",
}


def transport_url(court_id: str, servlet: str) -> str:
    return f"{reverse('cmecf:transport_room', args=[court_id])}?servlet={servlet}"


def logout_url(court: MenuKey) -> str:
    """Log Out: appellate NextGen's own servlet; elsewhere CM/ECF's login.pl?logout (what clients look for)."""
    if court.court_type == CourtType.APPELLATE:
        return transport_url(court.court_id, APPELLATE_LOGOUT)
    return f"{reverse('cmecf:login_pl', args=[court.court_id])}?logout"


def _transport_entry(court: MenuKey, servlet: str) -> Entry:
    return Entry(APPELLATE_PAGES[servlet], transport_url(court.court_id, servlet))


def _appellate_dropdown(court: MenuKey, slug: str, linked: bool) -> tuple[Section, ...]:
    if slug in ("filing", "utilities"):
        return appellate_sections_for_key(court, APPELLATE_MENUS[slug], linked)
    return ()


def appellate_sections(court: Court, servlet: str, *, linked: bool) -> tuple[Section, ...]:
    return appellate_sections_for_key(MenuKey.of(court), servlet, linked)


@lru_cache(maxsize=4096)
def appellate_sections_for_key(court: MenuKey, servlet: str, linked: bool = False) -> tuple[Section, ...]:
    """The entries of an appellate menu page; () for a page of its own (Case Search, ...). Utilities is the
    court's profile layout (by the visitor's state), Update My Account among its items."""
    if servlet == "Filing.jsp":
        return (Section("Filing", (_transport_entry(court, "FileDocument.jsp"),)),)
    if servlet == "Utilities.jsp":
        sections = []
        for title, keys in court.utilities_layout:
            shown = [key for key in keys if key != "link" and (linked or UTILITY_ITEMS[key][1] != Audience.FILER)]
            if shown:
                sections.append(Section(title, tuple(_utility_entry(court, key) for key in shown)))
        if not any(key == "update_my_account" for _, keys in court.utilities_layout for key in keys):
            sections.append(Section("Utilities", (_transport_entry(court, "UpdateAccount.jsp"),)))
        return tuple(sections)
    if servlet == "UpdateAccount.jsp":
        return (
            Section(
                "Update My Account",
                (
                    _link_entry(court),
                    Entry("Your PACER Account...", reverse("accounts:manage")),
                    Entry("Change Client Code", reverse("cmecf:client_code", args=[court.court_id])),
                ),
            ),
        )
    return ()
