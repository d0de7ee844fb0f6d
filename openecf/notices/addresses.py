"""An e-mail address as a page shows it to someone who may not own it."""

from __future__ import annotations


def masked(email: str) -> str:
    """j***@example.com: enough to recognise one's own address, not to harvest it."""
    mailbox, _, domain = email.partition("@")
    return f"{mailbox[:1]}***@{domain}" if domain else "***"
