"""`week_page_copy_forward`: "copy from last week" for the weekly pages.

A school's weekly plan, work schedule, lesson register and menu change little from one week to
the next. One click makes this week's draft from last week's page through Wagtail's copy action
(`CopyPageAction`, so the new page's history says "copied from", the log stays true and the
copy is never live), with:

- the period moved to the new week and the title written from it;
- every date in the text that falls in the source week or either neighbouring week moved by
  the same seven days ("Thứ Hai 23/11" → "Thứ Hai 30/11", "hạn nộp 27/11/2026" → "04/12/2026");
  days written as weekdays in the rows stay as they are, they already mean "the same day";
- last week's files left behind (a signed PDF or last week's Word file belongs to last week).
"""

import datetime as dt
import re

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.fields import StreamField
from wagtail.models import Page

from sitepages.period_kinds import PeriodKind
from sitepages.services.drafts import unique_child_slug

WEEK = dt.timedelta(days=7)
# Date-like text: 23/11, 3/12, 23/11/2026, 23-11-2026, 23.11.2026, not inside a longer number.
_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?(?![\d/.-]*\d)")
# Fields whose content belongs to the week it was written for, not copied forward.
LEFT_BEHIND = ("attachments", "registers")


class NothingToCopy(LookupError):
    """There is no page for the week before to copy from."""


def text_dates_shift(text: str, *, days: int, first: dt.date, last: dt.date) -> str:
    """`text` with every date between `first` and `last` (inclusive) moved by `days` days.

    Written as it was written: "3/12" stays without zero or year, "03/12/2026" keeps both. A
    day and month without a year take the year that puts them inside [first, last]; dates
    outside the window ("Kế hoạch số 12/KH", last year's circular) are left alone.
    """
    if not text:
        return text

    def moved(match: re.Match) -> str:
        day_text, separator, month_text, year_text = match.groups()
        try:
            day, month = int(day_text), int(month_text)
            years = [int(year_text)] if year_text else sorted({first.year, last.year})
            candidates = [dt.date(year, month, day) for year in years]
        except ValueError:
            return match.group(0)
        inside = [date for date in candidates if first <= date <= last]
        if not inside:
            return match.group(0)
        new = inside[0] + dt.timedelta(days=days)
        day_out = f"{new.day:02d}" if len(day_text) == 2 else str(new.day)
        month_out = f"{new.month:02d}" if len(month_text) == 2 else str(new.month)
        text_out = f"{day_out}{separator}{month_out}"
        return f"{text_out}{separator}{new.year}" if year_text else text_out

    return _DATE.sub(moved, text)


def _raw_shift(value, shift):
    if isinstance(value, str):
        return shift(value)
    if isinstance(value, list):
        return [_raw_shift(item, shift) for item in value]
    if isinstance(value, dict):
        return {
            key: (item if key == "id" else _raw_shift(item, shift)) for key, item in value.items()
        }
    return value


def _content_fields(page) -> list[models.Field]:
    """The page type's own fields (not Wagtail's title, slug, SEO…), period fields excluded."""
    own = [field for field in page._meta.concrete_fields if field.model is not Page]
    return [
        field
        for field in own
        if field.name not in page.period_fields and not field.primary_key and not field.remote_field
    ]


def shifted_content(page, *, days: int) -> dict:
    """field name → value of `page`'s text and rows with the dates of its week moved."""
    first, last = page.week_start - WEEK, page.week_start + WEEK + dt.timedelta(days=6)

    def shift(text):
        return text_dates_shift(text, days=days, first=first, last=last)

    values = {}
    for field in _content_fields(page):
        value = getattr(page, field.name)
        if field.name in LEFT_BEHIND and isinstance(field, StreamField):
            values[field.name] = []
        elif isinstance(field, StreamField):
            values[field.name] = _raw_shift(list(value.raw_data), shift)
        elif isinstance(field, models.CharField | models.TextField):
            values[field.name] = shift(value)
    return values


@transaction.atomic
def week_page_copy_forward(
    *, kind: PeriodKind, week_start: dt.date, user=None
) -> tuple[Page, bool]:
    """The page for the week starting `week_start` if there is one, else a draft copied from
    the week before's page (False / True as the second value, like get_or_create).

    Raises NothingToCopy when the week before has no page of this kind, PermissionDenied when
    `user` may not add pages to its section. Serialised on the section row, so a double click
    never makes two copies.
    """
    kind.parent_model.objects.select_for_update().order_by("path").first()
    existing = kind.existing(week_start)
    if existing is not None:
        return existing, False
    source = kind.existing(week_start - WEEK)
    if source is None:
        raise NothingToCopy(
            f"Tuần trước ({kind.period_label(week_start - WEEK)}) chưa có trang {kind.label} "
            "để sao chép."
        )
    source = source.specific
    parent = source.get_parent()
    if user is not None and not parent.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(f"Bạn không có quyền thêm trang vào mục “{parent.title}”.")
    title = kind.title(week_start)
    attrs = {
        **shifted_content(source, days=7),
        "title": title,
        "draft_title": title,
        "slug": unique_child_slug(parent, title),
        "week_start": week_start,
        "seo_title": "",
        "search_description": "",
        "locked": False,
        "go_live_at": None,
        "expire_at": None,
    }
    copy = CopyPageAction(
        page=source,
        to=parent,
        update_attrs=attrs,
        copy_revisions=False,
        keep_live=False,
        user=user,
    ).execute(skip_permission_checks=True)
    return copy.specific, True
