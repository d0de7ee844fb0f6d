"""The demo's inbox: what the local SMTP server (aiosmtpd's Maildir handler) received, read back for /demo/mail/."""

from __future__ import annotations

import html
import mailbox
import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

# Maildir keys look like 1764012345.M123456P789Q1.host; anything else is not looked up at all.
_KEY = re.compile(r"^[A-Za-z0-9._-]{1,200}$")


@dataclass(frozen=True)
class Mail:
    key: str
    sent: datetime | None
    sender: str
    to: str
    subject: str
    body: str


class _Text(HTMLParser):
    """An HTML message (the NEF) as text a person reads, each link's address after its text: the viewer shows
    bodies as text, never the sender's markup."""

    BREAKS = frozenset({"br", "p", "tr", "div", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BREAKS:
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append(" ")
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.parts.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(" ".join(data.replace("\xa0", " ").split()) if data.strip() else " ")

    def text(self) -> str:
        lines = ("".join(self.parts)).splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())


def readable(body: str) -> str:
    parser = _Text()
    parser.feed(body)
    parser.close()
    return html.unescape(parser.text())


def _maildir() -> mailbox.Maildir | None:
    path = Path(settings.OPENECF_DEMO_MAILDIR) if settings.OPENECF_DEMO_MAILDIR else None
    if path is None:
        return None
    for part in ("cur", "new", "tmp"):  # an empty folder is an empty Maildir
        (path / part).mkdir(parents=True, exist_ok=True)
    return mailbox.Maildir(path, factory=None, create=False)


def _read(key: str, raw: bytes) -> Mail:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    try:
        sent: datetime | None = parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError):
        sent = None
    part = message.get_body(preferencelist=("plain", "html"))
    body = part.get_content() if isinstance(part, EmailMessage) else ""
    if isinstance(part, EmailMessage) and part.get_content_type() == "text/html":
        body = readable(str(body))
    return Mail(
        key=key,
        sent=sent,
        sender=str(message["From"] or ""),
        to=str(message["X-RcptTo"] or message["To"] or ""),
        subject=str(message["Subject"] or "(no subject)"),
        body=str(body),
    )


def inbox() -> list[Mail]:
    """Every message received, newest first."""
    box = _maildir()
    if box is None:
        return []
    mails = [_read(key, box.get_bytes(key)) for key in box.keys()]  # noqa: SIM118 (iterating a Maildir yields messages)
    return sorted(mails, key=lambda mail: (mail.sent is not None, mail.sent or datetime.min), reverse=True)


def message(key: str) -> Mail | None:
    box = _maildir()
    if box is None or not _KEY.match(key):
        return None
    try:
        return _read(key, box.get_bytes(key))
    except KeyError:
        return None
