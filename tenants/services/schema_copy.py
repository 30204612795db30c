"""Copy the template schema into a new schema at a cost that does not grow with the school count.

django-tenants' `clone_schema` (PL/pgSQL) rebuilds every table's DDL from catalogue queries
that scan pg_class, pg_attribute and information_schema for the whole database: a clone took
0.8 s on an empty database and 2.9 s once it held ~1,000 school schemas. Here the template's
DDL is captured once per template fingerprint (`pg_dump --schema-only`, stored in the public
schema as a `TemplateSnapshot`), and a copy replays it under the new name, copies the
template's rows table by table and sets every sequence to the template's value. Every
statement names its objects, so PostgreSQL reaches them through the catalogue's indexes: a
copy costs the creation of the schema's ~320 relations, whatever the number of schools.

The copy runs in the caller's transaction (PostgreSQL DDL is transactional): a failure part-way
leaves nothing behind.
"""

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from tenants.models import TemplateSnapshot
from tenants.services.pg_tools import PgToolError, pg_connection_args, pg_program_run

# Statements per committed step of a copy in steps (`schema_copy_in_steps`): ~5 locks each.
STEP_STATEMENTS = 60

# Stands for the target schema in the stored DDL; never a valid unquoted identifier.
PLACEHOLDER = "«schema»"

# Session settings pg_restore writes at the top of a script (and `default_tablespace` /
# `default_table_access_method` before tables): replayed as-is they would change the
# connection's `search_path` for the rest of the request.
_SESSION_LINE = re.compile(r"^(SET [a-z_]+ = .*;|SELECT pg_catalog\.set_config\(.*\);)$")


class SchemaCopyError(RuntimeError):
    """The template's DDL could not be captured (pg_dump missing or failing, an object the
    copy does not know how to rename)."""


@dataclass(frozen=True)
class SchemaDDL:
    """What a copy replays: DDL before the rows (tables, sequences), the tables' insertable
    columns, the sequences, and DDL after the rows (keys, indexes, foreign keys)."""

    fingerprint: str
    pre_data: str
    post_data: str
    tables: tuple[tuple[str, tuple[str, ...]], ...]
    sequences: tuple[str, ...]


_memo: dict[tuple[str, str, str], SchemaDDL] = {}


def schema_ddl_for(*, schema_name: str, fingerprint: str) -> SchemaDDL:
    """The stored DDL of `schema_name` at `fingerprint`, captured with pg_dump when missing.

    Kept in the public schema (`TemplateSnapshot`) for every process, and in this process's
    memory: a snapshot captured inside a transaction that rolls back (a test, a failed
    provisioning) is not lost for the next copy.
    """
    key = (connection.settings_dict["NAME"], schema_name, fingerprint)
    if key in _memo:
        ddl = _memo[key]
        TemplateSnapshot.objects.get_or_create(fingerprint=fingerprint, defaults=_fields(ddl))
        return ddl
    stored = TemplateSnapshot.objects.filter(fingerprint=fingerprint).first()
    if stored is None:
        ddl = schema_ddl_capture(schema_name=schema_name, fingerprint=fingerprint)
        TemplateSnapshot.objects.exclude(fingerprint=fingerprint).delete()
        TemplateSnapshot.objects.get_or_create(fingerprint=fingerprint, defaults=_fields(ddl))
    else:
        ddl = SchemaDDL(
            fingerprint=stored.fingerprint,
            pre_data=stored.pre_data,
            post_data=stored.post_data,
            tables=tuple((table, tuple(columns)) for table, columns in stored.tables),
            sequences=tuple(stored.sequences),
        )
    _memo[key] = ddl
    return ddl


def _fields(ddl: SchemaDDL) -> dict:
    return {
        "pre_data": ddl.pre_data,
        "post_data": ddl.post_data,
        "tables": [[table, list(columns)] for table, columns in ddl.tables],
        "sequences": list(ddl.sequences),
    }


def schema_ddl_capture(*, schema_name: str, fingerprint: str) -> SchemaDDL:
    """Read `schema_name`'s DDL with pg_dump (committed state) and its tables from the catalogue.

    Raises SchemaCopyError when pg_dump is missing or fails, or when the DDL names the schema
    somewhere the copy could not rename it.
    """
    with tempfile.TemporaryDirectory(prefix="schoolhost-ddl-") as directory:
        archive = Path(directory) / "template.dump"
        _run(
            "pg_dump",
            "--format=custom",
            "--schema-only",
            f"--schema={schema_name}",
            f"--file={archive}",
            *pg_connection_args(),
            connection.settings_dict["NAME"],
        )
        pre_data, post_data = (
            _portable(
                _run(
                    "pg_restore",
                    f"--section={section}",
                    "--no-owner",
                    "--no-privileges",
                    "--file=-",
                    str(archive),
                ),
                schema_name=schema_name,
            )
            for section in ("pre-data", "post-data")
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, array_agg(a.attname ORDER BY a.attnum) "
            "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
            "WHERE c.relnamespace = %s::regnamespace AND c.relkind = 'r' "
            "AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' "
            "GROUP BY c.relname ORDER BY c.relname",
            [connection.ops.quote_name(schema_name)],
        )
        tables = tuple((table, tuple(columns)) for table, columns in cursor.fetchall())
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = %s::regnamespace "
            "AND relkind = 'S' ORDER BY relname",
            [connection.ops.quote_name(schema_name)],
        )
        sequences = tuple(row[0] for row in cursor.fetchall())
    return SchemaDDL(
        fingerprint=fingerprint,
        pre_data=pre_data,
        post_data=post_data,
        tables=tables,
        sequences=sequences,
    )


