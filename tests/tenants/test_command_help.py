"""Every command of the project explains itself in Vietnamese, and in English on request.

`manage.py <command> --help`: the description and each option's help are Vietnamese msgids
(tenants/command_base.py) with English in each app's locale/en. Before, half the commands
described themselves in English and half in Vietnamese, whatever the operator's language.
"""

import re

from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand
from django.utils import translation

APPS = {"tenants", "sitepages", "compliance", "reports", "portal", "reminders", "opendata", "demo"}
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")


def _ours():
    commands = {
        name: app
        for name, app in get_commands().items()
        if app.split(".")[0] in APPS or app == "schoolhost"
    }
    assert len(commands) >= 19
    return commands


def _help(app: str, name: str, language: str) -> tuple[str, dict[str, str]]:
    """The description and {option: help} of a command's parser made in `language`, leaving
    out the options every Django command has (Django's own words)."""
    django_options = {action.dest for action in BaseCommand().create_parser("m", "c")._actions}
    with translation.override(language):
        parser = load_command_class(app, name).create_parser("manage.py", name)
        parser.format_help()  # argparse needs str: a lazy description fails here
        options = {
            action.dest: str(action.help)
            for action in parser._actions
            if action.help and action.dest not in django_options
        }
        return parser.description or "", options


def test_every_command_describes_itself_in_vietnamese_and_in_english_on_request():
    for name, app in _ours().items():
        vi_description, vi_options = _help(app, name, "vi")
        en_description, en_options = _help(app, name, "en")
        assert VIETNAMESE.search(vi_description), (name, vi_description)
        assert en_description and en_description != vi_description, name
        assert not VIETNAMESE.search(
            en_description.replace("Tên trường, Cấp học, Tên miền", "").replace(
                "Mã trường, Email hiệu trưởng, Bán trú", ""
            )
        ), (name, en_description)
        for option, text in vi_options.items():
            assert en_options[option] != text, (name, option, text)
