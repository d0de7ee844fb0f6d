"""PACER's fee rules, as numbers: pure functions the ledger (services.charge) and its tests use."""

from __future__ import annotations

import math

CENTS_PER_PAGE = 10  # $0.10 a page
HTML_BYTES_PER_PAGE = 4320  # one billable page per 4,320 bytes of extracted data
CAP_PAGES = 30  # $3.00 per document and per case-specific report
STATEMENT_THRESHOLD_CENTS = 3000  # no bill when a quarter's total is $30 or less


def html_pages(extracted_bytes: int) -> int:
    """Billable pages of an HTML report: one per 4,320 bytes, started pages counted, and at least one."""
    if extracted_bytes < 0:
        raise ValueError("A page cannot have fewer than 0 bytes.")
    return max(1, math.ceil(extracted_bytes / HTML_BYTES_PER_PAGE))


def billable_pages(pages: int, *, capped: bool) -> int:
    """The pages that are charged: a document or case-specific report stops at 30; a search never does."""
    if pages < 0:
        raise ValueError("Pages cannot be negative.")
    return min(pages, CAP_PAGES) if capped else pages


def cost_cents(pages: int, *, capped: bool) -> int:
    return billable_pages(pages, capped=capped) * CENTS_PER_PAGE


def statement_due_cents(quarter_total_cents: int) -> int:
    """What a quarter's statement asks for: nothing at $30.00 or less, else the whole total."""
    return quarter_total_cents if quarter_total_cents > STATEMENT_THRESHOLD_CENTS else 0


def dollars(cents: int) -> str:
    """Cents as the receipt shows them: 0.10, 3.00, 12.40."""
    return f"{cents // 100}.{cents % 100:02d}"