def schema_copy(*, ddl: SchemaDDL, source: str, target: str) -> None:
    """Create schema `target` as a copy of `source` (structure from `ddl`, rows from `source`),
    in the caller's transaction. Sequences continue from the source's values."""
    with connection.cursor() as cursor:
        cursor.execute("\n".join(_copy_steps(ddl=ddl, source=source, target=target, size=0)[0]))


def schema_copy_in_steps(
    *, ddl: SchemaDDL, source: str, target: str, statements_per_step: int = STEP_STATEMENTS
) -> int:
    """The same copy as `schema_copy`, committed in steps of at most `statements_per_step`
    statements (outside any transaction of the caller); returns the number of steps.

    For schemas nobody can reach until the caller says so (the pool's): a copy in one
    transaction holds ~2,000 locks until it commits, and PostgreSQL's lock table, shared by
    every database on the server, holds 64 × max_connections (6,400 by default), so at most
    two or three such copies could run at once. In steps, each transaction holds a few hundred
    and several copies can overlap their waits for the disk (a B-tree build ends with an fsync:
    ~280 per school). Commits do not wait for the WAL flush (`synchronous_commit = off`): a
    crash loses at most a half-built schema, which the caller drops (`schema_drop`).
    Raises SchemaCopyError if called inside a transaction.
    """
    if connection.in_atomic_block:
        raise SchemaCopyError("a copy in steps commits each step: call it outside a transaction")
    steps = _copy_steps(ddl=ddl, source=source, target=target, size=statements_per_step)
    for step in steps:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            cursor.execute("\n".join(step))
    return len(steps)


def schema_rows_copy_statements(*, ddl: SchemaDDL, source: str, target: str) -> list[str]:
    """SQL that copies every table's rows of `source` into `target` (same structure, `ddl`'s
    tables) and sets `target`'s sequences to `source`'s values: the data half of a copy."""
    rows, sequences = _rows_and_sequences(ddl=ddl, source=source, target=target)
    return [*rows, *sequences]


def _rows_and_sequences(*, ddl: SchemaDDL, source: str, target: str) -> tuple[list, list]:
    quote = connection.ops.quote_name
    source_q, target_q = quote(source), quote(target)
    rows = []
    for table, columns in ddl.tables:
        listed = ", ".join(quote(column) for column in columns)
        rows.append(
            f"INSERT INTO {target_q}.{quote(table)} ({listed}) OVERRIDING SYSTEM VALUE "
            f"SELECT {listed} FROM {source_q}.{quote(table)};"
        )
    sequences = [
        f"SELECT setval('{target_q}.{quote(name)}', last_value, is_called) "
        f"FROM {source_q}.{quote(name)};"
        for name in ddl.sequences
    ]
    return rows, sequences


def _copy_steps(*, ddl: SchemaDDL, source: str, target: str, size: int) -> list[list[str]]:
    """The copy's SQL as lists of statements, in order; `size` 0 puts everything in one list."""
    target_q = connection.ops.quote_name(target)
    rows, sequences = _rows_and_sequences(ddl=ddl, source=source, target=target)
    # Keys, indexes and foreign keys come after the rows, as pg_restore orders them: the
    # foreign keys are checked once when added, with no deferred trigger left pending in the
    # caller's transaction.
    pre = [f"CREATE SCHEMA {target_q};", ddl.pre_data.replace(PLACEHOLDER, target_q)]
    post = ddl.post_data.replace(PLACEHOLDER, target_q)
    if not size:
        return [[*pre, *rows, *sequences, post]]
    return [
        *_chunks(pre[:1] + _statements(pre[1]), size),
        [*rows, *sequences],
        *_chunks(_statements(post), size),
    ]


def _chunks(statements: list[str], size: int) -> list[list[str]]:
    return [statements[start : start + size] for start in range(0, len(statements), size)]


def _statements(script: str) -> list[str]:
    """pg_restore's script cut into statements (each ends a line with `;`).

    The template's DDL holds tables, sequences, keys, indexes and foreign keys, never a
    function body; a script that quotes one (`$$`) is kept whole rather than cut inside it.
    """
    if "$$" in script:
        return [script]
    statements, current = [], []
    for line in script.splitlines():
        current.append(line)
        if line.rstrip().endswith(";"):
            statements.append("\n".join(current))
            current = []
    if current:
        statements.append("\n".join(current))
    return statements


def _portable(script: str, *, schema_name: str) -> str:
    """pg_restore's script with the schema's name replaced by PLACEHOLDER, without comments,
    psql meta-commands, session settings or the CREATE SCHEMA the copy writes itself."""
    if PLACEHOLDER in script:
        raise SchemaCopyError(f"the template's DDL contains the placeholder {PLACEHOLDER}")
    name = re.escape(schema_name)
    kept = []
    for line in script.splitlines():
        if not line.strip() or line.startswith(("--", "\\")) or _SESSION_LINE.match(line):
            continue
        if re.fullmatch(rf"CREATE SCHEMA {name};", line):
            continue
        kept.append(line)
    text = re.sub(rf'(?<![\w$"]){name}\.', f"{PLACEHOLDER}.", "\n".join(kept))
    leftover = re.search(rf".*(?<![\w$]){name}(?![\w$]).*", text)
    if leftover:
        raise SchemaCopyError(
            f"the template's DDL names its schema where a copy cannot rename it: {leftover[0]!r}"
        )
    return text


def _run(program: str, *args: str) -> str:
    """`program`'s output (tenants/services/pg_tools.py), its failure as a SchemaCopyError."""
    try:
        return pg_program_run(program, *args)
    except PgToolError as exc:
        raise SchemaCopyError(str(exc)) from exc
