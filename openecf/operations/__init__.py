"""What runs beside the web nodes: the background worker (run_worker) and the purge of records that have ended.

No models of its own: it works on the other apps' tables through their models, so it sits above them all.
"""
