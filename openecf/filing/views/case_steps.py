"""The steps that say who files in which case: the attorney (a filing agent's choice), the case number, its style,
the defendant (criminal), joint filing, the filer, and the attorney/party association."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from openecf.cases.models import AttorneyOfRecord, Case, PartyRole
from openecf.cases.selectors import cases_matching
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.selectors import attorneys_for_agent
from openecf.filing import steps
from openecf.filing.catalog import CASE_TYPES, Kind
from openecf.filing.models import FilingTransaction
from openecf.filing.views.common import answered, render_page, show

NAME_MAX = 300
MENU_OF_TYPE = {case_type: menu.title() for menu, case_type in CASE_TYPES.items()}


def _ints(values: list[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit()]


def attorney(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    choices = list(attorneys_for_agent(txn.ecf_account))
    if not choices:
        return render_page(request, access, "filing/no_attorney.html", status=403)
    if request.method == "POST":
        picked = [a for a in choices if str(a.pk) == request.POST.get("attorney")]
        if picked:
            return answered(txn, "attorney", {"ecf_id": picked[0].pk})
        return show(request, access, txn, "attorney", 400, choices=choices, error="Select the attorney you file for.")
    return show(request, access, txn, "attorney", choices=choices)


def _appears(case: Case, txn: FilingTransaction) -> bool:
    return AttorneyOfRecord.objects.filter(
        party__case=case, ecf_account=steps.attorney_of(txn), terminated_on__isnull=True
    ).exists()


def case(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    if request.method == "GET":
        return show(request, access, txn, "case", number="")
    number = request.POST.get("number", "").strip()[:40]
    # Every case the number names, of any type, as CM/ECF asks which one; then only the menu's type is taken.
    found = list(cases_matching(access.court, number))
    chosen = request.POST.get("case_pk", "")
    if chosen:
        found = [c for c in found if str(c.pk) == chosen]
    if not found:
        error = f"Cannot find case {number}." if number else "Enter a case number."
        return show(request, access, txn, "case", 400, number=number, error=error)
    if len(found) > 1:
        return show(request, access, txn, "case", number=number, matches=found)
    picked = found[0]
    if picked.case_type != CASE_TYPES[txn.menu]:
        error = (
            f"{picked.number} is a {picked.get_case_type_display().lower()} case: "
            f"file in it from the {MENU_OF_TYPE[picked.case_type]} menu."
        )
        return show(request, access, txn, "case", 400, number=number, error=error)
    needs_appearance = not any(e.kind == Kind.APPEARANCE for e in steps.events_of(txn))
    if needs_appearance and not _appears(picked, txn):
        error = (
            f"{steps.attorney_of(txn).name} is not an attorney of record in case {picked.number}. "
            "File a Notice of Appearance first (Notices menu)."
        )
        return show(request, access, txn, "case", 403, number=number, error=error)
    return answered(txn, "case", {"case_pk": picked.pk})


def style(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    if request.method == "POST":
        return answered(txn, "style", {"confirmed": True})
    return show(request, access, txn, "style")


def defendant(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    the_case = steps.case_of(txn)
    assert the_case is not None  # the case step came first
    choices = list(the_case.parties.filter(defendant_number__isnull=False).order_by("defendant_number"))
    if request.method == "POST":
        ids = [p.pk for p in choices if p.pk in _ints(request.POST.getlist("defendant"))]
        if ids:
            return answered(txn, "defendant", {"party_ids": ids})
        return show(request, access, txn, "defendant", 400, choices=choices, error="Select at least one defendant.")
    return show(request, access, txn, "defendant", choices=choices)


def joint(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("joint") not in ("yes", "no"):
            return show(request, access, txn, "joint", 400, error="Answer whether this is a joint filing.")
        return answered(txn, "joint", {"joint": request.POST["joint"] == "yes"})
    return show(request, access, txn, "joint")


def filer(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    the_case = steps.case_of(txn)
    assert the_case is not None
    choices = list(the_case.parties.filter(date_terminated__isnull=True))
    roles = [(value, label) for value, label in PartyRole.choices]
    if request.method == "GET":
        return show(request, access, txn, "filer", choices=choices, roles=roles)
    ids = [p.pk for p in choices if p.pk in _ints(request.POST.getlist("party"))]
    name = " ".join(request.POST.get("new_name", "").split())[:NAME_MAX]
    role = request.POST.get("new_role", "")
    error = ""
    if name and role not in PartyRole.values:
        error = "Select the new party's role."
    elif not ids and not name:
        error = "Select the party or parties you file for, or add a new party."
    elif name and any(p.name.casefold() == name.casefold() for p in choices):
        error = f"{name} is already a party to this case: select them in the list."
    if error:
        return show(request, access, txn, "filer", 400, choices=choices, roles=roles, error=error)
    return answered(txn, "filer", {"party_ids": ids, "new_party": {"name": name, "role": role} if name else None})


def associate(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    missing = steps.unassociated(txn)
    if request.method == "POST":
        ids = [p.pk for p in missing if p.pk in _ints(request.POST.getlist("associate"))]
        return answered(txn, "associate", {"party_ids": ids})
    return show(request, access, txn, "associate", missing=missing, attorney=steps.attorney_of(txn))


HANDLERS = {
    "attorney": attorney,
    "case": case,
    "style": style,
    "defendant": defendant,
    "joint": joint,
    "filer": filer,
    "associate": associate,
}
