"""What the operator commands that name a court share (openecf/core/commands.py has the rest)."""

from __future__ import annotations

from django.core.management.base import CommandError

from openecf.courts.models import Court
from openecf.courts.selectors import court_by_id


def court_argument(raw: str) -> Court:
    """The court a command names, or exit status 2 with a message saying what a court id looks like."""
    court = court_by_id(raw.strip())
    if court is None:
        raise CommandError(f"Unknown court id {raw!r}; court ids look like wiwd, wiwb, ca7.", returncode=2)
    return court
