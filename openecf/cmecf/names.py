"""When two accounts' names are the same name: the link form's check, and registration's likely duplicates."""

from __future__ import annotations

import re


def names_match(first: str, second: str) -> bool:
    """Same name regardless of case, punctuation and spacing ("John  Attorney" == "john attorney")."""

    def key(name: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())

    return key(first) == key(second)
