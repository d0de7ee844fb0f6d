"""django-csp's middleware, with the policy built once per process instead of for every response.

django-csp builds the Content-Security-Policy header from the settings on every response (a dataclass copied with
``asdict``, then every directive joined): about 0.1 ms of CPU, a twentieth of a court page (docs/performance.md).
A response with no policy of its own (no ``@csp_update``/``@csp_replace``/``@csp`` decorator) and no nonce
requested gets the same header every time, so that header is built once, by django-csp's own ``build_policy``, and
kept until the settings change. Everything else goes through django-csp unchanged.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

# What a view or decorator sets on a response to change its policy (django-csp's names).
_OWN_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
_DEBUG_EXEMPT = (404, 500)  # django-csp leaves Django's debug pages alone


@cache
def _headers() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """(header, value, exempt attribute, excluded path prefixes) for the policy and the report-only policy."""
    found = []
    for header, report_only, exempt, setting in (
        (HEADER, False, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
        (HEADER_REPORT_ONLY, True, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
    ):
        value = build_policy(report_only=report_only)
        if value:
            prefixes = tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ())
            found.append((header, value, exempt, prefixes))
    return tuple(found)


@receiver(setting_changed)
def _policy_changed(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _headers.cache_clear()


class CachedCSPMiddleware(CSPMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in _OWN_POLICY
        ):
            return super().process_response(request, response)
        if response.status_code in _DEBUG_EXEMPT and settings.DEBUG:
            return response
        for header, value, exempt, prefixes in _headers():
            excluded = bool(prefixes) and request.path_info.startswith(prefixes)
            if header not in response and not getattr(response, exempt, False) and not excluded:
                response[header] = value
        # As django-csp does: a nonce asked for after the header is written is an error, not a silent omission.
        setattr(request, "csp_nonce", CheckableLazyObject(self._csp_nonce_post_response))  # noqa: B010
        return response
