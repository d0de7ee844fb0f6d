"""/healthz: what a load balancer probes."""

from __future__ import annotations

from django.test import Client


def test_healthz_answers_ok_without_a_session_or_the_database() -> None:
    # No django_db mark: pytest-django fails the test if the view touches the database.
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "sessionid" not in response.cookies


def test_healthz_refuses_writes() -> None:
    assert Client().post("/healthz").status_code == 405
