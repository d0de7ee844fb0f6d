"""PACER's password rules (since 2025-08-25): 14-45 characters, upper, lower and special, nothing personal."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError

MIN_LENGTH = 14
MAX_LENGTH = 45


def _personal_parts(user: Any) -> set[str]:
    """Pieces of the name, username and e-mail address of at least 3 characters, lower-cased.

    Only the mailbox part of the address counts: its domain ("example.com") is not personal, and banning "com"
    from every password would refuse good ones such as "Welcome-Home-2026!".
    """
    parts: set[str] = set()
    mailbox = (getattr(user, "email", "") or "").partition("@")[0]
    for value in (getattr(user, "name", ""), getattr(user, "username", ""), mailbox):
        for piece in re.split(r"[^0-9a-zA-Z]+", value or ""):
            if len(piece) >= 3:
                parts.add(piece.lower())
    return parts


def password_problems(password: str, user: Any = None) -> list[str]:
    problems = []
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        problems.append(f"The password must be {MIN_LENGTH} to {MAX_LENGTH} characters long.")
    if not re.search(r"[A-Z]", password):
        problems.append("The password must contain an upper-case letter.")
    if not re.search(r"[a-z]", password):
        problems.append("The password must contain a lower-case letter.")
    if not re.search(r"[^0-9A-Za-z]", password):
        problems.append("The password must contain a special character (for example ! # $ % - _).")
    lowered = password.lower()
    if user is not None and any(part in lowered for part in _personal_parts(user)):
        problems.append("The password must not contain any part of your name, username or e-mail address.")
    return problems


class PacerPasswordValidator:
    """Django password validator for PACER's rules. No forced periodic change (NIST SP 800-63B-4)."""

    def validate(self, password: str, user: Any = None) -> None:
        problems = password_problems(password, user)
        if problems:
            raise ValidationError(problems, code="pacer_password_policy")

    def get_help_text(self) -> str:
        return (
            f"{MIN_LENGTH} to {MAX_LENGTH} characters with an upper-case letter, a lower-case letter and a special "
            "character, and no part of your name, username or e-mail address."
        )
