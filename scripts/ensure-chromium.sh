#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests (Playwright drives it; its own
# browser download does not work on these machines). Installs the package when absent (CI runs as root).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
if [ -x /usr/bin/chromium ]; then exit 0; fi
as_root_or "Chromium is missing: run 'apt-get install chromium' as root (needed by the browser tests)"
echo "Chromium not found: installing Debian's chromium" >&2
apt_install chromium fonts-dejavu-core || true
[ -x /usr/bin/chromium ] || { echo "Could not install Debian's chromium" >&2; exit 1; }
