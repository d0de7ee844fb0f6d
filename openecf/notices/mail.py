"""Every e-mail is a template: rendered here, written to the outbox here (services.enqueue), sent by the worker.

A message lives in ``openecf/templates/mail/<kind>.txt``, written as the reader gets it: a ``Subject:`` line, a
blank line, the body. Plain text, so nothing is HTML-escaped; a variable the context lacks is an error, not a gap
in someone's e-mail. A template file's final newline is dropped when it is read (fragments such as
``mail/_court_contact.txt`` are included mid-sentence) and every body ends with exactly one newline.

A few messages are HTML, as the real ones are (the Notice of Electronic Filing): ``mail/<kind>.html``, the same
``Subject:`` line, blank line and body, rendered with autoescaping ON, so a docket text or a case name cannot
inject markup; the subject line is unescaped again (it is a header, not HTML). They go out as one text/html part.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.conf import settings
from django.template import Context, Engine, Origin
from django.template.loaders import filesystem
from django.template.utils import get_app_template_dirs

from openecf.notices import services
from openecf.notices.models import ContentSubtype, OutboxMessage

SUBJECT = "Subject: "


class Mail(NamedTuple):
    subject: str
    body: str


class MailTemplateError(Exception):
    """A mail template that is not a subject line, a blank line and a body, or uses what its context lacks."""


class _Loader(filesystem.Loader):
    def get_contents(self, origin: Origin) -> str:
        return super().get_contents(origin).removesuffix("\n")


class _Missing(str):
    """Django puts ``string_if_invalid % name`` where a variable is missing: here that raises instead."""

    def __contains__(self, key: object) -> bool:
        return key == "%s"

    def __mod__(self, name: object) -> str:
        raise MailTemplateError(f"a mail template uses {name!r}, which its context does not have")


@functools.cache
def _engine(autoescape: bool = False) -> Engine:
    site: list[dict[str, Any]] = settings.TEMPLATES  # the pages' folders, so mail/ sits beside them
    dirs = [str(folder) for template in site for folder in template.get("DIRS", [])]
    dirs += [str(folder) for folder in get_app_template_dirs("templates")]
    return Engine(
        loaders=[("django.template.loaders.cached.Loader", [("openecf.notices.mail._Loader", dirs)])],
        autoescape=autoescape,
        string_if_invalid=_Missing("%s"),
        builtins=["openecf.notices.mail_filters"],
    )


def _split(text: str, name: str) -> Mail:
    head, blank, body = text.partition("\n\n")
    if not head.startswith(SUBJECT) or "\n" in head or not blank:
        raise MailTemplateError(f"{name} must start with a {SUBJECT!r} line and a blank line")
    return Mail(head.removeprefix(SUBJECT).strip(), body.rstrip("\n") + "\n")


def render(template: str, context: dict[str, Any]) -> Mail:
    """The subject and body of message ``template`` (a kind, e.g. "password.changed") with this context."""
    name = f"mail/{template}.txt"
    return _split(_engine().get_template(name).render(Context(context, autoescape=False)), name)


def render_html(template: str, context: dict[str, Any]) -> Mail:
    """The subject (plain text) and HTML body of message ``template`` (``mail/<template>.html``), escaped."""
    name = f"mail/{template}.html"
    subject, body = _split(_engine(autoescape=True).get_template(name).render(Context(context, autoescape=True)), name)
    return Mail(" ".join(html.unescape(subject).split()), body)


def send(
    *,
    kind: str,
    to: list[str],
    context: dict[str, Any],
    template: str = "",
    reference: str = "",
    from_email: str = "",
) -> OutboxMessage:
    """Render message ``template`` (by default the one named like ``kind``) and write it to the outbox. Must run
    inside the transaction of the change it announces. ``from_email``: a sender other than DEFAULT_FROM_EMAIL."""
    subject, body = render(template or kind, context)
    return services.enqueue(
        kind=kind, recipients=to, subject=subject, body=body, reference=reference, from_email=from_email
    )


def send_html(
    *, kind: str, to: list[str], context: dict[str, Any], template: str = "", reference: str = "", from_email: str = ""
) -> OutboxMessage:
    """Like send, for an HTML message (``mail/<kind>.html``): written to the outbox as one text/html part."""
    subject, body = render_html(template or kind, context)
    return services.enqueue(
        kind=kind,
        recipients=to,
        subject=subject,
        body=body,
        reference=reference,
        content_subtype=ContentSubtype.HTML,
        from_email=from_email,
    )


def send_many(*, kind: str, messages: Iterable[tuple[list[str], dict[str, Any]]], template: str = "") -> int:
    """One message per (recipients, context), written to the outbox in bulk, in the caller's transaction."""
    rendered = [(to, *render(template or kind, context)) for to, context in messages]
    return services.enqueue_many(kind=kind, messages=rendered)
