#!/usr/bin/env bash
# Make sure PostgreSQL and Redis are reachable and write their addresses to var/env.sh.
#
# Order of preference (README, "Configuration"):
#   1. DATABASE_URL / REDIS_URL from the environment;
#   2. servers already listening on 127.0.0.1:5432 / 127.0.0.1:6379;
#   3. private instances under var/ (git-ignored), installing Debian's packages when we can.
# Set SCHOOLHOST_PRIVATE_SERVICES=1 to skip step 2 (e.g. to keep the project off a shared server).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
PG_PORT=${SCHOOLHOST_PG_PORT:-54329}
REDIS_PORT=${SCHOOLHOST_REDIS_PORT:-63799}
DB_NAME=${SCHOOLHOST_DB_NAME:-schoolhost}

say() { echo "[services] $*" >&2; }
is_root() { [ "$(id -u)" = 0 ]; }

install_packages() {  # install_packages PKG... ; exits with instructions when it cannot
  if is_root && command -v apt-get >/dev/null; then
    say "installing Debian packages: $*"
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null && command -v apt-get >/dev/null; then
    sudo apt-get update -qq >/dev/null 2>&1 || true
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    say "cannot install packages here. Please run:  sudo apt-get install $*"
    say "or set DATABASE_URL / REDIS_URL to servers you already have."
    exit 1
  fi
}

pg_reachable() { python3 - "$1" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
try:
    socket.create_connection((u.hostname or "127.0.0.1", u.port or 5432), timeout=2).close()
except OSError:
    sys.exit(1)
PY
}

start_private_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    install_packages postgresql
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  local data="$PWD/var/postgres" run=""
  mkdir -p "$data"
  if is_root; then chown -R postgres:postgres "$data"; run="runuser -u postgres --"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    say "initialising a private PostgreSQL in var/postgres (port $PG_PORT)"
    $run "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! $run "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    $run "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp" start >/dev/null
  fi
  DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$DB_NAME"
}

start_private_redis() {
  command -v redis-server >/dev/null || install_packages redis-server
  mkdir -p var/redis
  if ! (echo PING | timeout 2 bash -c "cat > /dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null; then
    say "starting a private Redis on port $REDIS_PORT"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save "" \
      --appendonly no --dir "$PWD/var/redis" --logfile "$PWD/var/redis/redis.log" \
      --pidfile "$PWD/var/redis/redis.pid"
  fi
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
}

if [ -n "${DATABASE_URL:-}" ]; then
  pg_reachable "$DATABASE_URL" || { say "DATABASE_URL is set but does not answer: $DATABASE_URL"; exit 1; }
elif [ -z "${SCHOOLHOST_PRIVATE_SERVICES:-}" ] && pg_reachable "postgres://127.0.0.1:5432"; then
  DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB_NAME"
else
  start_private_postgres
fi

if [ -n "${REDIS_URL:-}" ]; then :
elif [ -z "${SCHOOLHOST_PRIVATE_SERVICES:-}" ] && (timeout 2 bash -c "</dev/tcp/127.0.0.1/6379") 2>/dev/null; then
  REDIS_URL="redis://127.0.0.1:6379/0"
else
  start_private_redis
fi

cat > var/env.sh <<ENV
export DATABASE_URL='$DATABASE_URL'
export REDIS_URL='$REDIS_URL'
ENV
say "PostgreSQL: $DATABASE_URL"
say "Redis:      $REDIS_URL"
