"""The base of the project's management commands: `help` in the operator's language.

A command's description and its options' help are Vietnamese msgids (English in each app's
`locale/en`, for an operator whose language is English, like the commands' messages). The
description is a lazy translation at class level; argparse needs a str, so the parser gets one
when it is made, in the language active then (the lazy one stays, for the next parser). Options' help is translated in
`add_arguments`, which runs at that moment too.
"""

from django.core.management.base import BaseCommand


class SchoolhostCommand(BaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.description = str(self.help) if self.help else None
        return parser
