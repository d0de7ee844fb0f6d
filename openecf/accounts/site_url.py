"""The site's own address, which the links in e-mails (verification, reset, e-mail change) start with."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site_url(request: HttpRequest) -> str:
    """OPENECF_SITE_URL when set; else this request's own address (its Host is checked against ALLOWED_HOSTS)."""
    return settings.OPENECF_SITE_URL or request.build_absolute_uri("/")
