#!/usr/bin/env bash
# Make sure Debian's nginx is at /usr/sbin/nginx for the tests that put the app behind a real proxy (each test
# starts its own nginx on a free loopback port; the package's own service is not used). Installs the package when
# absent (CI runs as root).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
if [ -x /usr/sbin/nginx ]; then exit 0; fi
as_root_or "nginx is missing: run 'apt-get install nginx' as root (needed by tests/test_behind_proxy.py)"
echo "nginx not found: installing Debian's nginx" >&2
apt_install nginx || true
[ -x /usr/sbin/nginx ] || { echo "Could not install Debian's nginx" >&2; exit 1; }
