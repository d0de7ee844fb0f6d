"""Pages that registration and the legacy upgrade share, each given the flow's wizard and page renderer."""

from __future__ import annotations

from typing import Any, Protocol

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from openecf.accounts import counties
from openecf.accounts.details import Address
from openecf.accounts.forms_registration import CountyForm
from openecf.accounts.wizard import Wizard


class StepPage(Protocol):
    def __call__(
        self, request: HttpRequest, step: str, form: Any, status: int = 200, **context: Any
    ) -> HttpResponse: ...


def county_step(request: HttpRequest, wizard: Wizard, *, page: StepPage, then: str) -> HttpResponse:
    """Choose the county in the state of the address page (the caller has checked the earlier pages are done)."""
    entered = Address.from_session(wizard.data(request)["address"])
    form = CountyForm(request.POST if request.method == "POST" else None, state=entered.state)
    if request.method == "POST" and form.is_valid():
        wizard.save(request, "county", form.cleaned_data["county"])
        return redirect(then)
    return page(
        request,
        "county",
        form,
        status=400 if form.errors else 200,
        verify_address=entered.lines,
        intro=f"Check your address, then choose your county in {counties.state_name(entered.state)}.",
    )
