#!/usr/bin/env bash
# Start app node N of the loopback cluster (`make cluster` runs it for each node): gunicorn with the production
# settings on 127.0.0.1:$((CLUSTER_NODE_PORT + N - 1)) and its background worker (run_worker). Whatever of the two
# is already running is left alone, so running it again after a crash restarts just what died.
set -euo pipefail
source "$(dirname "$0")/cluster-lib.sh"
n=${1:?usage: scripts/cluster-node.sh NODE_NUMBER}
[ -f "$ENV_FILE" ] || { echo "$ENV_FILE is missing: start the cluster with make cluster" >&2; exit 1; }
set -a
# shellcheck source=/dev/null
source "$ENV_FILE"
set +a
port=$((CLUSTER_NODE_PORT + n - 1))
export OPENECF_NODE_NAME="node$n" HOST=127.0.0.1 PORT=$port
if ! alive "$CLUSTER_DIR/node$n.pid"; then
  launch "$CLUSTER_DIR/node$n.pid" "$CLUSTER_DIR/node$n.log" "$PY" -m gunicorn -c config/gunicorn.py
fi
if ! alive "$CLUSTER_DIR/worker$n.pid"; then
  launch "$CLUSTER_DIR/worker$n.pid" "$CLUSTER_DIR/worker$n.log" "$PY" manage.py run_worker
fi
wait_for "http://127.0.0.1:$port/healthz" 60 "$CLUSTER_DIR/node$n.log"
echo "node$n: http://127.0.0.1:$port/ (log $CLUSTER_DIR/node$n.log, worker log $CLUSTER_DIR/worker$n.log)"
