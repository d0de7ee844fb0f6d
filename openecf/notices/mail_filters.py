"""Filters every mail template has without loading them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django import template

register = template.Library()


@register.filter
def strftime(value: datetime, pattern: str) -> str:
    """Python's strftime, so a time reads in an e-mail exactly as it was written (e.g. "%m/%d/%Y %I:%M %p %Z")."""
    return value.strftime(pattern)


@register.filter
def in_zone(value: datetime, zone: ZoneInfo) -> datetime:
    """The moment on the clock of ``zone`` (a court's)."""
    return value.astimezone(zone)
