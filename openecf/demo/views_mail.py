"""/demo/mail/: the demo's local inbox, so a person trying the demo can follow the links e-mails carry.

Mounted only when OPENECF_DEMO_MAILDIR is set in a DEBUG (demo) configuration; production settings force it
empty (see config/urls.py). The views check again, so a mistaken mount still shows nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from openecf.demo import mail


def _demo_only() -> None:
    if not (settings.DEBUG and settings.OPENECF_DEMO_MAILDIR):
        raise Http404("No demo mail here")


def inbox(request: HttpRequest) -> HttpResponse:
    _demo_only()
    return render(request, "demo/mail_inbox.html", {"mails": mail.inbox()})


def message(request: HttpRequest, key: str) -> HttpResponse:
    _demo_only()
    found = mail.message(key)
    if found is None:
        raise Http404("No such message")
    return render(request, "demo/mail_message.html", {"mail": found})
