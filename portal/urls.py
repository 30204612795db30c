"""URLs of the public schema's hosts: the root of every one (`portal:home`, which decides what a
host shows) and an authority's portal, mounted at the root of schoolhost/urls_public.py.

Paths are Vietnamese, as people read them: /truong/<mã>/, /bao-cao/2026-10/, /thi-dua/.
"""

from django.urls import path, register_converter

from portal.converters import ExportFormatConverter, MonthConverter
from portal.views import (
    auth,
    calendar,
    dashboard,
    emulation,
    home,
    imports,
    reports,
    rules,
    schools,
    users,
    workplace,
)

register_converter(MonthConverter, "month")
register_converter(ExportFormatConverter, "fmt")

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("dang-nhap/", auth.PortalLoginView.as_view(), name="login"),
    path("dang-xuat/", auth.PortalLogoutView.as_view(), name="logout"),
    path(
        "dat-mat-khau/<uidb64>/<token>/",
        auth.PortalPasswordSetView.as_view(),
        name="password_set",
    ),
    path("dat-mat-khau/xong/", auth.PortalPasswordSetDoneView.as_view(), name="password_set_done"),
    path("tong-quan/", dashboard.dashboard, name="dashboard"),
    path("truong/<slug:code>/", schools.school, name="school"),
    # public: published reports and their downloads (drafts only for members)
    path("bao-cao/", reports.report_index, name="report_index"),
    path("bao-cao/<month:month>/", reports.report_detail, name="report_detail"),
    path("bao-cao/<month:month>.<fmt:fmt>", reports.report_download, name="report_download"),
    # the authority's workplace: pages for members, every change for admins only
    path("quan-ly/", workplace.index, name="manage"),
    path("quan-ly/truong/moi/", workplace.school_create, name="manage_school_create"),
    path("quan-ly/truong/nhap/", imports.import_upload, name="manage_import"),
    path("quan-ly/truong/nhap/<int:job_id>/", imports.import_job, name="manage_import_job"),
    path(
        "quan-ly/truong/nhap/<int:job_id>/xac-nhan/",
        imports.import_confirm,
        name="manage_import_confirm",
    ),
    path(
        "quan-ly/truong/nhap/<int:job_id>/tien-do/",
        imports.import_progress,
        name="manage_import_progress",
    ),
    path(
        "quan-ly/truong/nhap/<int:job_id>/ket-qua.xlsx",
        imports.import_result,
        name="manage_import_result",
    ),
    path("quan-ly/truong/<slug:code>/", workplace.school_manage, name="manage_school"),
    path(
        "quan-ly/truong/<slug:code>/tam-ngung/",
        workplace.school_suspend,
        name="manage_school_suspend",
    ),
    path(
        "quan-ly/truong/<slug:code>/mo-lai/", workplace.school_resume, name="manage_school_resume"
    ),
    path(
        "quan-ly/truong/<slug:code>/gui-loi-moi/",
        workplace.school_invite,
        name="manage_school_invite",
    ),
    path(
        "quan-ly/truong/<slug:code>/hieu-truong/",
        workplace.school_principal,
        name="manage_school_principal",
    ),
    path(
        "quan-ly/truong/<slug:code>/ten-mien/",
        workplace.school_domain,
        name="manage_school_domain",
    ),
    path("quan-ly/quy-dinh/", rules.rules, name="manage_rules"),
    path(
        "quan-ly/quy-dinh/<slug:ruleset_id>/<slug:rule_id>/",
        rules.rule_change,
        name="manage_rule_change",
    ),
    path("quan-ly/lich-nam-hoc/", calendar.calendar, name="manage_calendar"),
    path("quan-ly/lich-nam-hoc/luu/", calendar.calendar_save, name="manage_calendar_save"),
    path("quan-ly/nguoi-dung/", users.users, name="manage_users"),
    path("quan-ly/nguoi-dung/moi/", users.user_invite, name="manage_user_invite"),
    path(
        "quan-ly/nguoi-dung/<int:membership_id>/vai-tro/",
        users.user_role,
        name="manage_user_role",
    ),
    path(
        "quan-ly/nguoi-dung/<int:membership_id>/khoa/",
        users.user_deactivate,
        name="manage_user_deactivate",
    ),
    # admins' actions on reports (POST only)
    path("quan-ly/bao-cao/", reports.report_admin_list, name="report_admin_list"),
    path("quan-ly/bao-cao/tao/", reports.report_generate, name="report_generate"),
    path("quan-ly/bao-cao/<month:month>/cong-bo/", reports.report_publish, name="report_publish"),
    path(
        "quan-ly/bao-cao/<month:month>/van-ban/",
        reports.report_document_save,
        name="report_document_save",
    ),
    path(
        "quan-ly/bao-cao/<month:month>/tao-lai/",
        reports.report_regenerate,
        name="report_regenerate",
    ),
    path("thi-dua/", emulation.emulation, name="emulation"),
    path("thi-dua/<int:year>.xlsx", emulation.emulation_xlsx, name="emulation_xlsx"),
]
