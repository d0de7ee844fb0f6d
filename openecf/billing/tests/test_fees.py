"""The fee rules, exactly: $0.10 a page, 4,320 bytes an HTML page, the $3.00 cap, the $30 quarter."""

from __future__ import annotations

import pytest

from openecf.billing import fees


@pytest.mark.parametrize(
    ("extracted", "pages"),
    [(0, 1), (1, 1), (4319, 1), (4320, 1), (4321, 2), (8640, 2), (8641, 3), (4320 * 40, 40)],
)
def test_html_is_one_page_per_4320_bytes_and_at_least_one(extracted: int, pages: int) -> None:
    assert fees.html_pages(extracted) == pages


@pytest.mark.parametrize(
    ("pages", "capped", "cents"),
    [
        (1, True, 10),
        (29, True, 290),
        (30, True, 300),
        (31, True, 300),
        (500, True, 300),
        (31, False, 310),
        (0, False, 0),
    ],
)
def test_a_dime_a_page_capped_at_three_dollars_for_documents_and_case_reports_only(
    pages: int, capped: bool, cents: int
) -> None:
    assert fees.cost_cents(pages, capped=capped) == cents


@pytest.mark.parametrize(("total", "due"), [(0, 0), (2999, 0), (3000, 0), (3001, 3001), (12345, 12345)])
def test_no_bill_for_a_quarter_of_thirty_dollars_or_less(total: int, due: int) -> None:
    assert fees.statement_due_cents(total) == due


def test_dollars_as_the_receipt_shows_them() -> None:
    assert [fees.dollars(c) for c in (0, 10, 300, 1240, 123456)] == ["0.00", "0.10", "3.00", "12.40", "1234.56"]


def test_negative_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="fewer than 0 bytes"):
        fees.html_pages(-1)
    with pytest.raises(ValueError, match="negative"):
        fees.billable_pages(-1, capped=True)
