"""The Notice of Electronic Filing: shown to the filer and e-mailed to the case's participants.

Interface fixed first so the filing flow and the NEF can be built side by side; the body is a placeholder until
the NEF itself lands.
"""

from __future__ import annotations

from dataclasses import dataclass

from openecf.audit.context import Origin
from openecf.cases.models import DocketEntry


@dataclass(frozen=True)
class Nef:
    entry: DocketEntry
    subject: str
    screen_html: str  # the NEF's body as the filer sees it on screen after the final step (an HTML fragment)


def send_nef(*, entry: DocketEntry, origin: Origin) -> Nef:
    """Inside the filing's transaction: queue the NEF to every recipient (outbox) and return the filer's copy."""
    case = entry.case
    subject = f"Activity in Case {case.number} {case.title}"
    return Nef(entry=entry, subject=subject, screen_html="<h2>Notice of Electronic Filing</h2>")
