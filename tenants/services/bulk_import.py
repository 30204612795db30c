"""Importing a list of schools as an office sends it: parse → preview → apply.

- `schools_import_parse(data=…, filename=…)` reads the bytes (tenants/services/import_files.py:
  XLSX, CSV in UTF-8 with or without BOM, UTF-16 "Unicode Text", Windows-1258), finds the header
  row under any title rows, and gives each row below it with its spreadsheet row number.
  Pure: no database. Raises ImportFileError (one Vietnamese sentence) for an unreadable file.
- `schools_import_preview(parsed=…, authority=…)` says for every row what would happen: will
  create (with the values as they will be stored), already exists, error (each field's reason,
  in Vietnamese) or ignored (a heading, total or signature line). Writes nothing.
- `schools_import_apply(preview=…, authority=…)` creates the "will create" rows, each through
  `school_provision` in its own transaction, so one bad row never stops the others.

The command line (`import_schools`, `--dry-run` for the preview) and the authority portal's
upload with its preview table both call these three.

"Already exists" is a school of the same authority on the same host with the same name (tone
marks, case, NFC/NFD and spacing aside) or the same code: re-importing a list, even one saved on
another system, creates nothing twice.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django.db import DatabaseError
from django.db import models as db_models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.hosts import HostError, host_normalise
from tenants.models import Authority, Domain, Level, School
from tenants.services.import_columns import (
    field_value,
    header_find,
    row_ignored_reason,
    serves_meals_parse,
)
from tenants.services.import_files import ImportFileError, Table, tables_read
from tenants.services.provisioning import school_provision
from tenants.services.validation import (
    FIELD_LABELS,
    SchoolInputError,
    code_from_name,
    errors_text,
    school_input_validate,
)
from tenants.text import line_clean, text_key

__all__ = [
    "ImportFileError",
    "ImportPreview",
    "ImportRow",
    "ParsedImport",
    "RowOutcome",
    "SourceRow",
    "schools_import_apply",
    "schools_import_parse",
    "schools_import_preview",
]

logger = logging.getLogger(__name__)

FIELD_ORDER = ("name", "levels", "domain", "code", "principal_email", "serves_meals", "school")


class RowOutcome(db_models.TextChoices):
    CREATE = "create", gettext_lazy("Sẽ tạo")
    CREATED = "created", gettext_lazy("Đã tạo")
    EXISTS = "exists", gettext_lazy("Đã có từ trước")
    ERROR = "error", gettext_lazy("Lỗi")
    IGNORED = "ignored", gettext_lazy("Bỏ qua")


@dataclass(frozen=True)
class SourceRow:
    """One non-blank row under the header, as read."""

    number: int  # the row number the office sees in its spreadsheet (or the CSV record)
    values: dict[str, str]  # field → cell text (NFC, single spaces); "" when blank
    text: str  # the row's cells, for showing a row that is not a school
    ignored_reason: str = ""  # why this row is not a school ("" when it is one)


@dataclass(frozen=True)
class ParsedImport:
    filename: str
    source: str  # how the file was read, for people: "Excel (.xlsx), trang tính 'DS trường'"
    header_row: int
    columns: dict[str, str]  # field → the header as the office wrote it
    rows: tuple[SourceRow, ...]


@dataclass(frozen=True)
class ImportRow:
    """What happens (preview) or happened (applied) to one row, with the stored values."""

    number: int
    outcome: RowOutcome
    name: str = ""
    levels: tuple[str, ...] = ()
    domain: str = ""
    code: str = ""
    principal_email: str = ""
    serves_meals: bool = False
    errors: dict[str, str] = field(default_factory=dict)  # field → Vietnamese reason
    note: str = ""
    # Why the row has no domain to show (an error row whose host cannot be read or is taken):
    # the preview says it instead of a bare "—".
    domain_reason: str = ""

    @property
    def message(self) -> str:
        """The row's outcome as one Vietnamese line, e.g. "Dòng 7: đã tạo THCS A (a.edu.vn)"."""
        where = _("Dòng %(number)d") % {"number": self.number}
        school = f"{self.name} ({self.domain})" if self.domain else self.name
        if self.outcome == RowOutcome.CREATE:
            levels = ", ".join(str(Level(level).label) for level in self.levels)
            return _("%(where)s: sẽ tạo %(school)s, %(levels)s") % {
                "where": where,
                "school": school,
                "levels": levels,
            }
        if self.outcome == RowOutcome.CREATED:
            return _("%(where)s: đã tạo %(school)s") % {"where": where, "school": school}
        if self.outcome == RowOutcome.EXISTS:
            text = _("%(where)s: đã có từ trước, %(school)s") % {"where": where, "school": school}
            return f"{text} ({self.note})" if self.note else text
        if self.outcome == RowOutcome.ERROR:
            named = f"{where} ({self.name})" if self.name else where
            return _("%(where)s: lỗi, %(reasons)s") % {
                "where": named,
                "reasons": errors_text(self.errors),
            }
        return _("%(where)s: bỏ qua, %(note)s") % {"where": where, "note": self.note}

    @classmethod
    def from_dict(cls, data: dict) -> "ImportRow":
        """The row back from `as_dict()` (a job's stored preview, a chunk's rows)."""
        return cls(
            number=data["row"],
            outcome=RowOutcome(data["outcome"]),
            name=data.get("name", ""),
            levels=tuple(data.get("levels", ())),
            domain=data.get("domain", ""),
            code=data.get("code", ""),
            principal_email=data.get("principal_email", ""),
            serves_meals=bool(data.get("serves_meals")),
            errors={f: e["message"] for f, e in data.get("errors", {}).items()},
            note=data.get("note", ""),
            domain_reason=data.get("domain_reason", ""),
        )

    def as_dict(self) -> dict:
        return {
            "row": self.number,
            "outcome": self.outcome.value,
            "outcome_label": str(self.outcome.label),
            "name": self.name,
            "levels": list(self.levels),
            "domain": self.domain,
            "code": self.code,
            "principal_email": self.principal_email,
            "serves_meals": self.serves_meals,
            "errors": {
                f: {"label": str(FIELD_LABELS.get(f, f)), "message": m}
                for f, m in self.errors.items()
            },
            "note": self.note,
            "domain_reason": self.domain_reason,
            "message": self.message,
        }


