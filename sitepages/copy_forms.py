"""The admin's "copy page" forms of a school's pages.

Every page: the new slug is made in the browser as the editor's is (`SchoolSlugInput`; Wagtail's
CopyForm builds its own `SlugInput`, which drops Vietnamese letters).

Pages that cover a period (plans, schedules, menus…): a copy keeps its original's period, so copying a live page with "publish copied page" ticked
would publish a second page for the same week, month or school year — a second evidence item
for one obligation. The form refuses that with a message saying what to do instead; a copy
kept as a draft is fine (its period is checked when it is published from the editor).
"""

from django.utils.translation import gettext as _
from wagtail.admin.forms.pages import CopyForm

from sitepages.slug_widget import SchoolSlugInput


class SchoolPageCopyForm(CopyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_slug"].widget = SchoolSlugInput(locale=self.page.locale)


class PeriodPageCopyForm(SchoolPageCopyForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("publish_copies"):
            page = self.page.specific
            # on the tick box itself: Wagtail's copy page shows field errors only
            self.add_error(
                "publish_copies",
                _(
                    "Không thể xuất bản ngay bản sao của “%(title)s”: bản sao vẫn ghi "
                    "%(period)s, nên sẽ thành trang thứ hai cho cùng một kỳ. Hãy bỏ chọn "
                    "“Xuất bản bản sao”, sao chép thành bản nháp, sửa kỳ của bản sao rồi mới "
                    "xuất bản."
                )
                % {"title": page.title, "period": page.period_label.lower() or _("kỳ cũ")},
            )
        return cleaned_data
