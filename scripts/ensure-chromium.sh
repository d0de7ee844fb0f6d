#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests (Playwright drives it; its own
# browser download does not work on these machines). Installs the package when absent (CI runs as root).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing: run 'apt-get install chromium' as root (needed by the browser tests)" >&2
  exit 1
fi
echo "Chromium not found: installing Debian's chromium" >&2
export DEBIAN_FRONTEND=noninteractive
# Another process may hold the dpkg lock for a moment (e.g. unattended upgrades); wait for it.
for _ in $(seq 1 60); do
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    break
  fi
  sleep 5
done
[ -x /usr/bin/chromium ] || { echo "Could not install Debian's chromium" >&2; exit 1; }
