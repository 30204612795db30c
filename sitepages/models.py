"""Page types of a school site."""

from wagtail.models import Page


class HomePage(Page):
    """The root of a school's site: what parents land on."""

    max_count_per_parent = 1
