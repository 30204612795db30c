#!/bin/sh
# manage.py with the production environment, e.g. on the server:
#   sudo -u schoolhost /srv/schoolhost/app/deploy/manage.sh migrate_schemas --shared
# Reads SCHOOLHOST_ENV_FILE (default /etc/schoolhost/schoolhost.env, the systemd units' file)
# and the virtualenv next to this folder (../.venv).
set -eu
env_file="${SCHOOLHOST_ENV_FILE:-/etc/schoolhost/schoolhost.env}"
app_dir="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -r "$env_file" ]; then
    echo "deploy/manage.sh: cannot read $env_file (set SCHOOLHOST_ENV_FILE)" >&2
    exit 2
fi
set -a
. "$env_file"
set +a
cd "$app_dir"
exec "$app_dir/.venv/bin/python" manage.py "$@"
