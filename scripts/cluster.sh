#!/usr/bin/env bash
# `make cluster`: OpenECF as a court would run it, on loopback. Debian's nginx on 127.0.0.1:$CLUSTER_PORT (8080) in
# front of $CLUSTER_NODES (2) app nodes on 127.0.0.1:8101, 8102, ... (gunicorn, config.settings.production, each
# with its run_worker), sharing PostgreSQL, Redis and one storage directory; a mail sink keeps what they send.
# `make cluster-stop` ends it. docs/deployment.md describes the topology.
#
# Settings (environment): CLUSTER_NODES, CLUSTER_PORT, CLUSTER_NODE_PORT (the first node's), CLUSTER_MAIL_PORT,
# CLUSTER_MAIL_SINK=0 (send to a mail server already on CLUSTER_MAIL_PORT), CLUSTER_DATABASE_URL (created if
# missing), CLUSTER_REDIS_URL, CLUSTER_DIR, CLUSTER_LOAD_DEMO=0 (no demo accounts), CLUSTER_NODE_ENV (extra
# VAR=value pairs, space-separated, for every node and worker).
set -euo pipefail
source "$(dirname "$0")/cluster-lib.sh"
NODES=${CLUSTER_NODES:-2}
PORT=${CLUSTER_PORT:-8080}
NODE_PORT=${CLUSTER_NODE_PORT:-8101}
MAIL_PORT=${CLUSTER_MAIL_PORT:-8026}
DATABASE_URL=${CLUSTER_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/openecf_cluster}
REDIS_URL=${CLUSTER_REDIS_URL:-redis://127.0.0.1:6379/1}

if alive "$CLUSTER_DIR/nginx.pid"; then
  echo "The cluster is already running (http://127.0.0.1:$PORT/); make cluster-stop ends it." >&2
  exit 1
fi
mkdir -p "$CLUSTER_DIR"/{storage,mail/cur,mail/new,mail/tmp,nginx-temp}
chmod 700 "$CLUSTER_DIR"

# The secret every node signs sessions with: generated once, kept (so sessions survive a restart), never committed.
if [ ! -s "$CLUSTER_DIR/secret_key" ]; then
  (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$CLUSTER_DIR/secret_key")
fi

# What every node and worker is started with (scripts/cluster-node.sh reads it).
(
  umask 077
  cat >"$ENV_FILE" <<ENV
DJANGO_SETTINGS_MODULE=config.settings.production
OPENECF_SECRET_KEY=$(cat "$CLUSTER_DIR/secret_key")
DATABASE_URL=$DATABASE_URL
REDIS_URL=$REDIS_URL
OPENECF_ALLOWED_HOSTS=127.0.0.1,localhost
OPENECF_TRUSTED_PROXIES=127.0.0.1/32
OPENECF_SSL_REDIRECT=0
OPENECF_SECURE_COOKIES=0
OPENECF_SITE_URL=http://127.0.0.1:$PORT
OPENECF_STATIC_ROOT=$CLUSTER_DIR/static
OPENECF_STORAGE_ROOT=$CLUSTER_DIR/storage
OPENECF_EMAIL_BACKEND=smtp
EMAIL_HOST=127.0.0.1
EMAIL_PORT=$MAIL_PORT
EMAIL_USE_TLS=0
CLUSTER_NODE_PORT=$NODE_PORT
ENV
  for pair in ${CLUSTER_NODE_ENV:-}; do echo "$pair" >>"$ENV_FILE"; done
)

# The database: created when missing, migrated once from here (not by each node), the demo loaded.
"$PY" - "$DATABASE_URL" <<'PY'
import sys, urllib.parse
import psycopg
url = urllib.parse.urlsplit(sys.argv[1])
name = url.path.lstrip("/")
with psycopg.connect(urllib.parse.urlunsplit(url._replace(path="/postgres")), autocommit=True) as admin:
    if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        admin.execute(f'CREATE DATABASE "{name}"')
PY
manage() { (set -a && source "$ENV_FILE" && set +a && "$PY" manage.py "$@"); }
manage migrate --noinput -v 0
manage collectstatic --noinput -v 0
# The demo's loader is tooling, installed by the demo settings only (production's apps don't include it).
if [ "${CLUSTER_LOAD_DEMO:-1}" = 1 ]; then
  manage_demo() { (set -a && source "$ENV_FILE" && set +a && DJANGO_SETTINGS_MODULE=config.settings.demo "$PY" manage.py "$@"); }
  manage_demo load_demo | tail -n 1
  for clerk in wiwdclerk1 wiwdclerk2; do manage add_clerk "$clerk" wiwd >/dev/null; done
fi

if [ "${CLUSTER_MAIL_SINK:-1}" = 1 ] && ! alive "$CLUSTER_DIR/mail.pid"; then
  launch "$CLUSTER_DIR/mail.pid" "$CLUSTER_DIR/mail.log" \
    "$PY" -m aiosmtpd -n -l "127.0.0.1:$MAIL_PORT" -c aiosmtpd.handlers.Mailbox "$CLUSTER_DIR/mail"
fi
for n in $(seq 1 "$NODES"); do bash scripts/cluster-node.sh "$n"; done

upstreams=""
for n in $(seq 1 "$NODES"); do
  upstreams+="        server 127.0.0.1:$((NODE_PORT + n - 1)) max_fails=1 fail_timeout=5s;"$'\n'
done
# As root, nginx would hand its workers to "nobody", who may not enter $CLUSTER_DIR.
user=""
[ "$(id -u)" = 0 ] && user="user $(id -un) $(id -gn);"
template=$(cat config/nginx/cluster.conf.template)
template=${template//@DIR@/$CLUSTER_DIR}
template=${template//@USER@/$user}
template=${template//@LISTEN@/127.0.0.1:$PORT}
template=${template//@NODES@/$NODES}
template=${template//@UPSTREAMS@/${upstreams%$'\n'}}
echo "$template" >"$CLUSTER_DIR/nginx.conf"
launch "$CLUSTER_DIR/nginx.pid" "$CLUSTER_DIR/nginx.log" \
  /usr/sbin/nginx -p "$CLUSTER_DIR/" -e "$CLUSTER_DIR/nginx-error.log" -c "$CLUSTER_DIR/nginx.conf"
wait_for "http://127.0.0.1:$PORT/healthz" 30 "$CLUSTER_DIR/nginx-error.log"

cat <<DONE
OpenECF cluster: http://127.0.0.1:$PORT/ (nginx) in front of $NODES nodes on 127.0.0.1:$NODE_PORT-$((NODE_PORT + NODES - 1)).
  Each response names its node in the X-OpenECF-Node header: curl -s -D - -o /dev/null http://127.0.0.1:$PORT/login/ | grep -i node
  Demo accounts: README.md (password Central-SignOn-2026!); e-mail sent lands in $CLUSTER_DIR/mail/new.
  Logs and pid files: $CLUSTER_DIR. make cluster-stop ends it all.
DONE
