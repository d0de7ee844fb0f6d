"""Comparing people's names as a person would: registration's duplicate review and the link procedure's check
that a CM/ECF account and a PACER account name the same person."""

from __future__ import annotations

import re


def names_match(first: str, second: str) -> bool:
    """Same name regardless of case, punctuation and spacing ("John  Attorney" == "john attorney")."""

    def key(name: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())

    return key(first) == key(second)
