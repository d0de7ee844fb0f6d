"""Case numbers the way CM/ECF writes and reads them (CASES.md): ``3:24-cv-00123-JDP``, ``3:09-cr-00418-JSW-1``,
``24-30123-HLB`` (bankruptcy), and the partial forms users type (``24-123``, ``3:24cv123``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Bankruptcy courts show their cases without office and type (24-30123); district courts always with both.
SHORT_TYPES = frozenset({"bk", "ap"})

_PARTIAL = re.compile(
    r"""^\s*
    (?:(?P<office>\d)\s*:\s*)?
    (?P<year>\d{2})\s*-?\s*
    (?:(?P<type>[a-z]{2})\s*-?\s*)?
    (?P<serial>\d{1,5})
    (?:\s*-\s*(?P<judge>[a-z]{2,4}))?
    (?:\s*-\s*(?P<defendant>\d{1,3}))?
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)


def format_number(
    *, office: int, year: int, case_type: str, serial: int, judge: str = "", defendant: int | None = None
) -> str:
    """The full number: office, two-digit year, type, five-digit serial, then the judge's initials and a criminal
    defendant's number when given."""
    number = f"{office}:{year % 100:02d}-{case_type}-{serial:05d}"
    if judge:
        number += f"-{judge.upper()}"
    if defendant is not None:
        number += f"-{defendant}"
    return number


def format_short(*, year: int, serial: int, judge: str = "") -> str:
    """Bankruptcy and adversary numbers as those courts show them: 24-30123, or 24-30123-HLB with the judge."""
    number = f"{year % 100:02d}-{serial:05d}"
    return f"{number}-{judge.upper()}" if judge else number


@dataclass(frozen=True)
class NumberQuery:
    """What a typed case number pins down; None where the user left a part out."""

    year: int  # two digits
    serial: int
    office: int | None = None
    case_type: str | None = None
    judge: str | None = None
    defendant: int | None = None


def parse_number(text: str) -> NumberQuery | None:
    """Read a full or partial case number; None when it is not one."""
    match = _PARTIAL.match(text or "")
    if match is None:
        return None
    parts = match.groupdict()
    serial = int(parts["serial"])
    if serial == 0:
        return None
    return NumberQuery(
        year=int(parts["year"]),
        serial=serial,
        office=int(parts["office"]) if parts["office"] else None,
        case_type=parts["type"].lower() if parts["type"] else None,
        judge=parts["judge"].upper() if parts["judge"] else None,
        defendant=int(parts["defendant"]) if parts["defendant"] else None,
    )
