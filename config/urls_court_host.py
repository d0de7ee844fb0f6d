"""The URLconf of a court's own host (ecf.<court>.<domain>): its CM/ECF pages at the root.

The court in the path is implicit; ``/ecf/<other>/...`` still reaches another court, so a link to another court
made on this host keeps working.
"""

from __future__ import annotations

from django.urls import include, path, register_converter

from config.urls import COURT_SITE
from config.urls import urlpatterns as root_patterns
from openecf.signon.hosts import current_court_host


class HostCourtConverter:
    regex = r"(?:ecf/[A-Za-z0-9]{2,8}/)?"

    def to_python(self, value: str) -> str:
        return value[len("ecf/") : -1] if value else current_court_host.get()

    def to_url(self, value: str) -> str:
        return "" if value == current_court_host.get() else f"ecf/{value}/"


register_converter(HostCourtConverter, "hostcourt")

urlpatterns = [
    path("<hostcourt:court_id>", include(COURT_SITE)),
    *[pattern for pattern in root_patterns if not str(pattern.pattern).startswith("ecf/")],
]

handler400 = "openecf.signon.views.bad_request"
handler403 = "openecf.signon.views.forbidden"
handler404 = "openecf.reports.views.court_page_not_found"  # a court page on a court's site
handler500 = "openecf.signon.views.server_error"
