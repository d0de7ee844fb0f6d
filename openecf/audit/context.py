"""Who is asking: the request facts every audited action records, without passing requests into services."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from openecf.core.addresses import client_address


@dataclass(frozen=True)
class Origin:
    ip_address: str | None = None
    user_agent: str = ""

    @classmethod
    def of(cls, request: HttpRequest) -> Origin:
        return cls(
            ip_address=client_address(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:512],
        )


COMMAND_LINE = Origin(ip_address=None, user_agent="manage.py")
