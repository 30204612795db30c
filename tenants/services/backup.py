"""Back up one school to a file and restore it, as itself or as a new school beside it.

An archive is a gzip'd tar holding:

- `manifest.json`: the archive format, when it was written (UTC, ISO 8601), the School row
  (code, name, levels, the authority's code, status, meals, principal's e-mail) and its hosts;
- `schema.sql`: `pg_dump --format=plain` of the school's schema: every table and row of its
  Wagtail site (pages, revisions, publish log, users, documents, images, search index);
- `media/…`: the school's uploads (MEDIA_ROOT/<schema>/, django-tenants' file storage).

What the authority sees about the school (stored compliance results, reports) lives in the
public schema and is not archived: it is recomputed from the restored site, which carries
every publish log entry, so a restored school's results are those of the original.

A restore replays `schema.sql` in Django's connection, inside one transaction with the School
and Domain rows: table rows go through COPY, every other statement with the schema's name
rewritten to the target's. A failure anywhere leaves no schema, row or media folder behind.
"""

import datetime as dt
import io
import json
import re
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import storages
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.hosts import host_normalise, site_port
from tenants.models import Authority, Domain, School
from tenants.services.pg_tools import PgToolError, pg_connection_args, pg_program_run
from tenants.services.validation import SchoolInputError, errors_text, school_input_validate
from tenants.site_builder import school_site_builder

ARCHIVE_FORMAT = "schoolhost-school-backup/1"
MANIFEST = "manifest.json"
SCHEMA_SQL = "schema.sql"
MEDIA = "media"

# pg_dump's session settings and the CREATE SCHEMA the restore writes itself.
_SKIPPED = re.compile(r"^(SET [a-z_]+ = .*;|SELECT pg_catalog\.set_config\(.*\);)$")
_COPY = re.compile(r"^COPY .* FROM stdin;$")


class SchoolBackupError(RuntimeError):
    """The backup or restore could not be done; the message (Vietnamese) says why. Nothing
    was written (restore) or no archive was left (backup)."""


@dataclass(frozen=True)
class RestoredSchool:
    school: School
    host: str
    statements: int  # SQL statements replayed (structure, keys, indexes, sequences)
    rows: int  # table rows copied


