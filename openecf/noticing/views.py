"""The noticing pages of a court's CM/ECF site: E-Mail Information. (The NEF's free look is served by doc1, in
openecf/documents.)"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.views import signed_in_at_court
from openecf.noticing import preferences
from openecf.noticing.forms import EmailInformationForm


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
