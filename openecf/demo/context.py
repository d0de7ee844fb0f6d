"""What the demo adds to pages: the court list names the demo accounts and their password.

A template context processor that only config/settings/demo.py installs, so the production settings never list it
and no production app imports the demo."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from openecf.demo import data


def demo_accounts(request: HttpRequest) -> dict[str, Any]:
    """On the court list (signon:index), with debug on: ``demo``, the accounts to try and where their mail goes."""
    match = request.resolver_match
    if not settings.DEBUG or match is None or match.view_name != "signon:index":
        return {}
    return {
        "demo": {
            "password": data.PACER_PASSWORD,
            "accounts": data.PACER_ACCOUNTS,
            "mail": settings.OPENECF_DEMO_MAILDIR,
        }
    }
