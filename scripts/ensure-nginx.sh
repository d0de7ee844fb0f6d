#!/usr/bin/env bash
# Make sure Debian's nginx is at /usr/sbin/nginx for the tests that put the app behind a real proxy (each test
# starts its own nginx on a free loopback port; the package's own service is not used). Installs the package when
# absent (CI runs as root).
set -euo pipefail
if [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "nginx is missing: run 'apt-get install nginx' as root (needed by tests/test_behind_proxy.py)" >&2
  exit 1
fi
echo "nginx not found: installing Debian's nginx" >&2
export DEBIAN_FRONTEND=noninteractive
# Another process may hold the dpkg lock for a moment (e.g. unattended upgrades); wait for it.
for _ in $(seq 1 60); do
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx >/dev/null; then
    break
  fi
  sleep 5
done
[ -x /usr/sbin/nginx ] || { echo "Could not install Debian's nginx" >&2; exit 1; }
