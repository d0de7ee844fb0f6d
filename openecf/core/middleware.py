"""Which app node answered: every response says so in ``X-OpenECF-Node`` when the node has a name.

Behind a load balancer the nodes are interchangeable, so an operator reading a slow or failed response (or the
cluster test checking that one session is served by both nodes) needs to know which one wrote it. The name is the
operator's choice (``OPENECF_NODE_NAME``), never the host name, which a court may not want to publish.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

HEADER = "X-OpenECF-Node"


class NodeNameMiddleware:
    """Outermost, so redirects, refusals and error pages written by other middleware carry the name too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.name: str = settings.OPENECF_NODE_NAME

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.name:
            response[HEADER] = self.name
        return response
