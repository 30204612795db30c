"""What every school page shares, and the period mixins.

A page that covers a period (a week, a month, a school year…) carries it as structured fields,
and a school has at most one page of a type for a period: the compliance engine finds the
evidence for an obligation by (page type, period). `clean()` enforces both with Vietnamese
messages; it runs for the admin form and for every live `save()`.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Page

from sitepages import calendar
from sitepages.copy_forms import PeriodPageCopyForm, SchoolPageCopyForm
from sitepages.models.blocks import attachment_stream_blocks
from sitepages.page_forms import PeriodPageForm
from sitepages.slugs import ascii_slug


class SchoolPage(Page):
    """Base of every page type of a school site (Open Graph text, listing summary)."""

    copy_form_class = SchoolPageCopyForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        self.ascii_slug_default()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.ascii_slug_default()
        return super().save(*args, **kwargs)

    def ascii_slug_default(self) -> None:
        """Give a page created in code without a slug the ASCII slug the admin would give.

        Wagtail's own default slug drops "đ" (Đổng → ong) and date slashes (16/11 → 1611);
        `ascii_slug` transliterates Vietnamese fully. Only once the page has its place in the
        tree (`add_child` sets its path, then saves): before that its siblings are unknown, and
        Wagtail leaves the slug empty too. Unique among the siblings, like Wagtail's.
        """
        if self.slug or not self.title or not self.path:
            return
        base = ascii_slug(self.title)
        if not base:
            return
        siblings = self.get_parent().get_children().exclude(pk=self.pk)
        slug, suffix = base, 1
        while siblings.filter(slug=slug).exists():
            suffix += 1
            slug = f"{base}-{suffix}"
        self.slug = slug

    def og_description(self) -> str:
        return self.search_description or getattr(self, "summary", "") or ""

    def clean(self):
        super().clean()
        errors = date_range_errors(self)
        problem = required_slug_problem(self)
        if problem:
            errors["slug"] = problem
        if errors:
            raise ValidationError(errors)

    def _errors_from_super_clean(self) -> dict:
        try:
            SchoolPage.clean(self)
        except ValidationError as error:
            return error.update_error_dict({})
        return {}


YEAR_MIN, YEAR_MAX = 2000, 2100


def years_out_of_range(page) -> dict[str, tuple[int, str]]:
    """Field → (year, the value as shown) for every date or school year outside 2000–2100.

    A year such as 9999 is a typing slip, and the site cannot show it: the week of 27/12/9999
    ends in year 10000, beyond Python's dates, so the plans list would fail for every visitor.
    Looks at the date fields sitepages declares (period, event, issue and admission dates) and
    `school_year_start`; Wagtail's own fields (scheduled publishing) are left to Wagtail.
    """
    found = {}
    for field in page._meta.concrete_fields:
        if field.model._meta.app_label != "sitepages":
            continue
        value = getattr(page, field.attname, None)
        if isinstance(field, models.DateField) and value is not None:
            year, shown = value.year, f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
        elif field.name == "school_year_start" and isinstance(value, int):
            year, shown = value, str(value)
        else:
            continue
        if not YEAR_MIN <= year <= YEAR_MAX:
            found[field.name] = (year, shown)
    return found


def date_range_errors(page) -> dict[str, str]:
    """Field → Vietnamese message for each `years_out_of_range` field (fields that carry their
    own min/max validators, `school_year_field`, already say it in their own words)."""
    errors = {}
    for name, (year, shown) in years_out_of_range(page).items():
        validators = page._meta.get_field(name).validators
        if any(isinstance(v, MinValueValidator) and v.limit_value == YEAR_MIN for v in validators):
            continue
        errors[name] = _(
            "Năm %(year)s nằm ngoài khoảng cho phép (%(low)s–%(high)s): hãy kiểm tra lại "
            "“%(value)s”, có thể đã gõ nhầm năm."
        ) % {"year": year, "low": YEAR_MIN, "high": YEAR_MAX, "value": shown}
    return errors


def required_slug_problem(page) -> str | None:
    """Required sections keep their slug: links, feeds and the compliance report use it."""
    from sitepages.sections import SECTIONS_BY_MODEL

    section = SECTIONS_BY_MODEL.get(type(page))
    if section is None or page.depth != 3 or page.slug == section.slug:
        return None
    return gettext(
        "Đường dẫn của mục bắt buộc “%(title)s” phải giữ là “%(slug)s” "
        "(liên kết, RSS và báo cáo của cơ quan quản lý dùng đường dẫn này)."
    ) % {"title": section.title, "slug": section.slug}


def paginated_paths(count: int, per_page: int, extra=()) -> list[str]:
    pages = max(1, -(-count // per_page))
    return ["/", *extra, *(f"?trang={number}" for number in range(2, pages + 1))]


class ChildListingPage(SchoolPage):
    """A section page that lists its live children (newest first unless `listing_order`)."""

    listing_order: tuple[str, ...] = ("-first_published_at", "-pk")
    listing_per_page = 20

    class Meta:
        abstract = True

    def get_cached_paths(self):
        """The list's other pages (`?trang=2`…) are purged from the front cache with it."""
        return paginated_paths(self.get_children().live().public().count(), self.listing_per_page)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific().order_by(*self.listing_order)
        context["children"] = Paginator(children, self.listing_per_page).get_page(
            request.GET.get("trang")
        )
        return context