@dataclass(frozen=True)
class ImportPreview:
    """Every row's outcome; `applied` once `schools_import_apply` has run."""

    filename: str
    source: str
    header_row: int
    columns: dict[str, str]
    rows: tuple[ImportRow, ...]
    applied: bool = False

    def count(self, outcome: RowOutcome) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def summary(self) -> str:
        counts = {
            "exists": self.count(RowOutcome.EXISTS),
            "errors": self.count(RowOutcome.ERROR),
            "ignored": self.count(RowOutcome.IGNORED),
        }
        if self.applied:
            return _(
                "Kết quả: %(created)d trường đã tạo, %(exists)d đã có từ trước, %(errors)d dòng "
                "lỗi, %(ignored)d dòng bỏ qua."
            ) % {**counts, "created": self.count(RowOutcome.CREATED)}
        return _(
            "Xem trước: %(create)d trường sẽ tạo, %(exists)d đã có từ trước, %(errors)d dòng "
            "lỗi, %(ignored)d dòng bỏ qua."
        ) % {**counts, "create": self.count(RowOutcome.CREATE)}

    @classmethod
    def from_dict(cls, data: dict) -> "ImportPreview":
        return cls(
            filename=data["filename"],
            source=data["source"],
            header_row=data["header_row"],
            columns=data["columns"],
            rows=tuple(ImportRow.from_dict(row) for row in data["rows"]),
            applied=data.get("applied", False),
        )

    def as_dict(self) -> dict:
        return {
            "filename": self.filename,
            "source": self.source,
            "header_row": self.header_row,
            "columns": self.columns,
            "applied": self.applied,
            "summary": self.summary,
            "rows": [row.as_dict() for row in self.rows],
        }


