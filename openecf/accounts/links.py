"""The address e-mailed links start with."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def link_base(request: HttpRequest) -> str:
    """OPENECF_SITE_URL when set; else this request's own address (its Host is checked against ALLOWED_HOSTS)."""
    return settings.OPENECF_SITE_URL or request.build_absolute_uri("/")
