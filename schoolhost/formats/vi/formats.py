"""Vietnamese: dd/mm/yyyy [HH:MM] (number separators stay Django's: "1.234,5")."""

from schoolhost.formats.shared import *  # noqa: F403
