"""Templates write dates for people dd/mm/yyyy [HH:MM] and machines ISO, nothing else.

A static check over every template of ours (public site, portal, admin overrides, e-mails):
each `date` filter names its format, and the format is one people in Vietnam read (or ISO `c`
inside a `datetime=` attribute, for machines). Django's own default formats are replaced by the
format modules (schoolhost/formats/), but a template that spells out "m/d/Y" or "N j, Y" would
still write a month first or an English month name.
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FOR_PEOPLE = {"d/m/Y", "d/m/Y H:i", "H:i", "d/m", "m/Y"}
DATE_FILTER = re.compile(r"\|\s*date(?::\s*(['\"])(.*?)\1)?")


def _uses():
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in {".html", ".txt"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for found in DATE_FILTER.finditer(line):
                yield f"{path.relative_to(TEMPLATES)}:{number}", found.group(2), line, found


def test_every_date_in_a_template_is_written_day_first_or_iso_for_machines():
    uses = list(_uses())
    assert uses, "the check found no date in the templates: is TEMPLATES right?"
    wrong = []
    for where, fmt, line, found in uses:
        if fmt in FOR_PEOPLE:
            continue
        before = line[: found.start()]
        if fmt == "c" and re.search(r"datetime=\"\{\{[^}]*$", before):
            continue
        wrong.append(f"{where}: {found.group(0)}")
    assert wrong == []


def test_no_template_writes_an_iso_string_for_people():
    wrong = [
        f"{path.relative_to(TEMPLATES)}"
        for path in TEMPLATES.rglob("*.html")
        if ".isoformat" in path.read_text(encoding="utf-8")
    ]
    assert wrong == []
