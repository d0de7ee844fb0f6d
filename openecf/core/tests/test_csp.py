"""The CSP header built once per process is django-csp's own header, and every case django-csp handles per
response (a view's own policy, a nonce, exempt responses and paths, a change of settings) still is."""

from __future__ import annotations

from typing import Any

import pytest
from csp.constants import NONCE, NONE, SELF
from csp.middleware import CSPMiddleware
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from openecf.core.csp import CachedCSPMiddleware

POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/excluded/"],
    "DIRECTIVES": {"default-src": [SELF], "object-src": [NONE], "form-action": [SELF], "script-src": [SELF, NONCE]},
}
REPORT_ONLY = {"DIRECTIVES": {"default-src": [SELF], "report-uri": "/csp-report/"}}


def _answer(middleware_class: type[CSPMiddleware], path: str = "/page/", **on_response: Any) -> HttpResponse:
    use_nonce = on_response.pop("_use_nonce", False)

    def view(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("page")
        for name, value in on_response.items():
            setattr(response, name, value)
        if use_nonce:
            str(request.csp_nonce)  # type: ignore[attr-defined]
        return response

    response = middleware_class(view)(RequestFactory().get(path))
    assert isinstance(response, HttpResponse)
    return response


def _headers(response: HttpResponse) -> dict[str, str]:
    return {name: value for name, value in response.headers.items() if "Content-Security-Policy" in name}


@pytest.mark.parametrize(
    "on_response",
    [
        {},
        {"_csp_update": {"img-src": ["data:"]}},
        {"_csp_replace": {"default-src": [NONE]}},
        {"_csp_config_ro": {"default-src": [NONE]}},
        {"_csp_exempt": True},
        {"_csp_exempt_ro": True},
        {"_use_nonce": True},
    ],
)
@override_settings(CONTENT_SECURITY_POLICY=POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY=REPORT_ONLY)
def test_the_headers_are_django_csps_own(on_response: dict[str, Any]) -> None:
    ours, theirs = _answer(CachedCSPMiddleware, **dict(on_response)), _answer(CSPMiddleware, **dict(on_response))
    if "_use_nonce" in on_response:  # a nonce is new each time: the same header around it
        assert "'nonce-" in _headers(ours)["Content-Security-Policy"]
        assert _headers(ours).keys() == _headers(theirs).keys()
    else:
        assert _headers(ours) == _headers(theirs)


@override_settings(CONTENT_SECURITY_POLICY=POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY=None)
def test_a_plain_page_gets_the_policy_and_an_excluded_path_none() -> None:
    header = _headers(_answer(CachedCSPMiddleware))["Content-Security-Policy"]
    # django-csp's directive order follows a set's, which changes from process to process.
    assert set(header.split("; ")) == {
        "object-src 'none'",
        "default-src 'self'",
        "form-action 'self'",
        "script-src 'self'",
    }
    assert _headers(_answer(CachedCSPMiddleware, "/excluded/page")) == {}


def test_a_change_of_settings_changes_the_header() -> None:
    with override_settings(CONTENT_SECURITY_POLICY=POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY=None):
        first = _headers(_answer(CachedCSPMiddleware))["Content-Security-Policy"]
    changed = {"DIRECTIVES": {"default-src": [NONE]}}
    with override_settings(CONTENT_SECURITY_POLICY=changed, CONTENT_SECURITY_POLICY_REPORT_ONLY=None):
        assert _headers(_answer(CachedCSPMiddleware)) == {"Content-Security-Policy": "default-src 'none'"}
    assert first != "default-src 'none'"


@override_settings(CONTENT_SECURITY_POLICY=POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY=None)
def test_a_nonce_asked_for_after_the_header_is_written_is_an_error() -> None:
    from csp.exceptions import CSPNonceError

    request = RequestFactory().get("/page/")
    CachedCSPMiddleware(lambda request: HttpResponse("page"))(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)  # type: ignore[attr-defined]
