"""The one-time-code form of a CODE step, the same behind every door (the PACER login, the clerk's desk, the admin
site): what was typed, what the machine made of it, and the status the page answers with. Each door decides where
an accepted code, a used-up sign-in or a throttle leads."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from openecf.audit.context import Origin
from openecf.mfa.forms import OneTimeCodeForm
from openecf.signon import machine, steps
from openecf.throttle.services import Throttled

CODE_REFUSED = "That code is not valid. Enter the current 6-digit code from your authenticator app, or a backup code."


@dataclass
class CodeAttempt:
    form: OneTimeCodeForm
    result: steps.CodeResult | None = None  # ACCEPTED or USED_UP; None: nothing to act on (shown, wrong, malformed)
    throttled: Throttled | None = None

    @property
    def status(self) -> int:
        if self.throttled is not None:
            return 429
        if not self.form.is_bound:
            return 200
        return 401 if self.form.errors else 400


def attempt_code(request: HttpRequest, loaded: machine.Loaded) -> CodeAttempt:
    """Read the form and, on a POST, submit the code. A wrong code is counted (the state saved with it) and said."""
    form = OneTimeCodeForm(request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        return CodeAttempt(form)
    try:
        result = steps.submit_code(loaded, code=form.cleaned_data["code"], origin=Origin.of(request))
    except Throttled as throttled:
        form.add_error("code", throttled.message)
        return CodeAttempt(form, throttled=throttled)
    if result in (steps.CodeResult.ACCEPTED, steps.CodeResult.USED_UP):
        return CodeAttempt(form, result=result)
    machine.save(request, loaded.state)
    form.add_error("code", CODE_REFUSED)
    return CodeAttempt(form)
