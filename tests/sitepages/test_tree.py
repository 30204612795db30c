"""Provisioning yields the full section tree; the tree limits hold; roles and workflow exist."""

import pytest
from django.contrib.auth.models import Group
from django_tenants.utils import schema_context
from wagtail.models import Page, Workflow

from sitepages import models as m
from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP, WORKFLOW_NAME
from sitepages.sections import SECTIONS, section_tree_ensure
from tests.factories import school_make

pytestmark = pytest.mark.django_db

COMMON_SLUGS = {
    "gioi-thieu",
    "thu-tuc-hanh-chinh",
    "lien-he",
    "ke-hoach",
    "lich-cong-tac",
    "thoi-khoa-bieu",
    "tin-tuc",
    "van-ban",
    "cong-khai",
    "tuyen-sinh",
    "gop-y",
}


def _sections(school):
    with schema_context(school.schema_name):
        home = m.HomePage.objects.get()
        return {
            child.slug: (type(child), child.live, child.show_in_menus)
            for child in home.get_children().specific()
        }


def test_lower_secondary_school_gets_every_section_but_the_menu(school):
    sections = _sections(school)
    assert set(sections) == COMMON_SLUGS
    assert sections["tin-tuc"][0] is m.NewsIndexPage
    assert sections["gioi-thieu"][0] is m.OrganisationPage
    assert sections["gop-y"][0] is m.FeedbackFormPage
    assert all(live and in_menu for _, live, in_menu in sections.values())


def test_preschool_also_gets_the_menu_section(authority):
    preschool = school_make(authority=authority, name="MN Hoa Sen", levels="preschool")
    sections = _sections(preschool)
    assert set(sections) == COMMON_SLUGS | {"thuc-don"}
    assert sections["thuc-don"][0] is m.MenuIndexPage


def test_section_tree_ensure_is_idempotent_and_gives_vietnamese_titles(school):
    with schema_context(school.schema_name):
        home = m.HomePage.objects.get()
        before = Page.objects.count()
        section_tree_ensure(home=home, levels=["lower_secondary"])
        assert Page.objects.count() == before
        titles = dict(home.get_children().values_list("slug", "title"))
    assert titles["thu-tuc-hanh-chinh"] == "Thủ tục hành chính"
    assert titles["cong-khai"] == "Công khai"
    expected = {s.slug: s.title for s in SECTIONS if s.slug in titles}
    assert titles == expected


def test_feedback_form_comes_with_its_fields(school):
    with schema_context(school.schema_name):
        form_page = m.FeedbackFormPage.objects.get()
        labels = list(form_page.form_fields.values_list("label", flat=True))
    assert labels[0] == "Họ và tên" and "Nội dung góp ý, câu hỏi" in labels


def test_tree_limits_only_offer_the_right_page_types(school):
    with schema_context(school.schema_name):
        home = m.HomePage.objects.get()
        plans = m.PlanIndexPage.objects.get()
        schedules = m.ScheduleIndexPage.objects.get()
        news = m.NewsIndexPage.objects.get()
        assert set(plans.specific_class.allowed_subpage_models()) == {
            m.AnnualPlanPage,
            m.MonthlyPlanPage,
            m.WeeklyPlanPage,
        }
        assert m.WeeklyPlanPage.can_create_at(plans)
        assert not m.WeeklyPlanPage.can_create_at(news)
        assert not m.WeeklyPlanPage.can_create_at(home)
        assert not m.NewsPage.can_create_at(plans)
        assert m.WorkSchedulePage.can_create_at(schedules)
        assert m.LessonRegisterPage.can_create_at(schedules)
        assert not m.MenuPage.can_create_at(schedules)
        assert m.DisclosurePage.allowed_parent_page_models() == [m.DisclosureYearPage]
        # One section of a kind per school: a second news section cannot be created.
        assert not m.NewsIndexPage.can_create_at(home)
        assert not m.MenuIndexPage.can_create_at(plans)
        assert m.StandardPage.can_create_at(home)


def test_roles_and_approval_workflow_exist(school):
    with schema_context(school.schema_name):
        editors = Group.objects.get(name=EDITOR_GROUP)
        principals = Group.objects.get(name=PRINCIPAL_GROUP)
        home = m.HomePage.objects.get()
        editor_perms = set(
            editors.page_permissions.filter(page=home).values_list(
                "permission__codename", flat=True
            )
        )
        principal_perms = set(
            principals.page_permissions.filter(page=home).values_list(
                "permission__codename", flat=True
            )
        )
        assert editor_perms == {"add_page", "change_page"}
        assert "publish_page" in principal_perms
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        assert home.get_workflow() == workflow
        assert m.NewsIndexPage.objects.get().get_workflow() == workflow
        task = workflow.tasks.get().specific
        assert list(task.groups.all()) == [principals]


def test_editor_drafts_and_submits_while_the_principal_publishes(school):
    from django.contrib.auth import get_user_model

    with schema_context(school.schema_name):
        users = get_user_model().objects
        editor = users.create_user(username="bientap")
        editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
        principal = users.create_user(username="hieutruong")
        principal.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
        plans = m.PlanIndexPage.objects.get()
        assert editor.has_perm("wagtailadmin.access_admin")
        assert plans.permissions_for_user(editor).can_add_subpage()
        assert not plans.permissions_for_user(editor).can_publish()
        assert plans.permissions_for_user(principal).can_publish()
        assert principal.has_perm("sitepages.change_schoolbranding")
        assert not editor.has_perm("sitepages.change_schoolbranding")
        task = Workflow.objects.get(name=WORKFLOW_NAME).tasks.get().specific
        assert task.get_actions(plans, principal) and not task.get_actions(plans, editor)


def test_approval_publishes_and_logs_the_moment_it_went_live(school):
    import datetime as dt

    import time_machine
    from django.contrib.auth import get_user_model
    from wagtail.models import PageLogEntry

    with schema_context(school.schema_name):
        users = get_user_model().objects
        editor = users.create_user(username="bientap")
        editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
        principal = users.create_user(username="hieutruong")
        principal.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
        plans = m.PlanIndexPage.objects.get()
        with time_machine.travel(dt.datetime(2026, 11, 15, 20, 0, tzinfo=dt.UTC), tick=False):
            plan = m.WeeklyPlanPage(
                title="KH tuần 11", week_start=dt.date(2026, 11, 16), live=False, owner=editor
            )
            plans.add_child(instance=plan)
            plan.save_revision(user=editor)
            workflow_state = plan.get_workflow().start(plan, editor)
        assert not m.WeeklyPlanPage.objects.get(pk=plan.pk).live
        approved_at = dt.datetime(2026, 11, 16, 1, 30, tzinfo=dt.UTC)
        with time_machine.travel(approved_at, tick=False):
            workflow_state.current_task_state.specific.approve(user=principal)
        plan.refresh_from_db()
        assert plan.live
        entry = PageLogEntry.objects.get(page=plan, action="wagtail.publish")
        assert entry.timestamp == approved_at  # evidence: when it went live, not when drafted
