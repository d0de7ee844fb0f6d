#!/usr/bin/env bash
# `make run`: the demo web server plus its helpers — a local SMTP server that keeps every message it receives
# (var/mail, a Maildir, readable at /demo/mail/), the outbox worker that sends queued e-mail to it, and the audit
# sealer, so `manage.py verify_audit` finds every event sealed within seconds.
# Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
MAIL_PORT=${MAIL_PORT:-8025}

# The demo settings, whatever the environment says (without them manage.py would use the production settings).
export DJANGO_SETTINGS_MODULE=config.settings.demo
export OPENECF_EMAIL_BACKEND=smtp EMAIL_HOST=127.0.0.1 EMAIL_PORT="$MAIL_PORT" EMAIL_USE_TLS=0
export OPENECF_DEMO_MAILDIR="${OPENECF_DEMO_MAILDIR:-$PWD/var/mail}"
mkdir -p "$OPENECF_DEMO_MAILDIR"/{cur,new,tmp}  # a Maildir

helpers=()
stop_helpers() { for pid in "${helpers[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_helpers EXIT INT TERM

"$PY" -m aiosmtpd -n -l "127.0.0.1:$MAIL_PORT" -c aiosmtpd.handlers.Mailbox "$OPENECF_DEMO_MAILDIR" &
helpers+=($!)
"$PY" manage.py send_outbox --loop &
helpers+=($!)
"$PY" manage.py seal_audit --loop &
helpers+=($!)

echo "OpenECF demo: http://$HOST:$PORT/  (accounts in README.md; e-mail at http://$HOST:$PORT/demo/mail/; Ctrl-C stops)"
"$PY" manage.py runserver "$HOST:$PORT"
