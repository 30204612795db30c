"""Bulk import of schools from a spreadsheet (XLSX) or CSV: one row per school.

Every row goes through `school_provision` in its own transaction, so a bad row is reported
with its number and reason while good rows are still created. A row whose school already
exists (same host and same code or name) is skipped, so re-running a file creates nothing twice.
"""

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

from tenants.models import Authority, Domain
from tenants.services.provisioning import school_provision
from tenants.services.validation import SchoolInputError

# Header → field; Vietnamese headers are what offices' spreadsheets carry.
HEADERS = {
    "name": "name",
    "ten truong": "name",
    "ten": "name",
    "levels": "levels",
    "cap hoc": "levels",
    "cap": "levels",
    "domain": "domain",
    "ten mien": "domain",
    "website": "domain",
    "code": "code",
    "ma truong": "code",
    "ma": "code",
    "principal_email": "principal_email",
    "email hieu truong": "principal_email",
    "email": "principal_email",
    "serves_meals": "serves_meals",
    "ban tru": "serves_meals",
}
LEVEL_WORDS = {
    "preschool": "preschool",
    "mam non": "preschool",
    "mn": "preschool",
    "primary": "primary",
    "tieu hoc": "primary",
    "th": "primary",
    "lower_secondary": "lower_secondary",
    "thcs": "lower_secondary",
    "trung hoc co so": "lower_secondary",
}
TRUE_WORDS = {"1", "x", "yes", "true", "co"}


class ImportFileError(ValueError):
    """The file itself cannot be read (format, missing columns)."""


@dataclass
class RowResult:
    row: int
    status: str  # "created", "skipped" or "error"
    name: str
    message: str = ""


@dataclass
class ImportReport:
    rows: list[RowResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)


def _normalise(text) -> str:
    return " ".join(anyascii(str(text or "")).strip().lower().replace("_", " ").split())


def _levels(text: str) -> list[str]:
    parts = str(text or "").replace(";", ",").replace("&", ",").replace("+", ",").split(",")
    levels = []
    for part in parts:
        word = _normalise(part)
        if not word:
            continue
        levels.append(
            LEVEL_WORDS.get(word) or LEVEL_WORDS.get(word.replace(" ", "_")) or part.strip()
        )
    return levels


def rows_read(path: Path) -> Iterator[tuple[int, dict]]:
    """Yield (spreadsheet row number, {field: value}) for every non-empty row."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = path.read_bytes().decode("utf-8-sig")
        table = list(csv.reader(io.StringIO(text)))
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # openpyxl raises many types for a broken file
            raise ImportFileError(f"{path.name} is not a readable XLSX file: {exc}") from exc
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        raise ImportFileError(f"{path.name}: use an .xlsx or .csv file")
    if not table:
        raise ImportFileError(f"{path.name} is empty")
    header = [HEADERS.get(_normalise(cell)) for cell in table[0]]
    missing = {"name", "levels", "domain"} - set(header)
    if missing:
        raise ImportFileError(
            f"{path.name}: missing column(s) {', '.join(sorted(missing))} in the first row "
            "(accepted: name/Tên trường, levels/Cấp học, domain/Tên miền, code/Mã trường, "
            "principal_email/Email hiệu trưởng, serves_meals/Bán trú)"
        )
    for number, cells in enumerate(table[1:], start=2):
        values = {
            key: ("" if cell is None else str(cell).strip())
            for key, cell in zip(header, cells, strict=False)
            if key
        }
        if any(values.values()):
            yield number, values


def _already_created(values: dict, authority: Authority) -> bool:
    domain = (
        Domain.objects.filter(domain=values.get("domain", "").lower())
        .select_related("tenant")
        .first()
    )
    if domain is None or domain.tenant.authority_id != authority.pk:
        return False
    school = domain.tenant
    return school.name == values.get("name") or school.code == (values.get("code") or "").lower()


def schools_import(
    *, path: Path, authority: Authority, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    rows = list(rows_read(Path(path)))
    report = ImportReport()
    for index, (number, values) in enumerate(rows, start=1):
        name = values.get("name", "")
        if _already_created(values, authority):
            report.rows.append(RowResult(number, "skipped", name, "already exists"))
        else:
            try:
                school_provision(
                    authority=authority,
                    name=name,
                    levels=_levels(values.get("levels", "")),
                    domain=values.get("domain", ""),
                    code=values.get("code") or None,
                    principal_email=values.get("principal_email") or None,
                    serves_meals=_normalise(values.get("serves_meals")) in TRUE_WORDS,
                )
                report.rows.append(RowResult(number, "created", name))
            except SchoolInputError as exc:
                reason = "; ".join(f"{f}: {m}" for f, m in exc.errors.items())
                report.rows.append(RowResult(number, "error", name, reason))
        if progress:
            progress(index, len(rows))
    return report
