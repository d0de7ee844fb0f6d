"""Operational endpoints that belong to no domain app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for load balancers and process managers: the process answers through the whole middleware stack.

    It reads nothing from the database, so it is also the benchmark's bare Django response (docs/performance.md).
    """
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
