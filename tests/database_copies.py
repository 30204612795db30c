"""One test database built, the others copied: the first run of `make test` on a machine.

Each pytest-xdist process has its own test database (`test_schoolhost_gw0`, `_gw1`, …). Built
from nothing, each runs every migration of the public schema, builds the template schema and
fills the pool (~45 s a process, all at once on the same two cores). Instead, the first
process to start builds its database as usual and leaves a copy of it as a base
(`test_schoolhost_base`); the others, finding no database of their own, copy the base with
PostgreSQL's `CREATE DATABASE … TEMPLATE` (a file copy, seconds). A session-level advisory
lock on the server's `postgres` database makes the others wait while the first builds. Kept
databases (`--reuse-db`) are used as they are; a copy of a base older than the code is
migrated by pytest-django like any kept database.
"""

from __future__ import annotations

import psycopg2
from psycopg2 import sql

LOCK = 0x5C4E_7E57  # any constant no other advisory lock on the server uses


class DatabaseCopies:
    """The lock and the base for one process's test database (Django's settings dict)."""

    def __init__(self, settings_dict: dict, test_name: str):
        self.settings = settings_dict
        self.name = test_name
        suffix = test_name.rsplit("_gw", 1)
        self.base = f"{suffix[0]}_base"
        self._server = None

    def _connect(self):
        server = psycopg2.connect(
            dbname="postgres",
            user=self.settings.get("USER") or None,
            password=self.settings.get("PASSWORD") or None,
            host=self.settings.get("HOST") or None,
            port=self.settings.get("PORT") or None,
        )
        server.autocommit = True
        return server

    def _exists(self, name: str) -> bool:
        with self._server.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cursor.fetchone() is not None

    def before_setup(self) -> bool:
        """Take the lock; copy the base when this process has no database and a base exists.
        Returns True when this process builds its database (and will leave the base)."""
        self._server = self._connect()
        with self._server.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        if self._exists(self.name):
            self.release()
            return False
        if self._exists(self.base):
            with self._server.cursor() as cursor:
                cursor.execute(
                    sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                        sql.Identifier(self.name), sql.Identifier(self.base)
                    )
                )
            self.release()
            return False
        return True

    def after_setup(self, close_connections) -> None:
        """Leave a copy of this process's freshly built database as the base, then unlock.
        `close_connections` closes Django's connections (a template must have none)."""
        close_connections()
        with self._server.cursor() as cursor:
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(self.base), sql.Identifier(self.name)
                )
            )
        self.release()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()  # ends the session, and its advisory lock
            self._server = None
