"""Who is asking: the request facts every audited action records, without passing requests into services."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Origin:
    ip_address: str | None = None
    user_agent: str = ""

    @classmethod
    def of(cls, request: HttpRequest) -> Origin:
        # REMOTE_ADDR only: trusting X-Forwarded-For needs a configured proxy list, which a deployment adds.
        return cls(
            ip_address=request.META.get("REMOTE_ADDR") or None,
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:512],
        )


COMMAND_LINE = Origin(ip_address=None, user_agent="manage.py")
