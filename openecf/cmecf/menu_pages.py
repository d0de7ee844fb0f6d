"""A court's menu pages (Utilities, the NextGen menu, a menu bar item's own page), rendered once per process for
each distinct thing they show.

A menu page is the court's frame (its name, who is signed in, the menu bar) around a heading and the menu's
sections. The menu bar and the sections are already rendered once per key (templatetags/cmecf_menubar.py); the
frame around them, three levels of ``{% extends %}``, was a quarter of a court page's CPU (docs/performance.md).
Every value the page is made from goes into its key (``page_key``), so a visitor, a court or a layout that differs
in anything the page shows gets a page of its own, and a clerk's change to the court shows at once.

With ``OPENECF_MENU_PAGE_CHECK`` on (the test settings), every page served from the cache is rendered again and
must be the same, so a template that comes to read something the key leaves out fails the tests that show it.
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf

from openecf.cmecf.access import CourtAccess
from openecf.cmecf.menus import Section
from openecf.signon import hosts

TEMPLATE = "cmecf/menu_page.html"
# Pages differ by the visitor's name, so there are many: a page is about 5.5 KB, so at most about 11 MB a worker,
# cleared when full and refilled as pages are asked for.
_MAX = 2000
_PAGES: dict[tuple[Any, ...], str] = {}
_LOCK = threading.Lock()


def page_key(request: HttpRequest, access: CourtAccess, title: str, sections: tuple[Section, ...]) -> tuple[Any, ...]:
    """Everything a menu page's HTML is made from: the URL layout it is served under (URLs are reversed in it), the
    path (the menu bar marks the current item), the court's row (every value), who is signed in as the banner
    names them, the menus the bar shows, and the heading and sections (immutable, built per court menu key)."""
    court = access.court
    court_login = access.court_login
    return (
        str(get_urlconf() or ""),
        get_script_prefix(),
        hosts.current_court_host.get(),
        request.path,
        repr([getattr(court, field.attname) for field in court._meta.concrete_fields]),  # some are JSON lists
        access.signed_in,
        access.display_name,
        None if court_login is None else (court_login.pk, court_login.login),
        tuple((item.label, item.slug) for item in access.menus),
        access.has_ecf_account,
        title,
        sections,
    )


def _render(request: HttpRequest, context: dict[str, Any]) -> str:
    return render_to_string(TEMPLATE, context, request)


def menu_page(request: HttpRequest, access: CourtAccess, context: dict[str, Any]) -> HttpResponse:
    """The menu page for this context (its ``access``, ``title`` and ``sections`` among it), from the cache when
    the same page was rendered before in this process."""
    key = page_key(request, access, context["title"], context["sections"])
    page = _PAGES.get(key)
    if page is None:
        page = _render(request, context)
        with _LOCK:
            if len(_PAGES) >= _MAX:
                _PAGES.clear()
            _PAGES[key] = page
    elif settings.OPENECF_MENU_PAGE_CHECK:
        fresh = _render(request, context)
        if fresh != page:
            raise AssertionError(f"menu page cache: the cached page for {request.path} differs from a fresh render")
    return HttpResponse(page)
