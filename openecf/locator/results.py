"""Cases and parties as the PCL API returns them (pacersdk 0.1.1's models/cases.py, parties.py, billing.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from openecf.accounts.models import PacerAccount
from openecf.billing.models import Charge
from openecf.cases.models import Case, Party


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def case_link(request: HttpRequest, case: Case) -> str:
    return request.build_absolute_uri(reverse("cmecf:home", args=[case.court_id]) + f"cgi-bin/iquery.pl?{case.caseid}")


def court_case(request: HttpRequest, case: Case) -> dict[str, Any]:
    return {
        "courtId": case.court_id,
        "caseId": str(case.caseid),
        "caseYear": case.year,
        "caseNumber": case.serial,
        "caseNumberFull": case.number,
        "caseOffice": str(case.office),
        "caseType": case.case_type,
        "caseTitle": case.title,
        "jurisdictionType": case.case_type,
        "natureOfSuit": case.nature_of_suit,
        "judgeLastName": case.judge.name.split()[-1] if case.judge_id and case.judge else None,
        "dateFiled": _day(case.date_filed),
        "dateTermed": _day(case.date_terminated),
        "caseLink": case_link(request, case),
    }


def party(request: HttpRequest, found: Party) -> dict[str, Any]:
    case = found.case
    return {
        "courtId": case.court_id,
        "caseId": str(case.caseid),
        "caseYear": case.year,
        "caseNumber": case.serial,
        # The name is stored whole, as the docket shows it: PCL's lastName carries it (docs/decisions.md).
        "lastName": found.name,
        "firstName": "",
        "middleName": "",
        "generation": "",
        "partyType": "",
        "partyRole": found.get_role_display(),
        "jurisdictionType": case.case_type,
        "courtCase": court_case(request, case),
        "caseNumberFull": case.number,
        "caseOffice": str(case.office),
        "caseTitle": case.title,
        "caseType": case.case_type,
        "dateFiled": _day(case.date_filed),
        "dateTermed": _day(found.date_terminated),
        "natureOfSuit": case.nature_of_suit,
        "seqNo": found.defendant_number,
        "caseLink": case_link(request, case),
    }


def receipt(charge: Charge, account: PacerAccount) -> dict[str, Any]:
    return {
        "transactionId": charge.pk,
        "transactionDate": charge.created_at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "billablePages": charge.pages,
        "fee": charge.cost_cents / 100,
        "loginId": account.username,
        "clientCode": charge.client_code,
        "firmId": "",
        "search": charge.criteria,
        "description": charge.description,
        "csoId": account.pk,
        "juId": "",
        "reportId": "",
    }
