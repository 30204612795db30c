"""English, as school staff in Vietnam read it: dd/mm/yyyy [HH:MM], never mm/dd (number
separators stay Django's English ones)."""

from schoolhost.formats.shared import *  # noqa: F403
