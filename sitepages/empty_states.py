"""What an empty section will hold and when, in parents' words (never just "Không có").

The deadlines are those of the Phong Điền letter (08/02/2015) and the menu's rule (before the
Saturday of the week before); the disclosure is Circular 09/2024/TT-BGDĐT's. A section not named
here gets the general sentence.
"""

from django.utils.translation import gettext_lazy as _

EMPTY_SECTIONS = {
    "NewsIndexPage": _(
        "Nhà trường đăng tin tức, sự kiện tại đây, ít nhất 2 tin mỗi tuần; thông báo khẩn được "
        "đăng ngay khi nhận được."
    ),
    "PlanIndexPage": _(
        "Nhà trường đăng tại đây kế hoạch năm học (trước ngày 15/8), kế hoạch tháng (trước ngày 1 "
        "hằng tháng) và kế hoạch tuần (sáng thứ Hai hằng tuần)."
    ),
    "ScheduleIndexPage": _(
        "Lịch công tác tuần và lịch báo giảng được đăng tại đây vào sáng thứ Hai hằng tuần."
    ),
    "TimetableIndexPage": _(
        "Thời khóa biểu được đăng tại đây trước ngày 20/8 và trước ngày 30/12 hằng năm, và ngay "
        "khi có thay đổi."
    ),
    "MenuIndexPage": _("Thực đơn của mỗi tuần được đăng tại đây trước thứ Bảy của tuần trước đó."),
    "ProcedureIndexPage": _(
        "Các thủ tục hành chính của nhà trường (hồ sơ cần nộp, trình tự, lệ phí, thời hạn giải "
        "quyết) được đăng tại đây."
    ),
    "DisclosureIndexPage": _(
        "Thông tin công khai theo Thông tư 09/2024/TT-BGDĐT được đăng tại đây theo từng năm học."
    ),
}
GENERAL = _("Nhà trường sẽ đăng nội dung của mục này tại đây.")


def empty_state(page) -> str:
    """The sentence an empty listing of `page` shows (by its page type)."""
    return str(EMPTY_SECTIONS.get(type(page).__name__, GENERAL))
