#!/usr/bin/env bash
# Start (or `stop`) the demo processes in the background, served as production serves them
# (deploy/): nginx with the front cache, /static/ and /media/ on 127.0.0.1:$DEMO_PORT (8000 unless
# set) in front of gunicorn with DEBUG off, a Celery worker and Celery beat. Logs and pids go to
# var/log and var/run. DEBUG=1 (a developer's flag) turns Django's debug pages back on.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var/log var/run
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-schoolhost.settings.dev}
PORT=${DEMO_PORT:-8000}
UPSTREAM_PORT=$((PORT + 1))   # gunicorn, behind nginx
PURGE_PORT=$((PORT + 2))      # nginx's purge endpoint (Wagtail's frontend cache)
CEILING_PORT=$((PORT + 3))    # nginx's static-only server (benchmarks; unused here)
# Links the demo prints and writes (e-mails, Wagtail's Site) use the port it serves on.
export SITE_URL_PORT=${SITE_URL_PORT:-$PORT}
# The demo is served as it would be for real: DEBUG off, so a missing page or an error shows the
# school's (or portal's) error page, never Django's debug page.
export DEBUG=${DEBUG:-0}
export FRONTEND_CACHE_PURGE_URLS=${FRONTEND_CACHE_PURGE_URLS:-http://127.0.0.1:$PURGE_PORT}
# nginx passes Host without the port: forms posted from these origins are the demo's own.
export CSRF_TRUSTED_ORIGINS=${CSRF_TRUSTED_ORIGINS:-http://*.localhost:$PORT,http://localhost:$PORT,http://127.0.0.1:$PORT}

stop() {
  for name in nginx web worker beat; do
    if [ -f "var/run/$name.pid" ]; then
      # nginx stops gracefully on QUIT; the others on TERM.
      kill -s "$([ $name = nginx ] && echo QUIT || echo TERM)" "$(cat var/run/$name.pid)" 2>/dev/null || true
      rm -f "var/run/$name.pid"
    fi
  done
}

if [ "${1:-}" = stop ]; then stop; echo "demo stopped"; exit 0; fi
stop
[ -f var/env.sh ] && . var/env.sh
nohup .venv/bin/celery -A schoolhost worker --loglevel=info --concurrency=2 \
  > var/log/worker.log 2>&1 & echo $! > var/run/worker.pid
nohup .venv/bin/celery -A schoolhost beat --loglevel=info \
  --scheduler django_celery_beat.schedulers:DatabaseScheduler \
  --pidfile= > var/log/beat.log 2>&1 & echo $! > var/run/beat.pid
$PY manage.py collectstatic --noinput -v 0
GUNICORN_BIND=127.0.0.1:$UPSTREAM_PORT GUNICORN_WORKERS=${GUNICORN_WORKERS:-3} \
  nohup .venv/bin/gunicorn -c deploy/gunicorn.conf.py schoolhost.wsgi:application \
  > var/log/web.log 2>&1 & echo $! > var/run/web.pid
read -r -a NGINX_COMMAND < <($PY deploy/nginx/benchnginx.py --render --folder var/demo-nginx \
  --upstream-port "$UPSTREAM_PORT" --cache-port "$PORT" --purge-port "$PURGE_PORT" \
  --static-port "$CEILING_PORT" --static-root "${STATIC_ROOT:-var/static}" \
  --media-root "${MEDIA_ROOT:-var/media}" --workers 2)
nohup "${NGINX_COMMAND[@]}" > var/log/nginx.log 2>&1 & echo $! > var/run/nginx.pid
for _ in $(seq 1 30); do
  curl -s -o /dev/null -H "Host: localhost" "http://127.0.0.1:$PORT/" && break
  sleep 1
done
$PY manage.py load_demo > var/log/load_demo.log
$PY manage.py load_demo_history --authority so-gddt-hue --since 2026-08-01 | tail -n 1
sed -n '/schoolhost demo is loaded/,$p' var/log/load_demo.log
echo
echo "  Processes: nginx on 127.0.0.1:$PORT (var/demo-nginx/error.log) → gunicorn on :$UPSTREAM_PORT"
echo "  (var/log/web.log), Celery worker (var/log/worker.log), beat (var/log/beat.log)."
echo "  Stop them with: make stop"
