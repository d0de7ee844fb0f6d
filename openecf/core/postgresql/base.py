"""Django's PostgreSQL backend, with a health check that needs no round trip while the connection is quiet.

``CONN_HEALTH_CHECKS`` (production) makes Django check a kept connection before a request's first query, so that
a connection the server has dropped (a restart, a failover, ``pg_terminate_backend``, an idle timeout) is replaced
instead of failing that request with a 500. Django checks with ``SELECT 1``: a round trip, and a statement for
the server to run, before every page and every login (about a tenth of a court page's CPU, docs/performance.md).

A server that ends a connection says so on its socket (an error message, then the end of the stream), and nothing
else arrives on a kept connection between requests. So the socket is polled first, without waiting: if nothing is
there and libpq still calls the connection good, it is usable. If anything at all is there, or the connection is
not idle, Django's ``SELECT 1`` decides as before. A peer that vanished without closing (a host powered off) sends
nothing either way; ``SELECT 1`` would hang on it as long as the first query does, so it gained nothing there.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None:
            return False
        pgconn = connection.pgconn
        if pgconn.status != pq.ConnStatus.OK:
            return False
        if pgconn.transaction_status == pq.TransactionStatus.IDLE:
            poller = select.poll()
            poller.register(pgconn.socket, select.POLLIN | select.POLLPRI)
            if not poller.poll(0):
                return True
        return bool(super().is_usable())
