"""The noticing pages of a court's CM/ECF site: the NEF's free look (doc1) and E-Mail Information."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from openecf.audit.context import Origin
from openecf.cmecf.access import CourtAccess, court_access
from openecf.cmecf.views import signed_in_at_court
from openecf.courts.selectors import court_or_404
from openecf.noticing import freelook, preferences
from openecf.noticing.forms import EmailInformationForm
from openecf.throttle.services import Throttled

REFUSAL_STATUS = {freelook.INVALID: 404, freelook.USED: 410, freelook.EXPIRED: 410, freelook.UNREADABLE: 503}


@require_GET
def free_look(request: HttpRequest, court_id: str, doc_id: str) -> HttpResponse:
    """doc1/{id}?caseid=..&de_seq_num=..&magic_num=..: the NEF's link, answered without signing in."""
    court = court_or_404(court_id)
    try:
        document, pdf = freelook.redeem(
            court=court,
            doc_id=doc_id,
            caseid=request.GET.get("caseid"),
            de_seq_num=request.GET.get("de_seq_num"),
            magic_num=request.GET.get("magic_num"),
            origin=Origin.of(request),
        )
    except freelook.FreeLookRefused as refused:
        context = {"court": court, "access": court_access(request, court), "reason": refused.reason}
        return render(request, "noticing/free_look_refused.html", context, status=REFUSAL_STATUS[refused.reason])
    except Throttled as throttled:
        context = {"court": court, "access": court_access(request, court), "reason": "throttled", "wait": throttled}
        response = render(request, "noticing/free_look_refused.html", context, status=429)
        if throttled.retry_after is not None:
            response["Retry-After"] = str(throttled.retry_after)
        return response
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{document.pacer_doc_id}.pdf"'
    response["Cache-Control"] = "no-store"  # the one free copy: not to be kept by a shared cache
    return response


@signed_in_at_court
@require_http_methods(["GET", "POST"])
def email_information(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """Utilities -> E-Mail Notification Preferences: per filing or a daily summary, and secondary addresses."""
    account = access.filing_account
    context = {"access": access, "court": access.court}
    if account is None:
        return render(request, "noticing/no_ecf_account.html", context, status=403)
    current = preferences.current(account)
    form = EmailInformationForm(
        request.POST if request.method == "POST" else None,
        initial={
            "delivery": current.delivery,
            "email_format": current.email_format,
            "secondary_emails": "\n".join(current.secondary_emails),
        },
    )
    saved = False
    if request.method == "POST" and form.is_valid():
        preferences.update(
            account=account,
            delivery=form.cleaned_data["delivery"],
            email_format=form.cleaned_data["email_format"],
            secondary_emails=form.cleaned_data["secondary_emails"],
            origin=Origin.of(request),
            actor=access.pacer,
        )
        current = preferences.current(account)
        saved = True
    status = 400 if form.errors else 200
    context.update(account=account, form=form, current=current, saved=saved)
    return render(request, "noticing/email_information.html", context, status=status)
