"""Multi-page forms (registration, upgrade): the answers of finished pages wait in the session.

Nothing secret waits there: the password is on the last page, and that page writes everything at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Wizard:
    session_key: str
    steps: tuple[str, ...]

    def data(self, request: HttpRequest) -> dict[str, Any]:
        stored = request.session.get(self.session_key)
        return dict(stored) if isinstance(stored, dict) else {}

    def save(self, request: HttpRequest, step: str, value: Any) -> None:
        data = self.data(request)
        data[step] = value
        # A changed page voids the pages after it (a new state needs a new county).
        for later in self.steps[self.steps.index(step) + 1 :]:
            data.pop(later, None)
        request.session[self.session_key] = data

    def remember(self, request: HttpRequest, key: str, value: Any) -> None:
        """Keep something that is not a page's answer (e.g. the court whose login page sent the visitor)."""
        request.session[self.session_key] = {**self.data(request), key: value}

    def first_missing(self, request: HttpRequest, before: str) -> str | None:
        """The first page before ``before`` not yet done, if any."""
        data = self.data(request)
        for step in self.steps[: self.steps.index(before)]:
            if step not in data:
                return step
        return None

    def clear(self, request: HttpRequest) -> None:
        request.session.pop(self.session_key, None)
