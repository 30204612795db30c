#!/usr/bin/env python
"""Django's command-line utility for schoolhost."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schoolhost.settings.dev")
    from django.core.management import execute_from_command_line

    from tenants.text import argv_nfc

    # Arguments typed on macOS or pasted from Word arrive decomposed (NFD): stored names are NFC.
    execute_from_command_line(argv_nfc(sys.argv))


if __name__ == "__main__":
    main()
