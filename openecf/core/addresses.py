"""The client's address: the one answer the throttle and the audit log share.

Behind a proxy ``REMOTE_ADDR`` is the proxy, so every client would share one throttle counter and one known-address
entry. X-Forwarded-For is only believed as far as it was written by proxies we trust
(``OPENECF_TRUSTED_PROXIES``): reading it from the right, each trusted hop vouches for the entry to its left, and the
first entry that is not a trusted proxy is the client. Everything further left was written by the client itself and
is ignored, so a forged header cannot choose the address that is counted or recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

from django.conf import settings
from django.http import HttpRequest

Network = IPv4Network | IPv6Network
Address = IPv4Address | IPv6Address


def _parsed(text: str) -> Address | None:
    """A bare IPv4 or IPv6 address, or None (ports, "unknown", obfuscated names and garbage are not addresses)."""
    try:
        address = ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # a dual-stack listener reports ::ffff:10.0.0.5 for the proxy at 10.0.0.5
    return address


def _trusted(address: Address, proxies: Sequence[Network]) -> bool:
    return any(address in network for network in proxies)


def resolve(remote_addr: str, forwarded_for: str, proxies: Sequence[Network]) -> str | None:
    """The client's address from the peer and its X-Forwarded-For, trusting only ``proxies``.

    An entry that is not an address ends the walk at the trusted hop that passed it on: that hop is recorded, so a
    client cannot pick an address with garbage, nor escape the per-address count (all such requests share the
    proxy's one counter, which no ordinary client uses).
    """
    peer = _parsed(remote_addr)
    if peer is None:
        return None
    client = peer
    if _trusted(peer, proxies):
        for entry in reversed(forwarded_for.split(",")):
            hop = _parsed(entry)
            if hop is None:
                break
            client = hop
            if not _trusted(hop, proxies):
                break
    return str(client)


def client_address(request: HttpRequest) -> str | None:
    """Where the request came from, for the throttle and the audit log alike (see the module's docstring)."""
    return resolve(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        settings.OPENECF_TRUSTED_PROXIES,
    )
