"""One normal form for text entering the system: Unicode NFC, no invisible characters.

Text pasted from macOS or Word often arrives decomposed (NFD: "ễ" as e + ̂ + ̃), text from
Windows-1258 files always does; it must equal what a person types (NFC), or names, searches and
"already exists" checks silently differ. Every boundary (imports, CLI, services that create
things) passes what it receives through here.
"""

import re
import unicodedata

from anyascii import anyascii

# Zero-width characters, the byte-order mark and soft hyphens: invisible in a cell or a form,
# yet they make two equal-looking names differ.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
# Control characters other than tab and line breaks (which `str.split` already treats as space).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f]")


def text_nfc(value: str | None) -> str:
    """`value` in NFC, with invisible and control characters removed; '' for None."""
    text = unicodedata.normalize("NFC", str(value or ""))
    return _CONTROL.sub("", _INVISIBLE.sub("", text))


def line_clean(value) -> str:
    """One line as a person meant it: NFC, single spaces (NBSP, tabs, line breaks too), trimmed."""
    return " ".join(text_nfc(value).split())


def text_key(value) -> str:
    """A comparison key for words people write: ignores case, tone marks, đ/d, NFC/NFD,
    punctuation and spacing (`"Cấp  học (*)"` → `"cap hoc"`, `"E-mail"` → `"e mail"`)."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", anyascii(line_clean(value)).lower()).split())


def nfc_deep(value):
    """`value` with every string inside it in NFC: a str, or lists, tuples and dicts of them
    (JSON-shaped data such as a StreamField's or a revision's content). Keys too. Anything
    else is returned as it is. Only a string that is not NFC yet is rebuilt."""
    if isinstance(value, str):
        return (
            value
            if unicodedata.is_normalized("NFC", value)
            else unicodedata.normalize("NFC", value)
        )
    if isinstance(value, dict):
        return {nfc_deep(key): nfc_deep(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(nfc_deep(item) for item in value)
    return value


def argv_nfc(argv: list[str]) -> list[str]:
    """Command-line arguments in NFC (a terminal on macOS, or a name pasted from Word, sends
    decomposed text); `manage.py` passes `sys.argv` through here before Django parses it."""
    return [nfc_deep(argument) for argument in argv]
