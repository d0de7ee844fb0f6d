"""The PACER Case Locator's search over every court's cases: the criteria as pacersdk 0.1.1 sends them (its
models/query.py), checked, and the cases or parties they find, in a stable order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from openecf.cases.models import Case, CaseType, Party
from openecf.cases.numbers import parse_number

PAGE_SIZE = 54

# Keys pacersdk's criteria models define that OpenECF searches on; any other key is refused (406) by name, so a
# client never takes a search that ignored part of its criteria for one that used it all.
_CASE_KEYS = {
    "courtId",
    "caseId",
    "caseYear",
    "caseYearFrom",
    "caseYearTo",
    "caseNumber",
    "caseNumberFull",
    "caseOffice",
    "caseType",
    "caseTitle",
    "nos",
    "dateFiledFrom",
    "dateFiledTo",
    "dateTermedFrom",
    "dateTermedTo",
    "jurisdictionType",
}
_PARTY_KEYS = {"lastName", "firstName", "role", "exactNameMatch"}
_IGNORED = {"page", "searchType", "requestType", "requestSource"}  # paging and bookkeeping, not criteria
_FOUR_DIGIT_YEAR = re.compile(r"^(\s*(?:\d\s*:\s*)?)(?:19|20)(\d{2})(?=\s*-?\s*[A-Za-z]{2}|\s*-)")


class InvalidSearch(Exception):
    """The criteria cannot be searched; the message says which and why (the API's 406)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Criteria:
    case: dict[str, Any]
    party: dict[str, Any]

    def summary(self) -> str:
        """The receipt's "search" line: every criterion given, in a fixed order."""
        parts = [f"{key}: {_text(value)}" for key, value in sorted(self.case.items())]
        parts += [f"party.{key}: {_text(value)}" for key, value in sorted(self.party.items())]
        return "; ".join(parts)[:500]


def _text(value: Any) -> str:
    return ",".join(str(v) for v in value) if isinstance(value, list) else str(value)


def _check(body: Any, allowed: set[str], where: str) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise InvalidSearch(f"{where} must be a JSON object.")
    unknown = sorted(key for key in body if key not in allowed | _IGNORED)
    if unknown:
        raise InvalidSearch(f"Unsupported search field(s) in {where}: {', '.join(unknown)}.")
    return {key: value for key, value in body.items() if key in allowed and value not in (None, "", [])}


def case_criteria(body: Any) -> Criteria:
    """A case search (POST /cases/find): case fields, and an optional ``party`` object."""
    case = _check(body, _CASE_KEYS | {"party"}, "the search")
    party = _check(case.pop("party", {}) or {}, _PARTY_KEYS, "party")
    return _validated(case, party)


def party_criteria(body: Any) -> Criteria:
    """A party search (POST /parties/find): party fields, and an optional ``courtCase`` object."""
    if not isinstance(body, dict):
        raise InvalidSearch("the search must be a JSON object.")
    top = _check(body, _PARTY_KEYS | _CASE_KEYS | {"courtCase"}, "the search")
    case = _check(top.pop("courtCase", {}) or {}, _CASE_KEYS, "courtCase")
    party = {key: top.pop(key) for key in list(top) if key in _PARTY_KEYS}
    case |= top
    if not party.get("lastName"):
        raise InvalidSearch("A party search needs lastName.")
    return _validated(case, party)


def _strings(case: dict[str, Any], key: str) -> None:
    if key in case:
        value = case[key]
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise InvalidSearch(f"{key} must be a list of strings.")
        case[key] = [v.strip().lower() for v in value]


def _integer(case: dict[str, Any], key: str) -> None:
    if key in case:
        value = case[key]
        if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
            raise InvalidSearch(f"{key} must be a whole number.")
        case[key] = int(value)


def _date(case: dict[str, Any], key: str) -> None:
    if key in case:
        value = case[key]
        try:
            case[key] = date.fromisoformat(str(value).replace("/", "-"))
        except ValueError:
            raise InvalidSearch(f"{key} must be a date, YYYY-MM-DD; {value!r} is not.") from None


def _validated(case: dict[str, Any], party: dict[str, Any]) -> Criteria:
    for key in ("courtId", "caseType", "nos", "jurisdictionType"):
        _strings(case, key)
    for key in ("caseYear", "caseYearFrom", "caseYearTo", "caseNumber", "caseId"):
        _integer(case, key)
    for key in ("dateFiledFrom", "dateFiledTo", "dateTermedFrom", "dateTermedTo"):
        _date(case, key)
    for key in ("caseNumberFull", "caseTitle", "caseOffice"):
        if key in case and not isinstance(case[key], str | int):
            raise InvalidSearch(f"{key} must be text.")
        if key in case:
            case[key] = str(case[key]).strip()
    if "caseNumberFull" in case and parse_number(_FOUR_DIGIT_YEAR.sub(r"\1\2", case["caseNumberFull"])) is None:
        raise InvalidSearch(f"caseNumberFull {case['caseNumberFull']!r} is not a case number.")
    for key in ("lastName", "firstName"):
        if key in party:
            if not isinstance(party[key], str):
                raise InvalidSearch(f"{key} must be text.")
            party[key] = " ".join(party[key].split())
    if "role" in party:
        _strings(party, "role")
        # The codes (plaintiff, us_trustee) or the labels the results carry (Plaintiff, U.S. Trustee).
        party["role"] = [r.replace(".", "").replace(" ", "_") for r in party["role"]]
    if not case and not party:
        raise InvalidSearch("Enter at least one search criterion.")
    return Criteria(case=case, party=party)


def _case_filter(case: dict[str, Any], prefix: str = "") -> Q:
    q = Q()

    def f(**kwargs: Any) -> Q:
        return Q(**{f"{prefix}{key}": value for key, value in kwargs.items()})

    if "courtId" in case:
        q &= f(court_id__in=case["courtId"])
    if "caseId" in case:
        q &= f(caseid=case["caseId"])
    if "caseYear" in case:
        q &= f(year=case["caseYear"])
    if "caseYearFrom" in case:
        q &= f(year__gte=case["caseYearFrom"])
    if "caseYearTo" in case:
        q &= f(year__lte=case["caseYearTo"])
    if "caseNumber" in case:
        q &= f(serial=case["caseNumber"])
    if "caseOffice" in case:
        q &= f(office=int(case["caseOffice"])) if case["caseOffice"].isdigit() else Q(pk__in=[])
    types = list(case.get("caseType", [])) + list(case.get("jurisdictionType", []))
    if types:
        q &= f(case_type__in=[t for t in types if t in CaseType.values])
    if "nos" in case:
        q &= f(nature_of_suit__in=case["nos"])
    if "caseTitle" in case:
        q &= f(title__icontains=case["caseTitle"])
    if "dateFiledFrom" in case:
        q &= f(date_filed__gte=case["dateFiledFrom"])
    if "dateFiledTo" in case:
        q &= f(date_filed__lte=case["dateFiledTo"])
    if "dateTermedFrom" in case:
        q &= f(date_terminated__gte=case["dateTermedFrom"])
    if "dateTermedTo" in case:
        q &= f(date_terminated__lte=case["dateTermedTo"])
    if "caseNumberFull" in case:
        number = parse_number(_FOUR_DIGIT_YEAR.sub(r"\1\2", case["caseNumberFull"]))
        assert number is not None  # checked in _validated
        q &= f(serial=number.serial, year__in=[1900 + number.year, 2000 + number.year])
        if number.office is not None:
            q &= f(office=number.office)
        if number.case_type is not None:
            q &= f(case_type=number.case_type)
        if number.judge is not None:
            q &= f(judge__initials=number.judge)
    return q


def _party_filter(party: dict[str, Any], prefix: str = "") -> Q:
    q = Q()
    exact = party.get("exactNameMatch") is True
    # A party's name is stored whole, as the docket shows it (decisions.md): lastName and firstName match within it.
    for key in ("lastName", "firstName"):
        if key in party:
            lookup = "name__iexact" if exact and key == "lastName" and "firstName" not in party else "name__icontains"
            q &= Q(**{f"{prefix}{lookup}": party[key]})
    if "role" in party:
        q &= Q(**{f"{prefix}role__in": party["role"]})
    return q


def find_cases(criteria: Criteria) -> QuerySet[Case]:
    found = Case.objects.filter(_case_filter(criteria.case))
    if criteria.party:
        found = found.filter(pk__in=Party.objects.filter(_party_filter(criteria.party)).values("case_id"))
    return found.select_related("court", "judge").order_by("court_id", "year", "case_type", "serial", "caseid")


def find_parties(criteria: Criteria) -> QuerySet[Party]:
    found = Party.objects.filter(_party_filter(criteria.party)).filter(_case_filter(criteria.case, "case__"))
    return found.select_related("case__court", "case__judge").order_by(
        "case__court_id", "case__year", "case__case_type", "case__serial", "case__caseid", "pk"
    )


@dataclass(frozen=True)
class Page:
    number: int  # zero-based, as the API counts
    total: int
    items: list[Any]

    @property
    def total_pages(self) -> int:
        return (self.total + PAGE_SIZE - 1) // PAGE_SIZE

    def info(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "size": PAGE_SIZE,
            "totalPages": self.total_pages,
            "totalElements": self.total,
            "numberOfElements": len(self.items),
            "first": self.number == 0,
            "last": self.number >= self.total_pages - 1,
        }


def page_of(found: QuerySet[Any], number: int) -> Page:
    total = found.count()
    start = number * PAGE_SIZE
    items = list(found[start : start + PAGE_SIZE]) if start < total else []
    return Page(number=number, total=total, items=items)
