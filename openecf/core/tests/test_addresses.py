"""The client's address: REMOTE_ADDR, or behind trusted proxies the right-most X-Forwarded-For entry they vouch for."""

from __future__ import annotations

import subprocess
import sys
from ipaddress import ip_network
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from config import env
from openecf.audit.context import Origin
from openecf.core.addresses import client_address, resolve

ROOT = Path(__file__).resolve().parents[3]
PROXY = [ip_network("10.0.0.5/32")]
CHAIN = [ip_network("10.0.0.0/24"), ip_network("192.0.2.0/28")]


def test_without_trusted_proxies_x_forwarded_for_is_ignored() -> None:
    assert resolve("203.0.113.7", "198.51.100.1", []) == "203.0.113.7"


def test_a_peer_that_is_not_a_trusted_proxy_cannot_name_the_client() -> None:
    assert resolve("203.0.113.7", "198.51.100.1", PROXY) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_client_is_the_entry_it_appended() -> None:
    assert resolve("10.0.0.5", "198.51.100.1", PROXY) == "198.51.100.1"


def test_spoofed_entries_left_of_the_proxys_own_are_ignored() -> None:
    # The client sent "X-Forwarded-For: 1.2.3.4, 10.0.0.9"; the proxy appended the address it saw.
    assert resolve("10.0.0.5", "1.2.3.4, 10.0.0.9, 198.51.100.1", PROXY) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_to_the_first_untrusted_entry() -> None:
    # client -> 192.0.2.3 (CDN) -> 10.0.0.7 (load balancer) -> 10.0.0.5 (nginx) -> app
    assert resolve("10.0.0.5", "6.6.6.6, 198.51.100.1, 192.0.2.3, 10.0.0.7", CHAIN) == "198.51.100.1"


def test_when_every_entry_is_a_trusted_proxy_the_left_most_is_the_client() -> None:
    assert resolve("10.0.0.5", "10.0.0.8, 192.0.2.3, 10.0.0.7", CHAIN) == "10.0.0.8"


def test_a_trusted_proxy_without_x_forwarded_for_is_itself_the_client() -> None:
    assert resolve("10.0.0.5", "", PROXY) == "10.0.0.5"


def test_ipv6_clients_and_proxies() -> None:
    proxies = [ip_network("2001:db8:1::/48")]
    assert resolve("2001:db8:1::5", "2001:db8:ffff::1, 2001:DB8:2:0:0:0:0:9", proxies) == "2001:db8:2::9"
    assert resolve("2001:db8:9::5", "2001:db8:2::9", proxies) == "2001:db8:9::5"


def test_a_dual_stack_listener_reports_the_ipv4_proxy_as_mapped_ipv6() -> None:
    assert resolve("::ffff:10.0.0.5", "198.51.100.1", PROXY) == "198.51.100.1"


@pytest.mark.parametrize("garbage", ["unknown", "", "198.51.100.1:4431", "_hidden", "1.2.3.4.5", "<script>"])
def test_an_entry_that_is_not_an_address_stops_at_the_proxy_that_passed_it_on(garbage: str) -> None:
    # Never the garbage, never anything left of it: the trusted hop that handed it over is the address.
    assert resolve("10.0.0.5", f"198.51.100.9, {garbage}", PROXY) == "10.0.0.5"
    assert resolve("10.0.0.5", f"198.51.100.9, {garbage}, 10.0.0.7", CHAIN) == "10.0.0.7"


def test_a_peer_that_is_not_an_address_is_no_address() -> None:
    assert resolve("", "198.51.100.1", PROXY) is None


def test_the_audit_origin_takes_the_same_address(settings: Any) -> None:
    settings.OPENECF_TRUSTED_PROXIES = PROXY
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1")
    assert client_address(request) == "198.51.100.1"
    assert Origin.of(request).ip_address == "198.51.100.1"


def test_trusted_proxies_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENECF_TRUSTED_PROXIES", " 10.0.0.5, 192.0.2.0/28,2001:db8::/32 ")
    assert env.networks("OPENECF_TRUSTED_PROXIES") == (
        ip_network("10.0.0.5/32"),
        ip_network("192.0.2.0/28"),
        ip_network("2001:db8::/32"),
    )
    monkeypatch.delenv("OPENECF_TRUSTED_PROXIES")
    assert env.networks("OPENECF_TRUSTED_PROXIES") == ()


@pytest.mark.parametrize("value", ["10.0.0.0/33", "10.0.0.5/24", "proxy.internal", "10.0.0.5;10.0.0.6"])
def test_an_invalid_network_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("OPENECF_TRUSTED_PROXIES", f"127.0.0.1/32,{value}")
    with pytest.raises(ImproperlyConfigured, match="OPENECF_TRUSTED_PROXIES must be comma-separated networks"):
        env.networks("OPENECF_TRUSTED_PROXIES")


def test_the_settings_refuse_to_load_with_an_invalid_network() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite://:memory:", "OPENECF_TRUSTED_PROXIES": "10.0.0.0/33"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "ImproperlyConfigured: OPENECF_TRUSTED_PROXIES must be comma-separated networks (CIDR); " in result.stderr
    assert "'10.0.0.0/33' does not appear to be an IPv4 or IPv6 network" in result.stderr
