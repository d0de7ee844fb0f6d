"""gunicorn settings for `make serve`, read from the environment through config.env like everything else."""

from __future__ import annotations

import os

from config import env

wsgi_app = "config.wsgi:application"
bind = f"{env.text('HOST', '127.0.0.1')}:{env.integer('PORT', 8000, minimum=1)}"
# A worker per core: a login is CPU-bound (the Argon2 hash), so more sync workers than cores only queue inside
# the kernel instead of in the listen backlog, and cost memory (docs/performance.md measures both).
workers = env.integer("WEB_CONCURRENCY", os.cpu_count() or 1, minimum=1)
# Two threads a worker: while one waits on PostgreSQL (a commit waits for the WAL flush), the other hashes. The
# Argon2 call releases the GIL. More threads only contend for the GIL (docs/performance.md).
worker_class = env.text("OPENECF_WORKER_CLASS", "gthread")
threads = env.integer("WEB_THREADS", 2, minimum=1)
timeout = 30
graceful_timeout = 10
accesslog = "-"
forwarded_allow_ips = env.text("OPENECF_FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket defaults to one path per user ($HOME/.gunicorn/gunicorn.ctl): several servers on a host
# (the nodes of `make cluster`, the tests' servers) would take it from one another. Nothing here uses it.
control_socket_disable = True


def post_worker_init(worker: object) -> None:
    """Once the app is loaded: its objects (modules, settings, URLconfs, compiled templates) move out of the
    collector's sight (gc.freeze), and the youngest generation is collected every 50,000 allocations rather than
    every 700. A request allocates tens of thousands of short-lived objects (a 10,000-entry docket report about
    20,000 model instances); with the default threshold the collector ran over and over during one request and over
    the whole app each time its oldest generation was due. Measured in-process: a 10,000-entry Docket Report 890 ->
    625 ms (docs/performance.md). ``OPENECF_GC_THRESHOLD=700`` restores Python's default."""
    import gc

    gc.freeze()
    gc.set_threshold(env.integer("OPENECF_GC_THRESHOLD", 50_000, minimum=1), 50, 100)
