"""Which Wagtail/Django msgids still have no Vietnamese, after the project's locale/vi.

Run after upgrading Wagtail or Django: every msgid of an installed app's English source
catalogue (its full list of strings) that neither the package's own `vi` catalogue nor ours
translates is counted, per app and domain; `--list` prints them, to fill locale/vi.

    .venv/bin/python scripts/untranslated_msgids.py [--list]
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# The installed apps whose strings school staff can meet (schoolhost/settings/base.py).
APPS = [
    "wagtail/admin",
    "wagtail",
    "wagtail/users",
    "wagtail/images",
    "wagtail/documents",
    "wagtail/snippets",
    "wagtail/search",
    "wagtail/sites",
    "wagtail/embeds",
    "wagtail/contrib/forms",
    "wagtail/contrib/redirects",
    "wagtail/contrib/settings",
    "wagtail/contrib/table_block",
    "django/conf",
    "django/contrib/auth",
    "django/contrib/contenttypes",
    "django/contrib/humanize",
    "django/contrib/postgres",
]


def _translated(path: Path) -> set:
    if not path.exists():
        return set()
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if e.translated()}


def untranslated() -> dict[tuple[str, str], list[str]]:
    import django

    packages = Path(django.__file__).parent.parent
    missing = {}
    for app in APPS:
        for domain in ("django", "djangojs"):
            source = packages / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not source.exists():
                continue
            done = _translated(packages / app / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po")
            done |= _translated(ROOT / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po")
            missing[(app, domain)] = [
                entry.msgid
                for entry in polib.pofile(str(source))
                if not entry.obsolete and (entry.msgctxt, entry.msgid) not in done
            ]
    return missing


def main(argv: list[str]) -> int:
    missing = untranslated()
    for (app, domain), msgids in missing.items():
        print(f"{len(msgids):5d}  {app} ({domain})")
        if "--list" in argv:
            for msgid in msgids:
                print(f"         {msgid!r}")
    print(f"{sum(len(m) for m in missing.values()):5d}  in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
