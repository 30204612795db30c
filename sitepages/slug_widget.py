"""The admin's slug field, made in the browser as the server makes it (sitepages/slugs.py).

Wagtail 8 makes a page's slug while the title is typed: the title's `w-sync` controller hands
each value to the slug field's `w-slug` controller, whose `urlify` transliterates with Django's
urlify table. That table has no Vietnamese letter with two marks (ộ, ệ, ừ, ữ) nor đ, so
"Hội thi văn nghệ chào mừng 20/11" showed as `hi-thi-van-ngh-chao-mng-2011` in the Promote tab
until the server fixed it on save. `SlugInput` takes *formatters*, (pattern, replacement) pairs
the controller applies before urlify (`data-w-slug-formatters-value`, JavaScript RegExp with
flags "gu"); `SLUG_FORMATTERS` are written so Python's `re` reads them alike, so the browser and
`ascii_slug` give the same slug. Data only: no script of ours, nothing for the
Content-Security-Policy to allow. Registered for every model `SlugField` in `sitepages.apps`.
"""

from wagtail.admin.widgets import SlugInput

from sitepages.slugs import SLUG_FORMATTERS


class SchoolSlugInput(SlugInput):
    """Wagtail's slug input with the Vietnamese formatters of `sitepages.slugs`."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or SLUG_FORMATTERS, locale=locale)
