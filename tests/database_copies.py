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

from contextlib import ExitStack

from psycopg2 import sql

LOCK = 0x5C4E_7E57  # any constant no other advisory lock on the server uses


class DatabaseCopies:
    """The lock and the base for one process's test database, on a connection to the server's
    `postgres` database (Django's own `_nodb_cursor`, what its test-database creation uses),
    held from `before_setup` until the process's set-up is over."""

    def __init__(self, connection, test_name: str):
        self.connection = connection
        self.name = test_name
        self.base = f"{test_name.rsplit('_gw', 1)[0]}_base"
        self._session: ExitStack | None = None
        self._cursor = None

    def _exists(self, name: str) -> bool:
        self._cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return self._cursor.fetchone() is not None

    def _copy(self, *, to: str, source: str) -> None:
        self._cursor.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(to), sql.Identifier(source)
            )
        )

    def before_setup(self) -> bool:
        """Take the lock; copy the base when this process has no database and a base exists.
        Returns True when this process builds its database (and will leave the base)."""
        self._session = ExitStack()
        self._cursor = self._session.enter_context(self.connection._nodb_cursor())
        self._cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        if self._exists(self.name):
            self.release()
            return False
        if self._exists(self.base):
            self._copy(to=self.name, source=self.base)
            self.release()
            return False
        return True

    def after_setup(self) -> None:
        """Leave a copy of this process's freshly built database as the base, then unlock.
        Django's connections are closed first (a template database must have none)."""
        from django.db import connections

        connections.close_all()
        self._copy(to=self.base, source=self.name)
        self.release()

    def release(self) -> None:
        if self._session is not None:
            self._session.close()  # ends the session, and its advisory lock
            self._session = self._cursor = None
