# Sourced by scripts/ensure-*.sh: install Debian packages the tests or the bench need.
#
# apt_install [--with-recommends] PACKAGE...: update the lists and install quietly, retrying every 5 seconds for
# up to 5 minutes, because another process may hold the dpkg lock for a moment (e.g. unattended upgrades).
# Returns non-zero if it never succeeded; the caller checks for what it needed and says what is missing.
apt_install() {
  local recommends=(--no-install-recommends)
  if [ "${1:-}" = --with-recommends ]; then
    recommends=()
    shift
  fi
  export DEBIAN_FRONTEND=noninteractive
  for _ in $(seq 1 60); do
    if apt-get update -qq && apt-get install -y -qq "${recommends[@]}" "$@" >/dev/null; then
      return 0
    fi
    sleep 5
  done
  return 1
}

# as_root_or MESSAGE: installing needs root; anyone else is told MESSAGE (what to run, as root) and the script stops.
as_root_or() {
  if [ "$(id -u)" != 0 ]; then
    echo "$1" >&2
    exit 1
  fi
}
