"""The steps of an event that opens a case: the cover sheet's facts, the parties, and the filing fee (simulated:
docs/decisions.md, "Opening a case")."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from openecf.cases.models import CaseType
from openecf.cases.selectors import cases_matching
from openecf.cmecf.access import CourtAccess
from openecf.filing import steps
from openecf.filing.models import FilingTransaction
from openecf.filing.views.common import answered, show

NATURES_OF_SUIT = {
    "civil": (
        "110 Insurance",
        "190 Contract: Other",
        "360 P.I.: Other",
        "440 Civil Rights: Other",
        "442 Civil Rights: Jobs",
        "710 Labor: Fair Standards",
        "820 Copyright",
        "830 Patent",
        "890 Other Statutory Actions",
    ),
    "adversary": (
        "11 Recovery of money/property - 542 turnover of property",
        "12 Recovery of money/property - 547 preference",
        "13 Recovery of money/property - 548 fraudulent transfer",
        "41 Objection / revocation of discharge - 727(c),(d),(e)",
        "62 Dischargeability - 523(a)(2), false pretenses, false representation, actual fraud",
        "91 Declaratory judgment",
    ),
}
JURISDICTIONS = ("Federal Question", "Diversity", "U.S. Government Plaintiff", "U.S. Government Defendant")
JURY_DEMANDS = ("None", "Plaintiff", "Defendant", "Both")
FIELD_MAX = 100
NAMES_MAX = 20


def cover(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    context: dict[str, Any] = {
        "natures": NATURES_OF_SUIT[txn.menu],
        "jurisdictions": JURISDICTIONS,
        "jury_demands": JURY_DEMANDS,
        "values": request.POST,
    }
    if request.method == "GET":
        return show(request, access, txn, "cover", **context)
    post = request.POST
    nature = post.get("nature_of_suit", "")
    answers: dict[str, object] = {
        "nature_of_suit": nature,
        "demand": " ".join(post.get("demand", "").split())[:FIELD_MAX],
    }
    error = "" if nature in NATURES_OF_SUIT[txn.menu] else "Select the nature of suit."
    if txn.menu == "civil" and not error:
        answers["cause"] = " ".join(post.get("cause", "").split())[:FIELD_MAX]
        answers["jurisdiction"] = post.get("jurisdiction", "")
        answers["jury_demand"] = post.get("jury_demand", "")
        if not answers["cause"]:
            error = "Enter the cause (the statute sued under), e.g. 42:1983 Civil Rights Act."
        elif answers["jurisdiction"] not in JURISDICTIONS:
            error = "Select the basis of jurisdiction."
        elif answers["jury_demand"] not in JURY_DEMANDS:
            error = "Select the jury demand."
    if txn.menu == "adversary" and not error:
        number = post.get("lead_case", "").strip()[:40]
        leads = list(cases_matching(access.court, number).filter(case_type=CaseType.BANKRUPTCY))
        if len(leads) != 1:
            error = f"Cannot find bankruptcy case {number}." if number else "Enter the bankruptcy case number."
            if len(leads) > 1:
                error = f"{number} matches several bankruptcy cases: enter the full number with the judge's initials."
        else:
            answers["lead_pk"] = leads[0].pk
    if error:
        return show(request, access, txn, "cover", 400, error=error, **context)
    return answered(txn, "cover", answers)


def _names(text: str) -> list[str]:
    return [" ".join(line.split())[:300] for line in text.splitlines() if line.strip()][:NAMES_MAX]


def parties(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    bankruptcy = txn.menu == "bankruptcy"
    labels = (
        ("Debtor", "Joint debtor (if any)") if bankruptcy else ("Plaintiff(s), one a line", "Defendant(s), one a line")
    )
    context: dict[str, Any] = {"labels": labels, "values": request.POST, "bankruptcy": bankruptcy}
    if request.method == "GET":
        return show(request, access, txn, "parties", **context)
    filing, against = _names(request.POST.get("filing", "")), _names(request.POST.get("against", ""))
    if bankruptcy:
        filing, against = (filing[:1] + against[:1]), []
        error = "" if filing else "Enter the debtor's name."
    else:
        error = "" if filing and against else "Enter at least one plaintiff and one defendant."
    if error:
        return show(request, access, txn, "parties", 400, error=error, **context)
    return answered(txn, "parties", {"filing": filing, "against": against})


def fee(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    amount = max(event.fee for event in steps.events_of(txn))
    if request.method == "POST":
        if request.POST.get("pay") != "yes":
            return show(request, access, txn, "fee", 400, amount=amount, error="Confirm the payment of the fee.")
        receipt = f"A{access.court.pk.upper()}C-{txn.pk:07d}"
        return answered(txn, "fee", {"amount": amount, "receipt": receipt})
    return show(request, access, txn, "fee", amount=amount)


HANDLERS = {"cover": cover, "parties": parties, "fee": fee}
