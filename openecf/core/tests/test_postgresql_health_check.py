"""A kept PostgreSQL connection is checked before a request uses it, without a round trip while it is quiet.

Production keeps connections between requests (CONN_MAX_AGE) with CONN_HEALTH_CHECKS on: a connection the server
has ended (a restart, a failover, pg_terminate_backend) must be replaced before the request's first query, not
fail that request. openecf.core.postgresql polls the socket instead of sending Django's SELECT 1.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection, connections

from openecf.core.postgresql.base import DatabaseWrapper

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def kept() -> Iterator[DatabaseWrapper]:
    """A second connection to the test database, opened and idle, as a worker's is between requests."""
    if connection.vendor != "postgresql":
        pytest.skip("the health check is PostgreSQL's backend; SQLite has no server to end a connection")
    assert isinstance(connections["default"], DatabaseWrapper)  # the backend production runs (config/settings)
    other = DatabaseWrapper({**connection.settings_dict, "CONN_HEALTH_CHECKS": True, "CONN_MAX_AGE": None}, "kept")
    other.ensure_connection()
    yield other
    other.close()


def _backend_pid(wrapper: DatabaseWrapper) -> int:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def _last_statement(pid: int) -> str:
    """What that connection last sent, as the server saw it (asked from the test's own connection)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        return str(cursor.fetchone()[0])


def test_a_quiet_connection_is_usable_without_a_statement(kept: DatabaseWrapper) -> None:
    pid = _backend_pid(kept)
    assert kept.is_usable() is True
    assert _last_statement(pid) == "SELECT pg_backend_pid()"  # no SELECT 1 was sent


def test_a_connection_the_server_ended_is_not_usable_and_is_replaced(kept: DatabaseWrapper) -> None:
    old_pid = _backend_pid(kept)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [old_pid])
    assert kept.is_usable() is False
    kept.close_if_unusable_or_obsolete()  # a request starts (Django's request_started handler)
    with kept.cursor() as cursor:  # its first query: the check finds the connection ended and opens another
        cursor.execute("SELECT 41 + 1")
        assert cursor.fetchone() == (42,)
    assert _backend_pid(kept) != old_pid


def test_a_connection_with_something_unread_is_checked_by_a_round_trip(kept: DatabaseWrapper) -> None:
    pid = _backend_pid(kept)
    with kept.cursor() as cursor:
        cursor.execute("LISTEN openecf_health")
    with connection.cursor() as cursor:
        cursor.execute("NOTIFY openecf_health")
        cursor.execute("SELECT pg_sleep(0.2)")  # the notification reaches the listener's socket
    assert kept.is_usable() is True  # something was there to read: SELECT 1 decided, and the server answered
    assert _last_statement(pid) == "SELECT 1"