def school_backup_write(*, school: School, output: Path) -> Path:
    """Write `school`'s archive to `output` (a path ending in .tar.gz is usual) and return it.

    The file appears only when complete (written beside it, then renamed). Raises
    SchoolBackupError when pg_dump is missing or fails, or `output`'s folder cannot be written.
    """
    output = Path(output)
    try:
        sql = pg_program_run(
            "pg_dump",
            "--format=plain",
            "--no-owner",
            "--no-privileges",
            f"--schema={school.schema_name}",
            *pg_connection_args(),
            connection.settings_dict["NAME"],
        )
    except PgToolError as exc:
        raise SchoolBackupError(str(exc)) from exc
    manifest = {
        "format": ARCHIVE_FORMAT,
        "written_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "schema_name": school.schema_name,
        "school": {
            "code": school.code,
            "name": school.name,
            "levels": list(school.levels),
            "authority": school.authority.code if school.authority_id else None,
            "status": school.status,
            "serves_meals": school.serves_meals,
            "principal_email": school.principal_email,
        },
        "hosts": [
            {"domain": d.domain, "is_primary": d.is_primary}
            for d in school.domains.order_by("-is_primary", "domain")
        ],
    }
    media = school_media_dir(school.schema_name)
    part = output.with_name(output.name + ".part")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(part, mode="w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            _add_bytes(archive, SCHEMA_SQL, sql)
            if media.is_dir():
                archive.add(media, arcname=MEDIA)
        part.replace(output)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise SchoolBackupError(
            _("Không ghi được tệp sao lưu %(path)s: %(error)s") % {"path": output, "error": exc}
        ) from exc
    return output


def school_restore(
    *, archive_path: Path, as_code: str | None = None, host: str | None = None
) -> RestoredSchool:
    """Restore the school in `archive_path`, under its own code or as `as_code`.

    As itself, the school keeps its code, schema and hosts (all must be free). As `as_code`, it
    gets a new schema named after that code and one host: `host`, or the original primary
    host with its first label replaced by the new code. Raises SchoolBackupError (unreadable
    archive, unknown authority, taken code/schema/host, a failing statement): nothing is left.
    """
    manifest, sql, media_members = _archive_read(Path(archive_path))
    row = manifest["school"]
    authority = Authority.objects.filter(code=row["authority"]).first()
    if authority is None:
        raise SchoolBackupError(
            _("Cơ quan quản lý '%(code)s' của trường chưa có trên máy này.")
            % {"code": row["authority"]}
        )
    primary = next((h["domain"] for h in manifest["hosts"] if h["is_primary"]), None)
    if as_code:
        host = host or _host_for_code(primary, as_code)
    host = host or primary
    with schema_context(get_public_schema_name()):
        try:
            checked = school_input_validate(
                authority=authority,
                name=row["name"],
                levels=row["levels"],
                domain=host or "",
                code=as_code or row["code"],
                schema_name=None if as_code else manifest["schema_name"],
                principal_email=row["principal_email"],
            )
        except SchoolInputError as exc:
            raise SchoolBackupError(
                _("Không khôi phục được: %(errors)s") % {"errors": errors_text(exc.errors)}
            ) from exc
        media_target = school_media_dir(checked.schema_name)
        media_existed = media_target.exists()
        try:
            with transaction.atomic():
                statements, rows = _schema_replay(
                    sql, source=manifest["schema_name"], target=checked.schema_name
                )
                school = School.objects.create(
                    schema_name=checked.schema_name,
                    name=checked.name,
                    code=checked.code,
                    levels=checked.levels,
                    authority=authority,
                    status=row["status"],
                    serves_meals=row["serves_meals"],
                    principal_email=checked.principal_email,
                )
                Domain.objects.create(domain=checked.domain, tenant=school, is_primary=True)
                if not as_code:
                    for alias in manifest["hosts"]:
                        if not alias["is_primary"]:
                            Domain.objects.create(
                                domain=host_normalise(alias["domain"]),
                                tenant=school,
                                is_primary=False,
                            )
                with schema_context(checked.schema_name):
                    school_site_builder().site_rehost(hostname=checked.domain, port=site_port())
                _media_extract(archive_path, media_members, media_target)
        except Exception:
            if not media_existed:
                shutil.rmtree(media_target, ignore_errors=True)
            raise
    return RestoredSchool(school=school, host=checked.domain, statements=statements, rows=rows)


def _archive_read(path: Path) -> tuple[dict, str, list[tarfile.TarInfo]]:
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            manifest = json.loads(archive.extractfile(MANIFEST).read().decode("utf-8"))
            sql = archive.extractfile(SCHEMA_SQL).read().decode("utf-8")
            media = [m for m in archive.getmembers() if m.name.startswith(f"{MEDIA}/")]
    except (OSError, tarfile.TarError, KeyError, AttributeError, ValueError) as exc:
        raise SchoolBackupError(
            _("%(path)s không phải tệp sao lưu của một trường (%(error)s).")
            % {"path": path, "error": exc}
        ) from exc
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise SchoolBackupError(
            _("Tệp sao lưu có định dạng %(found)s; máy này đọc %(expected)s.")
            % {"found": manifest.get("format"), "expected": ARCHIVE_FORMAT}
        )
    return manifest, sql, media


def _host_for_code(primary: str | None, code: str) -> str:
    """`thcs-nguyen-du.example.vn` restored as `thcs-nguyen-du-2` → `thcs-nguyen-du-2.example.vn`."""
    if not primary or "." not in primary:
        return ""
    return f"{code}.{primary.split('.', 1)[1]}"


def _schema_replay(sql: str, *, source: str, target: str) -> tuple[int, int]:
    """Replay a plain pg_dump of schema `source` as schema `target` in the current transaction.

    Returns (statements replayed, rows copied). Table rows are streamed with COPY untouched;
    every other line has `source.` rewritten to `target.` (names are qualified in pg_dump's
    output, since it empties search_path). Raises SchoolBackupError when a statement still
    names `source` where it could not be rewritten.
    """
    quote = connection.ops.quote_name
    name = re.escape(source)
    qualified = re.compile(rf'(?<![\w$"]){name}\.')
    pending: list[str] = [f"CREATE SCHEMA {quote(target)};"]
    statements = rows = 0
    lines = iter(sql.splitlines())
    with connection.cursor() as cursor:

        def flush():
            nonlocal statements
            if pending:
                cursor.execute("\n".join(pending))
                statements += sum(line.rstrip().endswith(";") for line in pending)
                pending.clear()

        for line in lines:
            if not line.strip() or line.startswith(("--", "\\")) or _SKIPPED.match(line):
                continue
            if re.fullmatch(rf"CREATE SCHEMA {name};", line):
                continue
            renamed = qualified.sub(f"{quote(target)}.", line)
            if re.search(rf"(?<![\w$]){name}(?![\w$])", qualified.sub("", line)):
                raise SchoolBackupError(
                    _("Bản sao lưu nêu tên schema ở chỗ không đổi được: %(line)s") % {"line": line}
                )
            if _COPY.match(line):
                flush()
                data = []
                for row in lines:
                    if row == "\\.":
                        break
                    data.append(row)
                if data:
                    cursor.copy_expert(renamed, io.StringIO("\n".join(data) + "\n"))
                rows += len(data)
                continue
            pending.append(renamed)
        flush()
    return statements, rows


def school_media_dir(schema_name: str) -> Path:
    """Where the file storage keeps `schema_name`'s uploads (MEDIA_ROOT/<schema>/ with
    django-tenants' TenantFileSystemStorage): asked of the storage, which is what wrote them."""
    with schema_context(schema_name):
        return Path(storages["default"].location)


def _media_extract(archive_path: Path, members: list[tarfile.TarInfo], target: Path) -> None:
    """The archive's `media/…` into `target` (refusing links and paths that leave it)."""
    if not members:
        return
    if target.exists() and any(target.iterdir()):
        raise SchoolBackupError(
            _("Thư mục tệp %(path)s đã có dữ liệu; không ghi đè.") % {"path": target}
        )
    with tarfile.open(archive_path, mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.name.startswith(f"{MEDIA}/"):
                continue
            member.name = member.name[len(MEDIA) + 1 :]
            if member.name:
                archive.extract(member, target, filter="data")


def _add_bytes(archive: tarfile.TarFile, name: str, text: str) -> None:
    data = text.encode("utf-8")
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))
