"""The one place that reads the process environment.

Every setting that can vary between a laptop demo, CI and a court's production servers is read here, with a
default that makes the demo work with no variables at all. Production settings tighten the defaults
(see ``config/settings/production.py``); nothing else in the code base looks at ``os.environ``.
"""

from __future__ import annotations

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def integer(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}")
    return value


def listing(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def networks(name: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Comma-separated networks (``10.0.0.0/24``; a bare address is one host). Anything else stops the settings
    loading: a typo must not quietly trust nobody, or the wrong addresses."""
    found = []
    for item in listing(name, []):
        try:
            found.append(ipaddress.ip_network(item))  # strict: 10.0.0.5/24 is refused, not silently widened
        except ValueError as error:
            raise ImproperlyConfigured(f"{name} must be comma-separated networks (CIDR); {error}") from None
    return tuple(found)


def required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment")
    return value
