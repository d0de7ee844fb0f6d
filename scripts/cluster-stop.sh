#!/usr/bin/env bash
# `make cluster-stop`: end every process `make cluster` started (nginx, the nodes, their workers, the mail sink),
# by the pid files in $CLUSTER_DIR. The database, the secret and the stored files stay for the next start.
set -euo pipefail
source "$(dirname "$0")/cluster-lib.sh"
shopt -s nullglob
pidfiles=("$CLUSTER_DIR"/*.pid)
for pidfile in "${pidfiles[@]}"; do
  # Each was started in a session of its own: the whole group goes (gunicorn's workers with their master).
  alive "$pidfile" && kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null || true
done
for pidfile in "${pidfiles[@]}"; do
  for _ in $(seq 1 75); do alive "$pidfile" || break; sleep 0.2; done
  if alive "$pidfile"; then
    echo "$(basename "$pidfile" .pid) did not stop within 15 s: killed" >&2
    kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || true
  fi
  rm -f "$pidfile"
done
echo "Cluster stopped (${#pidfiles[@]} process groups)."
