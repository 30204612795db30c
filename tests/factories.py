"""Test data built through the real services (never fixtures bound to primary keys)."""

import itertools

from tenants.models import Authority
from tenants.services.authorities import authority_create
from tenants.services.provisioning import school_provision

_counter = itertools.count(1)


def authority_make(*, code: str | None = None, parent: Authority | None = None, **kwargs):
    n = next(_counter)
    return authority_create(
        code=code or f"pgd-test-{n}",
        name=kwargs.pop("name", f"Phòng GD&ĐT Thử nghiệm {n}"),
        kind=kwargs.pop("kind", Authority.Kind.DISTRICT),
        parent_code=parent.code if parent else None,
        portal_domain=kwargs.pop("portal_domain", f"pgd-test-{n}.localhost"),
    )


def school_make(*, authority: Authority, levels="lower_secondary", **kwargs):
    """A provisioned school; returns the School (the ProvisionedSchool is on `.provisioned`)."""
    n = next(_counter)
    created = school_provision(
        authority=authority,
        name=kwargs.pop("name", f"THCS Thử Nghiệm {n}"),
        levels=levels,
        domain=kwargs.pop("domain", f"truong-{n}.localhost"),
        **kwargs,
    )
    school = created.school
    school.provisioned = created
    return school


# Content with substance (compliance/rulesets: at least 30 words, or a file, or a row), for
# tests about timing rather than substance.
PLAN_TEXT = (
    "<p>Tuần này nhà trường tổ chức chào cờ đầu tuần, sinh hoạt chuyên môn theo tổ, kiểm tra "
    "hồ sơ giáo viên, dự giờ thăm lớp, tổng vệ sinh khuôn viên trường và họp phụ huynh các "
    "lớp cuối cấp để thống nhất kế hoạch ôn tập học kỳ.</p>"
)
SCHEDULE_ENTRY = (
    "entry",
    {
        "weekday": "0",
        "time": "7:00",
        "content": "Chào cờ đầu tuần",
        "chair": "Hiệu trưởng",
        "participants": "Toàn trường",
        "location": "Sân trường",
    },
)
