# Shared by scripts/cluster*.sh (sourced, not run): where the loopback cluster keeps its files, and process helpers.
# Everything lives in $CLUSTER_DIR (default var/cluster, never committed): the generated secret and settings,
# one pid file per process, the logs, nginx's configuration, the shared storage and the static files.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PY="$ROOT/.venv/bin/python"
CLUSTER_DIR=$(realpath -m "${CLUSTER_DIR:-var/cluster}")
ENV_FILE="$CLUSTER_DIR/cluster.env"

# True when the pid file names a live process (a killed one not yet reaped by init is a zombie, not alive).
alive() {
  [ -s "$1" ] || return 1
  local state
  state=$(ps -o stat= -p "$(cat "$1")" 2>/dev/null) || return 1
  [[ $state != Z* ]]
}

# Start a command in a session of its own (so it and its children stop together), logging to $2, pid into $1.
launch() {
  local pidfile=$1 log=$2
  shift 2
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

# Wait until the URL answers 200 (or give up after $2 seconds, showing the log $3).
wait_for() {
  local url=$1 seconds=$2 log=$3
  for _ in $(seq 1 $((seconds * 5))); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "No answer from $url after ${seconds}s; the end of $log:" >&2
  tail -n 30 "$log" >&2
  return 1
}
