"""Compile the project's gettext catalogues (locale/*/LC_MESSAGES/*.po and each app's
<app>/locale/*/LC_MESSAGES/*.po → .mo), checking them first.

Pure Python (polib, pinned in requirements.lock), so `make` needs no GNU gettext on the machine.
Like `msgfmt --check-format`, a translation with a placeholder its msgid lacks (`%(title)s`,
`{name}`) or without the msgid's positional ones (`%s`) is refused: at run time it would raise. Only
catalogues whose .mo is older than the .po are rewritten; `--check` compiles nothing and only
reports problems. Exit status 1 on any problem, naming file, msgid and placeholders.

    python scripts/compile_messages.py [--check] [file.po ...]
"""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[sdifr]|\{\w*\}")


def placeholders(text: str, *, brace: bool) -> list[str]:
    found = PLACEHOLDER.findall(text or "")
    if not brace:
        found = [p for p in found if not p.startswith("{")]
    return sorted(found)


def entry_problems(entry: polib.POEntry) -> list[str]:
    """Placeholders of each translation must be those of the msgid (or of the plural msgid)."""
    if entry.obsolete or not entry.translated():
        return []
    # "{name}" is a placeholder only in strings formatted with str.format; Wagtail's
    # templates and Django's humanize use both styles, so braces are compared when the msgid
    # has them.
    brace = "{" in entry.msgid or "{" in (entry.msgid_plural or "")
    problems = []
    if entry.msgid_plural:
        allowed = set(placeholders(entry.msgid, brace=brace)) | set(
            placeholders(entry.msgid_plural, brace=brace)
        )
        for index, text in entry.msgstr_plural.items():
            extra = set(placeholders(text, brace=brace)) - allowed
            if extra:
                problems.append(f"msgstr[{index}] has {sorted(extra)} not in the msgid")
    else:
        expected = placeholders(entry.msgid, brace=brace)
        got = placeholders(entry.msgstr, brace=brace)
        # Named placeholders may be left out (a mapping ignores unused keys, as msgfmt
        # allows); positional ones must all be there, in order, or formatting fails.
        if [p for p in got if not _named(p)] != [p for p in expected if not _named(p)]:
            problems.append(f"positional placeholders {got} instead of {expected}")
        unknown = {p for p in got if _named(p)} - set(expected)
        if unknown:
            problems.append(f"placeholders {sorted(unknown)} not in the msgid")
    return problems


def _named(placeholder: str) -> bool:
    return placeholder.startswith("%(") or (placeholder.startswith("{") and placeholder != "{}")


def catalogue_problems(path: Path) -> list[str]:
    catalogue = polib.pofile(str(path))
    problems = []
    if "nplurals" not in catalogue.metadata.get("Plural-Forms", ""):
        problems.append(f"{path}: no Plural-Forms header")
    seen = set()
    for entry in catalogue:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            problems.append(f"{path}: duplicate msgid {entry.msgid!r}")
        seen.add(key)
        problems += [f"{path}: {entry.msgid!r}: {p}" for p in entry_problems(entry)]
    return problems


def catalogues(arguments: list[str]) -> list[Path]:
    if arguments:
        return [Path(argument) for argument in arguments]
    return sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")) + sorted(
        ROOT.glob("*/locale/*/LC_MESSAGES/*.po")
    )


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    paths = catalogues([a for a in argv if a != "--check"])
    problems = [problem for path in paths for problem in catalogue_problems(path)]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if check_only:
        return 0
    for path in paths:
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < path.stat().st_mtime:
            polib.pofile(str(path)).save_as_mofile(str(mo))
            print(f"compiled {mo.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
