"""Real host names: pacer.login.<domain> for sign-on, ecf.<court>.<domain> for each court's CM/ECF site.

Clients such as juriscraper hard-code https://ecf.{court}.uscourts.gov/...; with OPENECF_COURT_DOMAIN set, the
server answers those hosts, serving each court's pages at the root of its own host, as CM/ECF does. Without it,
the same pages live under /ecf/<court>/ on any host.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from openecf.courts.selectors import court_by_id

# The court whose host is serving the current request ("" when none). Path converters have no request, so the
# court host's URLconf reads it from here; the middleware sets and resets it around each request.
current_court_host: ContextVar[str] = ContextVar("openecf_court_host", default="")


def domain() -> str:
    return str(settings.OPENECF_COURT_DOMAIN)


def _bare_host(request: HttpRequest) -> tuple[str, str]:
    host = request.get_host().lower()
    name, _, port = host.rpartition(":") if re.search(r":\d+$", host) else (host, "", "")
    return name, port


def court_of_host(request: HttpRequest) -> str:
    """The court id when the request came to ecf.<court>.<domain>, else ''."""
    if not domain():
        return ""
    name, _ = _bare_host(request)
    match = re.fullmatch(rf"ecf\.([a-z0-9]{{2,8}})\.{re.escape(domain())}", name)
    if match is None:
        return ""
    court = court_by_id(match.group(1))
    return court.pk if court else ""


def is_trusted_url_host(host: str) -> bool:
    """A next= URL may point back to any host of ours: the sign-on host or a court's host."""
    return bool(domain()) and (host == domain() or host.endswith(f".{domain()}"))


def login_url(request: HttpRequest, *, court_id: str, next_path: str) -> str:
    """The PACER login for a court. From a court's own host it is the sign-on host, as on PACER."""
    if court_of_host(request):
        _, port = _bare_host(request)
        scheme = request.scheme
        origin = f"{scheme}://pacer.login.{domain()}{':' + port if port else ''}"
        query = urlencode({"court": court_id, "next": request.build_absolute_uri(next_path)})
        return f"{origin}{reverse('signon:login', urlconf=settings.ROOT_URLCONF)}?{query}"
    return f"{reverse('signon:login')}?{urlencode({'court': court_id, 'next': next_path})}"
