#!/usr/bin/env bash
# The load generators `make bench` drives, from Debian's packages: wrk (throughput) and hey (fixed-rate latency).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v hey >/dev/null || missing+=(hey)
[ ${#missing[@]} -eq 0 ] && exit 0
as_root_or "Missing ${missing[*]}: run 'apt-get install ${missing[*]}' as root (make bench needs them)"
echo "Installing ${missing[*]} from Debian" >&2
apt_install "${missing[@]}" || true
for tool in "${missing[@]}"; do command -v "$tool" >/dev/null || { echo "Could not install $tool" >&2; exit 1; }; done
