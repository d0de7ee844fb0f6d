"""Case numbers as CM/ECF writes them and the partial forms users type."""

from __future__ import annotations

import pytest

from openecf.cases.numbers import NumberQuery, format_number, format_short, parse_number


def test_district_numbers_carry_office_year_type_serial_and_judge() -> None:
    assert format_number(office=3, year=2024, case_type="cv", serial=123) == "3:24-cv-00123"
    assert format_number(office=3, year=2024, case_type="cv", serial=123, judge="jdp") == "3:24-cv-00123-JDP"
    assert format_number(office=3, year=2009, case_type="cr", serial=418, judge="JSW", defendant=1) == (
        "3:09-cr-00418-JSW-1"
    )


def test_bankruptcy_numbers_are_year_and_serial() -> None:
    assert format_short(year=2024, serial=30123) == "24-30123"
    assert format_short(year=2024, serial=30123, judge="hlb") == "24-30123-HLB"


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("3:24-cv-00123-JDP", NumberQuery(year=24, serial=123, office=3, case_type="cv", judge="JDP")),
        ("22-123", NumberQuery(year=22, serial=123)),
        ("3:22cv123", NumberQuery(year=22, serial=123, office=3, case_type="cv")),
        (" 24-30123-HLB ", NumberQuery(year=24, serial=30123, judge="HLB")),
        ("3:09-cr-00418-JSW-1", NumberQuery(year=9, serial=418, office=3, case_type="cr", judge="JSW", defendant=1)),
        ("24-bk-7", NumberQuery(year=24, serial=7, case_type="bk")),
    ],
)
def test_full_and_partial_numbers_are_read(typed: str, query: NumberQuery) -> None:
    assert parse_number(typed) == query


@pytest.mark.parametrize("typed", ["", "smith", "24", "24-000000", "24-0", "3:24-cv-", "x:24-cv-1"])
def test_what_is_not_a_case_number_is_not_read(typed: str) -> None:
    assert parse_number(typed) is None
