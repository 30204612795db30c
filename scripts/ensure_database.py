"""Create the database named in DATABASE_URL when it does not exist yet (idempotent)."""

import os
import sys
import urllib.parse

import psycopg2
from psycopg2 import sql

url = urllib.parse.urlparse(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
try:
    conn = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username or "postgres",
        password=url.password,
        dbname="postgres",
    )
except psycopg2.OperationalError as exc:
    sys.exit(f"cannot connect to PostgreSQL at {url.hostname}:{url.port}: {exc}")
conn.autocommit = True
with conn.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    if cursor.fetchone() is None:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"[services] created database {name}", file=sys.stderr)
conn.close()
