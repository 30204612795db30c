#!/usr/bin/env bash
# Start (or `stop`) the demo processes in the background: web server on :$DEMO_PORT (8000 unless
# set), Celery worker and Celery beat. Logs and pids go to var/log and var/run.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var/log var/run
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-schoolhost.settings.dev}
PORT=${DEMO_PORT:-8000}
# Links the demo prints and writes (e-mails, Wagtail's Site) use the port it serves on.
export SITE_URL_PORT=${SITE_URL_PORT:-$PORT}

stop() {
  for name in web worker beat; do
    if [ -f "var/run/$name.pid" ]; then
      kill "$(cat var/run/$name.pid)" 2>/dev/null || true
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
nohup $PY manage.py runserver "0.0.0.0:$PORT" --noreload > var/log/web.log 2>&1 & echo $! > var/run/web.pid
for _ in $(seq 1 30); do
  curl -s -o /dev/null -H "Host: localhost" "http://127.0.0.1:$PORT/" && break
  sleep 1
done
$PY manage.py load_demo > var/log/load_demo.log
$PY manage.py load_demo_history --authority phong-dien --since 2026-08-01 | tail -n 1
sed -n '/schoolhost demo is loaded/,$p' var/log/load_demo.log
echo
echo "  Processes: web (var/log/web.log), Celery worker (var/log/worker.log), beat (var/log/beat.log)."
echo "  Stop them with: make stop"