def schools_import_parse(*, data: bytes, filename: str) -> ParsedImport:
    """Read a school list (bytes of any kind offices send) into rows with spreadsheet numbers.

    The first sheet (or delimiter) whose header names Tên trường, Cấp học and Tên miền wins.
    Raises ImportFileError for an unreadable file, no header or a missing required column.
    """
    tables = tables_read(data=data, filename=filename)
    found = [(table, header) for table in tables if (header := header_find(_cells(table)))]
    complete = [(table, header) for table, header in found if not header.missing]
    if complete:
        table, header = complete[0]
    elif found:
        table, header = max(found, key=lambda pair: len(pair[1].columns))
        missing = ", ".join(str(FIELD_LABELS[f]) for f in header.missing)
        raise ImportFileError(
            _(
                "Tệp %(file)s (%(source)s, dòng tiêu đề %(row)d): thiếu cột %(missing)s. Các cột "
                "đọc được: Tên trường (hoặc Tên đơn vị), Cấp học, Tên miền (hoặc Website); thêm "
                "nếu có: Mã trường, Email hiệu trưởng, Bán trú."
            )
            % {
                "file": filename,
                "source": table.source,
                "row": table.rows[header.index][0],
                "missing": missing,
            }
        )
    else:
        kind = tables[0].kind if tables else ""
        raise ImportFileError(
            _(
                "Không tìm thấy dòng tiêu đề trong tệp %(file)s (đọc dạng %(kind)s): cần một dòng "
                "có các cột Tên trường, Cấp học và Tên miền trong %(scan)d dòng đầu. Nếu chữ "
                "tiếng Việt trong tệp hiện sai, hãy lưu lại dạng 'CSV UTF-8' hoặc .xlsx."
            )
            % {"file": filename, "kind": kind, "scan": 30}
        )
    has_stt = "stt" in header.columns
    rows = []
    for number, cells in table.rows[header.index + 1 :]:
        values = {
            f: field_value(f, cells[column] if column < len(cells) else "")
            for f, column in header.columns.items()
        }
        rows.append(
            SourceRow(
                number=number,
                values={f: v for f, v in values.items() if f != "stt"},
                text=_row_text(cells),
                ignored_reason=row_ignored_reason(cells=cells, values=values, has_stt=has_stt),
            )
        )
    return ParsedImport(
        filename=filename,
        source=table.source,
        header_row=table.rows[header.index][0],
        columns={f: t for f, t in header.titles.items() if f != "stt"},
        rows=tuple(rows),
    )


def _cells(table: Table) -> list[list[str]]:
    return [cells for _number, cells in table.rows]


def _row_text(cells: list[str]) -> str:
    """A row's cells for people, a merged cell's repeated value shown once."""
    shown: list[str] = []
    for cell in cells:
        if cell and (not shown or shown[-1] != cell):
            shown.append(cell)
    return " | ".join(shown)


def schools_import_preview(*, parsed: ParsedImport, authority: Authority) -> ImportPreview:
    """Each row's outcome without writing anything: CREATE (values as they will be stored),
    EXISTS, ERROR (field → reason) or IGNORED. A host or code given twice in the file is an
    error on the later row (or "already exists" when it is the same school twice)."""
    claimed_hosts: dict[str, tuple[int, str]] = {}  # host → (row, name key)
    claimed_codes: dict[str, int] = {}
    rows = []
    for source in parsed.rows:
        if source.ignored_reason:
            note = f"{source.ignored_reason}: «{source.text}»"
            rows.append(ImportRow(number=source.number, outcome=RowOutcome.IGNORED, note=note))
        else:
            rows.append(
                _row_plan(
                    source,
                    authority=authority,
                    claimed_hosts=claimed_hosts,
                    claimed_codes=claimed_codes,
                )
            )
    return ImportPreview(
        filename=parsed.filename,
        source=parsed.source,
        header_row=parsed.header_row,
        columns=parsed.columns,
        rows=tuple(rows),
    )


