#!/usr/bin/env bash
# Make sure a Redis server answers on 127.0.0.1:6379 (the throttle's shared store in production, the Redis
# tests, make bench). Uses the one already running; otherwise starts, or installs and starts, Debian's redis-server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
ready() { python3 - <<'PY' 2>/dev/null
import socket
with socket.create_connection(("127.0.0.1", 6379), timeout=1) as s:
    s.sendall(b"PING\r\n")
    assert s.recv(16).startswith(b"+PONG")
PY
}
if ready; then exit 0; fi
if ! command -v redis-server >/dev/null; then
  echo "Redis not found: installing Debian's redis-server" >&2
  apt_install redis-server
fi
mkdir -p /var/lib/redis /var/log/redis
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis \
  --logfile /var/log/redis/openecf.log
for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
echo "Redis did not come up on 127.0.0.1:6379" >&2
exit 1