def attachments_field(verbose_name=None):
    return StreamField(
        attachment_stream_blocks(),
        blank=True,
        verbose_name=verbose_name or _("Tệp đính kèm"),
        help_text=_("Tệp PDF, Word, Excel hoặc ảnh."),
    )


def school_year_field(**kwargs):
    kwargs.setdefault("verbose_name", "Năm học (năm bắt đầu)")
    kwargs.setdefault("help_text", "Ví dụ: 2026 cho năm học 2026–2027.")
    return models.PositiveSmallIntegerField(
        validators=[
            MinValueValidator(2000, "Năm học phải từ 2000 trở đi."),
            MaxValueValidator(2100, "Năm học không được sau 2100."),
        ],
        db_index=True,
        **kwargs,
    )


class PeriodPage(SchoolPage):
    """A page that covers one period; subclasses name the period fields and check them."""

    period_fields: tuple[str, ...] = ()
    # Title from the period unless changed; weeks by teaching-week label; months as month/year.
    base_form_class = PeriodPageForm
    # "Copy" with "publish copied page" would publish a second page for the same period
    copy_form_class = PeriodPageCopyForm

    class Meta:
        abstract = True

    @property
    def period_label(self) -> str:
        raise NotImplementedError

    def period_errors(self) -> dict[str, str]:
        """Field → message for a malformed period (the duplicate check comes after)."""
        return {}

    def period_duplicate(self):
        """Another page of this type for the same period in this school, or None."""
        values = {name: getattr(self, name) for name in self.period_fields}
        if any(value in (None, "") for value in values.values()):
            return None
        duplicates = type(self).objects.filter(alias_of__isnull=True, **values)
        if self.pk:
            duplicates = duplicates.exclude(pk=self.pk)
        return duplicates.order_by("pk").first()

    def clean(self):
        errors = self._errors_from_super_clean()
        if set(self.period_fields) & set(years_out_of_range(self)):
            # The year is the first thing to fix (said by the field or `date_range_errors`);
            # the period's own checks would compute dates past year 9999.
            if errors:
                raise ValidationError(errors)
            return
        errors.update(self.period_errors())
        if not any(name in errors for name in self.period_fields):
            duplicate = self.period_duplicate()
            if duplicate is not None:
                errors[self.period_fields[0]] = gettext(
                    "Đã có trang “%(title)s” cho %(period)s: mỗi kỳ chỉ có một trang "
                    "%(kind)s. Hãy sửa trang đã có thay vì tạo trang mới."
                ) % {
                    "title": duplicate.title,
                    "period": self.period_label.lower(),
                    "kind": str(self._meta.verbose_name).lower(),
                }
        if errors:
            raise ValidationError(errors)


class WeekPeriodPage(PeriodPage):
    """Covers the week (Monday–Sunday) starting on `week_start`."""

    week_start = models.DateField(
        _("Tuần (ngày thứ Hai đầu tuần)"),
        db_index=True,
        help_text=_("Chọn ngày thứ Hai của tuần, ví dụ 16/11/2026."),
    )
    period_fields = ("week_start",)

    class Meta:
        abstract = True

    @property
    def period_label(self) -> str:
        return calendar.week_label(self.week_start) if self.week_start else ""

    def period_errors(self):
        if self.week_start and self.week_start.weekday() != 0:
            monday = calendar.monday_of(self.week_start)
            return {
                "week_start": (
                    f"Ngày đầu tuần phải là thứ Hai: {self.week_start:%d/%m/%Y} là "
                    f"{calendar.weekday_name(self.week_start)}. Hãy chọn thứ Hai "
                    f"{monday:%d/%m/%Y}."
                )
            }
        return {}


class MonthPeriodPage(PeriodPage):
    """Covers the calendar month whose first day is `month`."""

    month = models.DateField(
        "Tháng",
        db_index=True,
        help_text="Chọn tháng và năm, ví dụ tháng 11 năm 2026.",
    )
    period_fields = ("month",)

    class Meta:
        abstract = True

    @property
    def period_label(self) -> str:
        return calendar.month_label(self.month) if self.month else ""

    def period_errors(self):
        if self.month and self.month.day != 1:
            return {
                "month": (
                    f"Tháng phải được ghi bằng ngày 1 của tháng: hãy chọn "
                    f"{self.month.replace(day=1):%d/%m/%Y} thay cho {self.month:%d/%m/%Y}."
                )
            }
        return {}


class SchoolYearPeriodPage(PeriodPage):
    """Covers the school year starting in `school_year_start` (2026 → 2026–2027)."""

    school_year_start = school_year_field()
    period_fields = ("school_year_start",)

    class Meta:
        abstract = True

    @property
    def period_label(self) -> str:
        return calendar.school_year_label(self.school_year_start) if self.school_year_start else ""