def _row_plan(source: SourceRow, *, authority, claimed_hosts, claimed_codes) -> ImportRow:
    values = source.values
    name = line_clean(values.get("name"))
    code_given = line_clean(values.get("code")).lower()
    errors: dict[str, str] = {}
    try:
        serves_meals = serves_meals_parse(values.get("serves_meals"))
    except SchoolInputError as exc:
        errors.update(exc.errors)
        serves_meals = False
    try:
        host = host_normalise(values.get("domain"))
    except HostError:
        host = ""  # school_input_validate below says why
    if host in claimed_hosts:
        first_row, first_key = claimed_hosts[host]
        if first_key == text_key(name):
            note = _("trùng với dòng %(row)d") % {"row": first_row}
            return ImportRow(source.number, RowOutcome.EXISTS, name=name, domain=host, note=note)
        errors["domain"] = _("%(host)s đã có ở dòng %(row)d.") % {"host": host, "row": first_row}
    elif host:
        existing = _existing_school(host=host, authority=authority)
        if existing and (
            text_key(existing.name) == text_key(name)
            or (code_given and existing.code == code_given)
        ):
            return ImportRow(
                source.number,
                RowOutcome.EXISTS,
                name=existing.name,
                levels=tuple(existing.levels),
                domain=host,
                code=existing.code,
                principal_email=existing.principal_email,
                serves_meals=existing.serves_meals,
            )
        if existing:
            errors["domain"] = _(
                "%(host)s đã là tên miền của %(school)s (tên khác với dòng này)."
            ) % {"host": host, "school": existing.name}
    try:
        checked = school_input_validate(
            authority=authority,
            name=name,
            levels=values.get("levels", ""),
            domain=values.get("domain", ""),
            code=code_given or None,
            principal_email=values.get("principal_email") or None,
        )
    except SchoolInputError as exc:
        errors = {**exc.errors, **errors}
        checked = None
    if checked:
        code = checked.code
        if code in claimed_codes:
            if code_given:
                errors["code"] = _("mã %(code)s đã có ở dòng %(row)d.") % {
                    "code": code,
                    "row": claimed_codes[code],
                }
            else:
                code = _code_unclaimed(code_from_name(name) or "truong", claimed_codes)
    if errors or checked is None:
        ordered = {f: errors[f] for f in FIELD_ORDER if f in errors}
        ordered.update({f: m for f, m in errors.items() if f not in ordered})
        return ImportRow(
            source.number,
            RowOutcome.ERROR,
            name=name,
            errors=ordered,
            **_domain_shown(host, values.get("domain"), ordered.get("domain")),
        )
    claimed_hosts[checked.domain] = (source.number, text_key(checked.name))
    claimed_codes[code] = source.number
    return ImportRow(
        source.number,
        RowOutcome.CREATE,
        name=checked.name,
        levels=tuple(checked.levels),
        domain=checked.domain,
        code=code,
        principal_email=checked.principal_email,
        serves_meals=serves_meals,
    )


def _domain_shown(host: str, written: str | None, problem: str | None) -> dict:
    """An error row's domain column: the host the row would use when it could be read (its
    own problem, if any, is in the errors), else why there is none."""
    if host:
        return {"domain": host}
    if not line_clean(written):
        return {"domain_reason": _("chưa ghi tên miền")}
    return {
        "domain_reason": problem
        or _("không đọc được tên miền “%(written)s”") % {"written": line_clean(written)}
    }


def _existing_school(*, host: str, authority: Authority) -> School | None:
    """The school of this authority already on `host`, or None."""
    domain = Domain.objects.select_related("tenant").filter(domain=host).first()
    if domain is None or domain.tenant.authority_id != authority.pk:
        return None
    return domain.tenant


def _code_unclaimed(base: str, claimed: dict[str, int]) -> str:
    """A code derived from a name that an earlier row of the same file already takes."""
    n = 2
    while f"{base[:58]}-{n}" in claimed or School.objects.filter(code=f"{base[:58]}-{n}").exists():
        n += 1
    return f"{base[:58]}-{n}"


def schools_import_apply(
    *,
    preview: ImportPreview,
    authority: Authority,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPreview:
    """Create every CREATE row of `preview` (each in its own transaction) and return the
    preview with their outcomes: CREATED, EXISTS (made meanwhile) or ERROR (with the reason).
    `progress(done, total)` is called after each of them. TemplateNotReady stops the import."""
    total = preview.count(RowOutcome.CREATE)
    done = 0
    rows = []
    for row in preview.rows:
        if row.outcome != RowOutcome.CREATE:
            rows.append(row)
            continue
        rows.append(_row_apply(row, authority=authority))
        done += 1
        if progress:
            progress(done, total)
    return replace(preview, rows=tuple(rows), applied=True)


def _row_apply(row: ImportRow, *, authority: Authority) -> ImportRow:
    existing = _existing_school(host=row.domain, authority=authority)
    if existing and text_key(existing.name) == text_key(row.name):
        return replace(row, outcome=RowOutcome.EXISTS)
    try:
        school_provision(
            authority=authority,
            name=row.name,
            levels=list(row.levels),
            domain=row.domain,
            code=row.code,
            principal_email=row.principal_email or None,
            serves_meals=row.serves_meals,
        )
    except SchoolInputError as exc:
        return replace(row, outcome=RowOutcome.ERROR, errors=exc.errors)
    except DatabaseError:
        # One row's failure (a race with another import, a lost connection) must not stop
        # the rows after it; the details go to the log, the office gets a sentence.
        logger.exception("import row %s (%s) failed", row.number, row.domain)
        reason = _("không lưu được vào cơ sở dữ liệu; thử nhập lại dòng này sau.")
        return replace(row, outcome=RowOutcome.ERROR, errors={"school": reason})
    return replace(row, outcome=RowOutcome.CREATED)
