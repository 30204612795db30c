"""Running PostgreSQL's client programs (pg_dump, pg_restore) against Django's database."""

import shutil
import subprocess

from django.db import connection


class PgToolError(RuntimeError):
    """A PostgreSQL client program is missing or failed; the message says which and why."""


def pg_connection_args() -> list[str]:
    """`--host/--port/--username` for the default database's server (trust or PGPASSWORD)."""
    db = connection.settings_dict
    return [
        f"--host={db['HOST'] or '127.0.0.1'}",
        f"--port={db['PORT'] or 5432}",
        f"--username={db['USER'] or 'postgres'}",
    ]


def pg_program_run(program: str, *args: str) -> str:
    """Run `program` with `args` and return its standard output (text).

    Raises PgToolError when the program is not installed or exits non-zero (with its stderr).
    """
    path = shutil.which(program)
    if path is None:
        raise PgToolError(
            f"{program} chưa được cài trên máy này (sudo apt-get install postgresql-client)."
        )
    result = subprocess.run(
        [path, *args],
        capture_output=True,
        text=True,
        env={"PGPASSWORD": connection.settings_dict["PASSWORD"] or "", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    if result.returncode != 0:
        raise PgToolError(f"{program} lỗi: {result.stderr.strip()}")
    return result.stdout
