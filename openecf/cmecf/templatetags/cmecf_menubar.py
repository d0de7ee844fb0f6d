"""{% menubar access %}: the CM/ECF menu bar of a court page, with its drop-down menus."""

from __future__ import annotations

from typing import Any

from django import template

from openecf.cmecf.access import CourtAccess
from openecf.cmecf.menus import menubar_items

register = template.Library()


@register.inclusion_tag("cmecf/menubar.html", takes_context=True)
def menubar(context: template.Context, access: CourtAccess) -> dict[str, Any]:
    request = context.get("request")
    items = menubar_items(access.court, [(item.label, item.slug) for item in access.menus])
    current = next((item.slug for item in items if request is not None and request.path == item.url), None)
    return {"court": access.court, "items": items, "current": current}
