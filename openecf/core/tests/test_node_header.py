"""Every response names the node that wrote it (X-OpenECF-Node), when the node has a name."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client


@pytest.mark.django_db
def test_every_response_names_the_node(settings: Any) -> None:
    settings.OPENECF_NODE_NAME = "node2"
    client = Client()  # the middleware reads the name when the client's handler loads it
    page = client.get("/login/")
    missing = client.get("/no-such-page/")
    redirect = client.get("/account/")
    health = client.get("/healthz")
    assert [page.status_code, missing.status_code, redirect.status_code, health.status_code] == [200, 404, 302, 200]
    assert [r["X-OpenECF-Node"] for r in (page, missing, redirect, health)] == ["node2"] * 4


@pytest.mark.django_db
def test_no_name_no_header(settings: Any) -> None:
    settings.OPENECF_NODE_NAME = ""
    assert "X-OpenECF-Node" not in Client().get("/healthz").headers
