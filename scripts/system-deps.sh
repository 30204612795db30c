#!/usr/bin/env bash
# Debian packages the tests and benchmarks drive for real: chromium (browser tests), nginx with
# the cache-purge module (front cache), wrk (load), fonts. Installs what is missing, or says
# exactly what to install.
# `--demo`: only what `make demo` serves with (nginx and its purge module, pg_dump).
set -euo pipefail
missing=()
command -v nginx >/dev/null || missing+=(nginx-light)
ls /usr/lib/nginx/modules/ngx_http_cache_purge_module.so >/dev/null 2>&1 || missing+=(libnginx-mod-http-cache-purge)
command -v pg_dump >/dev/null || missing+=(postgresql-client)
if [ "${1:-}" != --demo ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v wrk >/dev/null || missing+=(wrk)
fi
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)  # PDF reports
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "[system-deps] installing: ${missing[*]}" >&2
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq >/dev/null 2>&1 || true
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "[system-deps] missing Debian packages. Please run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
