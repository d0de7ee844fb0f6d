"""The PACER Authentication API: POST /services/cso-auth and /services/cso-logout, in JSON or XML.

Compatible with what real clients expect: always HTTP 200, every key present and a string, errorDescription
empty on plain success (some clients take any text as failure), a 128-character token on success.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

import defusedxml.ElementTree as SafeXml
from defusedxml import DefusedXmlException
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from openecf.accounts import lifecycle
from openecf.accounts.client_codes import CLIENT_CODE_RULE, clean_client_code
from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.signon import machine, selectors, services, steps
from openecf.throttle.services import Throttled

OK = "0"
NOT_LOGGED_IN = "1"
INVALID = "13"
INVALID_TEXT = "Invalid username, password, or one-time passcode."
CLIENT_CODE_MISSING = "Required client code not entered."
MFA_ENROLMENT_REQUIRED = (
    "Multi-factor authentication is required for accounts with filing access. Log in to PACER in a browser and "
    "add an authenticator app, then try again."
)
MFA_SKIP_WARNING = (
    "Multi-factor authentication is required for accounts with filing access: log in to PACER in a browser and "
    "add an authenticator app. Logins left without one: {left}."
)
MAX_BODY = 16 * 1024
_FIELDS = ("loginId", "password", "redactFlag", "clientCode", "otpCode", "twoFactorCode", "nextGenCSO")
OPENAPI_PATH = Path(__file__).with_name("openapi.json")


class BadRequest(Exception):
    pass


def _wants_xml(request: HttpRequest) -> bool:
    content_type = request.content_type or ""
    accept = request.META.get("HTTP_ACCEPT", "")
    if "json" in accept:
        return False
    return content_type.endswith("/xml") or ("xml" in accept and "json" not in content_type)


def _looks_like_xml(body: bytes) -> bool:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, "replace").lstrip().startswith("<")
    return body.lstrip()[:1] == b"<"


def _parse(request: HttpRequest) -> dict[str, str]:
    """The request's fields, each a str that is Unicode text without NUL; BadRequest says what is wrong."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:  # Django's request.body would fail on it too
        raise BadRequest("The Content-Length header is not a number.") from None
    if length > MAX_BODY:  # refused unread
        raise BadRequest("The request is too large.")
    body = request.body
    if len(body) > MAX_BODY:
        raise BadRequest("The request is too large.")
    if not body.strip():
        raise BadRequest("The request body is empty: send loginId and password as JSON or as <CsoAuth> XML.")
    data: Any
    if _looks_like_xml(body):
        try:
            root = SafeXml.fromstring(body, forbid_dtd=True)
        except (SafeXml.ParseError, DefusedXmlException, ValueError, LookupError):
            raise BadRequest("The XML could not be read. Send <CsoAuth> with loginId and password.") from None
        if root.tag != "CsoAuth":
            raise BadRequest("The XML root element must be <CsoAuth>.")
        # An element with elements inside is not a string: it is refused below like a JSON list.
        data = {child.tag: child if len(child) else (child.text or "") for child in root}
    else:
        try:
            # A whole number stays its digits as sent: int() would refuse over 4,300 of them.
            data = json.loads(body, parse_int=str)
        except RecursionError:
            raise BadRequest("The JSON is nested too deeply. Send an object with loginId and password.") from None
        except ValueError:  # also UnicodeDecodeError
            raise BadRequest("The JSON could not be read. Send an object with loginId and password.") from None
        if not isinstance(data, dict):
            raise BadRequest("The JSON must be an object with loginId and password.")
    fields: dict[str, str] = {}
    for key in _FIELDS:
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):  # whole numbers arrive as their digits; floats, lists, ... do not
            raise BadRequest(f"{key} must be a string.")
        if "\x00" in value:
            raise BadRequest(f"{key} is not valid: it contains a NUL character.")
        if len(value) > 1024:
            raise BadRequest(f"{key} is not valid: it is longer than 1024 characters.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # JSON lets "\\ud800" (or its UTF-8 bytes) through: half a surrogate pair
            raise BadRequest(f"{key} is not valid: it contains a lone surrogate, which is not Unicode text.") from None
        fields[key] = value
    return fields


def _answer(request: HttpRequest, *, result: str, description: str = "", token: str | None = "") -> HttpResponse:
    payload: dict[str, str] = {"loginResult": result, "errorDescription": description}
    if token is not None:
        payload = {"nextGenCSO": token, **payload}
    if _wants_xml(request):
        root = Element("CsoAuth")
        for key, value in payload.items():
            SubElement(root, key).text = value
        xml = b'<?xml version="1.0" encoding="UTF-8"?>' + tostring(root, encoding="utf-8", xml_declaration=False)
        response = HttpResponse(xml, content_type="application/xml; charset=utf-8")
    else:
        response = JsonResponse(payload)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
@never_cache
@require_POST
def cso_auth(request: HttpRequest) -> HttpResponse:
    try:
        fields = _parse(request)
    except BadRequest as problem:
        return _answer(request, result=NOT_LOGGED_IN, description=str(problem))
    if not fields["loginId"].strip() or not fields["password"]:
        return _answer(request, result=NOT_LOGGED_IN, description="loginId and password are required.")
    try:
        client_code = clean_client_code(fields["clientCode"])
    except ValidationError:
        return _answer(request, result=NOT_LOGGED_IN, description=CLIENT_CODE_RULE)

    try:
        account = steps.check_password(
            profile=machine.API, request=request, username=fields["loginId"], password=fields["password"]
        )
    except lifecycle.SignInRefused as refused:
        return _answer(request, result=NOT_LOGGED_IN, description=refused.message)
    except Throttled as throttled:
        return _answer(request, result=NOT_LOGGED_IN, description=throttled.message)
    if account is None:
        return _answer(request, result=INVALID, description=INVALID_TEXT)
    return _steps_after_password(request, fields, account, client_code)


def _steps_after_password(
    request: HttpRequest, fields: dict[str, str], account: PacerAccount, client_code: str
) -> HttpResponse:
    """The machine's steps in one request. What the request lacks for a later step is refused before any step is
    taken, so a missing redactFlag does not use up the one-time code that came with it."""
    origin = Origin.of(request)
    facts = selectors.sign_on_facts(account)
    loaded = machine.start(profile=machine.API, account=account, facts=facts, client_code=client_code)
    plan = machine.remaining_steps(machine.API, loaded.state, facts)
    otp = (fields["otpCode"] or fields["twoFactorCode"]).strip()
    if machine.Step.REDACTION in plan and fields["redactFlag"] != "1":
        return _answer(request, result=INVALID, description=services.REDACTION_NOTICE)
    if machine.Step.ENROL in plan and facts.mfa_skips_left <= 0:
        return _answer(request, result=NOT_LOGGED_IN, description=MFA_ENROLMENT_REQUIRED)
    warnings: list[str] = []
    for step in plan:
        if step == machine.Step.CODE:
            try:
                result = steps.submit_code(loaded, code=otp, origin=origin)
            except Throttled as throttled:
                return _answer(request, result=NOT_LOGGED_IN, description=throttled.message)
            if result != steps.CodeResult.ACCEPTED:
                return _answer(request, result=INVALID, description=INVALID_TEXT)
        elif step == machine.Step.ENROL:
            left = steps.skip_enrolment(loaded, origin=origin)
            if left is None:
                return _answer(request, result=NOT_LOGGED_IN, description=MFA_ENROLMENT_REQUIRED)
            warnings.append(MFA_SKIP_WARNING.format(left=left))
        elif step == machine.Step.REDACTION:
            steps.accept_redaction(loaded, origin=origin)
        else:  # BLOCKED: the API profile never needs an app it cannot enrol, but refuse rather than assume
            return _answer(request, result=NOT_LOGGED_IN, description=MFA_ENROLMENT_REQUIRED)
    client_code = lifecycle.effective_client_code(account, client_code)
    if not client_code and facts.client_code_required:
        warnings.append(CLIENT_CODE_MISSING)
    raw = services.complete_api_login(
        request,
        account=account,
        client_code=client_code,
        mfa_method=loaded.state.mfa_method,
        redact_flag=loaded.state.redaction_accepted,
    )
    return _answer(request, result=OK, description=" ".join(warnings), token=raw)


@csrf_exempt
@never_cache
@require_POST
def cso_logout(request: HttpRequest) -> HttpResponse:
    try:
        fields = _parse(request)
    except BadRequest as problem:
        return _answer(request, result=NOT_LOGGED_IN, description=str(problem), token=None)
    raw = fields["nextGenCSO"].strip()
    if not raw:
        return _answer(request, result=NOT_LOGGED_IN, description="nextGenCSO is required.", token=None)
    services.api_logout(request, raw=raw)
    # Ending an unknown or already-ended token is not an error: either way it opens nothing now.
    return _answer(request, result=OK, token=None)


@require_GET
def openapi(request: HttpRequest) -> HttpResponse:
    return HttpResponse(OPENAPI_PATH.read_bytes(), content_type="application/json")
