"""{% menubar access %}: the CM/ECF menu bar of a court page, with its drop-down menus.

The bar's HTML is the same for every visitor with the same menus at the same court on the same page, so it is
rendered once per process for each such key (see menus.MenuKey) rather than on every request.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from openecf.cmecf.access import CourtAccess
from openecf.cmecf.menus import MenuKey, Section, bar_for_key, logout_url
from openecf.courts.models import Court

register = template.Library()


@register.simple_tag(takes_context=True)
def menubar(context: template.Context, access: CourtAccess) -> SafeString:
    request = context.get("request")
    key, menus = MenuKey.of(access.court), tuple((item.label, item.slug) for item in access.menus)
    linked = access.has_ecf_account
    bar = bar_for_key(key, menus, linked)
    current = next((item.slug for item in bar if request and request.path == item.url), None)
    return _rendered(key, menus, current, linked)


@lru_cache(maxsize=4096)
def _rendered(
    court: MenuKey, menus: tuple[tuple[str, str], ...], current: str | None, linked: bool = False
) -> SafeString:
    html = render_to_string(
        "cmecf/menubar.html",
        {
            "court_id": court.court_id,
            "items": bar_for_key(court, menus, linked),
            "current": current,
            "logout_url": logout_url(court),
        },
    )
    return mark_safe(html)  # noqa: S308 - the template escaped every value; this is its output


@register.simple_tag
def menu_sections(sections: tuple[Section, ...]) -> SafeString:
    """A menu page's sections: built once per court menu key (menus.py), so rendered once per process too."""
    return _rendered_sections(sections)


@lru_cache(maxsize=4096)
def _rendered_sections(sections: tuple[Section, ...]) -> SafeString:
    return mark_safe(render_to_string("cmecf/menu_sections.html", {"sections": sections}))  # noqa: S308 - escaped by the template


@register.simple_tag
def court_logout_url(court: Court) -> str:
    """The court's Log Out (login.pl?logout), for its pages that have no menu bar (the court login, passwords)."""
    return logout_url(MenuKey.of(court))
